#!/usr/bin/env bash
# expect_generated.sh STATUS HVSIM GENERATOR [ARG...] -- [LINE...]
# Writes a configuration with GENERATOR (tests/configs/generate.py) and
# passes when `HVSIM check` on it exits with STATUS and prints exactly the
# LINEs on stderr, in order ("GEN" standing for the generated file's path).
set -u
want_status=$1 hvsim=$2 generator=$3
shift 3
args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
[ $# -gt 0 ] && shift
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$generator" "${args[@]}" >"$dir/gen.xml" || { echo "FAIL: generator"; exit 1; }
for line in "$@"; do printf '%s\n' "${line//GEN/$dir/gen.xml}"; done >"$dir/want"
"$hvsim" check "$dir/gen.xml" 2>"$dir/err" >/dev/null
status=$?
if [ "$status" -ne "$want_status" ]; then
    echo "FAIL: exit status $status, expected $want_status"; head -5 "$dir/err"; exit 1
fi
if ! diff -u "$dir/want" "$dir/err"; then
    echo "FAIL: stderr differs"; exit 1
fi
echo "ok: $(wc -l <"$dir/err") lines"
