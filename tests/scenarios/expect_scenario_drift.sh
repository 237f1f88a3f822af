#!/usr/bin/env bash
# expect_scenario_drift.sh HVSIM BUILD_DIR SCENARIO_DIR SED_EXPR REGEX
# Copies a scenario, edits its xm_cf.xml with SED_EXPR (a deliberate
# change, one slot's duration say) and passes when `hvsim scenario` then
# fails (exit 1) with output matching the extended REGEX (over the whole
# output: `.` and [^x] match newlines): a drift must be caught with a
# readable message.
set -u
hvsim=$1 build=$2 scenario=$3 edit=$4 regex=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$scenario" "$work/changed"
sed -i -e "$edit" "$work/changed/xm_cf.xml"
if cmp -s "$scenario/xm_cf.xml" "$work/changed/xm_cf.xml"; then
    echo "FAIL: the edit '$edit' changed nothing"; exit 1
fi
out=$("$hvsim" scenario "$work/changed" --build-dir "$build" 2>&1)
status=$?
echo "$out"
if [ "$status" -ne 1 ]; then
    echo "FAIL: exit status $status, expected 1"; exit 1
fi
if ! printf '%s\n' "$out" | grep -Ezq -- "$regex"; then
    echo "FAIL: output does not match /$regex/"; exit 1
fi
