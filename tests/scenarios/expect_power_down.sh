#!/usr/bin/env bash
# expect_power_down.sh EXPECTED REFERENCE_IMAGE -- COMMAND...
# Runs `COMMAND` (whose partition 0 powers the processor down: tests/guest/
# powerdown.c) and `COMMAND -p 0=REFERENCE_IMAGE` (a partition 0 that does
# not). Passes when both exit 0 with nothing on stderr (a power-down is no
# fault), the "PowerDown:" lines are exactly EXPECTED, and the "Healthy:"
# lines of both runs are the same bytes: a power-down spends its own
# slot's time only (issue 11).
set -u
expected=$1 reference=$2
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$@" >"$work/run.out" 2>"$work/run.err" || { cat "$work/run.err"; fail "the run failed"; }
[ -s "$work/run.err" ] && { cat "$work/run.err"; fail "the run printed on stderr"; }
args=("$@")
args[3]="-p" # the command is: hvsim run CONFIG -p 0=IMAGE ...
args[4]="0=$reference"
"${args[@]}" >"$work/ref.out" 2>"$work/ref.err" || fail "the reference run failed"
grep '^PowerDown:' "$work/run.out" | diff -u --label expected --label actual "$expected" - ||
    fail "the powering-down partition's output differs"
grep '^Healthy:' "$work/run.out" >"$work/run.healthy"
grep '^Healthy:' "$work/ref.out" >"$work/ref.healthy"
[ "$(wc -l <"$work/ref.healthy")" -ge 2 ] || fail "the healthy partition printed less than 2 lines"
cmp -s "$work/run.healthy" "$work/ref.healthy" || {
    diff -u "$work/ref.healthy" "$work/run.healthy"
    fail "the healthy partition's output differs from the reference run's"
}
echo "power-down: its own slot's time only"
