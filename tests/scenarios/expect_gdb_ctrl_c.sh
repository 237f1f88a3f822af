#!/usr/bin/env bash
# expect_gdb_ctrl_c.sh CLIENT.py -- HVSIM RUN-ARGS...
# hvsim waits for GDB on a Unix socket; the client continues, interrupts
# with Ctrl-C, reads monitor status and kills: hvsim must exit 0.
set -u
client=$1
shift 2
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
"$@" --gdb "$dir/gdb.sock" --gdb-wait >/dev/null 2>"$dir/stderr" &
pid=$!
timeout 60 python3 "$client" "$dir/gdb.sock" || { echo "FAIL: the client"; cat "$dir/stderr"; exit 1; }
wait $pid || { echo "FAIL: hvsim exited with $?"; cat "$dir/stderr"; exit 1; }
