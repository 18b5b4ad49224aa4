#!/bin/sh
# Builds the libFuzzer targets (tests/fuzz/) with clang, ASan and UBSan and
# runs each for a bounded time from its seed corpus. Fails on any crash,
# leak, sanitizer report or timeout, and prints the executions each target
# reached.
#
# usage: scripts/fuzz.sh [TARGET...]
# environment:
#   FUZZ_TIME   seconds per target (default 60)
#   FUZZ_JOBS   targets run at once (default 2)
#   BUILD_DIR   build directory (default build-fuzz in the source tree)
#   CC          a clang (default clang)
# Needs the Debian packages clang-14 and libclang-rt-14-dev (libFuzzer and the
# sanitizer runtimes). New inputs go to $BUILD_DIR/corpus/<target>/ (the seed
# corpus in the repository is only read); a crashing input is saved as
# $BUILD_DIR/artifacts/<target>-crash-* and replayed with
#   $BUILD_DIR/tests/fuzz/<target> FILE
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build-fuzz}
mkdir -p "$BUILD_DIR"
FUZZ_TIME=${FUZZ_TIME:-60}
FUZZ_JOBS=${FUZZ_JOBS:-2}
CC=${CC:-clang}
ALL_TARGETS="fuzz_catalog fuzz_relative fuzz_population fuzz_match_coverage fuzz_rules fuzz_hsds"
TARGETS=${*:-$ALL_TARGETS}

if ! command -v "$CC" >/dev/null 2>&1; then
    echo "fuzz.sh: $CC not found (install clang-14 and libclang-rt-14-dev)" >&2
    exit 1
fi
# The libFuzzer runtime ships in libclang-rt-*-dev; probe for it before building.
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n){(void)d;(void)n;return 0;}\n' >"$probe/p.c"
if ! "$CC" -fsanitize=fuzzer,address,undefined "$probe/p.c" -o "$probe/p" >/dev/null 2>&1; then
    echo "fuzz.sh: $CC cannot link -fsanitize=fuzzer,address,undefined (install libclang-rt-14-dev)" >&2
    exit 1
fi

echo "== configuring $BUILD_DIR with $CC"
CC=$CC cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPAROER_BUILD_FUZZERS=ON -DPAROER_BUILD_TESTS=OFF -DPAROER_BUILD_EXAMPLES=OFF \
    -DPAROER_BUILD_DOCS=OFF -DPAROER_BUILD_BENCH=OFF -DPAROER_WERROR=OFF >"$BUILD_DIR/configure.log" 2>&1 || {
    cat "$BUILD_DIR/configure.log" >&2; exit 1; }
# shellcheck disable=SC2086
cmake --build "$BUILD_DIR" -j2 --target $TARGETS >"$BUILD_DIR/build.log" 2>&1 || {
    tail -50 "$BUILD_DIR/build.log" >&2; exit 1; }

mkdir -p "$BUILD_DIR/artifacts" "$BUILD_DIR/logs"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:allocator_may_return_null=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

run_one() {
    t=$1
    case $t in
        fuzz_population) dict=$ROOT/tests/fuzz/csv.dict ;;
        *) dict=$ROOT/tests/fuzz/json.dict ;;
    esac
    mkdir -p "$BUILD_DIR/corpus/$t"
    log=$BUILD_DIR/logs/$t.log
    set +e
    "$BUILD_DIR/tests/fuzz/$t" "$BUILD_DIR/corpus/$t" "$ROOT/tests/fuzz/corpus/$t" \
        -dict="$dict" -max_total_time="$FUZZ_TIME" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -detect_leaks=1 -print_final_stats=1 \
        -artifact_prefix="$BUILD_DIR/artifacts/$t-" >"$log" 2>&1
    rc=$?
    set -e
    echo "$rc" >"$BUILD_DIR/logs/$t.rc"
}

for t in $TARGETS; do rm -f "$BUILD_DIR/logs/$t.rc"; done
echo "== fuzzing ($FUZZ_TIME s per target, $FUZZ_JOBS at a time): $TARGETS"
running=0
for t in $TARGETS; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$FUZZ_JOBS" ]; then
        wait
        running=0
    fi
done
wait

status=0
printf '%-22s %12s %8s %8s  %s\n' target executions exec/s corpus result
for t in $TARGETS; do
    log=$BUILD_DIR/logs/$t.log
    rc=$(cat "$BUILD_DIR/logs/$t.rc" 2>/dev/null || echo 99)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    units=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -1)
    result=ok
    if [ "$rc" != 0 ]; then
        result="FAILED (exit $rc)"
    elif grep -Eq 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|runtime error:|SUMMARY: |ALARM: working on the last Unit|==[0-9]+== ?ERROR' "$log"; then
        result="FAILED (sanitizer report)"
    elif [ -z "$execs" ]; then
        result="FAILED (no final stats)"
    fi
    printf '%-22s %12s %8s %8s  %s\n' "$t" "${execs:-?}" "${speed:-?}" "+${units:-?}" "$result"
    if [ "$result" != ok ]; then
        status=1
        echo "---- $t: last lines of $log" >&2
        tail -40 "$log" >&2
    fi
done
exit $status
