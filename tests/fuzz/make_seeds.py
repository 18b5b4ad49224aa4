#!/usr/bin/python3
"""Regenerates the seed corpora in tests/fuzz/corpus/<target>/ from data/,
tests/bad/, tests/data/ and the hand-made seeds below. Run from anywhere:
    /usr/bin/python3 tests/fuzz/make_seeds.py
Existing seeds are replaced; files named hand-* or found-* (inputs that once
found a bug, kept as regression tests) are kept."""
import json, os, glob, hashlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")

def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

def reset(target):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        if not (f.startswith("hand-") or f.startswith("found-")):
            os.remove(os.path.join(d, f))

def dumps(doc, compact=True):
    if compact:
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(doc, ensure_ascii=False, indent=1)

for t in ("fuzz_catalog", "fuzz_relative", "fuzz_population", "fuzz_match_coverage"):
    reset(t)

# --- catalogs from data/: whole small files, and slices of the big one.
policy = json.load(open(os.path.join(ROOT, "data", "odsherred-policy.json"), encoding="utf-8"))
statutory = json.load(open(os.path.join(ROOT, "data", "statutory.json"), encoding="utf-8"))
offers = json.load(open(os.path.join(ROOT, "data", "dk-offers.json"), encoding="utf-8"))
for target in ("fuzz_catalog", "fuzz_match_coverage"):
    put(target, "data-odsherred-policy.json", dumps(policy, compact=False))
    put(target, "data-statutory.json", dumps(statutory))

def slice_doc(start, n, with_policy):
    os_ = offers["offers"][start:start + n]
    pids = {o.get("provider") for o in os_}
    doc = {"format": "paroer-catalog", "version": 1, "municipality": 306,
           "providers": [p for p in offers["providers"] if p["id"] in pids],
           "offers": os_}
    if with_policy:
        doc["policies"] = policy.get("policies", [])
    return doc

# one slice per offer kind so every kind's defaults are seen
seen = {}
for i, o in enumerate(offers["offers"]):
    seen.setdefault(o["kind"], i)
for kind, i in sorted(seen.items()):
    doc = slice_doc(i, 3, kind in ("counselling", "respite_home"))
    put("fuzz_catalog", "dk-%s.json" % kind, dumps(doc))
    put("fuzz_match_coverage", "dk-%s.json" % kind, dumps(doc))

# --- bad documents (the loaders' own negative corpus), split by kind
for case in sorted(glob.glob(os.path.join(ROOT, "tests", "bad", "*", "input.json"))):
    name = os.path.basename(os.path.dirname(case))
    data = open(case, "rb").read()
    if len(data) > 256 * 1024:   # too-many-languages: too slow a seed (the bad-input suite keeps it)
        continue
    if name.startswith("relative-"):
        put("fuzz_relative", "bad-" + name + ".json", data)
    else:
        put("fuzz_catalog", "bad-" + name + ".json", data)

# --- population CSVs
for csv in sorted(glob.glob(os.path.join(ROOT, "tests", "data", "*.csv"))):
    put("fuzz_population", "data-" + os.path.basename(csv), open(csv, "rb").read())

for t in sorted(os.listdir(CORPUS)):
    print(t, len(os.listdir(os.path.join(CORPUS, t))))
