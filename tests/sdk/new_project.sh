#!/usr/bin/env bash
# new_project.sh BUILD WORK
# The user's path, out of the tree: install hvsim from BUILD to a fresh
# prefix, `hvsim new` a project, build it with the installed SDK
# (find_package(hvsim)) and pass its scenario; build the same partitions
# with pkg-config as a Makefile would (the same code as CMake's); a
# partition our own -Wextra -Werror would reject builds with the user's
# flags; `hvsim new` never writes over a user's file.
set -eu
build=$1
work=$2
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
project=$work/demo

cmake --install "$build" --prefix "$prefix" >/dev/null
"$prefix/bin/hvsim" new "$project" >/dev/null
# A partition in old style: -Wextra -Wstrict-prototypes -Werror (ours) refuse it.
cat >"$project/lenient.c" <<'C'
#include <xm.h>
static int unused;
void PartitionMain(argc) int argc; { XM_halt_partition(XM_PARTITION_SELF); }
C
echo 'hvsim_add_partition(lenient BASE 0x40300000 SOURCES lenient.c)' >>"$project/CMakeLists.txt"

cmake -S "$project" -B "$project/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null ||
    fail "configuring the new project"
cmake --build "$project/build" >/dev/null || fail "building the new project"
(cd "$project/build" && ctest --output-on-failure) || fail "the new project's scenario"

# Make users: the same flags from pkg-config, the same code.
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
cc=$(pkg-config --variable=cc hvsim-xal)
ld=$(pkg-config --variable=ld hvsim-xal)
for p in producer:0x40100000 consumer:0x40200000; do
    name=${p%%:*}
    (cd "$project" && $cc $(pkg-config --cflags hvsim-xal) -Wall -c $name.c -o "$work/$name.o")
    $ld "$work/$name.o" $(pkg-config --libs hvsim-xal) --defsym=__xal_base=${p##*:} -o "$work/$name.elf"
    sparc64-linux-gnu-strip --strip-debug -o "$work/make.elf" "$work/$name.elf"
    sparc64-linux-gnu-strip --strip-debug -o "$work/cmake.elf" "$project/build/$name.elf"
    cmp "$work/make.elf" "$work/cmake.elf" || fail "$name: pkg-config and CMake images differ"
done

if "$prefix/bin/hvsim" new "$project" 2>"$work/err"; then fail "hvsim new wrote over a project"; fi
grep -q "CMakeLists.txt: cannot create: File exists" "$work/err" || fail "$(cat "$work/err")"
echo "ok: installed, created, built out of tree (CMake and pkg-config), scenario passed"
