#!/usr/bin/env bash
# Installs libparoer as a user would and throws the sources away (README, "Install"):
#   1. copy the source tree, configure and build the copy, `cmake --install` it into a prefix;
#   2. delete the source copy and the build tree;
#   3. with a clean environment (env -i PATH=/usr/bin:/bin): run the installed `paroer`
#      (validate, match, coverage, report), the installed Python package, and the README's
#      C example built with pkg-config and the documented rpath flag;
#   4. move the prefix and run the tool and the Python package again.
# Usage: user_install.sh SOURCE_DIR SCRATCH_DIR [CC [CMAKE]]  (ctest `install_user`, tests/install.cmake)
set -euo pipefail
source_dir=$(cd "$1" && pwd) scratch=$2 cc=${3:-cc} cmake=${4:-cmake}
rm -rf "$scratch"
mkdir -p "$scratch"
scratch=$(cd "$scratch" && pwd)
src=$scratch/src build=$scratch/build prefix=$scratch/prefix work=$scratch/work
clean=(env -i PATH=/usr/bin:/bin)
fail() { echo "FAIL: $*"; exit 1; }
trap 'echo "FAIL: user_install.sh:$LINENO: a command failed (exit $?)"' ERR
show() { printf '$ %s\n' "$*" | sed "s|$scratch/||g"; }

# ---- 1. build and install from a copy of the sources ------------------------------
echo "== copy the sources, build, install"
mkdir -p "$src"
# Not the build trees (any directory holding a CMakeCache.txt) nor .git.
tar -C "$source_dir" --exclude-tag-all=CMakeCache.txt --exclude='./build*' --exclude=./.git -cf - . \
  | tar -C "$src" -xf -
show cmake -S src -B build -DCMAKE_BUILD_TYPE=Release -DPAROER_BUILD_TESTS=OFF -DPAROER_BUILD_DOCS=OFF
"${clean[@]}" "$cmake" -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER="$cc" \
  -DPAROER_BUILD_TESTS=OFF -DPAROER_BUILD_DOCS=OFF > "$scratch/configure.log" 2>&1 \
  || { cat "$scratch/configure.log"; fail "configure"; }
show cmake --build build -j2
"${clean[@]}" "$cmake" --build "$build" -j2 > "$scratch/build.log" 2>&1 || { tail -40 "$scratch/build.log"; fail "build"; }
show cmake --install build --prefix prefix
"${clean[@]}" "$cmake" --install "$build" --prefix "$prefix" > "$scratch/install.log" 2>&1 \
  || { cat "$scratch/install.log"; fail "install"; }
grep 'runtime path' "$scratch/install.log" | sed "s|$scratch/||"

# What a user keeps of the sources: the README's C example and a relative of their own.
mkdir -p "$work/data" "$work/examples/relatives"
awk '/^```c$/ {on = 1; next} on && /^```$/ {exit} on' "$src/README.md" > "$work/app.c"
[ -s "$work/app.c" ] || fail "no C example in README.md"
cp "$src/examples/relatives/daughter-dementia.json" "$work/examples/relatives/"

# ---- 2. the sources and the build tree are gone -----------------------------------
echo "== rm -rf src build"
rm -rf "$src" "$build"

# ---- 3. the installed copy, with a clean environment -------------------------------
paroer=$prefix/bin/paroer share=$prefix/share/paroer
run() { # EXPECTED_STATUS CMD... : runs with a clean environment in $work, prints the output
  local want=$1; shift
  show "$@"
  set +e
  (cd "$work" && "${clean[@]}" "$@") > "$scratch/out" 2> "$scratch/err"
  local rc=$?
  set -e
  # (awk reads to the end: head would close the pipe and fail the script under pipefail)
  sed "s|$scratch/||g" "$scratch/out" "$scratch/err" | awk -v n="${LINES_SHOWN:-6}" 'NR <= n'
  [ "$rc" -eq "$want" ] || { cat "$scratch/err"; fail "exit $rc, expected $want: $*"; }
}
grep_out() { grep -q -- "$1" "$scratch/out" || fail "output lacks '$1'"; }

