#!/bin/sh
# ABI guard: rebuilds libparoer.so and compares its ABI with the committed
# baseline abi/libparoer.so.1.abi (libabigail's abidw/abidiff).
#
# usage: scripts/abi.sh            check against the baseline
#        scripts/abi.sh --update   rewrite the baseline (only when the ABI
#                                  version, PAROER_ABI_VERSION, changes, or
#                                  to record reviewed additions)
# environment: BUILD_DIR (default build-abi in the source tree)
#
# Two comparisons, both against baselines in abi/:
#   abi/api.txt           the declared interface (abi/api_dump.py): every
#                         prototype, enum value, constant and struct member;
#   abi/libparoer.so.1.abi  the binary ABI (abidw), compared with abidiff.
# Fails on an incompatible change: abidiff exit bit 8 (removed symbols), any
# other change abidiff reports (bit 4 also covers changed struct layouts and
# signatures, so its report is read), or any baseline line of api.txt gone or
# changed; and on tool errors (abidiff bits 1, 2). Additions pass and are
# printed: new functions, new enumerators and constants, members appended at
# the end of a versioned struct (paroer_*_options, paroer_error_info). Only the
# public headers' types count (--headers-dir), and only paroer_* symbols are
# exported (lib/paroer.map).
# Needs the Debian package abigail-tools.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build-abi}
mkdir -p "$BUILD_DIR"
BASELINE=$ROOT/abi/libparoer.so.1.abi
API_BASELINE=$ROOT/abi/api.txt
for tool in abidw abidiff; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "abi.sh: $tool not found (Debian package abigail-tools)" >&2
        exit 1
    fi
done

echo "== building $BUILD_DIR (RelWithDebInfo, the default)"
cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAROER_SANITIZER= -DPAROER_COVERAGE=OFF \
    -DPAROER_BUILD_TESTS=OFF -DPAROER_BUILD_EXAMPLES=OFF -DPAROER_BUILD_DOCS=OFF \
    >"$BUILD_DIR/configure.log" 2>&1 || { cat "$BUILD_DIR/configure.log" >&2; exit 1; }
cmake --build "$BUILD_DIR" -j2 --target paroer >"$BUILD_DIR/build.log" 2>&1 || {
    tail -40 "$BUILD_DIR/build.log" >&2; exit 1; }

