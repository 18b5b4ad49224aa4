#!/usr/bin/env bash
# Builds libparoer and runs every test, stage by stage:
#   main      -DPAROER_WERROR=ON build in build/, ctest (unit, CLI, binding,
#             packaging, docs tests)
#   clang     the same -Werror build with clang in build-clang/ (library, CLI,
#             examples, tests), built only: its warnings differ from gcc's
#   asan      AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/, ctest
#   tsan      ThreadSanitizer build in build-tsan/, the concurrency tests (ctest -R threads)
#   fuzz, valgrind, coverage, abi
#             scripts/<stage>.sh, each only when that script exists
# Usage: bash scripts/test.sh [STAGE...]     (no stage: all of them)
# Every stage runs even when an earlier one failed; the exit status is
# non-zero when any stage failed. Needs the packages of scripts/setup.sh.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
jobs=${PAROER_JOBS:-2}
logdir=$root/build-logs
mkdir -p "$logdir"
export CTEST_OUTPUT_ON_FAILURE=1
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}

# ctest with its output kept, so the summary can add up the tests of all stages.
run_ctest() { # DIR [ctest args...]
  local dir=$1; shift
  (cd "$dir" && ctest --output-on-failure -j"$jobs" "$@") 2>&1 | tee "$logdir/ctest-$(basename "$dir").log"
}

# Options are given in full, so a build directory configured otherwise before
# (by hand, by another script) gets what the stage needs; later ones win.
base_options=(-DPAROER_WERROR=ON -DPAROER_BUILD_TESTS=ON -DPAROER_BUILD_EXAMPLES=ON -DPAROER_BUILD_DOCS=ON
              -DPAROER_SANITIZER= -DPAROER_COVERAGE=OFF)

configure_build() { # DIR [cmake args...]
  local dir=$1; shift
  cmake -S "$root" -B "$dir" "${base_options[@]}" "$@" && cmake --build "$dir" -j"$jobs"
}

stage_main() {
  configure_build build && run_ctest build
}

stage_clang() {
  if ! command -v clang >/dev/null; then
    echo "clang is not installed (scripts/setup.sh installs it)"; return 1
  fi
  configure_build build-clang -DCMAKE_C_COMPILER=clang -DPAROER_BUILD_DOCS=OFF
}

stage_asan() {
  configure_build build-asan -DPAROER_SANITIZER=address,undefined -DPAROER_BUILD_DOCS=OFF \
    && run_ctest build-asan
}

stage_tsan() {
  # Only the concurrency tests (ctest -R threads) need ThreadSanitizer: build
  # just their executables (a test_*.c test is named after its target), or
  # everything when one is not a target of its own.
  cmake -S "$root" -B build-tsan "${base_options[@]}" -DPAROER_SANITIZER=thread \
      -DPAROER_BUILD_DOCS=OFF -DPAROER_BUILD_EXAMPLES=OFF || return 1
  local names=() targets=() n
  mapfile -t names < <(cd build-tsan && ctest -N -R threads | sed -n 's/^ *Test *#[0-9]*: //p')
  if [ ${#names[@]} -eq 0 ]; then
    echo "no test matches 'threads'"; return 1
  fi
  for n in "${names[@]}"; do targets+=(--target "$n"); done
  cmake --build build-tsan -j"$jobs" "${targets[@]}" \
    || cmake --build build-tsan -j"$jobs" || return 1
  run_ctest build-tsan -R threads
}

build_dir_of() { # STAGE -> its build directory (ctest stages only)
  case "$1" in main) echo build ;; asan) echo build-asan ;; tsan) echo build-tsan ;; esac
}

stage_script() { # NAME
  bash "scripts/$1.sh"
}

all_stages=(main clang asan tsan fuzz valgrind coverage abi)
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=("${all_stages[@]}")

declare -a summary=()
failed=0
start_all=$SECONDS
for s in "${stages[@]}"; do
  case "$s" in
    main|clang|asan|tsan) fn=stage_$s ;;
    fuzz|valgrind|coverage|abi)
      if [ ! -f "scripts/$s.sh" ]; then
        summary+=("$(printf '%-9s skipped (no scripts/%s.sh)' "$s" "$s")")
        continue
      fi
      fn="stage_script $s" ;;
    *) echo "test.sh: unknown stage '$s' (stages: ${all_stages[*]})" >&2; exit 2 ;;
  esac
  echo
  echo "================================================================"
  echo "== stage $s"
  echo "================================================================"
  t0=$SECONDS
  [ -z "$(build_dir_of "$s")" ] || rm -f "$logdir/ctest-$(build_dir_of "$s").log"
  if $fn; then status=ok; else status=FAILED; failed=$((failed + 1)); fi
  summary+=("$(printf '%-9s %-6s %4ds' "$s" "$status" $((SECONDS - t0)))")
done

# Tests run by ctest in all stages together.
passed_tests=0 failed_tests=0
for s in "${stages[@]}"; do
  d=$(build_dir_of "$s"); [ -n "$d" ] || continue
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$logdir/ctest-$d.log" 2>/dev/null | tail -n 1)
  [ -n "$line" ] || continue
  f=$(sed -E 's/.*passed, ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
  n=$(sed -E 's/.*failed out of ([0-9]+).*/\1/' <<<"$line")
  passed_tests=$((passed_tests + n - f)); failed_tests=$((failed_tests + f))
done

echo
echo "================================================================"
echo "== summary ($((SECONDS - start_all))s)"
printf '%s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
  echo "test.sh: $failed stage(s) failed"
else
  echo "test.sh: all stages passed"
fi
echo "ctest: $passed_tests passed, $failed_tests failed"
[ "$failed" -eq 0 ]
