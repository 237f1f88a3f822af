#!/usr/bin/env bash
# expect_xef_loader.sh HVSIM GUEST_DIR IMAGES_DIR -- the XEF loader test
# (tests/guest/xef_loader.c): builds its custom files (a compressed message
# XEF with a payload; partition 1's image as a compressed XEF), each wrapped
# as a custom file of the loader, packs them in a container with partition
# 1's stub, runs it and compares the console with xef_loader.expected.
set -u
hvsim=$1 guest=$2 images=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; cat "$dir/err" 2>/dev/null; exit 1; }
x() { "$hvsim" xef build "$@" >/dev/null 2>"$dir/err" || fail "xef build $*"; }

printf 'a message from the supplier\n' >"$dir/message.txt"
printf 'lot 42, build 7 and more' >"$dir/payload"
x -m -c -p "$dir/payload" -o "$dir/message.xef" "$dir/message.txt"
x -m -o "$dir/slot0.xef" "$dir/message.xef"
x -c -o "$dir/loaded.xef" "$images/xef_loaded.elf"
x -m -o "$dir/slot1.xef" "$dir/loaded.xef"
x -o "$dir/loader.xef" "$images/xef_loader.elf"
x -o "$dir/stub.xef" "$images/xef_loaded_stub.elf"
x -m -o "$dir/core.xef" "$guest/xef_loader.xml"
x -m -o "$dir/cf.xef" "$guest/xef_loader.xml"
"$hvsim" pack build -h "$dir/core.xef:$dir/cf.xef" \
    -p "0:$dir/loader.xef:$dir/slot0.xef:$dir/slot1.xef" -p "1:$dir/stub.xef" \
    "$dir/c.pack" >/dev/null 2>"$dir/err" || fail "pack build"
"$hvsim" run "$guest/xef_loader.xml" --container "$dir/c.pack" --mafs 10 >"$dir/out" 2>"$dir/err" ||
    fail "run"
if ! cmp -s "$guest/xef_loader.expected" "$dir/out"; then
    diff -u "$guest/xef_loader.expected" "$dir/out"
    fail "console differs from xef_loader.expected"
fi
echo "ok: $(wc -l <"$dir/out") lines as expected"
