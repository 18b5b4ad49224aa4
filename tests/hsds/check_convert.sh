#!/bin/sh
# paroer convert (contract 6a): exit statuses (0 ok, 1 invalid input, 2 usage,
# 3 unreadable or unwritable), -o - and device outputs, no output over an input.
#   check_convert.sh PAROER SOURCE_DIR WORK_DIR
set -u
paroer=$1 src=$2 work=$3
rm -rf "$work"; mkdir -p "$work"
fails=0
expect() {   # expect STATUS DESCRIPTION ARGS...
    want=$1; what=$2; shift 2
    "$paroer" convert "$@" >"$work/out" 2>"$work/err"
    got=$?
    if [ "$got" != "$want" ]; then
        echo "FAIL $what: exit $got, expected $want"; sed 's/^/    /' "$work/err"; fails=$((fails + 1))
    else
        echo "ok   $what"
    fi
}
cat=$src/data/statutory.json
expect 0 "paroer -> hsds" --from paroer --to hsds "$cat" -o "$work/h.json"
expect 0 "hsds -> paroer" --from hsds --to paroer "$work/h.json" -o "$work/p.json"
expect 0 "paroer -> paroer to stdout" --from paroer --to paroer "$cat" -o -
grep -q '"format":"paroer-catalog"' "$work/out" || { echo "FAIL stdout has the catalog"; fails=$((fails + 1)); }
expect 0 "HSDS 3.0 data package with --guess-kind" --from hsds --to paroer --guess-kind -m 306 \
    "$src/tests/hsds/3.0/examples/csv" -o "$work/csv.json"
grep -q '"kind":"counselling"' "$work/csv.json" || { echo "FAIL data package mapped"; fails=$((fails + 1)); }
expect 0 "--help" --help
grep -q '^Brug: paroer convert' "$work/out" || { echo "FAIL --help is Danish by default"; fails=$((fails + 1)); }
expect 0 "--help --lang en" --help --lang en
grep -q '^Usage: paroer convert' "$work/out" || { echo "FAIL --lang en gives English help"; fails=$((fails + 1)); }
grep -q -- '--hsds-version V' "$work/out" || { echo "FAIL the help names the options"; fails=$((fails + 1)); }
"$paroer" help convert >"$work/out" 2>"$work/err" && grep -q '^Brug: paroer convert' "$work/out" \
    || { echo "FAIL paroer help convert"; fails=$((fails + 1)); }
"$paroer" --lang en help convert >"$work/out" 2>"$work/err" && grep -q '^Usage: paroer convert' "$work/out" \
    || { echo "FAIL paroer --lang en help convert"; fails=$((fails + 1)); }
expect 0 "--version" --version
grep -q '^paroer [0-9]' "$work/out" || { echo "FAIL --version prints the version"; fails=$((fails + 1)); }
expect 2 "unknown --lang" --lang xx --from paroer --to hsds "$cat" -o "$work/x.json"
expect 2 "unknown --format" --format yaml --from paroer --to hsds "$cat" -o "$work/x.json"
expect 2 "--from given twice" --from paroer --from hsds --to hsds "$cat" -o "$work/x.json"
grep -q "given twice" "$work/err" || { echo "FAIL a repeated option is named"; fails=$((fails + 1)); }
expect 2 "-o given twice" --from paroer --to hsds "$cat" -o "$work/x.json" -o "$work/y.json"
expect 2 "no --to" --from paroer "$cat" -o "$work/x.json"
expect 2 "unknown --from" --from csv --to paroer "$cat" -o "$work/x.json"
expect 2 "unknown --hsds-version" --from paroer --to hsds --hsds-version 2.0 "$cat" -o "$work/x.json"
expect 2 "--hsds-version with --to paroer" --from paroer --to paroer --hsds-version 3.0 "$cat" -o "$work/x.json"
expect 2 "no -o" --from paroer --to hsds "$cat"
expect 2 "no FILE" --from paroer --to hsds -o "$work/x.json"
expect 2 "unknown option" --from paroer --to hsds --frobnicate "$cat" -o "$work/x.json"
cp "$cat" "$work/in.json"
expect 2 "-o onto an input" --from paroer --to hsds "$work/in.json" -o "$work/in.json"
cmp -s "$cat" "$work/in.json" || { echo "FAIL the input is unchanged"; fails=$((fails + 1)); }
expect 1 "invalid HSDS" --from hsds --to paroer "$src/tests/bad/hsds-age-not-number/input.json" -o "$work/x.json"
grep -q 'input.json:6:20: error: ' "$work/err" || { echo "FAIL FILE:LINE:COLUMN: error:"; fails=$((fails + 1)); }
expect 1 "strict: an unmappable service" --from hsds --to paroer --strict "$src/tests/hsds/3.1/examples/service_full.json" -o "$work/x.json"
expect 0 "not strict: a warning names it" --from hsds --to paroer "$src/tests/hsds/3.1/examples/service_full.json" -o "$work/x.json"
grep -q '"Community Counselling") not imported' "$work/err" || { echo "FAIL warning names the service"; fails=$((fails + 1)); }
expect 1 "invalid catalog" --from paroer --to hsds "$src/tests/bad/missing-format/input.json" -o "$work/x.json"
expect 3 "unreadable input" --from paroer --to hsds "$work/does-not-exist.json" -o "$work/x.json"
expect 3 "unwritable output" --from paroer --to hsds "$cat" -o "$work/no/such/dir/x.json"
[ ! -e "$work/x.json.tmp" ] || { echo "FAIL no temporary file left"; fails=$((fails + 1)); }
if [ -c /dev/null ]; then
    expect 0 "-o /dev/null" --from paroer --to hsds "$cat" -o /dev/null
    [ -c /dev/null ] || { echo "FAIL /dev/null is still a device"; fails=$((fails + 1)); }
fi
# paroer validate recognises HSDS: a file, a data package, and says what an import would.
validate() {   # validate STATUS DESCRIPTION ARGS...
    want=$1; what=$2; shift 2
    "$paroer" validate "$@" >"$work/out" 2>"$work/err"
    got=$?
    if [ "$got" != "$want" ]; then echo "FAIL $what: exit $got, expected $want"; fails=$((fails + 1)); else echo "ok   $what"; fi
}
validate 0 "validate an HSDS export" "$work/h.json"
grep -q "valid HSDS document (20 offers mapped)" "$work/out" || { echo "FAIL validate says HSDS"; fails=$((fails + 1)); }
validate 0 "validate a data package" "$src/tests/hsds/3.0/examples/csv"
grep -q "not imported" "$work/err" || { echo "FAIL validate warns of the unmapped service"; fails=$((fails + 1)); }
validate 1 "validate --strict: the unmapped service is an error" --strict "$src/tests/hsds/3.1/examples/service_full.json"
validate 1 "validate a bad HSDS document" "$src/tests/bad/hsds-bad-valid-from/input.json"
mkdir -p "$work/emptydir"
validate 3 "validate a directory that is no data package" "$work/emptydir"
[ "$fails" = 0 ] && rm -rf "$work"
exit "$fails"
