#!/usr/bin/env bash
# expect_trace_files.sh -- HVSIM RUN-ARGS...
# Runs `HVSIM run RUN-ARGS --trace F --hash` twice and passes when: the two
# trace files are the same bytes; the console is the same as without
# --trace (the trace never changes the run); `hvsim trace F` reads the file
# back with the very hash the run printed; the JSON export is valid JSON
# with one complete event per slot (python3 parses it; quickstart installs it).
set -u
shift
hvsim=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$hvsim" run "$@" --trace "$work/a.trace" --hash >"$work/a.out" 2>"$work/a.err" || fail "run 1"
"$hvsim" run "$@" --trace "$work/b.trace" --hash >"$work/b.out" 2>"$work/b.err" || fail "run 2"
"$hvsim" run "$@" >"$work/plain.out" 2>/dev/null || fail "run without --trace"
cmp "$work/a.trace" "$work/b.trace" || fail "two runs wrote different trace files"
cmp "$work/a.out" "$work/plain.out" || fail "--trace changed the console output"
cmp "$work/a.err" "$work/b.err" || fail "two runs printed different hashes"
grep -Eq '^hvsim: trace hash after MAF 0: [0-9a-f]{16}$' "$work/a.err" || fail "no per-MAF hash"
hash=$(sed -n 's/^hvsim: trace hash: \([0-9a-f]*\) (.*/\1/p' "$work/a.err")
[ -n "$hash" ] || fail "no final hash line"
"$hvsim" trace "$work/a.trace" --text "$work/a.txt" --json "$work/a.json" || fail "hvsim trace"
grep -q "^# end: .* records, hash $hash$" "$work/a.txt" || fail "text export: end line not hash $hash"
grep -q ' SLOT_START ' "$work/a.txt" || fail "text export has no SLOT_START"
python3 - "$work/a.json" "$work/a.txt" <<'PY' || fail "JSON export"
import json, sys
events = json.load(open(sys.argv[1]))["traceEvents"]
slots = [e for e in events if e["ph"] == "X" and e["name"].startswith("slot ")]
ends = sum(1 for line in open(sys.argv[2]) if " SLOT_END " in line)
assert slots and len(slots) >= ends, (len(slots), ends)
assert all(e["dur"] > 0 for e in slots)
PY
echo "ok: trace $hash, $(wc -c <"$work/a.trace") bytes"
