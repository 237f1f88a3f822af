#!/usr/bin/env bash
# expect_trace_damaged.sh HVSIM RUN-ARGS...
# A trace whose end record does not match its records (its hash's last
# byte changed) is refused by every export the same way (issue 11: --json
# exported it, exit 0): exit 2, one line `FILE: the end record says ...`,
# and no OUT written (an OUT already there is left as it was). `hvsim
# view` refuses it with the same line. A trace cut short before its end
# record is still exported, text with its note.
set -u
hvsim=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$hvsim" run "$@" --trace "$work/good.trace" >/dev/null 2>&1 || fail "the run"
cp "$work/good.trace" "$work/bad.trace"
size=$(stat -c %s "$work/bad.trace")
last=$(od -An -tu1 -j $((size - 1)) -N1 "$work/bad.trace" | tr -d ' ')
printf "$(printf '\\%03o' $(((last + 1) % 256)))" |
    dd of="$work/bad.trace" bs=1 seek=$((size - 1)) conv=notrunc status=none
for format in text json latency; do
    echo "kept" >"$work/kept.$format"
    "$hvsim" trace "$work/bad.trace" --$format "$work/new.$format" 2>"$work/err" &&
        fail "--$format exported a damaged trace"
    status=$?
    [ $status = 2 ] || fail "--$format: exit $status, not 2"
    [ "$(wc -l <"$work/err")" = 1 ] || { cat "$work/err"; fail "--$format: not one line"; }
    grep -q "^$work/bad.trace: the end record says " "$work/err" ||
        { cat "$work/err"; fail "--$format: not the end-record line"; }
    [ -e "$work/new.$format" ] && fail "--$format left a partial $work/new.$format"
    "$hvsim" trace "$work/bad.trace" --$format "$work/kept.$format" 2>/dev/null
    [ "$(cat "$work/kept.$format")" = kept ] || fail "--$format overwrote an existing OUT"
    "$hvsim" trace "$work/good.trace" --$format "$work/good.$format" || fail "--$format, good trace"
done
"$hvsim" view "$work/bad.trace" --png "$work/x.png" 2>"$work/view.err" && fail "view took it"
grep -q "^$work/bad.trace: the end record says " "$work/view.err" ||
    { cat "$work/view.err"; fail "view: not the end-record line"; }
# Cut short (no end record: a run still going): exported, with the note.
head -c $((size - 12)) "$work/good.trace" >"$work/cut.trace"
"$hvsim" trace "$work/cut.trace" --text "$work/cut.txt" --json "$work/cut.json" ||
    fail "a trace cut short was refused"
grep -q "^# no end record" "$work/cut.txt" || fail "no note in the text of a trace cut short"
echo "damaged traces refused by every export"
