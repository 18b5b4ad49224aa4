#!/bin/sh
# Smoke run of one benchmark with tiny sizes (registered with ctest by
# bench/CMakeLists.txt). Asserts no timing: it fails only when the benchmark
# cannot run or libparoer and SQLite disagree (the benchmark exits non-zero).
#   smoke.sh load|match|coverage|hsds PAROER_SYNTH BENCH_BINARY WORKDIR
set -eu
which=$1 synth=$2 bench=$3 work=$4
mkdir -p "$work"
"$synth" catalog --seed 3 -o "$work/catalog.json"
case $which in
  load)
    "$bench" --catalog "$work/catalog.json" --repeat 3 ;;
  hsds)
    "$bench" --catalog "$work/catalog.json" --repeat 1 ;;
  match)
    "$synth" population --seed 3 --relatives 3000 -o "$work/population.csv"
    "$bench" --catalog "$work/catalog.json" --population "$work/population.csv" \
             --relatives 3000 --latency-sample 500 --sql-sample 300 --repeat 1 ;;
  coverage)
    "$synth" population --seed 3 --relatives 3000 -o "$work/population.csv"
    "$bench" --catalog "$work/catalog.json" --population "$work/population.csv" \
             --repeat 1 --sql-municipalities all ;;
  *)
    echo "smoke.sh: unknown benchmark $which" >&2; exit 2 ;;
esac
rm -rf "$work"
