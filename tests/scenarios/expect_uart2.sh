#!/usr/bin/env bash
# expect_uart2.sh EXPECTED_CONSOLE EXPECTED_UART2 -- COMMAND...
# Runs COMMAND --uart2-out TMP; passes when it exits 0, its stdout equals
# EXPECTED_CONSOLE and what UART2 sent equals EXPECTED_UART2.
set -u
expected_console=$1
expected_uart2=$2
shift 3
console=$(mktemp)
uart2=$(mktemp)
trap 'rm -f "$console" "$uart2"' EXIT
"$@" --uart2-out "$uart2" >"$console"
status=$?
if [ $status -ne 0 ]; then
    echo "FAIL: exit status $status (expected 0): $*"
    exit 1
fi
if ! diff -u --label expected --label actual "$expected_console" "$console"; then
    echo "FAIL: console differs from $expected_console"
    exit 1
fi
if ! diff -u --label expected --label actual "$expected_uart2" "$uart2"; then
    echo "FAIL: UART2 output differs from $expected_uart2"
    exit 1
fi
echo "ok: console and UART2 match"
