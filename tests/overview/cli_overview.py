#!/usr/bin/python3
"""Tests of `paroer overview` (contract section 6a), run by ctest (tests/overview.cmake).

    cli_overview.py --paroer PATH --source DIR

On the shipped data: the text table, the JSON and the CSV, and every one of the 98
rows against `paroer coverage -m CODE --format json` for the same municipality; usage
errors. Exits 0 when every check holds, 1 (with the failures listed) otherwise.
"""
import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys

ARGS = None
FAILURES = []
CHECKS = [0]
DATE = "2026-01-15"
CHECK_CODES = ["respite_offered", "policy_present", "policy_current", "action_plan_due",
               "children_as_relatives", "counsellor_present"]


def run(*argv):
    env = dict(os.environ)
    env["PAROER_DATADIR"] = os.path.join(ARGS.source, "data")
    p = subprocess.run([ARGS.paroer] + list(argv), capture_output=True, env=env, timeout=120)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def check(cond, what, detail=""):
    CHECKS[0] += 1
    if not cond:
        FAILURES.append(what + (("\n    " + str(detail).strip().replace("\n", "\n    ")) if detail else ""))


def expect(argv, status, what=None):
    rc, out, err = run(*argv)
    check(rc == status, what or ("paroer %s -> exit %d" % (" ".join(argv), status)),
          "got exit %d\nstdout: %s\nstderr: %s" % (rc, out[:800], err[:800]))
    return rc, out, err


