#!/usr/bin/env bash
# second_config.sh SOURCE WORK
# The host code in the configurations packagers build: Release (-O3) with
# gcc and with clang, warnings as errors (the main build is gcc
# RelWithDebInfo). The SPARC side is left out: its flags do not change.
set -u
source=$1
work=$2
for cc in gcc clang; do
    dir=$work/$cc-release
    log=$work/$cc-release.log
    mkdir -p "$work"
    if ! { CC=$cc cmake -S "$source" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DHVSIM_BUILD_SPARC=OFF && cmake --build "$dir"; } >"$log" 2>&1; then
        grep -E "error|warning:" "$log" | head -20
        echo "FAIL: the $cc Release build (log: $log)"
        exit 1
    fi
    echo "ok: $cc Release builds without a warning"
done
