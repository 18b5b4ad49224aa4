#!/usr/bin/env python3
"""An interview on the doorstep with paroer.Interview: a daughter of a mother with
dementia; her age, whether she works and whether they live together are unknown.

    python3 examples/python/interview.py [--date 2026-03-01]

Answers are read from standard input (ja/nej, a number; empty = skip), as `paroer ask` does."""
import argparse
import sys

import paroer
from paroer import UNKNOWN

ap = argparse.ArgumentParser()
ap.add_argument("--date", default=None)
a = ap.parse_args()

daughter = {"id": "doerstep", "age": UNKNOWN, "municipality": 330, "employed": UNKNOWN,
            "relations": [{"relation": "son_daughter", "conditions": ["dementia"], "cared_for_age": 84,
                           "cohabiting": UNKNOWN, "cared_at_home": True, "terminal": UNKNOWN}]}

with paroer.Catalog.load(paroer.data_path("dk-offers.json"), paroer.statutory_path()) as catalog:
    iv = paroer.Interview(catalog, daughter, date=a.date)
    while iv.question:
        q = iv.question
        print(f"{iv.counts}  next: {q.fact} (settles {float(q.score):.2f} offers on average)")
        line = sys.stdin.readline()
        if not line:
            break
        line = line.strip().lower()
        if not line:
            iv.skip()
        elif q.kind in ("age", "cared_for_age"):
            iv.answer(int(line))
        elif q.kind == "conditions":
            iv.answer(line)
        else:
            iv.answer(line in ("ja", "yes", "j", "y"))
    for m in iv.result:
        extra = f"  (depends on: {', '.join(m.missing)})" if m.missing else ""
        print(f"{m.outcome.value:9} {m.score:4}  {m.offer.name}{extra}")
