#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser that reads outside input (SharpFuzz + afl++).
#
#   fuzz/run.sh [seconds-per-target] [target...]        (all targets when none is named; --list names them)
#
# Builds fuzz/RolesAnywhere.Credentials.Fuzz, copies it to fuzz/.work/bin, instruments the project's assemblies with SharpFuzz (its
# command-line tool is installed into fuzz/.work/tools, never globally), replays each target's seeds
# (fuzz/seeds/<target>) and saved crashes (fuzz/crashes/<target>), then runs afl-fuzz on each target, one after the
# other, for the given number of seconds (default 60). Prints one line of afl's figures per target and fails when a
# target does not start, a seed or saved crash fails, or afl saved a crash or a hang. Findings stay in
# fuzz/.work/findings/<target> (crashes/, hangs/, queue/); replay one with
#   dotnet fuzz/.work/bin/RolesAnywhere.Credentials.Fuzz.dll <target> <file>
# FUZZ_WORK moves the work folder; FUZZ_TIMEOUT_MS (default 5000) is the time after which afl calls a run a hang;
# FUZZ_NO_BUILD=1 reuses the instrumented build of the previous run.
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:-60}
shift || true
work=${FUZZ_WORK:-$PWD/.work}
bin=$work/bin
harness=$bin/RolesAnywhere.Credentials.Fuzz.dll
timeout_ms=${FUZZ_TIMEOUT_MS:-5000}
# The SharpFuzz package (Directory.Packages.props) and its instrumenter must be the same version.
sharpfuzz_version=2.3.0
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v afl-fuzz >/dev/null || { echo "afl-fuzz is missing: apt-get install afl++ (or run .ci/install-test-deps)" >&2; exit 1; }
mkdir -p "$work/findings"

if [ "${FUZZ_NO_BUILD:-0}" != 1 ] || [ ! -f "$harness" ]; then
    rm -rf "$bin"
    # A build, not a publish: publishing sets _IsPublishing for every referenced project, and the tool (PublishAot) then
    # builds for a runtime identifier, without PKCS#11. After the solution's build (CI) this build has nothing to do.
    dotnet build RolesAnywhere.Credentials.Fuzz -c Release -v q -nologo >"$work/build.log" 2>&1 || {
        cat "$work/build.log" >&2; echo "building the fuzz harness failed" >&2; exit 1; }
    # The instrumented copies live apart from the build output, which the tests and the next build use as it is.
    mkdir -p "$bin"
    cp -R RolesAnywhere.Credentials.Fuzz/bin/Release/net10.0/. "$bin"
    if [ ! -x "$work/tools/sharpfuzz" ]; then
        dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$work/tools" >/dev/null
    fi
    # The assemblies whose parsers are fuzzed; afl sees branches in these only (not in the BCL, the SDK or the harness).
    # Pkcs11Interop parses the pkcs11: URIs (its Pkcs11Uri), so its branches count too.
    for assembly in RolesAnywhere.Credentials.dll RolesAnywhere.Credentials.Authorization.dll RolesAnywhere.Credentials.Pkcs11.dll RolesAnywhere.Credentials.MLDsa.dll rolesanywhere.dll Pkcs11Interop.dll; do
        "$work/tools/sharpfuzz" "$bin/$assembly" >/dev/null
    done
fi

if [ "$#" -eq 0 ]; then
    mapfile -t targets < <(dotnet "$harness" --list 2>&1 | awk 'NR > 2 { print $1 }')
else
    targets=("$@")
fi

# afl++ on a shared machine, without root: no core binding, no CPU-governor or core_pattern checks, no screen.
# The target is the .NET host, in which afl finds no instrumentation of its own (SharpFuzz speaks afl's fork-server
# protocol and fills afl's map). Inputs go to standard input (no @@), which SharpFuzz reads.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1

stat_of() { awk -F' *: *' -v k="$2" '$1 == k { print $2 }' "$1"; }

failed=0
printf '%-24s %6s %10s %9s %7s %7s %6s %7s %6s\n' target secs execs execs/s corpus edges map crashes hangs
for target in "${targets[@]}"; do
    seeds=$PWD/seeds/$target
    out=$work/findings/$target
    replay=("$seeds"/*)
    if [ -d "$PWD/crashes/$target" ]; then
        replay+=("$PWD/crashes/$target"/*)
    fi
    if ! dotnet "$harness" "$target" "${replay[@]}" >"$work/replay-$target.log" 2>&1; then
        echo "$target: a seed or saved crash fails the harness:" >&2
        grep -A 15 CRASH "$work/replay-$target.log" >&2 || cat "$work/replay-$target.log" >&2
        failed=1; continue
    fi
    rm -rf "$out"
    # FUZZ_SEED fixes afl's random seed (CI sets it): the same mutations in the same order on every run, so CI's brief
    # fuzzing passes or fails the same way each time; exploring is for the long local runs, which leave it unset.
    seed_flag=()
    [ -n "${FUZZ_SEED:-}" ] && seed_flag=(-s "$FUZZ_SEED")
    afl-fuzz -V "$seconds" "${seed_flag[@]}" -i "$seeds" -o "$out" -t "$timeout_ms" -m none -- dotnet "$harness" "$target" >"$work/afl-$target.log" 2>&1 || true
    stats=$out/default/fuzzer_stats
    if [ ! -f "$stats" ]; then
        echo "$target: afl-fuzz did not start:" >&2; tail -n 25 "$work/afl-$target.log" >&2
        failed=1; continue
    fi
    crashes=$(stat_of "$stats" saved_crashes)
    hangs=$(stat_of "$stats" saved_hangs)
    printf '%-24s %6s %10s %9s %7s %7s %6s %7s %6s\n' "$target" "$(stat_of "$stats" run_time)" "$(stat_of "$stats" execs_done)" \
        "$(stat_of "$stats" execs_per_sec)" "$(stat_of "$stats" corpus_count)" "$(stat_of "$stats" edges_found)" \
        "$(stat_of "$stats" bitmap_cvg)" "$crashes" "$hangs"
    if [ "${crashes:-0}" != 0 ] || [ "${hangs:-0}" != 0 ]; then
        echo "$target: afl saved $crashes crash(es) and $hangs hang(s) in $out/default/{crashes,hangs}; replay one with: dotnet $harness $target <file>" >&2
        failed=1
    fi
done
exit "$failed"
