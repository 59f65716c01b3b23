#!/usr/bin/env bash
# Packs every package of the repository into the folder given (default: ./artifacts), as users install them:
#   - each library under src/ (net8.0 + net10.0, with its .snupkg);
#   - the tool as .NET 10 RID-specific tool packages: RolesAnywhere.Credentials.Tool (the one users name; it lists
#     the others), RolesAnywhere.Credentials.Tool.any (framework-dependent, every platform, has PKCS#11) and, unless
#     --no-native is given, RolesAnywhere.Credentials.Tool.<this machine's RID> (Native AOT; a Native AOT package can
#     only be built on its own platform, so other platforms' packages are built on those platforms).
# Then: dotnet tool install -g RolesAnywhere.Credentials.Tool --add-source <folder>
set -euo pipefail
cd "$(dirname "$0")/.."

native=1
out=artifacts
for argument in "$@"; do
    case "$argument" in
        --no-native) native=0 ;;
        -*) echo "pack.sh: unknown option $argument (usage: eng/pack.sh [--no-native] [FOLDER])" >&2; exit 2 ;;
        *) out=$argument ;;
    esac
done
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

tool=src/RolesAnywhere.Credentials.Tool/RolesAnywhere.Credentials.Tool.csproj
# Every packable project of the solution in one run (one evaluation and build graph, not one per project): the libraries
# and the tool's pointer package. The tool's "any" package is a build of its own (RuntimeIdentifier=any).
dotnet pack RolesAnywhere.Credentials.sln -c Release -o "$out" -v q -nologo >/dev/null
dotnet pack "$tool" -c Release -r any -o "$out" -v q -nologo >/dev/null

if [ "$native" -eq 1 ]; then
    rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
    # Only the runtime identifiers the tool package lists have a RID-specific package to fill.
    if grep -qE "<ToolPackageRuntimeIdentifiers>([^<]*;)?$rid(;[^<]*)?</ToolPackageRuntimeIdentifiers>" "$tool"; then
        log=$(mktemp)
        if ! dotnet pack "$tool" -c Release -r "$rid" -o "$out" -nologo >"$log" 2>&1; then
            cat "$log" >&2; echo "pack.sh: the Native AOT package for $rid failed" >&2; exit 1
        fi
        if grep -qE 'warning (IL|CS|CA)[0-9]+' "$log"; then
            grep -E 'warning (IL|CS|CA)[0-9]+' "$log" >&2
            echo "pack.sh: trim/AOT warnings above (fix them, never suppress)" >&2; exit 1
        fi
        rm -f "$log"
    else
        echo "pack.sh: no Native AOT package for $rid (not in ToolPackageRuntimeIdentifiers); the 'any' package serves it" >&2
    fi
fi
ls "$out"
