#!/usr/bin/env bash
# expect_hypercall_notices.sh -- HVSIM RUN-ARGS...
# Runs `HVSIM run RUN-ARGS` (partition 0 Producer runs tests/guest/misuse.c)
# and passes when standard error names each failed hypercall once per call
# site, with its code and its symbolised call site, ends with the counts of
# the sites that failed again, and --quiet-hypercalls silences them all
# without changing the console.
set -u
shift
hvsim=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; cat "$work/err" 2>/dev/null; exit 1; }

"$hvsim" run "$@" >"$work/out" 2>"$work/err" || fail "hvsim run"
site='at 0x[0-9a-f]{8} <mistakes\+0x[0-9a-f]+>'
p='^hvsim: [0-9]+ us: partition 0 \(Producer\): '
grep -Ec "${p}" "$work/err" | grep -qx 4 || fail "expected 4 notices (3 call sites in mistakes(), 1 in PartitionMain)"
grep -Eq "${p}XM_create_queuing_port returned XM_INVALID_CONFIG \(-5\) ${site}$" "$work/err" ||
    fail "no notice for the port the configuration does not have"
grep -Eq "${p}XM_write_sampling_message returned XM_INVALID_CONFIG \(-5\) ${site}$" "$work/err" ||
    fail "no notice for the message larger than the port"
grep -Eq "${p}XM_read_sampling_message returned XM_INVALID_PARAM \(-3\) ${site}$" "$work/err" ||
    fail "no notice for reading a source port"
grep -Eq "${p}XM_create_queuing_port returned XM_INVALID_CONFIG \(-5\) at 0x[0-9a-f]{8} <PartitionMain\+0x[0-9a-f]+>$" \
    "$work/err" || fail "no notice for the second call site"
[ "$(grep -Ec '^hvsim: partition 0 \(Producer\): 3 times: XM_[a-z_]+ returned XM_[A-Z_]+ \(-[0-9]\) '"${site}"'$' "$work/err")" = 3 ] ||
    fail "expected the three sites in mistakes() counted 3 times each, at the end"
tail -n 1 "$work/err" | grep -q ' 3 times: ' || fail "the counts are not the last lines"
grep -q '^misuse: elsewhere: -5$' "$work/out" || fail "console"

"$hvsim" run "$@" --quiet-hypercalls >"$work/quiet.out" 2>"$work/quiet.err" || fail "--quiet-hypercalls"
[ ! -s "$work/quiet.err" ] || { cat "$work/quiet.err"; fail "--quiet-hypercalls printed notices"; }
cmp -s "$work/out" "$work/quiet.out" || fail "--quiet-hypercalls changed the console"
echo "ok: failed hypercalls noticed once per call site, counted, silenced"
