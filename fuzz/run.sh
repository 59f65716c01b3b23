#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser that reads outside input (SharpFuzz + afl++).
#
#   fuzz/run.sh [seconds-per-target] [target...]
#
# Builds fuzz/RolesAnywhere.Credentials.Fuzz, instruments the project's assemblies with SharpFuzz (its
# command-line tool is installed into fuzz/.work/tools, never globally), replays each target's seeds
# (fuzz/seeds/<target>), then runs afl-fuzz on each target for the given number of seconds (default 60).
# Prints one line of afl's figures per target and fails when a target does not start, a seed crashes,
# or afl saved a crash. Findings stay in fuzz/.work/findings/<target> (crashes/, hangs/, queue/); replay one
# with: dotnet fuzz/.work/bin/RolesAnywhere.Credentials.Fuzz.dll <target> <file>.
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:-60}
shift || true
work=${FUZZ_WORK:-$PWD/.work}
bin=$work/bin
harness=$bin/RolesAnywhere.Credentials.Fuzz.dll
sharpfuzz_version=2.3.0
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v afl-fuzz >/dev/null || { echo "afl-fuzz is missing: apt-get install afl++ (or run .ci/install-test-deps)" >&2; exit 1; }

rm -rf "$bin"
dotnet publish RolesAnywhere.Credentials.Fuzz -c Release -o "$bin" -v q -nologo >/dev/null
if [ ! -x "$work/tools/sharpfuzz" ]; then
    dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$work/tools" >/dev/null
fi
for assembly in RolesAnywhere.Credentials.dll RolesAnywhere.Credentials.Pkcs11.dll rolesanywhere.dll; do
    "$work/tools/sharpfuzz" "$bin/$assembly" >/dev/null
done

if [ "$#" -eq 0 ]; then
    mapfile -t targets < <(dotnet "$harness" --list 2>&1 | awk 'NR > 2 { print $1 }')
else
    targets=("$@")
fi

# afl++ on a shared machine: no core binding, no CPU-governor or core-pattern checks, no screen;
# the target is the .NET host, which afl cannot see instrumentation in (SharpFuzz speaks its protocol).
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1

stat_of() { awk -F' *: *' -v k="$2" '$1 == k { print $2 }' "$1"; }

failed=0
printf '%-26s %10s %9s %8s %7s %7s %6s\n' target execs execs/s density edges crashes hangs
for target in "${targets[@]}"; do
    seeds=$PWD/seeds/$target
    out=$work/findings/$target
    if ! dotnet "$harness" "$target" "$seeds"/* >"$work/replay-$target.log" 2>&1; then
        echo "$target: a seed crashes the harness:" >&2; grep -A 15 CRASH "$work/replay-$target.log" >&2 || cat "$work/replay-$target.log" >&2
        failed=1; continue
    fi
    rm -rf "$out"
    afl-fuzz -V "$seconds" -i "$seeds" -o "$out" -t 5000 -m none -- dotnet "$harness" "$target" >"$work/afl-$target.log" 2>&1 || true
    stats=$out/default/fuzzer_stats
    if [ ! -f "$stats" ]; then
        echo "$target: afl-fuzz did not start:" >&2; tail -n 25 "$work/afl-$target.log" >&2
        failed=1; continue
    fi
    crashes=$(stat_of "$stats" saved_crashes)
    printf '%-26s %10s %9s %8s %7s %7s %6s\n' "$target" "$(stat_of "$stats" execs_done)" "$(stat_of "$stats" execs_per_sec)" \
        "$(stat_of "$stats" bitmap_cvg)" "$(stat_of "$stats" edges_found)" "$crashes" "$(stat_of "$stats" saved_hangs)"
    if [ "${crashes:-0}" != "0" ]; then
        echo "$target: afl saved $crashes crash(es) in $out/default/crashes; replay them with: dotnet $harness $target <file>" >&2
        failed=1
    fi
done
exit "$failed"
