#!/usr/bin/env bash
# expect_generated.sh [--stdout REGEX] STATUS GENERATOR [ARG...] -- COMMAND... -- [LINE...]
# Writes a configuration with GENERATOR (tests/configs/generate.py) and
# passes when COMMAND exits with STATUS and prints exactly the LINEs on
# stderr, in order (and a line matching the extended REGEX on stdout).
# "GEN" in COMMAND and in the LINEs stands for the generated file's path.
set -u
stdout_regex=
if [ "$1" = "--stdout" ]; then stdout_regex=$2; shift 2; fi
want_status=$1 generator=$2
shift 2
args=() command=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
[ $# -gt 0 ] && shift
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
gen=$dir/gen.xml
while [ $# -gt 0 ] && [ "$1" != "--" ]; do command+=("${1//GEN/$gen}"); shift; done
[ $# -gt 0 ] && shift
python3 "$generator" "${args[@]}" >"$gen" || { echo "FAIL: generator"; exit 1; }
for line in "$@"; do printf '%s\n' "${line//GEN/$gen}"; done >"$dir/want"
"${command[@]}" 2>"$dir/err" >"$dir/out"
status=$?
if [ "$status" -ne "$want_status" ]; then
    echo "FAIL: exit status $status, expected $want_status"; head -5 "$dir/err"; exit 1
fi
if ! diff -u "$dir/want" "$dir/err"; then
    echo "FAIL: stderr differs"; exit 1
fi
if [ -n "$stdout_regex" ] && ! grep -Eq -- "$stdout_regex" "$dir/out"; then
    echo "FAIL: stdout has no line matching /$stdout_regex/"; head -5 "$dir/out"; exit 1
fi
echo "ok: $(wc -l <"$dir/err") lines on stderr, $(wc -l <"$dir/out") on stdout"
