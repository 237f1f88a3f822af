#!/usr/bin/env bash
# expect_same_bytes.sh -- COMMAND...
# Runs COMMAND twice; passes when both runs exit 0 with identical stdout.
set -u
shift
a=$(mktemp)
b=$(mktemp)
trap 'rm -f "$a" "$b"' EXIT
"$@" >"$a" || { echo "FAIL: first run failed"; exit 1; }
"$@" >"$b" || { echo "FAIL: second run failed"; exit 1; }
if ! cmp "$a" "$b"; then
    diff -u "$a" "$b" | head -20
    echo "FAIL: two runs differ"
    exit 1
fi
[ -s "$a" ] || { echo "FAIL: no output"; exit 1; }
echo "ok: two runs gave the same $(wc -c <"$a") bytes"
