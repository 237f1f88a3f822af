#!/usr/bin/env bash
# rsw_measure.sh [BUILD_DIR] -- the LEON3 loader's figures of docs/xef.md:
# hello packed into a container (the LEON3 hypervisor image and both
# partitions, each compressed), booted under qemu-system-sparc through
# rsw_measure.elf (the loader built with RSW_MEASURE) with -icount shift=0.
# The loader times, with the GPTIMER, a loop of a known instruction count,
# the verification (the container's MD5, then each file's) and the placing
# (decompressing every segment to its address); -icount makes instructions
# and timer ticks proportional and exact, so instructions = ticks x the
# calibration's instructions per tick, whatever the host's load.
set -eu
build=${1:-build}
hvsim=$build/sim/hvsim
hello=$build/sparc/scenarios/hello
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$hvsim" leon3-image "$(dirname "$0")/../scenarios/hello/xm_cf.xml" -p 0="$hello/hello_p0.elf" \
    -p 1="$hello/hello_p1.elf" --mafs 1 -o "$dir/hv.elf" >/dev/null
"$hvsim" xef build -c -o "$dir/hv.xef" "$dir/hv.elf" >/dev/null
"$hvsim" xef build -c -o "$dir/p0.xef" "$hello/hello_p0.elf" >/dev/null
"$hvsim" xef build -c -o "$dir/p1.xef" "$hello/hello_p1.elf" >/dev/null
"$hvsim" pack build -h "$dir/hv.xef" -p 0:"$dir/p0.xef" -p 1:"$dir/p1.xef" "$dir/c.bin" >/dev/null
timeout 120 qemu-system-sparc -M leon3_generic -display none -monitor none -serial stdio \
    -icount shift=0,sleep=off -no-reboot -kernel "$build/sparc/rsw/rsw_measure.elf" \
    -device loader,file="$dir/c.bin",addr=0x43000000 </dev/null | grep '^rsw: ' >"$dir/out"
cat "$dir/out"
hashed=$(($(stat -c %s "$dir/c.bin") + $(cat "$dir"/*.xef | wc -c)))
awk -v hashed="$hashed" '
    /calibration/ { per_tick = $3 / $5 }
    /verified/ { printf "verify: %d instructions, %.1f a byte hashed (%d bytes: the container, then each file)\n", $6 * per_tick, $6 * per_tick / hashed, hashed }
    /placed/ { printf "place: %d instructions, %.1f a byte produced (%d bytes)\n", $5 * per_tick, $5 * per_tick / $3, $3 }
' "$dir/out"
