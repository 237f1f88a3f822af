#!/usr/bin/env bash
# expect_uart2.sh EXPECTED_CONSOLE EXPECTED_UART2 -- COMMAND...
# Runs COMMAND --uart2-out TMP through expect_output.sh (exit 0, stdout
# equal to EXPECTED_CONSOLE); then what UART2 sent must equal EXPECTED_UART2.
set -u
expected_console=$1
expected_uart2=$2
shift 3
uart2=$(mktemp)
trap 'rm -f "$uart2"' EXIT
"$(dirname "$0")/expect_output.sh" "$expected_console" -- "$@" --uart2-out "$uart2" || exit 1
if ! diff -u --label expected --label actual "$expected_uart2" "$uart2"; then
    echo "FAIL: UART2 output differs from $expected_uart2"
    exit 1
fi
echo "ok: UART2 output matches $expected_uart2"
