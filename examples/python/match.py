#!/usr/bin/python3
"""match.py: the offers that fit one relative, best first, from Python.

    match.py [RELATIVE.json] [--date YYYY-MM-DD] [--top N] [--explain] [--lang da|en]

Loads the shipped catalogs (data/dk-offers.json and data/statutory.json),
matches a relative (the file given, or a built-in example: a 52-year-old
daughter caring for her father with dementia in Odsherred) and prints each
eligible offer with its score and reasons; with --explain also why the
other offers do not fit, counted by rule.

Run from a source tree:
    PAROER_LIBRARY=build/libparoer.so.1 PYTHONPATH=bindings/python examples/python/match.py
"""
import argparse
import collections
import os
import pathlib
import sys

import paroer

HERE = pathlib.Path(__file__).resolve().parent
DATA = pathlib.Path(os.environ.get("PAROER_DATADIR", HERE.parent.parent / "data"))

EXAMPLE = {
    "id": "eksempel-datter-52", "age": 52, "municipality": 306, "employed": True,
    "relations": [{"relation": "son_daughter", "conditions": ["dementia"], "cared_for_age": 84,
                   "hours_per_week": 12, "cared_at_home": True}],
    "needs": ["information", "respite", "peer_support"],
    "modes": ["in_person", "online"], "slots": ["weekday_evening", "weekend"],
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("relative", nargs="?", help="a relative document (JSON); default: a built-in example")
    ap.add_argument("--date", help="reference date YYYY-MM-DD (default: today)")
    ap.add_argument("--top", type=int, help="show only the best N offers")
    ap.add_argument("--explain", action="store_true", help="also say why the other offers do not fit")
    ap.add_argument("--lang", choices=("da", "en"), default="da", help="language of labels")
    args = ap.parse_args()

    try:
        with paroer.Catalog.load(DATA / "dk-offers.json", DATA / "statutory.json") as catalog:
            relative = paroer.Relative.load(args.relative) if args.relative else paroer.Relative.from_dict(EXAMPLE)
            with relative:
                result = catalog.match(relative, date=args.date, top=args.top, explain=args.explain)
                relations = relative.relations
            print(f"{result.eligible_count} of {len(catalog)} offers fit relative {result.relative_id} "
                  f"on {result.date.isoformat()}" + (f" (best {len(result)} shown)" if args.top else "") + ":")
            for rank, m in enumerate(result, 1):
                rel = relations[m.relation]
                print(f"{rank:3}. {m.offer.name}")
                print(f"     {m.offer.kind.label(args.lang)} · score {m.score} · "
                      f"relation #{m.relation} ({rel.relation.label(args.lang)})")
                print(f"     reasons: {', '.join(m.reasons)}")
            if args.explain:
                print(f"\n{len(result.excluded)} offers do not fit; first rule failed:")
                for rule, n in collections.Counter(x.rule for x in result.excluded).most_common():
                    print(f"  {rule:24} {n}")
    except paroer.Error as e:
        print(f"match.py: {e}", file=sys.stderr)
        for d in e.diagnostics[1:]:
            print(f"  {d}", file=sys.stderr)
        return 3 if isinstance(e, paroer.FileError) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
