#!/usr/bin/env bash
# expect_mmu.sh NM MAPPER_IMAGE REFERENCE_IMAGE EXPECTED -- COMMAND...
# Runs `COMMAND -p 0=REFERENCE_IMAGE` (a partition that only idles) and
# `COMMAND -p 0=MAPPER_IMAGE` (tests/guest/mmu_test.c). Passes when both
# exit 0 and
#  - the mapper's lines ("Mapper:") are exactly the file EXPECTED;
#  - its notices on stderr (without their reports) are exactly its three
#    data access faults, in order: the store
#    to pages[1] (read-only in its map), the load from pages[2] (left out),
#    the store to its own page table (seen at 0x50001000), each propagated
#    by the health monitor (NM reads `pages` from MAPPER_IMAGE);
#  - the neighbour's lines ("Healthy:") are the same bytes in both runs.
set -u
nm=$1
mapper=$2
reference=$3
expected=$4
shift 5
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
pages=$("$nm" "$mapper" | awk '$3 == "pages" { print $1 }')
[ -n "$pages" ] || fail "no pages symbol in $mapper"
"$@" -p 0="$reference" >"$dir/ref.out" 2>"$dir/ref.err" || { cat "$dir/ref.err"; fail "reference run failed"; }
"$@" -p 0="$mapper" >"$dir/run.out" 2>"$dir/run.all" || { cat "$dir/run.all"; fail "mapper run failed"; }
grep -v '^hvsim:   ' "$dir/run.all" >"$dir/run.err" # the notices, without their fault reports
grep '^Mapper:' "$dir/run.out" >"$dir/mapper"
diff -u --label expected --label actual "$expected" "$dir/mapper" || fail "the mapper's output differs"
event="HM event XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION, action XM_HM_AC_PROPAGATE"
for address in $(printf '0x%08x 0x%08x 0x50001000' $((0x$pages + 0x1000)) $((0x$pages + 0x2000))); do
    echo "^hvsim: [0-9]+ us: partition 0 \\(Mapper\\): data access exception \\(tt 0x09\\) at pc 0x[0-9a-f]{8} <PartitionMain\\+0x[0-9a-f]+>, address $address: $event\$"
done >"$dir/notices"
[ "$(wc -l <"$dir/run.err")" -eq 3 ] || { cat "$dir/run.err"; fail "not three lines on stderr"; }
paste -d '\n' "$dir/notices" "$dir/run.err" | while read -r regex && read -r line; do
    [[ $line =~ $regex ]] || fail "stderr line '$line' does not match /$regex/"
done || exit 1
grep '^Healthy:' "$dir/ref.out" >"$dir/ref.healthy"
grep '^Healthy:' "$dir/run.out" >"$dir/run.healthy"
[ "$(wc -l <"$dir/ref.healthy")" -ge 3 ] || fail "the healthy partition printed less than 3 lines"
cmp -s "$dir/ref.healthy" "$dir/run.healthy" ||
    { diff -u --label alone --label "beside the mapper" "$dir/ref.healthy" "$dir/run.healthy"; fail "the neighbour's output changed"; }
echo "ok: $(grep -c '^Mapper:' "$dir/mapper") mapper lines, 3 faults, neighbour unchanged ($(wc -l <"$dir/run.healthy") lines)"
