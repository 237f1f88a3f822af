#!/usr/bin/env bash
# expect_itrace.sh SPEC EXPECTED -- HVSIM RUN-ARGS...
# Runs the command with --itrace SPEC and without: the trace's lines (those
# not starting "hvsim:") must match EXPECTED's extended regexes one for
# one, and both runs must end with the same trace hash.
set -u
spec=$1 expected=$2
shift 3
plain=$("$@" --hash 2>&1 >/dev/null | grep '^hvsim: trace hash:')
err=$("$@" --hash --itrace "$spec" 2>&1 >/dev/null) || { echo "FAIL: exit status $?"; exit 1; }
traced=$(grep '^hvsim: trace hash:' <<<"$err")
[ "$plain" = "$traced" ] || { echo "FAIL: '$traced' with --itrace, '$plain' without"; exit 1; }
mapfile -t lines < <(grep -v '^hvsim:' <<<"$err")
mapfile -t regexes <"$expected"
[ "${#lines[@]}" -eq "${#regexes[@]}" ] || { echo "FAIL: ${#lines[@]} lines, expected ${#regexes[@]}"; printf '%s\n' "${lines[@]}"; exit 1; }
for i in "${!regexes[@]}"; do
    grep -Eq -- "${regexes[$i]}" <<<"${lines[$i]}" || { echo "FAIL: line $((i + 1)) '${lines[$i]}' does not match /${regexes[$i]}/"; exit 1; }
done
echo "ok: ${#lines[@]} instructions listed; $traced as without --itrace"