echo "== the installed paroer"
run 0 "$paroer" --version
grep_out "^paroer [0-9]"
run 0 "$paroer" validate "$share/dk-offers.json" "$share/statutory.json" "$share/odsherred-policy.json"
grep -q "3 files checked: 3 valid" "$scratch/err" || fail "validate summary"
run 0 "$paroer" match -c "$share/dk-offers.json" --statutory -r examples/relatives/daughter-dementia.json \
  --date 2026-03-01 --top 3
grep_out "de 3 bedste vises"
run 0 "$paroer" coverage -c "$share/dk-offers.json" "$share/odsherred-policy.json" --statutory -m 306 \
  --date 2026-03-01
grep_out "Dækning for Odsherred (306)"
run 0 "$paroer" report -c "$share/dk-offers.json" "$share/odsherred-policy.json" --statutory -m 306 \
  --date 2026-03-01 -o report.html
grep -q "Odsherred" "$work/report.html" || fail "report.html lacks the municipality's name"
echo "report.html: $(wc -c < "$work/report.html") bytes"

echo "== the installed Python package"
site=$(cd "$prefix" && find . -path '*/paroer/__init__.py' | sed 's|^\./||; s|/paroer/__init__.py$||')
[ -n "$site" ] || fail "the Python package was not installed"
py='import paroer
print("library:", paroer.LIBRARY_PATH)
print("statutory:", paroer.statutory_path())
print("data:", paroer.data_path())
c = paroer.Catalog.load("data/dk-offers.json", statutory=True)
print("best match:", c.match("examples/relatives/daughter-dementia.json", top=1)[0].offer.name)'
cp "$share/dk-offers.json" "$work/data/"
printf '%s\n' "$py" > "$work/installed.py"
run 0 env PYTHONPATH="$prefix/$site" python3 installed.py
grep_out "library: $prefix/lib"
grep_out "statutory: $prefix/share/paroer/statutory.json"
grep_out "data: $prefix/share/paroer\$"

echo "== a pkg-config consumer (README's C example)"
libdir=$(dirname "$(find "$prefix" -name paroer.pc -print -quit)")/..
libdir=$(cd "$libdir" && pwd)
pc=(env -i PATH=/usr/bin:/bin PKG_CONFIG_PATH="$libdir/pkgconfig")
flags=$("${pc[@]}" pkg-config --cflags --libs paroer)
rpath=$("${pc[@]}" pkg-config --variable=libdir paroer)
show "PKG_CONFIG_PATH=${libdir#$scratch/}/pkgconfig cc app.c \$(pkg-config --cflags --libs paroer) -Wl,-rpath,\$(pkg-config --variable=libdir paroer)"
(cd "$work" && "${pc[@]}" "$cc" -std=c11 -Wall -Wextra -Werror app.c $flags "-Wl,-rpath,$rpath" -o app) \
  || fail "the README example does not build"
LINES_SHOWN=3 run 0 ./app
grep -q -E '^ *-?[0-9]+  .' "$scratch/out" || fail "app printed no ranked offer"
resolved=$(cd "$work" && "${clean[@]}" ldd ./app | awk '/libparoer/ {print $3}')
case "$resolved" in
  "$libdir"/*) echo "app runs with ${resolved#$scratch/}" ;;
  *) fail "app resolved libparoer to '$resolved'" ;;
esac

# ---- 4. a moved prefix --------------------------------------------------------------
echo "== mv prefix moved"
mv "$prefix" "$scratch/moved"
paroer=$scratch/moved/bin/paroer share=$scratch/moved/share/paroer
run 0 "$paroer" coverage -c "$share/dk-offers.json" --statutory -m 306 --date 2026-03-01
grep_out "Dækning for Odsherred (306)"
LINES_SHOWN=3 run 0 env PYTHONPATH="$scratch/moved/$site" python3 installed.py
grep_out "statutory: $scratch/moved/share/paroer/statutory.json"
echo "user_install: OK"
rm -rf "$scratch"
