#!/usr/bin/python3
"""Tests of the command-line tool `paroer` (contract section 6), run by ctest.

    cli_test.py --paroer PATH --source DIR [--synth PATH] GROUP

Each GROUP is one ctest test (tests/cli.cmake). A group runs the real binary
and checks exit statuses, stdout and stderr. Exits 0 when every check holds,
1 (with the failures listed) otherwise.
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ARGS = None
FAILURES = []
CHECKS = [0]
DATE = "2026-03-01"


def run(*argv, env_extra=None, input_bytes=None):
    env = dict(os.environ)
    env["PAROER_DATADIR"] = os.path.join(ARGS.source, "data")
    if env_extra:
        env.update(env_extra)
    p = subprocess.run([ARGS.paroer] + list(argv), capture_output=True, env=env, input=input_bytes, timeout=120)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def check(cond, what, detail=""):
    CHECKS[0] += 1
    if not cond:
        FAILURES.append(what + (("\n    " + detail.strip().replace("\n", "\n    ")) if detail else ""))


def expect(argv, status, what=None, **kw):
    rc, out, err = run(*argv, **kw)
    check(rc == status, what or ("paroer %s -> exit %d" % (" ".join(argv), status)),
          "got exit %d\nstdout: %s\nstderr: %s" % (rc, out[:800], err[:800]))
    return rc, out, err


def src(*parts):
    return os.path.join(ARGS.source, *parts)


CATALOGS = ["-c", None, None]  # filled in main()
RELATIVES = {}


# ---------------------------------------------------------------------------------------------
def group_usage():
    rc, out, err = expect(["--version"], 0)
    check(re.fullmatch(r"paroer \d+\.\d+\.\d+\n", out) is not None, "--version prints 'paroer X.Y.Z'", out)
    for sub in ["validate", "match", "coverage", "report", "codes"]:
        rc, out, err = expect([sub, "--help"], 0)
        check(out.startswith("Usage: paroer " + sub), sub + " --help starts with its usage", out[:200])
        check("--format" in out and "--lang" in out, sub + " --help lists the common options", out)
        rc, out, err = expect([sub, "--version"], 0)
        check(out.startswith("paroer "), sub + " --version", out)
    rc, out, err = expect(["--help"], 0)
    for sub in ["validate", "match", "coverage", "report", "codes"]:
        check(sub in out, "paroer --help names " + sub, out)
    expect([], 2, "no command -> 2")
    rc, out, err = expect(["frobnicate"], 2, "unknown command -> 2")
    check("unknown command" in err, "unknown command is named", err)
    rc, out, err = expect(["codes", "--bogus"], 2, "unknown option -> 2")
    check("--bogus" in err, "unknown option is named", err)
    expect(["codes", "--explain"], 2, "option of another command -> 2")
    expect(["codes", "--format", "xml"], 2, "bad --format -> 2")
    expect(["codes", "--lang", "de"], 2, "bad --lang -> 2")
    expect(["codes", "--format"], 2, "--format without a value -> 2")
    expect(["codes", "--format=json"], 0, "--format=json form")
    expect(["codes", "-fjson"], 0, "-fjson form")


# ---------------------------------------------------------------------------------------------
def group_codes():
    rc, out, err = expect(["codes"], 0)
    for name in ["condition", "relation", "age_band", "flag", "bereavement", "need", "offer_kind", "mode",
                 "slot", "access", "provider_kind", "area", "status", "goal_category"]:
        check(re.search(r"^%s \(\d+\)$" % name, out, re.M) is not None, "codes lists " + name, out[:300])
    check(re.search(r"^\s+0\s+frailty\s+Alderssvækkelse$", out, re.M) is not None, "Danish label by default", out[:400])
    rc, out, err = expect(["codes", "need", "--lang", "en"], 0)
    check(re.search(r"^\s+0\s+respite\s+Respite$", out, re.M) is not None, "English label with --lang en", out)
    check("Pause og aflastning" not in out, "--lang en shows one language", out)
    check("condition" not in out, "codes LIST shows only that list", out)
    rc, out, err = expect(["codes", "offer_kind"], 0)
    check(re.search(r"respite_home.*pause og aflastning, praktisk hjælp", out) is not None,
          "offer kinds show the needs they serve", out)
    rc, out, err = expect(["codes", "--format", "json"], 0)
    doc = json.loads(out)
    check(len(doc) == 14, "JSON has the 14 lists", out[:300])
    for name, entries in doc.items():
        for i, e in enumerate(entries):
            check(e["value"] == i and set(["code", "value", "da", "en"]) <= set(e),
                  "JSON entry %s[%d] has code, value, da, en" % (name, i), json.dumps(e))
    check(doc["need"][0] == {"code": "respite", "value": 0, "da": "Pause og aflastning", "en": "Respite"},
          "JSON need[0]", json.dumps(doc["need"][0], ensure_ascii=False))
    check(doc["age_band"][4].get("max", 0) is None and doc["age_band"][4]["min"] == 65, "JSON senior is 65+",
          json.dumps(doc["age_band"][4]))
    rc, out, err = expect(["codes", "slot", "--format", "json"], 0)
    check(list(json.loads(out)) == ["slot"], "codes slot --format json has only slot", out)
    rc, out, err = expect(["codes", "nope"], 2, "unknown list -> 2")
    check("unknown list 'nope'" in err and "condition" in err, "unknown list is named with the lists", err)
    expect(["codes", "need", "slot"], 2, "two lists -> 2")


# ---------------------------------------------------------------------------------------------
def group_validate_good():
    data = sorted(glob.glob(src("data", "*.json")))
    check(len(data) >= 2, "data/*.json found", str(data))
    for f in data:
        rc, out, err = expect(["validate", f], 0, "validate accepts " + os.path.basename(f))
        check("valid catalog" in out, os.path.basename(f) + " reported as a valid catalog", out + err)
    rc, out, err = expect(["validate"] + data, 0, "validate accepts every data/*.json together")
    check(re.search(r"catalogs together: \d+ offers", out) is not None, "summary of the catalogs together", out)
    check(re.search(r"%d files checked: %d valid, 0 invalid" % (len(data), len(data)), err) is not None,
          "summary line", err)
    for f in sorted(glob.glob(src("examples", "relatives", "*.json"))):
        rc, out, err = expect(["validate", f], 0, "validate accepts " + os.path.basename(f))
        check("valid relative document" in out, "relative detected: " + os.path.basename(f), out)
        doc = json.load(open(f))
        check(doc["id"] not in out + err, "validate does not print the relative's data", out + err)
    rc, out, err = expect(["validate", src("tests", "data", "pop-small.csv")], 0)
    check("valid population file" in out, "population detected", out)
    rc, out, err = expect(["validate", "--format", "json"] + data, 0)
    doc = json.loads(out)
    check(doc["valid"] is True and doc["errors"] == 0 and len(doc["files"]) == len(data), "JSON summary", out[:400])
    check(all(f["type"] == "catalog" and f["valid"] for f in doc["files"]), "JSON files", out[:400])


def write(tmp, name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def group_validate_bad():
    tmp = tempfile.mkdtemp(prefix="paroer-cli-")
    try:
        # The shared bad-input corpus: each case fails with its expected first error.
        cases = sorted(d for d in glob.glob(src("tests", "bad", "*")) if os.path.isdir(d))
        check(len(cases) > 50, "tests/bad corpus found", str(len(cases)))
        for d in cases:
            name = os.path.basename(d)
            inp = os.path.join(d, "input.json")
            if not os.path.exists(inp):
                continue
            want = open(os.path.join(d, "error"), encoding="utf-8", errors="replace").read().strip()
            flags = open(os.path.join(d, "flags")).read() if os.path.exists(os.path.join(d, "flags")) else ""
            argv = ["validate", "--type", "relative" if name.startswith("relative-") else
                    "hsds" if name.startswith("hsds-") else "catalog"]
            if "strict" in flags:
                argv.append("--strict")
            rc, out, err = run(*(argv + [inp]))
            check(rc == 1, "bad/%s: exit 1" % name, "got %d: %s" % (rc, err[:300]))
            want_line = want.replace("input.json", inp)
            check(want_line in err, "bad/%s: stderr has the expected diagnostic" % name,
                  "want: %s\ngot:  %s" % (want_line, err[:600]))
            check(re.search(r"^%s:\d+:\d+: error: " % re.escape(inp), err, re.M) is not None or
                  "error:" in err, "bad/%s: FILE:LINE:COLUMN: error:" % name, err[:300])
        # Detection without --type: a broken relative and a broken catalog.
        rel = write(tmp, "rel.json", '{"id": "x", "age": 40, "municipality": 306,\n "relations": [{"relation": "cousin"}]}\n')
        rc, out, err = expect(["validate", rel], 1, "broken relative -> 1")
        check(re.search(r"^%s:2:\d+: error: unknown relation \"cousin\"" % re.escape(rel), err, re.M) is not None,
              "relative detected and its error located", err)
        cat = write(tmp, "cat.json", '{"format": "paroer-catalog", "version": 1,\n "offers": [\n  {"id": "a", "name": "A", "kind": "cafe"}\n ]}\n')
        rc, out, err = expect(["validate", cat], 1, "broken catalog -> 1")
        check(re.search(r"^%s:3:\d+: error: .*cafe" % re.escape(cat), err, re.M) is not None,
              "catalog error as FILE:LINE:COLUMN: error:", err)
        check("1 invalid" in err, "summary counts the invalid file", err)
        # Several problems in one file are all reported.
        many = write(tmp, "many.json", '{"format": "paroer-catalog", "version": 1, "offers": [\n'
                     ' {"id": "a", "name": "A", "kind": "cafe"},\n {"id": "b", "name": "B", "kind": "course", "needs": ["fun"]}]}\n')
        rc, out, err = expect(["validate", many], 1)
        check(len(re.findall(r"^%s:\d+:\d+: error: " % re.escape(many), err, re.M)) >= 2,
              "every problem is printed", err)
        # Unknown keys: a warning, valid; an error with --strict.
        unk = write(tmp, "unk.json", '{"format": "paroer-catalog", "version": 1, "colour": "blue", "offers": []}\n')
        rc, out, err = expect(["validate", unk], 0, "unknown key is only a warning")
        check(re.search(r"^%s:1:\d+: warning: .*colour" % re.escape(unk), err, re.M) is not None, "warning: line", err)
        expect(["validate", "--strict", unk], 1, "--strict makes unknown keys errors")
        # Duplicate ids across catalogs loaded together.
        a = write(tmp, "a.json", '{"format": "paroer-catalog", "version": 1, "offers": [{"id": "x", "name": "X", "kind": "course"}]}\n')
        b = write(tmp, "b.json", '{"format": "paroer-catalog", "version": 1, "offers": [{"id": "x", "name": "Y", "kind": "course"}]}\n')
        expect(["validate", a], 0)
        rc, out, err = expect(["validate", a, b], 1, "a duplicate id across catalogs -> 1")
        check(re.search(r"^%s:\d+:\d+: error: .*x" % re.escape(b), err, re.M) is not None, "duplicate located in b", err)
        # Population CSV: FILE:LINE: error:
        bad_csv = src("tests", "data", "pop-bad.csv")
        rc, out, err = expect(["validate", bad_csv], 1, "bad population -> 1")
        check(re.search(r"^%s:\d+: error: " % re.escape(bad_csv), err, re.M) is not None, "CSV errors as FILE:LINE: error:", err)
        check("b-0" not in out, "population ids are not printed on stdout", out)
        # Unreadable file -> 3, even next to a valid one.
        rc, out, err = expect(["validate", src("data", "statutory.json"), os.path.join(tmp, "missing.json")], 3,
                              "unreadable file -> 3")
        check("missing.json: error: cannot read" in err, "unreadable file is named", err)
        expect(["validate"], 2, "validate without FILE -> 2")
        expect(["validate", "--type", "movie", cat], 2, "bad --type -> 2")
        # JSON diagnostics.
        rc, out, err = expect(["validate", "--format", "json", cat, unk], 1)
        doc = json.loads(out)
        check(doc["valid"] is False and doc["errors"] >= 1 and doc["warnings"] >= 1, "JSON counts", out)
        d0 = [d for d in doc["diagnostics"] if d["severity"] == "error"][0]
        check(d0["file"] == cat and d0["line"] == 3 and isinstance(d0["column"], int) and "cafe" in d0["message"]
              and d0["text"].startswith(cat + ":3:"), "JSON diagnostic fields", json.dumps(d0))
        check(err == "", "JSON mode prints nothing on stderr", err)
    finally:
        shutil.rmtree(tmp)


# ---------------------------------------------------------------------------------------------
def group_match():
    daughter = RELATIVES["daughter"]
    rc, out, err = expect(["match"] + CATALOGS + ["-r", daughter, "--date", DATE], 0)
    check(re.search(r"^\d+ af \d+ tilbud passer", out, re.M) is not None, "Danish header", out[:300])
    check("dækker dit behov: " in out or "dækker dine behov: " in out, "reasons in Danish words", out)
    check("Kilde:" in out and "Point:" in out, "source and score shown", out)
    check("need:" not in out, "reason codes are put in words", out)
    rc, en, err = expect(["match"] + CATALOGS + ["-r", daughter, "--date", DATE, "--lang", "en"], 0)
    check("serves your need: " in en or "serves your needs: " in en, "reasons in English words", en)
    check(re.search(r"^\d+ of \d+ offers fit", en, re.M) is not None, "English header", en[:300])
    # JSON: exactly the contract's keys.
    rc, out, err = expect(["match"] + CATALOGS + ["-r", daughter, "--date", DATE, "--format", "json"], 0)
    doc = json.loads(out)
    check(list(doc) == ["relative", "date", "matches"], "match JSON keys without --explain", out[:300])
    check(doc["relative"] == "eksempel-datter-52" and doc["date"] == DATE, "relative and date", out[:200])
    check(len(doc["matches"]) >= 3, "the working daughter gets several offers", out[:500])
    for m in doc["matches"]:
        check(list(m) == ["offer", "name", "kind", "score", "relation", "reasons"], "match entry keys", json.dumps(m))
        check(isinstance(m["score"], int) and m["relation"] == 0 and all(isinstance(x, str) for x in m["reasons"]),
              "match entry types", json.dumps(m))
    scores = [m["score"] for m in doc["matches"]]
    check(scores == sorted(scores, reverse=True), "matches ranked best first", str(scores))
    rc, out, err = expect(["match"] + CATALOGS + ["-r", daughter, "--date", DATE, "--format", "json", "--explain"], 0)
    full = json.loads(out)
    check(list(full) == ["relative", "date", "matches", "excluded"], "match JSON keys with --explain", out[:300])
    check(len(full["excluded"]) > 0 and all(list(e) == ["offer", "rule"] for e in full["excluded"]),
          "excluded entries are {offer, rule}", out[-300:])
    rules = {e["rule"] for e in full["excluded"]}
    check("area" in rules, "offers of other municipalities are excluded by area", str(rules))
    check(rules <= {"paused", "inactive", "area", "relative_age", "relation", "condition", "cared_for_age", "bereaved",
                    "mode", "slot", "language", "need"} | {r for r in rules if r.startswith("requires:")},
          "rules are contract codes", str(rules))
    rc, out, err = expect(["match"] + CATALOGS + ["-r", daughter, "--date", DATE, "--format", "json", "--top", "2"], 0)
    check(len(json.loads(out)["matches"]) == 2, "--top 2 keeps two", out)
    # --explain in words.
    rc, out, err = expect(["match"] + CATALOGS + ["-r", daughter, "--date", DATE, "--explain"], 0)
    check("tilbuddet gives ikke i din kommune [area]" in out, "exclusions in Danish words", out[-2000:])
    rc, out, err = expect(["match"] + CATALOGS + ["-r", RELATIVES["spouse"], "--date", DATE, "--format", "json"], 0)
    doc = json.loads(out)
    check(any("strain:high" in m["reasons"] for m in doc["matches"]), "the spouse caring 30 h/week is under strain",
          out[:600])
    rc, out, err = expect(["match"] + CATALOGS + ["-r", RELATIVES["spouse"], "--date", DATE], 0)
    check("stor plejeopgave" in out, "strain in words", out)
    rc, out, err = expect(["match"] + CATALOGS + ["-r", RELATIVES["youth"], "--date", DATE, "--format", "json"], 0)
    doc = json.loads(out)
    check(len(doc["matches"]) >= 1, "the 15-year-old gets an offer", out)
    # Usage and errors.
    for bad in ["2026-02-30", "2026-3-1", "tomorrow", "2026-03-01T00:00"]:
        rc, out, err = expect(["match"] + CATALOGS + ["-r", daughter, "--date", bad], 2, "bad date %s -> 2" % bad)
        check("bad date" in err, "bad date is explained", err)
    expect(["match"] + CATALOGS + ["-r", daughter, "--top", "0"], 2, "--top 0 -> 2")
    expect(["match"] + CATALOGS + ["-r", daughter, "--top", "x"], 2, "--top x -> 2")
    expect(["match"] + CATALOGS, 2, "no -r -> 2")
    expect(["match", "-r", daughter], 2, "no catalog -> 2")
    expect(["match", "-c", "/nonexistent/cat.json", "-r", daughter], 3, "missing catalog -> 3")
    expect(["match"] + CATALOGS + ["-r", "/nonexistent/rel.json"], 3, "missing relative -> 3")
    tmp = tempfile.mkdtemp(prefix="paroer-cli-")
    try:
        bad = write(tmp, "r.json", '{"id": "q", "age": 40, "municipality": 306,\n "relations": [{"relation": "son_daughter", "conditions": ["flu"]}]}')
        rc, out, err = expect(["match"] + CATALOGS + ["-r", bad], 1, "invalid relative -> 1")
        check(re.search(r"^%s:2:\d+: error: unknown condition \"flu\"" % re.escape(bad), err, re.M) is not None,
              "invalid relative located", err)
        badcat = write(tmp, "c.json", '{"format": "paroer-catalog", "version": 1,\n "offers": [{"id": 1}]}')
        rc, out, err = expect(["match", "-c", badcat, "-r", daughter], 1, "invalid catalog -> 1")
        check(re.search(r"^%s:2:\d+: error: " % re.escape(badcat), err, re.M) is not None, "invalid catalog located", err)
    finally:
        shutil.rmtree(tmp)
    # -c a b and -c a -c b are the same.
    rc1, o1, e1 = run("match", "-c", src("data", "dk-offers.json"), src("data", "statutory.json"), "-r", daughter,
                      "--date", DATE, "--format", "json")
    rc2, o2, e2 = run("match", "-c", src("data", "dk-offers.json"), "-c", src("data", "statutory.json"), "-r",
                      daughter, "--date", DATE, "--format", "json")
    rc3, o3, e3 = run("match", "-c", src("data", "dk-offers.json"), "--statutory", "-r", daughter, "--date", DATE,
                      "--format", "json")
    check(rc1 == rc2 == rc3 == 0 and o1 == o2 == o3, "-c a b, -c a -c b and --statutory agree", o1[:200] + o2[:200] + o3[:200])


# ---------------------------------------------------------------------------------------------
def coverage_keys(doc, population):
    check(list(doc)[:2] == ["municipality", "date"], "coverage JSON starts with municipality, date", str(list(doc)))
    want = ["municipality", "date", "coverage", "gaps", "bereavement", "policy", "checks"] + (["population"] if population else [])
    check(list(doc) == want, "coverage JSON top-level keys", str(list(doc)))
    cov = doc["coverage"]
    check(list(cov) == ["overall", "by_need", "by_condition", "by_relation", "by_age_band"], "coverage keys", str(list(cov)))
    check(0 <= cov["overall"] <= 1 and len(cov["by_need"]) == 11 and len(cov["by_condition"]) == 11 and
          len(cov["by_relation"]) == 6 and len(cov["by_age_band"]) == 5, "coverage shares", json.dumps(cov)[:300])
    check(all(list(g) == ["age_band", "relation", "condition", "need"] for g in doc["gaps"]), "gap keys",
          json.dumps(doc["gaps"][:2]))
    pol = doc["policy"]
    check(set(["goals", "unrealised", "organisational"]) <= set(pol), "policy keys", str(list(pol)))
    check(all(set(["id", "realised_by"]) <= set(g) for g in pol["goals"]), "goal keys", json.dumps(pol["goals"][:1]))
    codes = [c["code"] for c in doc["checks"]]
    check(codes == ["respite_offered", "policy_present", "policy_current", "action_plan_due", "children_as_relatives",
                    "counsellor_present"], "the six checks in order", str(codes))
    check(all(list(c) == ["code", "status", "detail"] and c["status"] in ("pass", "warn", "fail") for c in doc["checks"]),
          "check keys and statuses", json.dumps(doc["checks"]))
    if population:
        p = doc["population"]
        for k in ["relatives", "rejected_rows", "reached", "needs_met", "by_municipality", "by_condition",
                  "by_relation", "by_age_band", "unmet"]:
            check(k in p, "population has " + k, str(list(p)))


def group_coverage():
    pop = src("tests", "data", "pop-small.csv")
    base = ["coverage"] + CATALOGS + ["--date", DATE]
    rc, out, err = expect(base + ["-m", "306", "--format", "json"], 0)
    doc = json.loads(out)
    coverage_keys(doc, False)
    check(doc["municipality"] == 306 and doc["date"] == DATE, "municipality and date", out[:100])
    check(any(g["id"] and g["realised_by"] for g in doc["policy"]["goals"]), "Odsherred's goals are realised", out[-1500:])
    rc, out2, err = expect(base + ["-m", "0306", "--format", "json"], 0)
    check(out2 == out, "-m 0306 is -m 306", "")
    rc, out, err = expect(base + ["-m", "306", "--population", pop, "--format", "json"], 0)
    doc = json.loads(out)
    coverage_keys(doc, True)
    # National reach: population only.
    rc, out, err = expect(["coverage"] + CATALOGS + ["--date", DATE, "--population", pop, "--format", "json"], 0)
    doc = json.loads(out)
    check(doc["municipality"] is None and "population" in doc and "coverage" not in doc and "checks" not in doc,
          "national coverage has population reach only", str(list(doc)))
    check("306" in doc["population"]["by_municipality"], "broken down by municipality", out[:400])
    # Text.
    rc, out, err = expect(base + ["-m", "306", "--population", pop], 0)
    for s in ["Målgruppedækning", "Huller", "Pårørendepolitik", "Tjek", "Befolkning", "Odsherred"]:
        check(s in out, "coverage text has " + s, out[:400])
    check(re.search(r"^\s+\[(PASS|WARN|FAIL)\] ", out, re.M) is not None, "checks as PASS/WARN/FAIL", out)
    check(len(re.findall(r"^\s+\[(PASS|WARN|FAIL)\] ", out, re.M)) == 6, "six checks", out)
    check("ingen tilbud til" in out, "gaps in plain Danish", out)
    check("p-01" not in out and "p-02" not in out, "no relative's id in coverage output", out)
    rc, out, err = expect(base + ["-m", "306", "--lang", "en"], 0)
    check("Target-group coverage" in out and "no offer for" in out, "coverage text in English", out[:600])
    # Usage and errors.
    expect(["coverage"] + CATALOGS, 2, "coverage without -m and --population -> 2")
    expect(base + ["-m", "1000"], 2, "-m 1000 -> 2")
    expect(base + ["-m", "abc"], 2, "-m abc -> 2")
    expect(base + ["-m", "306", "--date", "2026-13-01"], 2, "bad date -> 2")
    expect(base + ["-m", "306", "--min-cell", "2", "--population", pop], 2, "--min-cell 2 -> 2")
    expect(base + ["-m", "306", "--population", "/nonexistent.csv"], 3, "missing population -> 3")
    bad = src("tests", "data", "pop-bad.csv")
    rc, out, err = expect(base + ["-m", "306", "--population", bad, "--format", "json"], 0,
                          "bad rows are left out (exit 0)")
    check(re.search(r"^%s:\d+: error: " % re.escape(bad), err, re.M) is not None, "bad rows as FILE:LINE: error:", err)
    check(json.loads(out)["population"]["rejected_rows"] >= 1, "rejected rows counted", out[-300:])
    expect(base + ["-m", "306", "--population", bad, "--strict"], 1, "--strict: a bad row -> 1")


# ---------------------------------------------------------------------------------------------
def group_report():
    tmp = tempfile.mkdtemp(prefix="paroer-cli-")
    try:
        pop = src("tests", "data", "pop-small.csv")
        out_html = os.path.join(tmp, "r.html")
        rc, out, err = expect(["report"] + CATALOGS + ["-m", "306", "--population", pop, "--date", DATE, "-o", out_html], 0)
        html = open(out_html, encoding="utf-8").read()
        check(html.startswith("<!DOCTYPE html>") and '<html lang="da">' in html, "Danish HTML page", html[:200])
        check("Odsherred" in html and "<svg" in html and 'class="heat"' in html, "title, charts and heat map", "")
        check(html.count('data-check="') == 6, "six checks as badges", "")
        check('data-band="adult"' in html, "the heat map's band is adult by default", "")
        for bad in [r"<link\b", r"\bsrc\s*=", r"\bhref\s*=", r"@import", r"url\(", r"https?://(?!www\.w3\.org/2000/svg)"]:
            check(re.search(bad, html) is None, "self-contained: no %s" % bad, str(re.findall(bad, html)[:3]))
        check("p-01" not in html and "p-02" not in html, "no relative's id in the report", "")
        rc, out, err = expect(["report"] + CATALOGS + ["-m", "306", "--date", DATE, "--lang", "en", "--age-band",
                                                       "youth", "-o", out_html], 0)
        html = open(out_html, encoding="utf-8").read()
        check('<html lang="en">' in html and "Coverage report" in html, "English report", html[:300])
        check('data-band="youth"><colgroup>' in html.replace("\n", ""), "--age-band youth chosen", "")
        # Every catalog string is escaped.
        evil = write(tmp, "evil.json", json.dumps({
            "format": "paroer-catalog", "version": 1, "municipality": 306,
            "providers": [{"id": "p", "name": "P & <b>Co</b>", "kind": "municipal"}],
            "offers": [{"id": "o-<x>", "name": "<script>alert(1)</script> & \"q\" 'a'", "kind": "respite_home",
                        "provider": "p"}],
            "policies": [{"id": "pol", "municipality": 306, "title": "Politik <i>x</i>",
                          "goals": [{"id": "g1", "title": "Mål </section>", "category": "respite_support",
                                     "needs": ["respite"]}]}]}))
        rc, out, err = expect(["report", "-c", evil, "-m", "306", "--date", DATE, "-o", out_html], 0)
        html = open(out_html, encoding="utf-8").read()
        check("<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;" in html,
              "offer names are escaped", "")
        check("Politik &lt;i&gt;x&lt;/i&gt;" in html and "Mål &lt;/section&gt;" in html, "titles are escaped", "")
        check(html.count("<script>") == 1, "only the report's own script", "")
        # stdout, JSON summary.
        rc, out, err = expect(["report"] + CATALOGS + ["-m", "306", "--date", DATE, "-o", "-"], 0)
        check(out.startswith("<!DOCTYPE html>"), "-o - writes to stdout", out[:100])
        rc, out, err = expect(["report"] + CATALOGS + ["-m", "306", "--date", DATE, "-o", out_html, "--format", "json"], 0)
        doc = json.loads(out)
        check(doc["output"] == out_html and doc["municipality"] == 306 and doc["bytes"] == os.path.getsize(out_html),
              "report --format json summary", out)
        # National report.
        rc, out, err = expect(["report"] + CATALOGS + ["--population", pop, "--date", DATE, "-o", out_html], 0)
        html = open(out_html, encoding="utf-8").read()
        check("hele landet" in html and 'id="population"' in html and 'id="checks"' not in html, "national report", "")
        # Usage and errors.
        expect(["report"] + CATALOGS + ["-m", "306"], 2, "report without -o -> 2")
        expect(["report"] + CATALOGS + ["-o", out_html], 2, "report without -m or --population -> 2")
        expect(["report"] + CATALOGS + ["-m", "306", "--age-band", "toddler", "-o", out_html], 2, "bad --age-band -> 2")
        expect(["report"] + CATALOGS + ["-m", "306", "-o", os.path.join(tmp, "no", "such", "dir.html")], 3,
               "unwritable output -> 3")
    finally:
        shutil.rmtree(tmp)


# ---------------------------------------------------------------------------------------------
def group_privacy():
    """A relative's data appears only in the output of `match` the user asked for."""
    tmp = tempfile.mkdtemp(prefix="paroer-cli-")
    try:
        secret = "pseudonym-7f3a9c"
        rel = write(tmp, "r.json", json.dumps({"id": secret, "age": 52, "municipality": 306,
                                               "relations": [{"relation": "son_daughter", "conditions": ["dementia"]}]}))
        rc, out, err = expect(["validate", rel], 0)
        check(secret not in out + err, "validate does not print the relative", out + err)
        rc, out, err = expect(["match"] + CATALOGS + ["-r", rel, "--date", DATE], 0)
        check(secret in out and secret not in err, "match prints the relative only on stdout", err)
        csv = write(tmp, "p.csv", "id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,"
                    "cohabiting,cared_at_home,terminal,bereaved,needs,modes,slots\n" +
                    "".join("%s-%d,50,306,1,son_daughter,dementia,80,10,0,1,0,0,respite,,\n" % (secret, i) for i in range(8)))
        for argv in (["coverage", "-m", "306"], ["coverage", "-m", "306", "--format", "json"], ["coverage"]):
            rc, out, err = expect(argv + CATALOGS + ["--population", csv, "--date", DATE], 0)
            check(secret not in out + err, "%s does not print population ids" % " ".join(argv), "")
        html = os.path.join(tmp, "r.html")
        expect(["report"] + CATALOGS + ["-m", "306", "--population", csv, "--date", DATE, "-o", html], 0)
        check(secret not in open(html, encoding="utf-8").read(), "report does not contain population ids", "")
    finally:
        shutil.rmtree(tmp)


GROUPS = {
    "usage": group_usage,
    "codes": group_codes,
    "validate_good": group_validate_good,
    "validate_bad": group_validate_bad,
    "match": group_match,
    "coverage": group_coverage,
    "report": group_report,
    "privacy": group_privacy,
}


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--paroer", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("group", choices=sorted(GROUPS))
    ARGS = ap.parse_args()
    CATALOGS[1:] = [src("data", "dk-offers.json"), src("data", "odsherred-policy.json")]
    if os.path.exists(src("data", "statutory.json")):
        CATALOGS.append("--statutory")
    RELATIVES.update(daughter=src("examples", "relatives", "daughter-dementia.json"),
                     spouse=src("examples", "relatives", "spouse-cancer-terminal.json"),
                     youth=src("examples", "relatives", "youth-mother-mental-illness.json"))
    GROUPS[ARGS.group]()
    if FAILURES:
        print("%d of %d checks failed:" % (len(FAILURES), CHECKS[0]))
        for f in FAILURES:
            print("  FAIL " + f)
        return 1
    print("%s: all %d checks passed" % (ARGS.group, CHECKS[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
