#!/usr/bin/env bash
# expect_view_matches_run.sh "OPTIONS" -- HVSIM run ARGS...
# Runs `HVSIM run ARGS... --trace T --png RUN.png OPTIONS`, then, with no
# display, `HVSIM view T --png VIEW.png OPTIONS`; passes when both exit 0
# and the two images are the same bytes.
set -u
read -r -a options <<<"$1"
shift 2
hvsim=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$@" --trace "$dir/t" --png "$dir/run.png" "${options[@]}" >/dev/null 2>"$dir/run.err" ||
    { cat "$dir/run.err"; echo "FAIL: the run failed"; exit 1; }
env -u DISPLAY -u WAYLAND_DISPLAY "$hvsim" view "$dir/t" --png "$dir/view.png" "${options[@]}" ||
    { echo "FAIL: hvsim view failed"; exit 1; }
cmp "$dir/run.png" "$dir/view.png" || { echo "FAIL: the images differ"; exit 1; }
echo "ok: run and view wrote the same $(wc -c <"$dir/view.png") bytes"
