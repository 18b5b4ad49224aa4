#!/usr/bin/env bash
# ABI hygiene of the built libraries (ctest `abi_exports`, tests/packaging.cmake):
#  - the shared library's SONAME is libparoer.so.<ABI>;
#  - every dynamic symbol it defines starts with paroer_ and sits in a PAROER_<n>
#    version node (the node's own absolute symbol is skipped);
#  - every function declared PAROER_API in include/paroer/*.h is exported;
#  - the static library defines no global symbol outside paroer_* and pr_*.
# Usage: check-exports.sh LIBPAROER.so LIBPAROER.a ABI_VERSION INCLUDE_DIR
set -euo pipefail
so=$1 archive=$2 abi=$3 incdir=$4
fail=0

soname=$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
if [ "$soname" != "libparoer.so.$abi" ]; then
  echo "FAIL: SONAME is '$soname', expected libparoer.so.$abi"; fail=1
else
  echo "SONAME $soname"
fi
if ! objdump -p "$so" | grep -q "PAROER_$abi"; then
  echo "FAIL: no PAROER_$abi version definition (lib/paroer.map not applied?)"; fail=1
fi

# nm -D prints "ADDR TYPE name@@NODE"; the node itself is "ADDR A PAROER_1".
exported=$(nm -D --defined-only "$so" | awk 'NF >= 3 && !($2 == "A" && $3 ~ /^PAROER_[0-9_]+$/) {print $3}')
count=$(printf '%s\n' "$exported" | grep -c . || true)
bad=$(printf '%s\n' "$exported" | grep -v -E '^paroer_[A-Za-z0-9_]+@@?PAROER_[0-9_]+$' || true)
if [ -n "$bad" ]; then
  echo "FAIL: exported symbols without the paroer_ prefix or a PAROER_ version node:"
  printf '%s\n' "$bad" | sed 's/^/  /'; fail=1
fi
echo "$count exported symbols"

# Every declared function must be there (a missing one breaks consumers at link time).
names=$(printf '%s\n' "$exported" | sed 's/@.*//' | sort -u)
declared=$(cat "$incdir"/*.h | tr '\n' ' ' | grep -o -E 'PAROER_API[^;(]*\(' \
           | grep -o -E 'paroer_[A-Za-z0-9_]+[[:space:]]*\($' | tr -d ' (' | sort -u)
missing=$(comm -23 <(printf '%s\n' "$declared") <(printf '%s\n' "$names"))
if [ -n "$missing" ]; then
  echo "FAIL: declared PAROER_API in $incdir but not exported by $so:"
  printf '%s\n' "$missing" | sed 's/^/  /'; fail=1
fi
echo "$(printf '%s\n' "$declared" | grep -c .) PAROER_API declarations checked"

stray=$(nm -g --defined-only "$archive" 2>/dev/null | awk 'NF == 3 {print $3}' \
        | grep -v -E '^(paroer_|pr_)' | grep -v -E '^__odr_asan[._]' | sort -u || true)
# (__odr_asan.<name> is AddressSanitizer's one-definition-rule marker for a
# global variable <name>, emitted by the compiler in sanitizer builds.)
if [ -n "$stray" ]; then
  echo "FAIL: $archive defines global symbols outside paroer_*/pr_* (make them static or pr_):"
  printf '%s\n' "$stray" | sed 's/^/  /'; fail=1
fi

[ "$fail" = 0 ] && echo "abi_exports: OK"
exit "$fail"
