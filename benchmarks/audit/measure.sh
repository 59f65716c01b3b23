#!/usr/bin/env bash
# Scripted measurement of `rolesanywhere audit` on synthetic .json.gz trails (benchmarks/audit/make-trail.py):
# events per CPU second (user+sys of the one process: the reader is single-threaded, so this is "one core" even on a
# loaded machine) and peak RSS for 100k and 1M records (memory must stay flat in the number of events); then refused
# CreateSession calls only (benchmarks/audit/make-refused.py: 1M calls from 100k addresses and 10M from 1M addresses),
# the memory an outsider controls, which must stay bounded (issue 24: <= 256 MB).
# Usage: benchmarks/audit/measure.sh [TOOL]   (default: the tool built by `dotnet build -c Release`)
# SKIP_REFUSED=1 skips the refused-call trails (generating the 10M one takes a few minutes and ~120 MB of disk).
set -euo pipefail
cd "$(dirname "$0")/../.."
tool=${1:-src/RolesAnywhere.Credentials.Tool/bin/Release/net10.0/rolesanywhere}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '0x1a2b00\n' > "$work/known.txt"
run() {
    local records=$1; shift
    local size
    size=$(stat -c %s "$work/trail.json.gz")
    python3 - "$records" "$size" "$tool" audit "$work/trail.json.gz" "$@" --format json <<'PY'
import resource, subprocess, sys, time
records, size, command = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
start = time.monotonic()
run = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
if run.returncode not in (0, 1):
    sys.exit(f"audit failed ({run.returncode}): {run.stderr}")
print(f"{records:>9,} records, {size / 1e6:6.1f} MB gz: {cpu:6.2f} s CPU ({records / cpu:>9,.0f} events/CPU-s), "
      f"{wall:6.2f} s wall, peak RSS {usage.ru_maxrss / 1024:6.1f} MiB; {run.stderr.strip()}")
PY
}
for records in 100000 1000000; do
    python3 benchmarks/audit/make-trail.py "$records" "$work/trail.json.gz"
    run "$records" --allowed-cidrs 203.0.113.0/24 --known-serials "$work/known.txt" --business-hours 08:00-18:00 --time-zone Europe/Berlin
done
if [[ -z "${SKIP_REFUSED:-}" ]]; then
    for shape in "1000000 100000" "10000000 1000000"; do
        read -r records addresses <<< "$shape"
        python3 benchmarks/audit/make-refused.py "$records" "$addresses" "$work/trail.json.gz"
        echo "refused CreateSession calls from $addresses addresses:"
        run "$records" --allowed-cidrs 203.0.113.0/24
    done
fi
