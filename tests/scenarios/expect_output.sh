#!/usr/bin/env bash
# expect_output.sh EXPECTED_FILE -- COMMAND...
# Runs COMMAND; passes when it exits 0 and its stdout equals EXPECTED_FILE,
# otherwise prints a unified diff of expected against actual.
set -u
expected=$1
shift 2
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
"$@" >"$actual"
status=$?
if [ $status -ne 0 ]; then
    echo "FAIL: exit status $status (expected 0): $*"
    exit 1
fi
if ! diff -u --label expected --label actual "$expected" "$actual"; then
    echo "FAIL: output differs from $expected"
    exit 1
fi
echo "ok: output matches $expected"
