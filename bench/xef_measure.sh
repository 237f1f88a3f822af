#!/usr/bin/env bash
# xef_measure.sh [BUILD_DIR] -- the measurements of docs/xef.md: LZSS ratio
# and decompression speed for every scenario partition and for two 1 MiB
# images, then host instructions per byte decompressed (callgrind, which
# does not depend on the machine's load).
#   code-1MiB:   the .text of every partition the build makes, concatenated
#                and repeated to 1 MiB (each carries xal, so it repeats)
#   random-1MiB: 1 MiB of seeded pseudo-random bytes (incompressible)
#   leon3-hello: the LEON3 hypervisor image for hello (hvsim leon3-image; its
#                one loadable segment, hvcore + the port + the configuration),
#                as a custom-file XEF: the image has no .xmHdr yet
set -eu
build=${1:-build}
hvsim=$build/sim/hvsim
bench=$build/bench/xef_bench
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

images=()
for elf in $(find "$build/sparc/scenarios" -name '*.elf' | sort); do
    x="$dir/$(basename "$(dirname "$elf")")-$(basename "$elf" .elf).xef"
    "$hvsim" xef build -c -o "$x" "$elf" >/dev/null
    images+=("$x")
done

for elf in $(find "$build/sparc" -name '*.elf' | sort); do
    sparc64-linux-gnu-objcopy -O binary --only-section=.text "$elf" "$dir/t.bin"
    cat "$dir/t.bin" >>"$dir/code.bin"
done
while [ "$(stat -c %s "$dir/code.bin")" -lt 1048576 ]; do
    cat "$dir/code.bin" "$dir/code.bin" >"$dir/code2.bin" && mv "$dir/code2.bin" "$dir/code.bin"
done
head -c 1048576 "$dir/code.bin" >"$dir/code-1MiB"
python3 -c 'import random, sys; random.seed(1); sys.stdout.buffer.write(random.randbytes(1 << 20))' \
    >"$dir/random-1MiB"
hello=$build/sparc/scenarios/hello
"$hvsim" leon3-image "$(dirname "$0")/../scenarios/hello/xm_cf.xml" -p 0="$hello/hello_p0.elf" \
    -p 1="$hello/hello_p1.elf" -o "$dir/hv.elf" >/dev/null
sparc64-linux-gnu-objcopy -O binary "$dir/hv.elf" "$dir/leon3-hello"
for f in code-1MiB random-1MiB leon3-hello; do
    "$hvsim" xef build -m -c -o "$dir/$f.xef" "$dir/$f" >/dev/null
    images+=("$dir/$f.xef")
done

echo "== ratio and host speed (best of 20; wall clock)"
"$bench" "${images[@]}"
echo "== host instructions per byte decompressed (callgrind, xef_lzss_decode and callees)"
for x in "${images[@]}"; do
    out="$dir/cg.out"
    valgrind --tool=callgrind --toggle-collect=xef_lzss_decode --callgrind-out-file="$out" \
        "$bench" --once "$x" 2>/dev/null
    ir=$(grep -E '^(summary|totals):' "$out" | head -1 | awk '{print $2}')
    bytes=$("$hvsim" xef info "$x" | awk '/^  image length:/ {print $3}')
    printf '%-28s %12s Ir %9s bytes %6.1f Ir/byte\n' "$(basename "$x")" "$ir" "$bytes" \
        "$(echo "$ir / $bytes" | bc -l)"
done
