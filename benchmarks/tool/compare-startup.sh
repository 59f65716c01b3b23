#!/usr/bin/env bash
# Compares the start-up of two rolesanywhere binaries (e.g. Native AOT builds before and after a change, each from
# publish-aot.sh, or the one the tool package installs): a warm credential-process (cache primed, against the local
# emulator), a cold one (--no-cache: the key loaded, one CreateSession on loopback), --version, and a usage error,
# each RUNS times with the two binaries interleaved (A B A B …) so that a change in machine load hits both alike.
# Prints wall time (mean, median, min) and CPU time (user + system, mean) in milliseconds, and the load average before
# and after. Needs only bash and awk.
# Usage: compare-startup.sh BINARY_A BINARY_B [RUNS]   (default 200 runs of each)
set -euo pipefail
a=$(realpath "$1"); b=$(realpath "$2"); runs=${3:-200}
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
cleanup() { exec 3>&- 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# shellcheck source=benchmarks/tool/start-emulator.sh
. benchmarks/tool/start-emulator.sh
start_emulator "$work"
"$a" credential-process "${flags[@]}" >/dev/null   # prime the cache (both binaries use the same key)

# time_runs NAME ARGS...: appends "name<TAB>A|B<TAB>wall ms<TAB>cpu ms" lines to $work/times, A and B alternating, after
# 5 warm-ups each. CPU time (user + system) is the steadier figure on a busy machine; wall time is what a caller waits.
time_runs() {
    local name=$1; shift
    local i bin label times
    for i in 1 2 3 4 5; do "$a" "$@" >/dev/null 2>&1 || true; "$b" "$@" >/dev/null 2>&1 || true; done
    for ((i = 0; i < runs; i++)); do
        for label in A B; do
            bin=$a; [ "$label" = B ] && bin=$b
            times=$( { TIMEFORMAT='%3R %3U %3S'; time "$bin" "$@" >/dev/null 2>&1 || true; } 2>&1 )
            awk -v n="$name" -v l="$label" -v t="$times" 'BEGIN { split(t, p, " "); printf "%s\t%s\t%.1f\t%.1f\n", n, l, p[1] * 1000, (p[2] + p[3]) * 1000 }' >> "$work/times"
        done
    done
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
time_runs "credential-process (warm cache)" credential-process "${flags[@]}"
time_runs "credential-process (cold, --no-cache)" credential-process --no-cache "${flags[@]}"
time_runs "--version" --version
time_runs "usage error (--certifcate)" credential-process --certifcate x
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A = $a"
echo "B = $b"
printf "%-38s %-3s %10s %10s %10s %10s\n" "run" "bin" "wall mean" "median" "min" "cpu mean"
awk -F'\t' '
    { key = $1 "\t" $2; n[key]++; wall[key] += $3; cpu[key] += $4; v[key, n[key]] = $3 }
    END {
        for (key in n) {
            count = n[key]
            for (i = 2; i <= count; i++) { x = v[key, i]; for (j = i - 1; j >= 1 && v[key, j] > x; j--) v[key, j + 1] = v[key, j]; v[key, j + 1] = x }
            split(key, part, "\t")
            printf "%-38s %-3s %10.2f %10.2f %10.2f %10.2f\n", part[1], part[2], wall[key] / count, v[key, int((count + 1) / 2)], v[key, 1], cpu[key] / count
        }
    }' "$work/times" | sort
