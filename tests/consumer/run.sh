#!/usr/bin/env bash
# Installs the built libparoer into a scratch prefix and builds two programs
# against the installed copy only, then runs them on the installed data:
#   1. plain `cc` with `pkg-config --cflags --libs paroer`;
#   2. a CMake project with find_package(paroer) (paroer::paroer and paroer::paroer_static).
# Usage: run.sh BUILD_DIR SCRATCH_DIR CC [EXTRA_FLAGS]   (registered in tests/packaging.cmake)
set -euo pipefail
build=$1 scratch=$2 cc=$3 extra=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
prefix=$scratch/prefix

rm -rf "$scratch"
mkdir -p "$scratch"
echo "== cmake --install $build --prefix $prefix"
cmake --install "$build" --prefix "$prefix" > "$scratch/install.log"

libdir=$(dirname "$(find "$prefix" -name paroer.pc -print -quit)")/..
libdir=$(cd "$libdir" && pwd)
for f in include/paroer/paroer.h include/paroer/version.h include/paroer/common.h \
         share/paroer/odsherred-policy.json share/paroer/statutory.json; do
  [ -f "$prefix/$f" ] || { echo "FAIL: $prefix/$f was not installed"; exit 1; }
done
for f in libparoer.so libparoer.so.1 libparoer.a pkgconfig/paroer.pc \
         cmake/paroer/paroerConfig.cmake cmake/paroer/paroerConfigVersion.cmake cmake/paroer/paroerTargets.cmake; do
  [ -e "$libdir/$f" ] || { echo "FAIL: $libdir/$f was not installed"; exit 1; }
done
data=$prefix/share/paroer/odsherred-policy.json

# Only the scratch prefix may be seen: no build tree, no system copy.
export PKG_CONFIG_PATH=$libdir/pkgconfig
unset PKG_CONFIG_LIBDIR CPATH C_INCLUDE_PATH LIBRARY_PATH
export LD_LIBRARY_PATH=$libdir

echo "== pkg-config: $(pkg-config --modversion paroer)"
flags=$(pkg-config --cflags --libs paroer)
echo "$cc $extra -std=c99 -Wall -Wextra -Werror $here/consumer.c $flags -o $scratch/consumer_pc"
# shellcheck disable=SC2086
$cc $extra -std=c99 -Wall -Wextra -Werror "$here/consumer.c" $flags -o "$scratch/consumer_pc"
"$scratch/consumer_pc" "$data" | tee "$scratch/pc.out"
grep -q "libparoer $(pkg-config --modversion paroer)" "$scratch/pc.out"
resolved=$(ldd "$scratch/consumer_pc" | awk '/libparoer/ {print $3}')
case "$resolved" in
  "$libdir"/*) echo "consumer_pc runs with $resolved" ;;
  *) echo "FAIL: consumer_pc resolved libparoer to '$resolved', not the installed copy"; exit 1 ;;
esac

echo "== find_package(paroer)"
cmake -S "$here" -B "$scratch/cmake" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" \
      -DCMAKE_C_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" > "$scratch/cmake-configure.log" \
  || { cat "$scratch/cmake-configure.log"; exit 1; }
cmake --build "$scratch/cmake" > "$scratch/cmake-build.log" || { cat "$scratch/cmake-build.log"; exit 1; }
[ "$(cat "$scratch/cmake/datadir.txt")" = "$prefix/share/paroer" ] \
  || { echo "FAIL: paroer_DATADIR is '$(cat "$scratch/cmake/datadir.txt")'"; exit 1; }
for exe in consumer_shared consumer_static; do
  echo "-- $exe"
  "$scratch/cmake/$exe" "$data"
done
if ldd "$scratch/cmake/consumer_static" | grep -q libparoer; then
  echo "FAIL: consumer_static is linked to the shared library"; exit 1
fi
echo "install_consumers: OK"
