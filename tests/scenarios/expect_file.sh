#!/usr/bin/env bash
# expect_file.sh EXPECTED_FILE OUTPUT_FILE -- COMMAND...
# Runs COMMAND (which must write OUTPUT_FILE and nothing on stdout); passes
# when it exits 0 and OUTPUT_FILE equals EXPECTED_FILE.
set -u
expected=$1
output=$2
shift 3
rm -f "$output"
stdout=$("$@")
status=$?
[ $status -eq 0 ] || { echo "FAIL: exit status $status: $*"; exit 1; }
[ -z "$stdout" ] || { echo "FAIL: unexpected output on stdout: $stdout"; exit 1; }
diff -u --label expected --label "$output" "$expected" "$output" || { echo "FAIL: $output differs"; exit 1; }
echo "ok: $output matches $expected"
