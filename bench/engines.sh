#!/bin/sh
# bench/engines.sh [BUILD] [MAFS]: the paper's cases 1 and 4 on both engines,
# side by side in one run (docs/benchmarks.md, "The two engines"): wall time,
# real-time factor (virtual seconds per wall second) and MIPS, counted as the
# Counters' work: every increment of `for (;;) (*counter)++;` is 4 SPARC
# instructions (ld, inc, st, b,a), summed from what the Reader printed.
set -eu
build=${1:-build}
mafs=${2:-1}
src=$(cd "$(dirname "$0")/.." && pwd)
hvsim=$build/sim/hvsim
images=$build/sparc/scenarios/paper
out=$(mktemp)
trap 'rm -f "$out"' EXIT

args_for() { # case -> -p options, one per partition of its configuration
    grep -o '<Partition id="[0-9]*" name="[^"]*"' "$src/scenarios/paper/case$1/xm_cf.xml" |
        sed 's/.*id="\([0-9]*\)" name="\([^"]*\)"/\1 \2/' | while read -r id name; do
            case $name in
            Reader) echo "-p $id=$images/paper_reader.elf" ;;
            *) echo "-p $id=$images/paper_counter_$id.elf" ;;
            esac
        done
}

printf '%-6s %-6s %8s %8s %10s %8s\n' case engine wall_s rtf increments mips
for k in 1 4; do
    maf_ms=$(grep -o 'majorFrame="[0-9]*ms"' "$src/scenarios/paper/case$k/xm_cf.xml" | grep -o '[0-9]*')
    for engine in sim qemu; do
        start=$(date +%s.%N)
        # shellcheck disable=SC2046
        "$hvsim" run "$src/scenarios/paper/case$k/xm_cf.xml" $(args_for "$k") --mafs "$mafs" \
            --engine "$engine" >"$out" 2>/dev/null
        end=$(date +%s.%N)
        awk -v k="$k" -v e="$engine" -v s="$start" -v t="$end" -v mafs="$mafs" -v ms="$maf_ms" '
            /^MAF/ { for (i = 3; i <= NF; i++) n += $i }
            END { w = t - s; printf "%-6s %-6s %8.2f %8.2f %10d %8.1f\n", k, e, w, mafs * ms / 1000 / w, n, 4 * n / w / 1e6 }' "$out"
    done
done
