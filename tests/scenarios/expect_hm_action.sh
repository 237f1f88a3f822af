#!/usr/bin/env bash
# expect_hm_action.sh NM FAULT_IMAGE REFERENCE_IMAGE NOTICE EXPECTED -- COMMAND...
# As expect_fault.sh, for a health-monitor table that chooses what becomes
# of the faulty partition: runs `COMMAND -p 0=REFERENCE_IMAGE` and
# `COMMAND -p 0=FAULT_IMAGE` and passes when both exit 0, and
#  - the fault run prints exactly one line on stderr, matching the extended
#    regex NOTICE (@PC@: fault_insn's address, read with NM); the reference
#    run prints nothing there;
#  - the faulty partition's lines ("Faulty:") are exactly the file EXPECTED;
#  - the "Healthy:" lines of both runs are the same bytes.
set -u
nm=$1
fault_image=$2
reference_image=$3
notice=$4
expected=$5
shift 6
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
pc=$("$nm" "$fault_image" | awk '$3 == "fault_insn" { print "0x" $1 }')
[ -n "$pc" ] || fail "no fault_insn symbol in $fault_image"
notice=${notice//@PC@/$pc}
"$@" -p 0="$reference_image" >"$dir/ref.out" 2>"$dir/ref.err" ||
    { cat "$dir/ref.err"; fail "reference run failed"; }
"$@" -p 0="$fault_image" >"$dir/fault.out" 2>"$dir/fault.err" ||
    { cat "$dir/fault.err"; fail "fault run failed"; }
[ -s "$dir/ref.err" ] && { cat "$dir/ref.err"; fail "the reference run printed on stderr"; }
[ "$(wc -l <"$dir/fault.err")" -eq 1 ] || { cat "$dir/fault.err"; fail "not one line on stderr"; }
grep -Eq -- "$notice" "$dir/fault.err" || { cat "$dir/fault.err"; fail "stderr does not match /$notice/"; }
grep '^Faulty:' "$dir/fault.out" >"$dir/faulty"
if ! diff -u --label expected --label actual "$expected" "$dir/faulty"; then
    fail "the faulty partition's output differs from $expected"
fi
grep '^Healthy:' "$dir/ref.out" >"$dir/ref.healthy"
grep '^Healthy:' "$dir/fault.out" >"$dir/fault.healthy"
[ "$(wc -l <"$dir/ref.healthy")" -ge 2 ] || fail "the healthy partition printed less than 2 lines"
if ! cmp -s "$dir/ref.healthy" "$dir/fault.healthy"; then
    diff -u --label reference --label fault "$dir/ref.healthy" "$dir/fault.healthy"
    fail "the healthy partition's output changed"
fi
echo "ok: $(cat "$dir/fault.err")"
echo "ok: faulty partition as $expected; healthy partition unchanged"
