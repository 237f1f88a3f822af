#!/usr/bin/env bash
# expect_same_png.sh OUT.png -- COMMAND...
# Runs COMMAND (which writes OUT.png) twice; passes when both runs exit 0
# and write the same PNG, byte for byte.
set -u
out=$1
shift 2
first=$(mktemp)
trap 'rm -f "$first"' EXIT
rm -f "$out"
"$@" >/dev/null || { echo "FAIL: first run failed"; exit 1; }
[ -s "$out" ] || { echo "FAIL: no $out"; exit 1; }
head -c 8 "$out" | od -An -c | grep -q 'P   N   G' || { echo "FAIL: $out is not a PNG"; exit 1; }
cp "$out" "$first"
"$@" >/dev/null || { echo "FAIL: second run failed"; exit 1; }
cmp "$first" "$out" || { echo "FAIL: two runs wrote different images"; exit 1; }
echo "ok: two runs wrote the same $(wc -c <"$out") bytes"
