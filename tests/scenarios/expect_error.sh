#!/usr/bin/env bash
# expect_error.sh STATUS REGEX -- COMMAND...
# Passes when COMMAND exits with STATUS and prints exactly one line on
# stderr, matching the extended REGEX.
set -u
want_status=$1
regex=$2
shift 3
err=$(mktemp)
trap 'rm -f "$err"' EXIT
"$@" >/dev/null 2>"$err"
status=$?
lines=$(wc -l <"$err")
if [ "$status" -ne "$want_status" ]; then
    echo "FAIL: exit status $status, expected $want_status"; cat "$err"; exit 1
fi
if [ "$lines" -ne 1 ]; then
    echo "FAIL: $lines lines on stderr, expected one"; cat "$err"; exit 1
fi
if ! grep -Eq -- "$regex" "$err"; then
    echo "FAIL: stderr does not match /$regex/"; cat "$err"; exit 1
fi
echo "ok: $(cat "$err")"
