#!/usr/bin/env bash
# bench/mmu_calls.sh [BUILD_DIR]: cycles charged and host time per MMU
# paravirtualisation call (docs/benchmarks.md). Runs each image of
# tests/guest/mmu_bench.c (one call kind in a loop) and the set-up alone;
# host time per call = (best of 9 CPU times, perf stat's task-clock, minus
# the set-up's) / calls (CPU time, not wall time: the machine may be busy);
# charged = the loop's virtual time / calls (50 MHz), which includes the
# loop's own instructions.
set -eu
build=${1:-build}
src=$(cd "$(dirname "$0")/.." && pwd)
run() {
    "$build/sim/hvsim" run "$src/tests/guest/mmu_bench.xml" \
        -p 0="$build/sparc/tests/guest/mmu_bench_$1.elf" --mafs 1
}
stats=$(mktemp)
trap 'rm -f "$stats"' EXIT
task_ns() {
    perf stat -x, -e task-clock -o "$stats" -- "$@" >/dev/null
    awk -F, '$3 == "task-clock" { printf "%d\n", $1 * 1000000 }' "$stats"
}
best_ns() {
    local best=
    for _ in 1 2 3 4 5 6 7 8 9; do
        local t
        t=$(task_ns "$build/sim/hvsim" run "$src/tests/guest/mmu_bench.xml" \
            -p 0="$build/sparc/tests/guest/mmu_bench_$1.elf" --mafs 1)
        if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    done
    echo "$best"
}
none=$(best_ns none)
printf '%-8s %8s %14s %16s\n' kind calls "cycles/call" "host ns/call"
for kind in base update switch invld settype; do
    read -r calls us < <(run "$kind" | awk '{ print $2, $5 }')
    ns=$(best_ns "$kind")
    printf '%-8s %8d %14.1f %16.0f\n' "$kind" "$calls" "$(echo "$us * 50 / $calls" | bc -l)" \
        "$(echo "($ns - $none) / $calls" | bc -l)"
done
