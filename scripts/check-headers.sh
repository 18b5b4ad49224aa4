#!/usr/bin/env bash
# The public headers compile on their own, as C89 with -pedantic, as C11 and
# as C++ (98 and 17), warning-free (ctest `headers_compile`, tests/packaging.cmake).
# Then a C++ program using the umbrella header links with the shared library
# and runs (the headers give C linkage).
# Usage: check-headers.sh CC CXX INCLUDE_DIR GENERATED_INCLUDE_DIR LIB_DIR [EXTRA_FLAGS]
set -euo pipefail
cc=$1 cxx=$2 inc=$3 geninc=$4 libdir=$5 extra=${6:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
warn=(-Wall -Wextra -Werror -pedantic)
n=0
for h in "$inc"/paroer/*.h "$geninc"/paroer/version.h; do
  name=paroer/$(basename "$h")
  printf '#include <%s>\n#include <%s>\nint paroer_header_check_%d;\n' "$name" "$name" "$n" > "$tmp/one.c"
  cp "$tmp/one.c" "$tmp/one.cpp"
  for std in c89 c11; do
    "$cc" -std=$std "${warn[@]}" -fsyntax-only -I"$inc" -I"$geninc" "$tmp/one.c" \
      || { echo "FAIL: $name does not compile alone as $std"; exit 1; }
  done
  for std in c++98 c++17; do
    "$cxx" -std=$std "${warn[@]}" -fsyntax-only -I"$inc" -I"$geninc" "$tmp/one.cpp" \
      || { echo "FAIL: $name does not compile alone as $std"; exit 1; }
  done
  n=$((n + 1))
done
cat > "$tmp/link.cpp" <<'CPP'
#include <paroer/paroer.h>
#include <cstring>
int main() { return std::strcmp(paroer_version(), PAROER_VERSION_STRING) == 0 ? 0 : 1; }
CPP
echo "$n headers compile alone as C89, C11, C++98 and C++17"
# shellcheck disable=SC2086
"$cxx" -std=c++11 "${warn[@]}" $extra -I"$inc" -I"$geninc" "$tmp/link.cpp" -L"$libdir" -lparoer -o "$tmp/link" \
  || { echo "FAIL: a C++ program does not link with libparoer"; exit 1; }
LD_LIBRARY_PATH=$libdir "$tmp/link" || { echo "FAIL: the C++ program failed"; exit 1; }
echo "a C++11 program links with libparoer.so and runs"
echo "headers_compile: OK"