SO=$(ls "$BUILD_DIR"/libparoer.so.1.* 2>/dev/null | head -1)
[ -n "$SO" ] || { echo "abi.sh: libparoer.so.1.* not built" >&2; exit 1; }
HDRS=$BUILD_DIR/abi-headers
rm -rf "$HDRS"
mkdir -p "$HDRS/paroer"
cp "$ROOT"/include/paroer/*.h "$BUILD_DIR"/include/paroer/version.h "$HDRS/paroer/"

CURRENT=$BUILD_DIR/libparoer.so.1.abi
abidw --no-corpus-path --short-locs --drop-private-types --headers-dir "$HDRS/paroer" \
    --out-file "$CURRENT" "$SO"
nfun=$(grep -c '<elf-symbol name=.paroer_.*type=.func-type' "$CURRENT" || true)
echo "   $nfun exported functions"

/usr/bin/python3 "$ROOT/abi/api_dump.py" dump "$ROOT/include" >"$BUILD_DIR/api.txt"

if [ "${1:-}" = "--update" ]; then
    mkdir -p "$ROOT/abi"
    cp "$CURRENT" "$BASELINE"
    cp "$BUILD_DIR/api.txt" "$API_BASELINE"
    echo "== baselines written: $BASELINE, $API_BASELINE"
    exit 0
fi
if [ ! -f "$BASELINE" ] || [ ! -f "$API_BASELINE" ]; then
    echo "abi.sh: no baseline $BASELINE / $API_BASELINE (create them with scripts/abi.sh --update)" >&2
    exit 1
fi

# 1. The interface as declared: prototypes, enum values, constants, struct
#    members (abi/api_dump.py). abidiff cannot see enum values that cross
#    the ABI as plain integers.
echo "== api_dump compare $API_BASELINE"
api_status=0
/usr/bin/python3 "$ROOT/abi/api_dump.py" compare "$API_BASELINE" "$BUILD_DIR/api.txt" || api_status=$?

# 2. The binary: abidiff on the DWARF of the built library.
echo "== abidiff $BASELINE $CURRENT"
set +e
abidiff "$BASELINE" "$CURRENT" >"$BUILD_DIR/abidiff.txt" 2>&1
rc=$?
set -e
if [ $((rc & 3)) -ne 0 ]; then
    cat "$BUILD_DIR/abidiff.txt" >&2
    echo "abi.sh: abidiff failed (exit $rc)" >&2
    exit 1
fi
# abidiff sets bit 8 only for removed symbols and a few other cases; a
# changed struct layout or function signature sets bit 4, like an addition.
# So the report is read: what libparoer's rules (docs/abi.md) allow is added
# functions, added enumerators (abidiff filters those as harmless), and
# members appended at the end of a versioned struct (paroer_*_options, grown
# behind their `version` field, and paroer_error_info, owned by the library).
# Every other reported change is a break.
verdict=$(/usr/bin/python3 - "$BUILD_DIR/abidiff.txt" <<'PY'
import re, sys
APPENDABLE = re.compile(r"^paroer_\w*_options$|^paroer_error_info$")
CONTEXT = re.compile(
    r"^\[C\] |^\d+ functions? with (some )?(indirect )?sub-type changes?:|^\d+ variables? with "
    r"|has some (indirect )?sub-type changes:$|^parameter \d+ of type .* has sub-type changes:$"
    r"|^in (pointed to|unqualified underlying|referenced|underlying|element) type|^return type changed:$"
    r"|^underlying type 'struct \w+' .*changed:$|^type of variable changed:$")
bad, struct, old_size, removed = [], None, None, 0
for raw in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = raw.strip()
    if not line:
        continue
    m = re.match(r"^(Functions|Variables) changes summary: (\d+) Removed", line)
    if m:
        removed += int(m.group(2))
        continue
    # Symbols abidw could not tie to their DWARF (a function defined in a later
    # translation unit than one that calls it): counted like the others.
    m = re.match(r"^(Function|Variable) symbols changes summary: (\d+) Removed", line)
    if m:
        removed += int(m.group(2))
        continue
    if re.match(r"^\d+ (Removed|Added) (function|variable) symbols? not referenced by debug info:?$", line):
        continue  # the list under the summary line; removals were counted there
    if re.match(r"^\d+ (Removed|Added) function|^\d+ Added variable|^\[A\] ", line):
        continue
    m = re.match(r"^underlying type 'struct (\w+)' .*changed:$", line)
    if m:
        struct, old_size = m.group(1), None
        continue
    if CONTEXT.search(line):
        continue
    m = re.match(r"^type size changed from (\d+) to (\d+) \(in bits\)$", line)
    if m and struct and APPENDABLE.match(struct) and int(m.group(2)) > int(m.group(1)):
        old_size = int(m.group(1))
        continue
    if re.match(r"^\d+ data member insertions?:$", line) and struct and APPENDABLE.match(struct):
        continue
    m = re.match(r"^'.*', at offset (\d+) \(in bits\)", line)
    if m and struct and APPENDABLE.match(struct) and old_size is not None and int(m.group(1)) >= old_size:
        continue
    bad.append(line)
if removed:
    bad.insert(0, "%d removed functions or variables" % removed)
print("INCOMPATIBLE: " + " | ".join(bad[:5]) if bad else "OK")
PY
)
if [ "$api_status" -ne 0 ]; then
    echo "abi.sh: INCOMPATIBLE change of the public interface against $API_BASELINE (see above)." >&2
    echo "  Restore compatibility, or bump PAROER_ABI_VERSION (docs/abi.md) and run scripts/abi.sh --update." >&2
    exit 1
fi
if [ $((rc & 8)) -ne 0 ] || [ "$verdict" != OK ]; then
    cat "$BUILD_DIR/abidiff.txt" >&2
    echo "abi.sh: INCOMPATIBLE ABI change against $BASELINE (abidiff exit $rc; $verdict)" >&2
    echo "  Restore compatibility, or bump PAROER_ABI_VERSION (docs/abi.md) and run scripts/abi.sh --update." >&2
    exit 1
fi
if [ $((rc & 4)) -ne 0 ]; then
    echo "== compatible ABI changes (allowed; record them with scripts/abi.sh --update when released):"
    sed -n '1,80p' "$BUILD_DIR/abidiff.txt"
else
    echo "== binary ABI identical to the baseline"
fi
exit 0
