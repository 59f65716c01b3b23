#!/usr/bin/env bash
# Publishes rolesanywhere as a Native AOT single binary into the directory given (default: artifacts/aot)
# and fails on any trim or AOT warning. Takes a few minutes; kept out of the normal test run.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-artifacts/aot}
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
log=$(mktemp)
dotnet publish src/RolesAnywhere.Credentials.Tool -c Release -r "$rid" -p:PublishAot=true -o "$out" -nologo 2>&1 | tee "$log"
if grep -qE 'warning (IL|CS|CA)[0-9]+' "$log"; then
    echo "publish-aot: warnings above (trim/AOT warnings must be fixed, not suppressed)" >&2
    exit 1
fi
echo "published $out/rolesanywhere"
