#!/usr/bin/env bash
# expect_gdb.sh SCRIPT.gdb EXPECTED ELF -- HVSIM RUN-ARGS...
# Runs hvsim with --gdb on a Unix socket (--gdb-wait) and gdb-multiarch
# -batch on SCRIPT.gdb (@SOCKET@ and @ELF@ replaced). Passes when GDB's
# output has a line matching each extended regex of EXPECTED, in that
# order, and the debugged run's final trace hash equals the same run's
# without GDB. KEEP_GDB_OUT=FILE keeps GDB's output.
set -u
script=$1 expected=$2 elf=$3
shift 4
dir=$(mktemp -d)
trap 'kill $hvsim_pid 2>/dev/null; [ -n "${KEEP_GDB_OUT:-}" ] && cp "$dir/gdb.out" "$KEEP_GDB_OUT"; rm -rf "$dir"' EXIT
plain=$("$@" --hash 2>&1 >/dev/null | grep '^hvsim: trace hash:')
"$@" --hash --gdb "$dir/gdb.sock" --gdb-wait >"$dir/console" 2>"$dir/stderr" &
hvsim_pid=$!
for _ in $(seq 100); do [ -S "$dir/gdb.sock" ] && break; sleep 0.1; done
sed -e "s|@SOCKET@|$dir/gdb.sock|g" -e "s|@ELF@|$elf|g" "$script" >"$dir/session.gdb"
timeout 120 gdb-multiarch -batch -nx -x "$dir/session.gdb" >"$dir/gdb.out" 2>&1
wait $hvsim_pid || { echo "FAIL: hvsim exited with $?"; cat "$dir/stderr"; exit 1; }
line=0
while IFS= read -r regex; do
    [ -z "$regex" ] && continue
    found=$(tail -n +$((line + 1)) "$dir/gdb.out" | grep -nE -m1 -- "$regex" | cut -d: -f1)
    if [ -z "$found" ]; then
        echo "FAIL: no line matching /$regex/ after line $line of GDB's output:"
        cat -n "$dir/gdb.out"
        exit 1
    fi
    line=$((line + found))
done <"$expected"
debugged=$(grep '^hvsim: trace hash:' "$dir/stderr")
if [ "$plain" != "$debugged" ]; then
    echo "FAIL: the debugged run ended with '$debugged', without GDB '$plain'"
    exit 1
fi
echo "ok: GDB's output as expected; $debugged as without GDB"
