#!/usr/bin/env bash
# expect_host_output.sh HOST_PROGRAM -- COMMAND...
# Runs HOST_PROGRAM, which computes the expected output on the host (it must
# exit 0 and print something), then passes when COMMAND exits 0 and prints
# exactly that (expect_output.sh).
set -u
host=$1
shift
expected=$(mktemp)
trap 'rm -f "$expected"' EXIT
"$host" >"$expected" || { echo "FAIL: host program $host failed"; cat "$expected"; exit 1; }
[ -s "$expected" ] || { echo "FAIL: host program $host printed nothing"; exit 1; }
"$(dirname "$0")/expect_output.sh" "$expected" "$@"
