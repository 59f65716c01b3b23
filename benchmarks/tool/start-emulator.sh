# Sourced by measure.sh and compare-startup.sh (bash, from the repository root): start_emulator DIR starts the CreateSession
# emulator (emulator-host.cs) on loopback, serving while file descriptor 3 stays open (close it to stop), waits until it
# is ready, and sets `flags` to the session flags of a client it trusts (certificate and key written to DIR) and
# ROLESANYWHERE_CACHE_DIR to DIR/cache.
start_emulator() {
    local dir=$1 emulator_pid
    mkfifo "$dir/hold"
    dotnet run benchmarks/tool/emulator-host.cs -- "$dir" < "$dir/hold" > "$dir/emulator.out" 2>&1 &
    emulator_pid=$!
    exec 3>"$dir/hold"
    until grep -q ready "$dir/emulator.out" 2>/dev/null; do
        kill -0 "$emulator_pid" 2>/dev/null || { echo "the emulator host did not start:" >&2; cat "$dir/emulator.out" >&2; return 1; }
        sleep 0.2
    done
    # shellcheck disable=SC1091
    . "$dir/emulator.env"
    flags=(--certificate "$dir/client.pem" --private-key "$dir/client.key" --trust-anchor-arn "$TRUST_ANCHOR_ARN"
           --profile-arn "$PROFILE_ARN" --role-arn "$ROLE_ARN" --endpoint "$ENDPOINT")
    export ROLESANYWHERE_CACHE_DIR="$dir/cache"
}