def src(*parts):
    return os.path.join(ARGS.source, *parts)


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--paroer", required=True)
    ap.add_argument("--source", required=True)
    ARGS = ap.parse_args()
    cats = ["-c"] + [src("data", f) for f in ("dk-offers.json", "statutory.json", "odsherred-policy.json",
                                              "municipal-policies.json")]
    base = ["overview"] + cats + ["--date", DATE]
    codes = [int(r["code"]) for r in csv.DictReader(open(src("data", "municipalities.csv"), encoding="utf-8"))]

    # JSON
    rc, out, err = expect(base + ["--format", "json"], 0)
    doc = json.loads(out)
    check(list(doc) == ["date", "municipalities", "summary"], "JSON keys", list(doc))
    check(doc["date"] == DATE, "date", doc["date"])
    rows = doc["municipalities"]
    check([r["municipality"] for r in rows] == sorted(codes), "one row per municipality, in code order")
    keys = ["municipality", "name", "offers_live", "local_offers", "kinds", "covered_cells", "cells",
            "coverage_overall", "checks", "goals", "goals_unrealised"]
    for r in rows:
        check(all(k in r for k in keys), "row keys", list(r))
        check(list(r["checks"]) == CHECK_CODES, "the six checks in order", r["checks"])
    s = doc["summary"]
    check(s["municipalities"] == 98, "summary.municipalities", s)
    for code in CHECK_CODES:
        c = s["checks"][code]
        check(c["pass"] + c["warn"] + c["fail"] == 98, "summary checks add up: " + code, c)
        check(c["pass"] == sum(r["checks"][code] == "pass" for r in rows), "summary pass count: " + code, c)
    check(s["with_local_offers"] == sum(r["local_offers"] > 0 for r in rows), "with_local_offers", s)
    check(len(s["by_kind"]) == 12, "by_kind has the 12 kinds", s["by_kind"])
    for k, n in s["by_kind"].items():
        check(n == sum(k in r["kinds"] for r in rows), "by_kind " + k, n)

    # Every row equals `paroer coverage -m CODE`.
    for r in rows:
        m = r["municipality"]
        rc, cout, cerr = run("coverage", *cats, "--date", DATE, "-m", str(m), "--format", "json")
        if rc != 0:
            check(False, "coverage -m %d runs" % m, cerr)
            continue
        cov = json.loads(cout)
        check(cov["coverage"]["overall"] == r["coverage_overall"], "%d: coverage_overall" % m,
              (cov["coverage"]["overall"], r["coverage_overall"]))
        check(abs(r["covered_cells"] / r["cells"] - r["coverage_overall"]) < 1e-15 and r["cells"] == 3146,
              "%d: covered_cells / cells" % m, r)
        if "counts" in cov:
            check(cov["counts"]["overall"] == {"covered": r["covered_cells"], "cells": r["cells"]},
                  "%d: counts.overall" % m, (cov["counts"]["overall"], r))
        check({c["code"]: c["status"] for c in cov["checks"]} == r["checks"], "%d: checks" % m,
              (cov["checks"], r["checks"]))
        check(len(cov["policy"]["goals"]) == r["goals"], "%d: goals" % m, (cov["policy"], r))
        check(len(cov["policy"]["unrealised"]) == r["goals_unrealised"], "%d: goals_unrealised" % m, r)
        check(len(cov["policy"]["organisational"]) == r["goals_organisational"], "%d: organisational" % m, r)
        check(len(cov["gaps"]) == r["cells"] - r["covered_cells"], "%d: gaps" % m, r)

    # CSV: the same rows
    rc, out, err = expect(base + ["--format", "csv"], 0)
    recs = list(csv.DictReader(io.StringIO(out)))
    check(len(recs) == 98, "CSV: 98 rows", len(recs))
    head = out.split("\n", 1)[0].split(",")
    check(head[:8] == keys[:8] and head[8:14] == CHECK_CODES and head[14:16] == ["goals", "goals_unrealised"],
          "CSV header", head)
    for rec, r in zip(recs, rows):
        same = (int(rec["municipality"]) == r["municipality"] and rec["name"] == r["name"] and
                int(rec["offers_live"]) == r["offers_live"] and int(rec["covered_cells"]) == r["covered_cells"] and
                float(rec["coverage_overall"]) == r["coverage_overall"] and
                rec["kinds"] == ";".join(r["kinds"]) and all(rec[c] == r["checks"][c] for c in CHECK_CODES) and
                int(rec["goals"]) == r["goals"] and int(rec["goals_unrealised"]) == r["goals_unrealised"])
        check(same, "CSV row %s equals the JSON row" % rec["municipality"], (rec, r))

    # Text
    rc, out, err = expect(base, 0)
    lines = out.split("\n")
    check(lines[0] == "Landsoverblik over tilbud til pårørende, " + DATE, "text title", lines[0])
    check(re.match(r"^Kode Kommune +Tilbud Lokale +Dækning", lines[3]) is not None, "text table head", lines[3])
    check(re.match(r"^ 101 København +\d+ +\d+ +\d+,\d %", lines[4]) is not None, "first row", lines[4])
    check(sum(1 for ln in lines if re.match(r"^ \d{3} ", ln)) == 98, "98 rows in the text", out[:300])
    check("Opsummering (98 kommuner)" in out and "Uden noget lokalt tilbud" in out, "text summary", out[-800:])
    rc, out, err = expect(base + ["--lang", "en"], 0)
    check(out.startswith("National overview of offers for relatives, " + DATE), "English title", out[:100])
    check("Summary (98 municipalities)" in out, "English summary", out[-800:])

    # Usage and errors
    expect(["overview"], 2, "no catalog -> 2")
    expect(base + ["--format", "xml"], 2, "--format xml -> 2")
    expect(base + ["-m", "306"], 2, "-m does not apply -> 2")
    expect(base + ["--format", "json", "-o", "x.html"], 2, "-o with --format json -> 2")
    expect(base + ["extra"], 2, "a positional argument -> 2")
    expect(["overview", "-c", "/nonexistent.json"], 3, "missing catalog -> 3")
    rc, out, err = expect(["coverage"] + cats + ["-m", "306", "--format", "csv"], 2, "csv is for overview only")
    rc, out, err = expect(["overview", "--help"], 0)
    check("paroer overview -c KATALOG" in out, "overview --help (Danish)", out[:200])
    rc, out, err = expect(["overview", "--help", "--lang", "en"], 0)
    check("paroer overview -c CATALOG" in out, "overview --help --lang en", out[:200])
    rc, out, err = expect(["--help"], 0)
    check("overview -c KATALOG" in out, "overview in the list of commands", out)

    if FAILURES:
        print("%d of %d checks failed:" % (len(FAILURES), CHECKS[0]))
        for f in FAILURES[:40]:
            print("  FAIL " + f)
        return 1
    print("overview CLI: all %d checks passed" % CHECKS[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
