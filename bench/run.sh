#!/bin/sh
# Builds the benchmarks optimised (-O2, Release) in their own build directory,
# generates the synthetic data into a temporary directory, runs the three
# benchmarks one after the other and prints a summary. See bench/README.md.
#
#   bench/run.sh [--quick] [--build-dir DIR] [--seed N] [--keep DIR]
#
#   --quick       small sizes (200,000 relatives), for a fast look; not the reported figures
#   --build-dir   where to build (default: build-bench in the source tree)
#   --seed        paroer-synth seed (default 1)
#   --keep DIR    write the data and the full logs to DIR and keep them
#
# Exit status: 0 when every benchmark ran and libparoer and SQLite agreed;
# non-zero otherwise. A missed speed target is reported, not an error.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$ROOT/build-bench
SEED=1
QUICK=0
KEEP=
while [ $# -gt 0 ]; do
  case $1 in
    --quick) QUICK=1 ;;
    --build-dir) BUILD=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --keep) KEEP=$2; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

echo "== build ($BUILD, Release -O2)"
mkdir -p "$BUILD"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" \
      -DPAROER_BUILD_BENCH=ON -DPAROER_BUILD_TESTS=OFF -DPAROER_BUILD_DOCS=OFF >"$BUILD/bench-configure.log" 2>&1 \
  || { cat "$BUILD/bench-configure.log"; exit 1; }
cmake --build "$BUILD" -j2 --target bench_load bench_match bench_coverage bench_diagnostics bench_hsds bench_overview >"$BUILD/bench-build.log" 2>&1 \
  || { tail -40 "$BUILD/bench-build.log"; exit 1; }
if [ -x "$BUILD/examples/paroer-synth" ]; then SYNTH=$BUILD/examples/paroer-synth
else
  cmake --build "$BUILD" -j2 --target paroer-synth >>"$BUILD/bench-build.log" 2>&1 \
    || cmake --build "$BUILD" -j2 --target paroer-synth-bench >>"$BUILD/bench-build.log" 2>&1
  if [ -x "$BUILD/examples/paroer-synth" ]; then SYNTH=$BUILD/examples/paroer-synth
  else SYNTH=$BUILD/bench/paroer-synth-bench; fi
fi
B=$BUILD/bench

if [ -n "$KEEP" ]; then DATA=$KEEP; mkdir -p "$DATA"
else DATA=$(mktemp -d); trap 'rm -rf "$DATA"' EXIT INT TERM; fi

if [ $QUICK = 1 ]; then POP=200000 REL=100000 LAT=20000 SQL=2000 MUNIS=3
else POP=2100000 REL=1000000 LAT=100000 SQL=20000 MUNIS=4; fi

echo "== data (paroer-synth --seed $SEED, into $DATA)"
"$SYNTH" catalog --seed "$SEED" -o "$DATA/catalog.json"
"$SYNTH" population --seed "$SEED" --relatives $POP -o "$DATA/population.csv"
ls -l "$DATA/catalog.json" "$DATA/population.csv" | awk '{print "   ", $5, $NF}'

status=0
# Runs one benchmark, showing its output as it comes and keeping a log and its exit status.
run() {
  name=$1; shift
  echo "== $name"
  { rc=0; "$@" || rc=$?; echo $rc >"$DATA/$name.rc"; } 2>&1 | tee "$DATA/$name.log"
  [ "$(cat "$DATA/$name.rc")" = 0 ] || status=1
}
run bench_load "$B/bench_load" --catalog "$DATA/catalog.json" --repeat 25
run bench_hsds "$B/bench_hsds" --catalog "$DATA/catalog.json" --repeat 15
run bench_overview "$B/bench_overview" --catalog "$DATA/catalog.json" --repeat 5
run bench_match "$B/bench_match" --catalog "$DATA/catalog.json" --population "$DATA/population.csv" \
    --relatives $REL --latency-sample $LAT --sql-sample $SQL --repeat 3
run bench_coverage "$B/bench_coverage" --catalog "$DATA/catalog.json" --population "$DATA/population.csv" \
    --repeat 3 --sql-municipalities $MUNIS
if [ $QUICK = 1 ]; then run bench_diagnostics "$B/bench_diagnostics" --sizes 5000,10000,20000,40000 --repeat 1
else run bench_diagnostics "$B/bench_diagnostics" --repeat 3; fi

echo "== summary"
for n in bench_load bench_hsds bench_match bench_coverage bench_diagnostics; do grep -h -E "SUMMARY|^  agreement" "$DATA/$n.log" || true; done
[ $status = 0 ] && echo "all benchmarks ran; libparoer and SQLite agree" || echo "SOME BENCHMARK FAILED (see above)"
exit $status
