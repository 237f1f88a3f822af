#!/usr/bin/env bash
# expect_scenario_drift.sh HVSIM BUILD_DIR SCENARIO_DIR SED_EXPR REGEX
# Copies a scenario with the folder around it (a scenario may compare with
# files of its siblings), edits its xm_cf.xml with SED_EXPR (a deliberate
# change, one slot's duration say) and passes when `hvsim scenario` then
# fails (exit 1) with output matching the extended REGEX (over the whole
# output: `.` and [^x] match newlines): a drift must be caught with a
# readable message. The copy is changed/<scenario's folder name>.
set -u
hvsim=$1 build=$2 scenario=$3 edit=$4 regex=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$(dirname "$scenario")" "$work/changed"
changed=$work/changed/$(basename "$scenario")
sed -i -e "$edit" "$changed/xm_cf.xml"
if cmp -s "$scenario/xm_cf.xml" "$changed/xm_cf.xml"; then
    echo "FAIL: the edit '$edit' changed nothing"; exit 1
fi
out=$("$hvsim" scenario "$changed" --build-dir "$build" 2>&1)
status=$?
echo "$out"
if [ "$status" -ne 1 ]; then
    echo "FAIL: exit status $status, expected 1"; exit 1
fi
if ! printf '%s\n' "$out" | grep -Ezq -- "$regex"; then
    echo "FAIL: output does not match /$regex/"; exit 1
fi
