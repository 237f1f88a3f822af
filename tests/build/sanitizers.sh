#!/usr/bin/env bash
# sanitizers.sh SOURCE WORK MAIN_BUILD
# The whole test suite again, on host code built with AddressSanitizer and
# UndefinedBehaviorSanitizer (-DHVSIM_SANITIZE=ON) in WORK/sanitize:
# configured once, incremental afterwards. The SPARC side is the main
# build's (MAIN_BUILD/sparc, linked in): it runs inside the simulator,
# where no host sanitizer sees it.
#
# Every sanitizer report, in any process the tests start (hvsim run by a
# shell test, a forked scenario job, a unit test), is written to
# WORK/sanitize/sanitizer-logs and fails this test, even where the
# process's exit status alone would not (a test expecting a failure).
#
# Left out, each for a reason:
#   build.*  builds of other configurations (and this test itself): they
#            run no host code of ours
#   fuzz.*   the libFuzzer targets, always built with ASan and UBSan by
#            clang (cmake/fuzz.cmake) whatever HVSIM_SANITIZE says
set -u
source=$1
work=$2
main_build=$3
dir=$work/sanitize
log=$work/sanitize.log
logs=$dir/sanitizer-logs
mkdir -p "$dir"
ln -sfn "$(cd "$main_build" && pwd)/sparc" "$dir/sparc"
# clang: its UBSan writes its reports to log_path (gcc's prints them on
# stderr whatever UBSAN_OPTIONS says, where a test may swallow them).
if ! { CC=clang cmake -S "$source" -B "$dir" -G Ninja -DHVSIM_SANITIZE=ON -DHVSIM_BUILD_SPARC=OFF &&
    cmake --build "$dir"; } >"$log" 2>&1; then
    grep -E "error|warning:" "$log" | head -20
    echo "FAIL: the sanitized build (log: $log)"
    exit 1
fi

rm -rf "$logs"
mkdir -p "$logs"
# exitcode 99: no test expects it, and a report is fatal in the process
# that hits it; log_path: where the report goes, whatever the test does
# with stderr. LeakSanitizer runs inside ASan (detect_leaks).
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:exitcode=99:log_path=$logs/asan:detect_stack_use_after_return=1:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=99:log_path=$logs/ubsan"
export LSAN_OPTIONS="suppressions=$source/tests/build/sanitizers.supp:print_suppressions=0"
(cd "$dir" && ctest -j"$(nproc)" --output-on-failure -E '^(build|fuzz)\.') >"$dir/ctest.log" 2>&1
status=$?
reports=$(find "$logs" -type f | sort)
if [ -n "$reports" ]; then
    for f in $reports; do
        echo "== $f"
        head -40 "$f"
    done
    echo "FAIL: $(echo "$reports" | wc -l) sanitizer report(s) (in $logs)"
    exit 1
fi
if [ $status -ne 0 ]; then
    grep -E "^\s+[0-9]+ - |tests passed" "$dir/ctest.log"
    echo "FAIL: the sanitized suite (log: $dir/ctest.log)"
    exit 1
fi
grep "tests passed" "$dir/ctest.log"
echo "ok: the suite passes under ASan, LSan and UBSan, no report"
