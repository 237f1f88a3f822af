#!/usr/bin/env bash
# expect_status.sh STATUS REGEX -- COMMAND...
# Passes when COMMAND exits with STATUS and its standard output and error
# together match the extended REGEX, taken over the whole output as one
# text (`.` matches newlines too).
set -u
want_status=$1
regex=$2
case $regex in *$'\n'*) echo "FAIL: a newline in REGEX would split it into alternatives"; exit 1 ;; esac
shift 3
out=$("$@" 2>&1)
status=$?
echo "$out"
if [ "$status" -ne "$want_status" ]; then
    echo "FAIL: exit status $status, expected $want_status"; exit 1
fi
if ! printf '%s\n' "$out" | grep -Ezq -- "$regex"; then
    echo "FAIL: output does not match /$regex/"; exit 1
fi
