#!/usr/bin/env bash
# Counts the instructions each of several rolesanywhere binaries executes (valgrind's callgrind) for a warm
# credential-process (cache primed, against the local emulator), --version and a usage error. Unlike a timing, an
# instruction count does not move with the machine's load, so it answers "which build does less work at start-up" on a
# busy 2-core machine; what it cannot see (page faults, the kernel's share, cache misses) compare-startup.sh times.
# Usage: count-startup.sh BINARY...            (needs valgrind: apt-get install valgrind)
# To see where the instructions go, keep the profiles (COUNT_STARTUP_KEEP=DIR) and read them with callgrind_annotate;
# symbols need the binary's .dbg (bin/Release/net10.0/<rid>/native/rolesanywhere.dbg) beside it.
set -euo pipefail
command -v valgrind >/dev/null || { echo "count-startup: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
binaries=()
for b in "$@"; do binaries+=("$(realpath "$b")"); done
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
keep=${COUNT_STARTUP_KEEP:-$work}
cleanup() { exec 3>&- 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# shellcheck source=benchmarks/tool/start-emulator.sh
. benchmarks/tool/start-emulator.sh
start_emulator "$work"

# count NAME BINARY INDEX ARGS...: prints "name<TAB>instructions<TAB>binary" for one run under callgrind.
count() {
    local name=$1 bin=$2 index=$3; shift 3
    local out="$keep/callgrind.$index.${name// /-}"
    valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" "$@" >/dev/null 2>"$work/valgrind.err" || true
    local refs
    refs=$(sed -n 's/.*I *refs: *//p' "$work/valgrind.err" | tr -d ,)
    [ -n "$refs" ] || { echo "count-startup: valgrind failed on $bin:" >&2; cat "$work/valgrind.err" >&2; exit 1; }
    printf "%-34s %12s  %s\n" "$name" "$refs" "$bin"
}

printf "%-34s %12s  %s\n" "run" "instructions" "binary"
for i in "${!binaries[@]}"; do
    bin=${binaries[$i]}
    "$bin" credential-process "${flags[@]}" >/dev/null   # prime the cache for this binary
    count "credential-process (warm cache)" "$bin" "$i" credential-process "${flags[@]}"
    count "--version" "$bin" "$i" --version
    count "usage error (--certifcate)" "$bin" "$i" credential-process --certifcate x
done
