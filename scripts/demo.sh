#!/usr/bin/env bash
# Builds libparoer in build/ and shows the command-line tool on the shipped
# data: validate the catalogs, match the example relatives, the coverage of
# Odsherred and of Herning (whose goals are mostly organisational), and an
# HTML report (build/odsherred-report.html).
# Each step prints the command it runs. Needs the packages of scripts/setup.sh.
# Usage: bash scripts/demo.sh
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
jobs=${PAROER_JOBS:-2}

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
failed=0
run() { # print and run a command; a failure is counted, the demo goes on
  printf '$ %s\n' "$*"
  "$@"
  local rc=$?
  if [ $rc -ne 0 ]; then echo "demo: exit status $rc"; failed=$((failed + 1)); fi
  return 0
}

step "Build (cmake -S . -B build && cmake --build build -j$jobs)"
mkdir -p build
cmake -S . -B build -DPAROER_BUILD_EXAMPLES=ON > build/demo-configure.log 2>&1 || { cat build/demo-configure.log; exit 1; }
cmake --build build -j"$jobs" || exit 1

cli=build/examples/paroer
if [ ! -x "$cli" ]; then
  echo "demo: $cli was not built (examples/ has no CLI yet?)"; exit 1
fi
help=$("$cli" --help)
has() { grep -qE "^  $1 " <<<"$help"; }
run "$cli" --version

catalogs=(data/dk-offers.json data/statutory.json data/odsherred-policy.json data/municipal-policies.json)
shopt -s nullglob
relatives=(examples/relatives/*.json)
population=(examples/population*.csv examples/relatives/*.csv)
shopt -u nullglob
pop_args=()
[ ${#population[@]} -eq 0 ] || pop_args=(--population "${population[0]}")

if has validate; then
  step "Check the shipped catalogs (and example relatives) against the contract"
  run "$cli" validate data/*.json "${relatives[@]}"
fi

if has match; then
  step "The offers that fit each example relative (best 5, with reasons)"
  if [ ${#relatives[@]} -eq 0 ]; then
    echo "(no examples/relatives/*.json)"
  fi
  for r in "${relatives[@]}"; do
    run "$cli" match -c "${catalogs[@]}" -r "$r" --top 5
  done
  if [ ${#relatives[@]} -gt 0 ]; then
    step "Why the other offers do not fit the first relative (--explain)"
    run "$cli" match -c "${catalogs[@]}" -r "${relatives[0]}" --top 1 --explain
    step "The same match for machines (--format json, the contract's JSON)"
    run "$cli" match -c "${catalogs[@]}" -r "${relatives[0]}" --top 2 --format json
  fi
fi

if has coverage; then
  step "Odsherred (306): target-group coverage, gaps, policy goals and checks"
  run "$cli" coverage -c "${catalogs[@]}" -m 306 "${pop_args[@]}"
  step "Herning (657): a strategy whose goals are mostly organisational"
  run "$cli" coverage -c "${catalogs[@]}" -m 657
fi

if has report; then
  step "The same as one HTML page for a municipal leader"
  run "$cli" report -c "${catalogs[@]}" -m 306 "${pop_args[@]}" -o build/odsherred-report.html
  [ -f build/odsherred-report.html ] && echo "wrote $(pwd)/build/odsherred-report.html"
fi

if has overview; then
  step "The national overview: every municipality in one table (first rows and the summary)"
  printf '$ %s\n' "$cli overview -c ${catalogs[*]}"
  "$cli" overview -c "${catalogs[@]}" > build/overview.txt || failed=$((failed + 1))
  head -8 build/overview.txt; echo "…"; sed -n '/^Opsummering/,$p' build/overview.txt
  run "$cli" overview -c "${catalogs[@]}" -o build/overview.html
  [ -f build/overview.html ] && echo "wrote $(pwd)/build/overview.html"
fi

if has codes; then
  step "The vocabulary: needs, with labels in English"
  run "$cli" codes need --lang en
fi

echo
if [ "$failed" -ne 0 ]; then
  echo "demo: $failed step(s) failed"
  exit 1
fi
echo "demo: done"
