#!/usr/bin/env bash
# expect_time_shift.sh COSTS "SHIFT..." -- COMMAND...
# Runs COMMAND with every modelled hypervisor cost at 0, then with the costs
# COSTS (an hvsim --cost value) on top. Both runs must exit 0 and print the
# same lines except for the last number of each line (a time in µs), which
# must grow by the n-th SHIFT on the n-th line (one SHIFT: the same for every
# line).
set -u
costs=$1
read -r -a shifts <<<"$2"
shift 3
zero=$(mktemp)
with=$(mktemp)
trap 'rm -f "$zero" "$with"' EXIT
"$@" --cost entry=0,hypercall=0,context-switch=0 >"$zero" ||
    { echo "FAIL: run with zero costs failed: $*"; exit 1; }
"$@" --cost entry=0,hypercall=0,context-switch=0 --cost "$costs" >"$with" ||
    { echo "FAIL: run with --cost $costs failed: $*"; exit 1; }
[ -s "$zero" ] || { echo "FAIL: no output"; exit 1; }
paste -d '\n' "$zero" "$with" | awk -v list="${shifts[*]}" '
    function last_number(line,   m) { match(line, /[0-9]+ us$/); return substr(line, RSTART) + 0 }
    function text(line) { sub(/[0-9]+ us$/, "", line); return line }
    BEGIN { n = split(list, shift, " ") }
    NR % 2 == 1 { zero = $0; next }
    {
        i = NR / 2
        want = shift[n == 1 ? 1 : i]
        if (text(zero) != text($0) || zero !~ /[0-9]+ us$/) {
            printf "FAIL: line %d differs beyond its time:\n  %s\n  %s\n", i, zero, $0; bad = 1
        } else if (last_number($0) - last_number(zero) != want) {
            printf "FAIL: line %d moved by %d us, expected %d:\n  %s\n  %s\n", i,
                   last_number($0) - last_number(zero), want, zero, $0; bad = 1
        } else {
            printf "ok: +%d us: %s\n", want, $0
        }
    }
    END { if (NR / 2 != (n == 1 ? NR / 2 : n)) { print "FAIL: " NR / 2 " lines, " n " shifts"; bad = 1 }
          exit bad }'
