#!/bin/sh
# Exports every shipped catalog (each alone and all together) to HSDS VERSION
# with the CLI and validates every service against the compiled schema of that
# version (tests/hsds/VERSION/service.json) with python3-jsonschema.
#   check_export.sh PAROER VERSION SOURCE_DIR WORK_DIR
set -eu
paroer=$1 version=$2 src=$3 work=$4
mkdir -p "$work"
data=$src/data
set -- "$data/dk-offers.json" "$data/statutory.json" "$data/municipal-policies.json" "$data/odsherred-policy.json"
i=0
outs=
for f in "$@"; do
    i=$((i + 1))
    "$paroer" convert --from paroer --to hsds --hsds-version "$version" --date 2026-01-01 "$f" -o "$work/one$i.json" 2>/dev/null
    outs="$outs $work/one$i.json"
done
"$paroer" convert --from paroer --to hsds --hsds-version "$version" --date 2026-01-01 "$@" -o "$work/all.json" 2>/dev/null
# shellcheck disable=SC2086
exec /usr/bin/python3 "$src/tests/hsds/validate.py" "$src/tests/hsds/$version/service.json" $outs "$work/all.json"
