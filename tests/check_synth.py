#!/usr/bin/python3
"""Checks paroer-synth: determinism, contract vocabulary, and calibration targets.

Usage: check_synth.py --synth PATH/TO/paroer-synth [--relatives N] [--keep DIR]

Generates a catalog and a small population (default 20,000 relatives) twice with
the same seed and once with another, and asserts:
  - same seed -> byte-identical files, other seed -> different files;
  - every code in the catalog and the population belongs to the contract's
    vocabulary (docs/contract.md section 1), ids are unique, references
    resolve, the population CSV has the contract's header and layout;
  - the calibration targets of docs/synthetic.md hold within tolerance.
Prints each failed assertion and exits 1 if any failed, else prints a summary and exits 0.
Only the Python standard library is used.
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

CONDITIONS = {"frailty", "dementia", "physical_illness", "physical_disability", "cancer", "brain_injury",
              "mental_illness", "substance_abuse", "cognitive_disability", "neurodevelopmental",
              "social_problems"}
RELATIONS = {"spouse_partner", "son_daughter", "parent", "sibling", "other_family", "friend_neighbour"}
FLAGS = {"cohabiting", "cared_at_home", "terminal", "bereaved", "employed"}
BEREAVEMENT = {"no", "also", "only"}
NEEDS = {"respite", "practical_help", "information", "education", "peer_support", "counselling", "own_health",
         "financial", "work_life", "network", "involvement"}
KINDS = {"respite_home", "respite_away", "activity_break", "counselling", "health_promotion", "peer_group",
         "cafe_network", "course", "information", "financial_support", "leave", "involvement"}
MODES = {"in_person", "online", "phone", "home"}
SLOTS = {"weekday_day", "weekday_evening", "weekend"}
ACCESS = {"open", "registration", "referral", "assessment"}
PROVIDER_KINDS = {"municipal", "regional", "civil_society", "private"}
AREAS = {"elderly", "health", "social", "children_family", "employment", "cross_cutting"}
STATUSES = {"active", "waitlist", "paused"}
GOAL_CATEGORIES = {"recognition", "collaboration", "access_information", "cross_sector", "respite_support",
                   "economy_leave", "prevention_health", "network", "user_involvement", "children_youth"}
FSIII = "urn:oid:1.2.208.176.2.21"
HEADER = ("id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,cohabiting,"
          "cared_at_home,terminal,bereaved,needs,modes,slots")
AS_OF = "2026-11-01"  # the generator's default --as-of

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def near(value, target, tol, what):
    check(abs(value - target) <= tol, f"{what}: {value:.4f} not within {target:.4f} ± {tol:.4f}")


def between(value, lo, hi, what):
    check(lo <= value <= hi, f"{what}: {value:.4f} not in [{lo}, {hi}]")


def run(synth, *args):
    subprocess.run([synth, *args], check=True)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def builtin_codes():
    # The 98 codes, as data/municipalities.csv lists them (read it when it is there).
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "data", "municipalities.csv")
    if os.path.exists(path):
        with open(path, newline="", encoding="utf-8") as f:
            return {int(r["code"]) for r in csv.DictReader(f)}
    return None


def is_live(offer):
    """Live on AS_OF (contract section 5): not paused, AS_OF within valid_from..valid_to."""
    return (offer.get("status", "active") != "paused" and (offer.get("valid_from") or "") <= AS_OF
            and (offer.get("valid_to") or "9999") >= AS_OF)


def check_catalog(path, codes):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    check(doc.get("format") == "paroer-catalog" and doc.get("version") == 1, "catalog format/version")
    providers = {p["id"]: p for p in doc["providers"]}
    check(len(providers) == len(doc["providers"]), "provider ids unique")
    for p in doc["providers"]:
        check(p["kind"] in PROVIDER_KINDS, f"provider kind {p['kind']}")
        check(p.get("area", "cross_cutting") in AREAS, f"provider area {p.get('area')}")
    offers = doc["offers"]
    ids = [o["id"] for o in offers]
    check(len(set(ids)) == len(ids), "offer ids unique")
    per_muni = collections.Counter()
    kinds = collections.Counter()
    status = collections.Counter()
    n_cap = n_stale = n_expired = n_future = n_foreign = n_nationwide = 0
    respite_codes_missing = 0
    muni_kinds = collections.defaultdict(set)
    counsellor = set()
    for o in offers:
        check(o.get("name") and o.get("kind") in KINDS, f"offer {o['id']} name/kind")
        kinds[o["kind"]] += 1
        check(o.get("provider") in providers, f"offer {o['id']} provider {o.get('provider')}")
        for n in o.get("needs", []):
            check(n in NEEDS, f"offer {o['id']} need {n}")
        for m in o.get("modes", []):
            check(m in MODES, f"offer {o['id']} mode {m}")
        for s in o.get("slots", []):
            check(s in SLOTS, f"offer {o['id']} slot {s}")
        check(o.get("access", "open") in ACCESS, f"offer {o['id']} access")
        st = o.get("status", "active")
        check(st in STATUSES, f"offer {o['id']} status {st}")
        status[st] += 1
        t = o.get("target", {})
        check(set(t) <= {"relative_age", "relations", "conditions", "cared_for_age", "requires", "bereaved"},
              f"offer {o['id']} target keys {sorted(t)}")
        for r in t.get("relations", []):
            check(r in RELATIONS, f"offer {o['id']} relation {r}")
        for c in t.get("conditions", []):
            check(c in CONDITIONS, f"offer {o['id']} condition {c}")
        for q in t.get("requires", []):
            check(q in FLAGS and q != "bereaved", f"offer {o['id']} requires {q}")
        check(t.get("bereaved", "no") in BEREAVEMENT, f"offer {o['id']} bereaved")
        for rng in ("relative_age", "cared_for_age"):
            if rng in t:
                lo, hi = t[rng].get("min", 0), t[rng].get("max", 200)
                check(0 <= lo <= hi, f"offer {o['id']} {rng} {t[rng]}")
        if o.get("nationwide"):
            n_nationwide += 1
            check("municipalities" not in o, f"nationwide offer {o['id']} lists municipalities")
        else:
            ms = o.get("municipalities", [])
            check(len(ms) == 1, f"offer {o['id']} municipalities {ms}")
            for m in ms:
                per_muni[m] += 1
                if is_live(o):
                    muni_kinds[m].add(o["kind"])
                if o["kind"] == "counselling" and providers[o["provider"]]["kind"] == "municipal":
                    counsellor.add(m)
        if "capacity" in o:
            n_cap += 1
            check(isinstance(o["capacity"], int) and o["capacity"] > 0, f"offer {o['id']} capacity")
        langs = o.get("languages", ["da"])
        n_foreign += any(lang != "da" for lang in langs)
        vt, vf = o.get("valid_to"), o.get("valid_from")
        if vt is not None and vt < AS_OF:
            n_expired += 1
        if vf is not None and vf > AS_OF:
            n_future += 1
        if vf is not None and vt is not None:
            check(vf <= vt, f"offer {o['id']} valid_from after valid_to")
        if "verified" in o and o["verified"] < "2025-11-01":
            n_stale += 1
        for c in o.get("codes", []):
            check(c.get("system") == FSIII and c.get("code"), f"offer {o['id']} code {c}")
        if (o["kind"].startswith("respite_") and providers[o["provider"]]["kind"] == "municipal"
                and not o.get("codes")):
            respite_codes_missing += 1
    n = len(offers)
    between(n, 4300, 6500, "offers in the catalog")
    check(n_nationwide == 50, f"nationwide offers: {n_nationwide}")
    check(len(per_muni) == (len(codes) if codes else 98), f"municipalities with offers: {len(per_muni)}")
    if codes:
        check(set(per_muni) == codes, "offer municipalities are the 98 codes")
    check(all(30 <= v <= 60 for v in per_muni.values()),
          f"offers per municipality {min(per_muni.values())}..{max(per_muni.values())} (want 30..60)")
    check(all({"respite_home", "respite_away"} <= k for k in muni_kinds.values()), "live respite_home and respite_away in every municipality")
    check(respite_codes_missing == 0, f"municipal respite offers without an FSIII code: {respite_codes_missing}")
    check(len(counsellor) == 40, f"municipalities with a municipal counselling offer: {len(counsellor)} (want 40)")
    between(status["active"] / n, 0.80, 0.95, "share active")
    between(status["waitlist"] / n, 0.04, 0.12, "share waitlist")
    between(status["paused"] / n, 0.01, 0.07, "share paused")
    between(n_cap / n, 0.15, 0.25, "share with capacity")
    between(n_stale / n, 0.20, 0.40, "share verified more than a year before --as-of")
    between(n_expired / n, 0.03, 0.09, "share expired")
    between(n_future / n, 0.01, 0.06, "share not yet started")
    between(n_foreign / n, 0.03, 0.15, "share with a language besides Danish")
    for k in KINDS:
        check(kinds[k] > 0, f"no offer of kind {k}")
    policies = doc["policies"]
    between(len(policies), 40, 60, "policies")
    goal_ids = set()
    for p in policies:
        check(p["id"] and p["title"] and (not codes or p["municipality"] in codes), f"policy {p['id']}")
        for a in p.get("areas", []):
            check(a in AREAS, f"policy {p['id']} area {a}")
        check(p.get("goals"), f"policy {p['id']} has goals")
        for g in p.get("goals", []):
            check(g["id"] not in goal_ids, f"goal id {g['id']} unique")
            goal_ids.add(g["id"])
            check(g.get("title") and g.get("category") in GOAL_CATEGORIES, f"goal {g['id']} category")
            for nd in g.get("needs", []):
                check(nd in NEEDS, f"goal {g['id']} need {nd}")
            for k in g.get("kinds", []):
                check(k in KINDS, f"goal {g['id']} kind {k}")
        for ap in p.get("action_plans", []):
            check(ap.get("due"), f"policy {p['id']} action plan without due")
    cats = collections.Counter(g["category"] for p in policies for g in p["goals"])
    check(cats["collaboration"] > cats["prevention_health"], "collaboration goals outnumber prevention goals")
    between(sum(any(g["category"] == "prevention_health" for g in p["goals"]) for p in policies) / len(policies),
            0.05, 0.40, "policies with a prevention goal (fewer than a quarter, seed 000)")
    return {"offers": n, "providers": len(providers), "policies": len(policies)}


def split(field):
    return [x for x in field.split(";") if x] if field else []


def check_population(path, codes, n_expected):
    people = {}
    order = []
    with open(path, newline="", encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
        check(first == HEADER, f"population header {first!r}")
        last = None
        for lineno, row in enumerate(csv.reader(f), start=2):
            if not check(len(row) == 15, f"line {lineno}: {len(row)} fields"):
                continue
            pid = row[0]
            if pid != last:
                check(pid not in people, f"line {lineno}: rows of {pid} not consecutive")
                people[pid] = {"age": int(row[1]), "muni": int(row[2]), "employed": row[3], "rows": [],
                               "needs": row[12], "modes": row[13], "slots": row[14]}
                order.append(pid)
                last = pid
            p = people[pid]
            check((p["employed"], p["needs"], p["modes"], p["slots"]) == (row[3], row[12], row[13], row[14]),
                  f"line {lineno}: relative fields differ between rows of {pid}")
            check(row[4] in RELATIONS, f"line {lineno}: relation {row[4]}")
            conds = split(row[5])
            check(conds and set(conds) <= CONDITIONS, f"line {lineno}: conditions {row[5]}")
            check(row[6] == "" or 0 <= int(row[6]) <= 130, f"line {lineno}: cared_for_age {row[6]}")
            for i in (3, 8, 9, 10, 11):
                check(row[i] in ("0", "1"), f"line {lineno}: boolean {row[i]}")
            check(set(split(row[12])) <= NEEDS, f"line {lineno}: needs {row[12]}")
            check(set(split(row[13])) <= MODES, f"line {lineno}: modes {row[13]}")
            check(set(split(row[14])) <= SLOTS, f"line {lineno}: slots {row[14]}")
            if p["age"] < 18:
                check(row[4] not in ("spouse_partner", "parent"), f"line {lineno}: minor as {row[4]}")
            p["rows"].append({"relation": row[4], "conditions": conds, "hours": int(row[7]),
                              "bereaved": row[11] == "1"})
    n = len(people)
    check(n == n_expected, f"relatives: {n} (want {n_expected})")
    if codes:
        check({p["muni"] for p in people.values()} <= codes, "population municipalities are the 98 codes")
    hours = [sum(r["hours"] for r in p["rows"]) for p in people.values()]
    involved = [p for p, h in zip(people.values(), hours) if h > 0]
    share = {
        "more than 10 h": sum(h > 10 for h in hours) / n,
        "more than 20 h": sum(h > 20 for h in hours) / n,
        "involved": len(involved) / n,
        "involved helping several": sum(len(p["rows"]) > 1 for p in involved) / len(involved),
        "children": sum(p["age"] < 18 for p in people.values()) / n,
        "dementia": sum(any("dementia" in r["conditions"] for r in p["rows"]) for p in people.values()) / n,
        "bereaved": sum(any(r["bereaved"] for r in p["rows"]) for p in people.values()) / n,
        "information need": sum("information" in split(p["needs"]) for p in people.values()) / n,
    }
    near(share["more than 10 h"], 0.12, 0.015, "share giving more than 10 h a week (VIVE 2025: 12 %)")
    near(share["more than 20 h"], 0.05, 0.01, "share giving more than 20 h a week (VIVE 2025: 5 %)")
    near(share["involved"], 31 / 45, 0.03, "share of involved relatives (VIVE 2025: 31 of 45 %)")
    near(share["involved helping several"], 0.34, 0.03, "involved relatives helping several (VIVE 2025: 34 %)")
    near(share["children"], 0.037, 0.01, "children as relatives (REFERENCE 2.7)")
    between(share["dementia"], 300000 / 2100000, 400000 / 2100000,
            "relatives of a person with dementia (Sundhedsstyrelsen 2017: 300-400,000)")
    between(share["bereaved"], 0.02, 0.08, "bereaved relatives")
    ages = collections.Counter(p["age"] // 10 for p in people.values() if p["age"] >= 18)
    check(ages.most_common(1)[0][0] == 5, f"modal decade of adult relatives is 50-59 (got {ages.most_common(1)})")
    return share


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synth", required=True, help="path to the paroer-synth executable")
    ap.add_argument("--relatives", type=int, default=20000)
    ap.add_argument("--keep", help="write the generated files here instead of a temporary directory")
    a = ap.parse_args()
    codes = builtin_codes()
    with tempfile.TemporaryDirectory() as tmp:
        d = a.keep or tmp
        os.makedirs(d, exist_ok=True)
        cat = [os.path.join(d, f"catalog{i}.json") for i in range(3)]
        pop = [os.path.join(d, f"population{i}.csv") for i in range(3)]
        n = str(a.relatives)
        run(a.synth, "catalog", "--seed", "7", "-o", cat[0])
        run(a.synth, "catalog", "--seed", "7", "-o", cat[1])
        run(a.synth, "catalog", "--seed", "8", "-o", cat[2])
        run(a.synth, "population", "--seed", "7", "--relatives", n, "-o", pop[0])
        run(a.synth, "population", "--seed", "7", "--relatives", n, "-o", pop[1])
        run(a.synth, "population", "--seed", "8", "--relatives", n, "-o", pop[2])
        check(read(cat[0]) == read(cat[1]), "catalog: same seed, different bytes")
        check(read(cat[0]) != read(cat[2]), "catalog: other seed, same bytes")
        check(read(pop[0]) == read(pop[1]), "population: same seed, different bytes")
        check(read(pop[0]) != read(pop[2]), "population: other seed, same bytes")
        # wrong usage exits 2 and writes nothing
        bad = subprocess.run([a.synth, "population", "--relatives", "many", "-o", os.path.join(d, "x.csv")],
                             stderr=subprocess.DEVNULL)
        check(bad.returncode == 2 and not os.path.exists(os.path.join(d, "x.csv")), "bad --relatives exits 2")
        cstats = check_catalog(cat[0], codes)
        pstats = check_population(pop[0], codes, a.relatives)
    if failures:
        for f in failures[:50]:
            print("FAIL:", f)
        print(f"{len(failures)} check(s) failed")
        return 1
    print("catalog:", ", ".join(f"{k} {v}" for k, v in cstats.items()))
    print("population:", ", ".join(f"{k} {v:.4f}" for k, v in pstats.items()))
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
