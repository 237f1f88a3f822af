#!/usr/bin/env bash
# expect_names.sh HVSIM FAULTY.elf -- RUN-ARGS...
# Runs `HVSIM run RUN-ARGS --trace F` (partition 0 is FAULTY.elf, which
# takes a trap), exports F as text and JSON with `--elf 0=FAULTY.elf` and
# passes when the trap's PC is written with its function, hypercalls and
# HM events with their names, and no named field holds a bare number.
set -u
hvsim=$1
elf=$2
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$hvsim" run "$@" --trace "$work/run.trace" >/dev/null 2>&1 || fail "hvsim run"
"$hvsim" trace "$work/run.trace" --elf "0=$elf" --text "$work/run.txt" --json "$work/run.json" ||
    fail "hvsim trace --elf"
grep -Eq ' TRAP .* tt=[a-z ]+ \(0x[0-9a-f]{2}\) pc=0x[0-9a-f]{8} <[A-Za-z_][A-Za-z0-9_]*\+0x[0-9a-f]+>' \
    "$work/run.txt" || fail "no TRAP line with a named trap type and a symbolised pc"
grep -Eq ' HM_EVENT .* event=XM_HM_EV_[A-Z0-9_]+ \([0-9]+\) action=XM_HM_AC_[A-Z_]+ \([0-9]+\)' \
    "$work/run.txt" || fail "no HM_EVENT line with names"
grep -Eq ' HYPERCALL .* nr=XM_[a-z_0-9]+ \([0-9]+\) result=' "$work/run.txt" ||
    fail "no HYPERCALL line with a name"
for f in "$work/run.txt" "$work/run.json"; do
    if grep -Eo '[ "](nr|result|tt|pc|event|action|state|old|previous|port|why|what|source|logged|extended)=-?[0-9]+([ "]|$)' "$f" |
        grep -v '^ result=[1-9]'; then
        fail "$(basename "$f"): a named field holds a bare number"
    fi
done
grep -q '"name":"HM SPARCV8_' "$work/run.json" || fail "JSON: HM instant not named"
echo "ok: names in the exports"
