#!/usr/bin/env bash
# make_xef_fixtures.sh HVSIM DIR CONFIG P0.elf P1.elf -- good and corrupted
# XEF files and containers of a two-partition system for the refusal tests
# (tests/scenarios/xef.cmake): each file below breaks one rule a loader
# relies on (docs/xef.md). Offsets: a one-segment partition XEF has its
# segment table at 96 and its image at 120; a container's partition table
# is at 64.
set -eu
hvsim=$1 dir=$2 config=$3 p0=$4 p1=$5
edit=$(cd "$(dirname "$0")" && pwd)/xef_edit.py
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
echo "hvsim host engine: hvcore is built in" >core.txt
"$hvsim" xef build -m -o core.xef core.txt >/dev/null
"$hvsim" xef build -m -c -o xm_cf.xef "$config" >/dev/null
"$hvsim" xef build -o p0.xef "$p0" >/dev/null
"$hvsim" xef build -c -o p0c.xef "$p0" >/dev/null
"$hvsim" xef build -o p1.xef "$p1" >/dev/null

cp p0.xef truncated.xef && "$edit" truncated.xef --truncate 50
cp p0.xef cut.xef && "$edit" cut.xef --truncate "$(($(stat -c %s p0.xef) - 8))"
cp p0.xef badsig.xef && "$edit" badsig.xef 0=0x24584547
cp p0.xef badver.xef && "$edit" badver.xef 4=0x020000
cp p0.xef baddigest.xef && "$edit" baddigest.xef 200-=1
cp p0.xef segout.xef && "$edit" segout.xef 112=0x100000 --redigest
# The segment's size and its stream's declared size both 100 bytes smaller:
# the stream decodes past them.
cp p0c.xef overrun.xef && "$edit" overrun.xef 104-=100 124-=100 --redigest

"$hvsim" pack build -h core.xef:xm_cf.xef -p 0:p0.xef -p 1:p1.xef good.pack >/dev/null
cp good.pack badtable.pack && "$edit" badtable.pack 32=0x7fffff00 --redigest
cp good.pack baddigest.pack && "$edit" baddigest.pack 100-=1
# No configuration given: nothing checks that p0 declares no custom file.
"$hvsim" pack build -h core.xef -p 0:p0.xef:core.xef -p 1:p1.xef custom.pack >/dev/null
