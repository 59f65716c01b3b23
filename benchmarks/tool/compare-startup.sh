#!/usr/bin/env bash
# Compares the start-up of two rolesanywhere binaries (e.g. Native AOT builds before and after a change, each from
# publish-aot.sh): a warm credential-process (cache primed, against the local emulator), --version, and a usage error,
# each RUNS times with the two binaries interleaved (A B A B …) so that a change in machine load hits both alike.
# Prints mean, median and min in milliseconds and the load average before and after. Needs only bash 5 (EPOCHREALTIME).
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

# time_runs NAME ARGS...: appends "name<TAB>binary<TAB>ms" lines to $work/times, A and B alternating, after 5 warm-ups each.
time_runs() {
    local name=$1; shift
    local i bin start end
    for i in 1 2 3 4 5; do "$a" "$@" >/dev/null 2>&1 || true; "$b" "$@" >/dev/null 2>&1 || true; done
    for ((i = 0; i < runs; i++)); do
        for bin in "$a" "$b"; do
            start=$EPOCHREALTIME
            "$bin" "$@" >/dev/null 2>&1 || true
            end=$EPOCHREALTIME
            printf '%s\t%s\t%s\n' "$name" "$([ "$bin" = "$a" ] && echo A || echo B)" "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) * 1000 }')" >> "$work/times"
        done
    done
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
time_runs "credential-process (warm cache)" credential-process "${flags[@]}"
time_runs "--version" --version
time_runs "usage error (--certifcate)" credential-process --certifcate x
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A = $a"
echo "B = $b"
printf "%-34s %-3s %9s %9s %9s\n" "run" "bin" "mean ms" "median" "min"
sort -t$'\t' -k1,1 -k2,2 -k3,3n "$work/times" | awk -F'\t' '
    { key = $1 "\t" $2; n[key]++; sum[key] += $3; v[key, n[key]] = $3; order[key] = $1 }
    END {
        for (key in n) {
            split(key, part, "\t")
            printf "%-34s %-3s %9.2f %9.2f %9.2f\n", part[1], part[2], sum[key] / n[key], v[key, int((n[key] + 1) / 2)], v[key, 1]
        }
    }' | sort
