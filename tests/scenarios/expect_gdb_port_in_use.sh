#!/usr/bin/env bash
# expect_gdb_port_in_use.sh HVSIM RUN-ARGS...
# A first hvsim waits for GDB on a free TCP port; a second one asked for
# the same port must fail with one line naming it, exit status 2.
set -u
port=$(( 20000 + $$ % 20000 ))
"$@" --gdb "127.0.0.1:$port" --gdb-wait >/dev/null 2>&1 &
first=$!
trap 'kill $first 2>/dev/null' EXIT
sleep 1
err=$("$@" --gdb "127.0.0.1:$port" 2>&1 >/dev/null)
status=$?
lines=$(printf '%s\n' "$err" | wc -l)
if [ "$status" -ne 2 ] || [ "$lines" -ne 1 ] || ! grep -q "127.0.0.1:$port: Address already in use" <<<"$err"; then
    echo "FAIL: status $status, stderr:"; echo "$err"; exit 1
fi
echo "ok: $err"
