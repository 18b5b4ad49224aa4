#!/bin/sh
# The synthetic national catalog (paroer-synth, 4,981 offers): our format →
# our format is a fixed point, and our format → HSDS 3.0 / 3.1 → our format
# gives the same bytes.
#   check_synth.sh PAROER PAROER_SYNTH WORK_DIR
set -eu
paroer=$1 synth=$2 work=$3
mkdir -p "$work"
"$synth" catalog --seed 1 -o "$work/synth.json"
"$paroer" convert --from paroer --to paroer "$work/synth.json" -o "$work/a.json" 2>/dev/null
"$paroer" convert --from paroer --to paroer "$work/a.json" -o "$work/a2.json" 2>/dev/null
cmp "$work/a.json" "$work/a2.json"
for v in 3.0 3.1; do
    "$paroer" convert --from paroer --to hsds --hsds-version $v --date 2026-01-01 "$work/a.json" -o "$work/h$v.json" 2>/dev/null
    "$paroer" convert --from hsds --to paroer --strict "$work/h$v.json" -o "$work/b$v.json" 2>/dev/null
    cmp "$work/a.json" "$work/b$v.json"
done
echo "synthetic catalog: write, HSDS 3.0 and 3.1 round trips identical"
