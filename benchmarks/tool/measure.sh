#!/usr/bin/env bash
# Measures the rolesanywhere tool (docs/performance.md, "CLI tool"): credential-process wall time,
# Native AOT vs JIT, cold (a CreateSession against the local emulator) and with a warm cache, against
# the floor of any Native AOT process (benchmarks/tool/aot-floor.cs: start, print, exit); then
# serve's IMDS request latency under load from a second process (wrk) on loopback. Bounded: a few
# hundred runs and a 10-second load test, loopback only. Needs hyperfine and wrk (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v hyperfine >/dev/null && command -v wrk >/dev/null || { echo "install hyperfine and wrk (apt-get install hyperfine wrk)" >&2; exit 1; }

work=$(mktemp -d)
cleanup() { exec 3>&- 2>/dev/null || true; [ -n "${serve_pid:-}" ] && kill "$serve_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release src/RolesAnywhere.Credentials.Tool -o "$work/jit" -v q -nologo >/dev/null
bash benchmarks/tool/publish-aot.sh "$work/aot" >/dev/null
dotnet publish benchmarks/tool/aot-floor.cs -o "$work/floor" -nologo >/dev/null

# shellcheck source=benchmarks/tool/start-emulator.sh
. benchmarks/tool/start-emulator.sh
start_emulator "$work"

"$work/jit/rolesanywhere" credential-process "${flags[@]}" >/dev/null   # prime the cache
hyperfine -N --warmup 5 --runs 100 --export-markdown "$work/warm.md" \
  -n "Native AOT floor (start, print 744 bytes, exit)" "$work/floor/aot-floor" \
  -n "JIT, warm cache" "$work/jit/rolesanywhere credential-process ${flags[*]}" \
  -n "Native AOT, warm cache" "$work/aot/rolesanywhere credential-process ${flags[*]}"
hyperfine -N --warmup 2 --runs 30 --export-markdown "$work/cold.md" \
  -n "JIT, cold (--no-cache: CreateSession)" "$work/jit/rolesanywhere credential-process --no-cache ${flags[*]}" \
  -n "Native AOT, cold (--no-cache: CreateSession)" "$work/aot/rolesanywhere credential-process --no-cache ${flags[*]}"
cat "$work/warm.md" "$work/cold.md"

"$work/aot/rolesanywhere" serve --port 0 "${flags[@]}" 2> "$work/serve.err" &
serve_pid=$!
until grep -q "serving IMDSv2 on" "$work/serve.err" 2>/dev/null; do sleep 0.1; done
imds=$(sed -n 's/.*serving IMDSv2 on \(http[^ ]*\).*/\1/p' "$work/serve.err" | head -1)
token=$(curl -sf -X PUT "${imds}latest/api/token")
role=$(curl -sf -H "X-aws-ec2-metadata-token: $token" "${imds}latest/meta-data/iam/security-credentials/")
wrk -t1 -c16 -d10s --latency -H "X-aws-ec2-metadata-token: $token" "${imds}latest/meta-data/iam/security-credentials/$role"
