#!/bin/sh
# expect_rsw_boot.sh HVSIM RSW.elf WORK CONFIG P0.elf P1.elf
# A two-partition system packed into a container (hvsim leon3-image, hvsim
# xef build -c, hvsim pack build) and booted under qemu-system-sparc through
# our resident loader (rsw/, docs/xef.md): the console output must be the
# bytes of the same image booted directly (-kernel hv.elf, the partitions'
# ELFs loaded by QEMU), and those `hvsim run --engine qemu` prints once the
# times partitions print are masked (that image frames the UART, and frames
# cost the board time: 1 us here and there, docs/leon3.md). Then two
# corrupted copies: a byte of partition 1's file changed (the container's
# digest catches it), and the same with the container's digest made right
# (partition 1's XEF digest catches it): each refused by the loader with its
# one line, nothing booted, QEMU ending cleanly (status 0).
set -eu
hvsim=$1 rsw=$2 work=$3 config=$4 p0=$5 p1=$6
edit=$(cd "$(dirname "$0")/../scenarios" && pwd)/xef_edit.py
mafs=3
rm -rf "$work" && mkdir -p "$work" && cd "$work"

"$hvsim" leon3-image "$config" -p 0="$p0" -p 1="$p1" --mafs $mafs -o hv.elf >/dev/null
"$hvsim" xef build -c -o hv.xef hv.elf >/dev/null
"$hvsim" xef build -c -o p0.xef "$p0" >/dev/null
"$hvsim" xef build -c -o p1.xef "$p1" >/dev/null
"$hvsim" pack build -h hv.xef -p 0:p0.xef -p 1:p1.xef container.bin >/dev/null

boot() { # container -> its console output in $1.out; QEMU's status checked
    timeout 60 qemu-system-sparc -M leon3_generic -display none -monitor none -serial stdio \
        -icount shift=5,sleep=off -no-reboot -kernel "$rsw" \
        -device loader,file="$1",addr=0x43000000 >"$1.out" </dev/null
}

same() { # what a b: a and b the same bytes
    if ! cmp -s "$2" "$3"; then
        echo "booted from the container through rsw, the console differs from $1:"
        diff "$2" "$3" || true
        exit 1
    fi
}
boot container.bin
timeout 60 qemu-system-sparc -M leon3_generic -display none -monitor none -serial stdio \
    -icount shift=5,sleep=off -no-reboot -kernel hv.elf \
    -device loader,file="$p0" -device loader,file="$p1" >direct.out </dev/null
same "the direct boot" direct.out container.bin.out
"$hvsim" run "$config" -p 0="$p0" -p 1="$p1" --engine qemu --mafs $mafs >engine.out
sed 's/[0-9]* us/# us/g' engine.out >engine.masked
sed 's/[0-9]* us/# us/g' container.bin.out >container.masked
same "--engine qemu (times masked)" engine.masked container.masked
[ "$(grep -c 'slot' container.bin.out)" -ge 4 ] || { echo "too little console output"; exit 1; }

# Partition 1's file is the container's last: it ends at fileDataOffset (offset 56).
end=$(od -An -tu1 -j56 -N4 container.bin | awk '{ print (($1 * 256 + $2) * 256 + $3) * 256 + $4 }')
at=$((end - 64))
cp container.bin corrupt.bin
python3 "$edit" corrupt.bin "$at-=1"
cp corrupt.bin redigested.bin
python3 "$edit" redigested.bin --redigest
expect() { # file expected-line
    boot "$1"
    printf '%s\n' "$2" >"$1.expected"
    if ! cmp -s "$1.expected" "$1.out"; then
        echo "$1: expected the loader's line: $2"
        echo "got:" && cat "$1.out"
        exit 1
    fi
}
expect corrupt.bin "rsw: container: digest mismatch: the file is corrupted"
expect redigested.bin "rsw: p1.xef: digest mismatch: the file is corrupted"
echo "booted from the container like --engine qemu; both corruptions refused"
