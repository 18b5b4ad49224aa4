#!/bin/sh
# Runs the command-line tool (and the fuzz corpus replays) under valgrind's
# memcheck on the shipped data and fails on any memory error or leak.
#
# usage: scripts/valgrind.sh
# environment: BUILD_DIR (default build-valgrind in the source tree)
#
# Every run uses
#   valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
# and must end with its expected exit status (0, or 1 for a deliberately
# invalid input); an exit status of 99 means valgrind found an error.
# ("still reachable" and "possibly lost" blocks, which the C library and
# jansson keep, are not errors.) Needs the Debian package valgrind.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build-valgrind}
mkdir -p "$BUILD_DIR"
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind.sh: valgrind not found (Debian package valgrind)" >&2
    exit 1
fi

echo "== building $BUILD_DIR (RelWithDebInfo, no sanitizers)"
cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAROER_SANITIZER= \
    -DPAROER_COVERAGE=OFF -DPAROER_BUILD_EXAMPLES=ON -DPAROER_BUILD_TESTS=ON \
    -DPAROER_BUILD_DOCS=OFF >"$BUILD_DIR/configure.log" 2>&1 || { cat "$BUILD_DIR/configure.log" >&2; exit 1; }
cmake --build "$BUILD_DIR" -j2 --target paroer-cli fuzz_catalog_replay fuzz_relative_replay \
    fuzz_population_replay fuzz_match_coverage_replay >"$BUILD_DIR/build.log" 2>&1 || {
    tail -40 "$BUILD_DIR/build.log" >&2; exit 1; }

CLI=$BUILD_DIR/examples/paroer
LOGS=$BUILD_DIR/valgrind-logs
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
rm -rf "$LOGS"
mkdir -p "$LOGS"

runs=0
failures=0
# vg NAME EXPECTED-STATUS COMMAND...
vg() {
    name=$1
    expected=$2
    shift 2
    runs=$((runs + 1))
    set +e
    valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect --track-origins=yes --log-file="$LOGS/$name.log" \
        "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
    status=$?
    set -e
    if [ "$status" -eq "$expected" ] && ! grep -q 'ERROR SUMMARY: [1-9]' "$LOGS/$name.log" &&
       ! grep -Eq '(definitely|indirectly) lost: [1-9]' "$LOGS/$name.log"; then
        printf '  %-28s ok (exit %d)\n' "$name" "$status"
    else
        failures=$((failures + 1))
        printf '  %-28s FAILED (exit %d, expected %d)\n' "$name" "$status" "$expected"
        sed -n '1,60p' "$LOGS/$name.log" >&2
        tail -5 "$OUT/$name.err" >&2
    fi
}

CATS="-c $ROOT/data/dk-offers.json -c $ROOT/data/statutory.json -c $ROOT/data/odsherred-policy.json"
DATE="--date 2025-10-01"
echo "== valgrind: command-line tool"
vg validate-data 0 "$CLI" validate "$ROOT"/data/*.json
vg validate-json 0 "$CLI" validate --format json "$ROOT"/data/*.json "$ROOT"/examples/relatives/*.json
vg validate-bad 1 "$CLI" validate "$ROOT/tests/bad/comment/input.json" "$ROOT/tests/bad/relative-unknown-condition/input.json" \
    "$ROOT/tests/data/pop-bad.csv"
for rel in "$ROOT"/examples/relatives/*.json; do
    base=$(basename "$rel" .json)
    # shellcheck disable=SC2086
    vg "match-$base" 0 "$CLI" match $CATS -r "$rel" $DATE --explain
done
# shellcheck disable=SC2086
vg match-json-top 0 "$CLI" match $CATS -r "$ROOT/examples/relatives/daughter-dementia.json" $DATE --top 5 --format json --lang en
# shellcheck disable=SC2086
vg coverage-306 0 "$CLI" coverage $CATS -m 306 $DATE
# shellcheck disable=SC2086
vg coverage-306-pop-json 0 "$CLI" coverage $CATS -m 306 --population "$ROOT/tests/data/pop-small.csv" $DATE --format json
# shellcheck disable=SC2086
vg coverage-national 0 "$CLI" coverage $CATS --population "$ROOT/tests/data/pop-small.csv" $DATE
# shellcheck disable=SC2086
vg report-306 0 "$CLI" report $CATS -m 306 --population "$ROOT/tests/data/pop-small.csv" $DATE -o "$OUT/report.html"
vg codes 0 "$CLI" codes
vg codes-need-en 0 "$CLI" codes need --lang en --format json

echo "== valgrind: fuzz corpus replay (library on malformed input)"
for t in fuzz_catalog fuzz_relative fuzz_population fuzz_match_coverage; do
    vg "replay-$t" 0 "$BUILD_DIR/tests/${t}_replay" "$ROOT/tests/fuzz/corpus/$t"
done

echo "== valgrind: $runs runs, $failures failed (logs in $LOGS)"
[ "$failures" -eq 0 ]
