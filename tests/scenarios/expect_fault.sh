#!/usr/bin/env bash
# expect_fault.sh NM FAULT_IMAGE REFERENCE_IMAGE NOTICE [--faulty EXPECTED] -- COMMAND...
# Runs `COMMAND -p 0=REFERENCE_IMAGE` and `COMMAND -p 0=FAULT_IMAGE`: the
# partition 0 of both images is the same program except for one instruction
# (symbol fault_insn), a no-op in the reference, a fault in the other.
# Passes when both runs exit 0, and
#  - the fault run prints on stderr one notice, matching the extended regex
#    NOTICE in which @PC@ stands for fault_insn's address (NM reads it from
#    FAULT_IMAGE) named as PartitionMain's ("0x40100124 <PartitionMain+0x9c>"),
#    then its fault report: indented lines, the registers with
#    pc @PC@ and a backtrace whose frame #0 is @PC@ in PartitionMain at
#    tests/guest/fault.c (docs/debugging.md); with --no-fault-report, the
#    notice alone; the reference run prints nothing there;
#  - without --faulty: the faulty partition printed nothing after the fault
#    ("survived"), which the reference run does print; with it: the faulty
#    partition's lines ("Faulty:") are exactly the file EXPECTED (what the
#    health monitor's action made of it);
#  - the "Healthy:" lines of both runs are the same bytes.
set -u
nm=$1
fault_image=$2
reference_image=$3
notice=$4
shift 4
expected=
if [ "$1" = "--faulty" ]; then
    expected=$2
    shift 2
fi
shift
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
pc=$("$nm" "$fault_image" | awk '$3 == "fault_insn" { print "0x" $1 }')
[ -n "$pc" ] || fail "no fault_insn symbol in $fault_image"
main=$("$nm" "$fault_image" | awk '$3 == "PartitionMain" { print "0x" $1 }')
[ -n "$main" ] || fail "no PartitionMain symbol in $fault_image"
notice=${notice//@PC@/$pc <PartitionMain\\+$(printf '0x%x' $((pc - main)))>}
"$@" -p 0="$reference_image" >"$dir/ref.out" 2>"$dir/ref.err" ||
    { cat "$dir/ref.err"; fail "reference run failed"; }
"$@" -p 0="$fault_image" >"$dir/fault.out" 2>"$dir/fault.err" ||
    { cat "$dir/fault.err"; fail "fault run failed"; }
"$@" -p 0="$fault_image" --no-fault-report >/dev/null 2>"$dir/quiet.err" ||
    { cat "$dir/quiet.err"; fail "fault run with --no-fault-report failed"; }
[ -s "$dir/ref.err" ] && { cat "$dir/ref.err"; fail "the reference run printed on stderr"; }
[ "$(wc -l <"$dir/quiet.err")" -eq 1 ] || { cat "$dir/quiet.err"; fail "--no-fault-report: not one line on stderr"; }
grep -Eq -- "$notice" "$dir/quiet.err" || { cat "$dir/quiet.err"; fail "stderr does not match /$notice/"; }
head -n 1 "$dir/fault.err" | grep -Eq -- "$notice" || { cat "$dir/fault.err"; fail "the first line does not match /$notice/"; }
tail -n +2 "$dir/fault.err" >"$dir/report"
grep -qv '^hvsim:   ' "$dir/report" && { cat "$dir/fault.err"; fail "more than one notice"; }
[ "$(wc -l <"$dir/report")" -le 12 ] || { cat "$dir/fault.err"; fail "the report is longer than 12 lines"; }
grep -q "^hvsim:   pc $pc npc " "$dir/report" || { cat "$dir/fault.err"; fail "no registers with pc $pc"; }
grep -Eq "^hvsim:   #0  $pc PartitionMain at tests/guest/fault.c:[0-9]+$" "$dir/report" ||
    { cat "$dir/fault.err"; fail "no frame #0 at $pc in PartitionMain (tests/guest/fault.c)"; }
if [ -n "$expected" ]; then
    grep '^Faulty:' "$dir/fault.out" >"$dir/faulty"
    diff -u --label expected --label actual "$expected" "$dir/faulty" ||
        fail "the faulty partition's output differs from $expected"
else
    grep -q "survived" "$dir/ref.out" || fail "the reference run did not get past fault_insn"
    grep -q "survived" "$dir/fault.out" && fail "the faulty partition ran on after its fault"
fi
grep '^Healthy:' "$dir/ref.out" >"$dir/ref.healthy"
grep '^Healthy:' "$dir/fault.out" >"$dir/fault.healthy"
[ "$(wc -l <"$dir/ref.healthy")" -ge 2 ] || fail "the healthy partition printed less than 2 lines"
if ! cmp -s "$dir/ref.healthy" "$dir/fault.healthy"; then
    diff -u --label reference --label fault "$dir/ref.healthy" "$dir/fault.healthy"
    fail "the healthy partition's output changed"
fi
echo "ok: $(cat "$dir/quiet.err")"
echo "ok: its report:"; cat "$dir/report"
echo "ok: healthy partition unchanged ($(wc -l <"$dir/fault.healthy") lines)"
