#!/bin/sh
# Builds with gcc --coverage (-DPAROER_COVERAGE=ON), runs the whole ctest
# suite, and prints line and branch coverage of lib/ with gcovr.
#
# usage: scripts/coverage.sh
# environment:
#   BUILD_DIR        build directory (default build-coverage in the source tree)
#   MIN_LINES        fail when line coverage of lib/ is below this percentage (default 0: report only)
#   MIN_BRANCHES     the same for branch coverage (default 0)
# Writes $BUILD_DIR/coverage.txt (per file), coverage.html (annotated
# sources) and coverage-summary.txt. Needs the Debian package gcovr.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build-coverage}
mkdir -p "$BUILD_DIR"
MIN_LINES=${MIN_LINES:-0}
MIN_BRANCHES=${MIN_BRANCHES:-0}
if ! command -v gcovr >/dev/null 2>&1; then
    echo "coverage.sh: gcovr not found (Debian package gcovr)" >&2
    exit 1
fi

echo "== building $BUILD_DIR with --coverage"
# -fprofile-update=atomic: the threaded tests would otherwise race on the
# counters (gcov then reports negative branch counts).
CC=${CC:-gcc} cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Debug -DPAROER_COVERAGE=ON \
    -DCMAKE_C_FLAGS="-fprofile-update=atomic" \
    -DPAROER_SANITIZER= -DPAROER_BUILD_TESTS=ON -DPAROER_BUILD_EXAMPLES=ON \
    -DPAROER_BUILD_DOCS=OFF >"$BUILD_DIR/configure.log" 2>&1 || { cat "$BUILD_DIR/configure.log" >&2; exit 1; }
cmake --build "$BUILD_DIR" -j2 >"$BUILD_DIR/build.log" 2>&1 || { tail -40 "$BUILD_DIR/build.log" >&2; exit 1; }
find "$BUILD_DIR" -name '*.gcda' -delete

echo "== running the tests"
status=0
(cd "$BUILD_DIR" && ctest -j2 --timeout 600 --output-on-failure) >"$BUILD_DIR/ctest.log" 2>&1 || status=$?
tail -3 "$BUILD_DIR/ctest.log"
if [ "$status" -ne 0 ]; then
    grep -E '\*\*\*|Failed|Not Run' "$BUILD_DIR/ctest.log" >&2 || true
    echo "coverage.sh: some tests failed; coverage below is of what ran" >&2
fi

echo "== coverage of lib/"
# Only the library's own sources count; the tests, examples and the fuzz
# drivers are not measured. Unreachable defensive branches are not excluded.
cd "$ROOT"
gcovr --root "$ROOT" --filter "$ROOT/lib/" --object-directory "$BUILD_DIR" \
      --txt "$BUILD_DIR/coverage.txt" --html-details "$BUILD_DIR/coverage.html" \
      --json-summary-pretty --json-summary "$BUILD_DIR/coverage-summary.json" \
      --print-summary >"$BUILD_DIR/coverage-summary.txt"
gcovr --root "$ROOT" --filter "$ROOT/lib/" --object-directory "$BUILD_DIR" \
      --branches --sort-uncovered --txt "$BUILD_DIR/coverage-branches.txt"
echo "-- per file, lines ($BUILD_DIR/coverage.txt):"
sed -n '/^File/,$p' "$BUILD_DIR/coverage.txt"
cat "$BUILD_DIR/coverage-summary.txt"
lines=$(sed -n 's/^lines: *\([0-9.]*\)%.*/\1/p' "$BUILD_DIR/coverage-summary.txt")
branches=$(sed -n 's/^branches: *\([0-9.]*\)%.*/\1/p' "$BUILD_DIR/coverage-summary.txt")
echo "== lib/ line coverage ${lines:-?} %, branch coverage ${branches:-?} %"
below=$(awk -v l="${lines:-0}" -v b="${branches:-0}" -v ml="$MIN_LINES" -v mb="$MIN_BRANCHES" \
    'BEGIN { print (l + 0 < ml + 0 || b + 0 < mb + 0) ? 1 : 0 }')
if [ "$below" = 1 ]; then
    echo "coverage.sh: below the minimum (lines $MIN_LINES %, branches $MIN_BRANCHES %)" >&2
    exit 1
fi
exit "$status"
