#!/usr/bin/env bash
# expect_fixture.sh STATUS FIXTURE -- COMMAND...
# Passes when COMMAND exits with STATUS and its stderr is exactly the lines
# the XM_CF fixture announces in its leading comment ("expect LINE: message"
# becomes "FIXTURE:LINE: message"), all of them, in order: every error of
# the file in one run.
set -u
want_status=$1
fixture=$2
shift 3
err=$(mktemp)
want=$(mktemp)
trap 'rm -f "$err" "$want"' EXIT
sed -n '1,/-->/p' "$fixture" | sed -n 's/^ *expect \([0-9][0-9]*\): /\1: /p' |
    sed "s|^|$fixture:|" >"$want"
"$@" >/dev/null 2>"$err"
status=$?
if [ "$status" -ne "$want_status" ]; then
    echo "FAIL: exit status $status, expected $want_status"; cat "$err"; exit 1
fi
if [ ! -s "$want" ]; then
    echo "FAIL: $fixture announces no expected line"; exit 1
fi
if ! diff -u "$want" "$err"; then
    echo "FAIL: stderr differs from the lines $fixture announces"; exit 1
fi
echo "ok: $(wc -l <"$err") lines"
