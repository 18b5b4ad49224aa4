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
        check(out.startswith("Brug: paroer " + sub), sub + " --help is Danish by default", out[:200])
        check("--format" in out and "--lang" in out and "Fælles tilvalg" in out, sub + " --help lists the common options", out)
        rc, en, err = expect([sub, "--help", "--lang", "en"], 0)
        check(en.startswith("Usage: paroer " + sub) and "Common options" in en and "Fælles" not in en,
              sub + " --help --lang en is English", en[:200])
        rc, en2, err = expect(["--lang", "en", sub, "--help"], 0)
        check(en2 == en, "--lang en before the command: the same help", en2[:200])
        rc, out, err = expect([sub, "--version"], 0)
        check(out.startswith("paroer "), sub + " --version", out)
    rc, out, err = expect(["--help"], 0)
    for sub in ["validate", "match", "coverage", "report", "codes"]:
        check(re.search(r"^  %s " % sub, out, re.M) is not None, "paroer --help names " + sub, out)
    check(out.startswith("Brug: paroer KOMMANDO") and "Afslutningsstatus" in out, "paroer --help is Danish", out[:300])
    for argv in (["--lang", "en", "--help"], ["--help", "--lang", "en"], ["--lang=en", "-h"], ["-len", "--help"]):
        rc, en, err = expect(argv, 0)
        check(en.startswith("Usage: paroer COMMAND") and "Exit status" in en and "Kommandoer" not in en,
              "paroer %s is English" % " ".join(argv), en[:300])
    rc, hm, err = expect(["help", "match"], 0)
    check(hm.startswith("Brug: paroer match"), "paroer help match: Danish", hm[:200])
    rc, hm, err = expect(["--lang", "en", "help", "match"], 0)
    check(hm.startswith("Usage: paroer match"), "paroer --lang en help match: English", hm[:200])
    rc, out, err = expect(["help", "nope"], 2, "help of an unknown command -> 2")
    check("unknown command 'nope'" in err, "help names the unknown command", err)
    expect(["--lang", "en"], 2, "common options but no command -> 2")
    expect(["--lang", "de", "codes"], 2, "a bad --lang before the command -> 2")
    expect(["--explain", "match"], 2, "an option of a command before the command -> 2")
    # Common options before the command are the command's (paroer --lang en codes).
    rc, a, err = expect(["--lang", "en", "codes", "need"], 0)
    rc, b, err = expect(["codes", "need", "--lang", "en"], 0)
    check(a == b and "Respite" in a, "--lang en codes need == codes need --lang en", a[:200])
    rc, a, err = expect(["--format", "json", "--lang", "en", "codes", "slot"], 0)
    check(list(json.loads(a)) == ["slot"], "--format json before the command", a[:200])
    rc, out, err = expect(["--version", "codes"], 0)
    check(out.startswith("paroer "), "--version before the command", out)
    # A single-valued option given twice is a usage error, never a silent replacement.
    for argv, opt in ((["codes", "--lang", "en", "--lang", "da"], "--lang"), (["codes", "-f", "json", "--format=text"], "--format"),
                      (["--lang", "en", "codes", "--lang", "en"], "--lang")):
        rc, out, err = expect(argv, 2, "%s twice -> 2" % opt)
        check("given twice" in err and opt in err, "%s twice is named" % opt, err)
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
            all_path = os.path.join(d, "errors")
            if os.path.exists(all_path):   # every error of the one pass is printed, in order
                wants = [w.replace("input.json", inp) for w in open(all_path, encoding="utf-8").read().splitlines() if w]
                got = [l for l in err.splitlines() if re.match(r"^%s:\d+:\d+: error: " % re.escape(inp), l)]
                check(got == wants, "bad/%s: every error printed" % name, "want: %s\ngot:  %s" % (wants, got))
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
        check("missing.json: error: cannot open the file: no such file or directory" in err,
              "unreadable file is named, in the library's words", err)
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
def group_hardening():
    """Counting per argument, --max-errors, relative arrays (issue: hardening)."""
    tmp = tempfile.mkdtemp(prefix="paroer-cli-")
    try:
        # The same file twice: counted per argument, every error printed once.
        f = src("data", "dk-offers.json")
        doc = json.load(open(f, encoding="utf-8"))
        n_ids = len(doc.get("offers", [])) + len(doc.get("providers", [])) + len(doc.get("policies", []))
        rc, out, err = expect(["validate", "--max-errors", "0", f, f], 1, "validate F F -> 1")
        printed = len(re.findall(r"^%s:\d+:\d+: error: " % re.escape(f), err, re.M))
        m = re.search(r"2 files checked: (\d+) valid, (\d+) invalid, 0 unreadable; (\d+) errors?", err)
        check(m is not None and m.group(1) == "1" and m.group(2) == "1", "validate F F: 1 valid, 1 invalid", err[-300:])
        check(m is not None and int(m.group(3)) == printed >= n_ids > 0,
              "validate F F: the errors counted are the errors printed", "%s printed %d ids %d" % (err[-200:], printed, n_ids))
        rc, out, err = expect(["validate", "--format", "json", f, f], 1)
        j = json.loads(out)
        check([x["errors"] for x in j["files"]] == [0, printed] and j["errors"] == printed,
              "validate F F (JSON): errors per argument", json.dumps(j["files"]))
        # --max-errors: at most N per file, then one line; counts stay exact.
        keys = ", ".join('"k%d": 1' % i for i in range(250))
        w = write(tmp, "w.json", '{"format": "paroer-catalog", "version": 1, %s, "offers": []}\n' % keys)
        rc, out, err = expect(["validate", w], 0, "250 warnings: valid")
        lines = re.findall(r"^%s:1:\d+: warning: " % re.escape(w), err, re.M)
        check(len(lines) == 100, "100 diagnostics per file by default", str(len(lines)))
        check(re.search(r"^%s: \u2026 and 150 more \(--max-errors N" % re.escape(w), err, re.M) is not None,
              "then one line '… and 150 more'", err[-300:])
        check("0 errors, 250 warnings" in err, "the summary counts all 250", err[-200:])
        rc, out, err = expect(["validate", "--max-errors", "7", w], 0)
        check(len(re.findall(r"^%s:1:\d+: warning: " % re.escape(w), err, re.M)) == 7 and "and 243 more" in err,
              "--max-errors 7", err[-300:])
        rc, out, err = expect(["validate", "--max-errors", "0", w], 0)
        check(len(re.findall(r"^%s:1:\d+: warning: " % re.escape(w), err, re.M)) == 250 and "more" not in err,
              "--max-errors 0 prints all", err[-300:])
        rc, out, err = expect(["validate", "--format", "json", w], 0)
        j = json.loads(out)
        check(len(j["diagnostics"]) == 100 and j["warnings"] == 250 and j["files"][0]["omitted"] == 150,
              "JSON: 100 listed, 150 omitted, counts exact", json.dumps(j["files"]))
        expect(["validate", "--max-errors", "x", w], 2, "--max-errors x -> 2")
        expect(["validate", "--max-errors", "-1", w], 2, "--max-errors -1 -> 2")
        # Loads of match/coverage/report print at most --max-errors per file too.
        bad = write(tmp, "bad.json", '{"format": "paroer-catalog", "version": 1, "offers": [%s]}\n' %
                    ", ".join('{"id": "o%d", "name": "O", "kind": "cafe"}' % i for i in range(130)))
        rc, out, err = expect(["coverage", "-c", bad, "-m", "306", "--date", DATE], 1)
        check(len(re.findall(r"^%s:1:\d+: error: " % re.escape(bad), err, re.M)) == 100 and "and 30 more" in err,
              "coverage: 100 errors printed, then '… and 30 more'", err[-300:])
        rc, out, err = expect(["coverage", "-c", bad, "-m", "306", "--date", DATE, "--max-errors", "0"], 1)
        check(len(re.findall(r"^%s:1:\d+: error: " % re.escape(bad), err, re.M)) == 130, "coverage --max-errors 0", "")
        # report -o onto one of its inputs is refused (exit 2), however it is spelled.
        cat = write(tmp, "cat.json", open(src("data", "dk-offers.json"), encoding="utf-8").read())
        pop = write(tmp, "pop.csv", open(src("tests", "data", "pop-small.csv"), encoding="utf-8").read())
        before = open(cat, encoding="utf-8").read()
        os.link(cat, os.path.join(tmp, "hard.json"))
        os.symlink("cat.json", os.path.join(tmp, "soft.json"))
        os.mkdir(os.path.join(tmp, "sub"))
        for spelled in [cat, os.path.join(tmp, "sub", "..", "cat.json"), os.path.join(tmp, "hard.json"),
                        os.path.join(tmp, "soft.json")]:
            rc, out, err = expect(["report", "-c", cat, "-m", "306", "--date", DATE, "-o", spelled], 2,
                                  "report -o onto its catalog (%s) -> 2" % os.path.relpath(spelled, tmp))
            check("is one of the inputs" in err, "the refusal says why", err)
        check(open(cat, encoding="utf-8").read() == before, "the catalog is untouched", "")
        rc, out, err = expect(["report", "-c", src("data", "dk-offers.json"), "-m", "306", "--population", pop,
                               "--date", DATE, "-o", pop], 2, "report -o onto its population -> 2")
        check(open(pop, encoding="utf-8").read().startswith("id,"), "the population is untouched", "")
        # A report is written whole through a temporary file: nothing else is left next to it.
        outdir = os.path.join(tmp, "out")
        os.mkdir(outdir)
        html = os.path.join(outdir, "r.html")
        write(outdir, "r.html", "old report")
        os.chmod(html, 0o640)
        expect(["report", "-c", src("data", "dk-offers.json"), "-m", "306", "--date", DATE, "-o", html], 0)
        check(open(html, encoding="utf-8").read().startswith("<!DOCTYPE html>"), "the report replaced the old one", "")
        check(os.listdir(outdir) == ["r.html"], "no temporary file is left", str(os.listdir(outdir)))
        check(os.stat(html).st_mode & 0o777 == 0o640, "the replaced file keeps its mode", oct(os.stat(html).st_mode))
        # convert -o replaces a file whole through the same atomic write (mode kept, nothing left beside it).
        cvdir = os.path.join(tmp, "cv")
        os.mkdir(cvdir)
        cv = write(cvdir, "o.json", "old")
        os.chmod(cv, 0o640)
        expect(["convert", "--from", "paroer", "--to", "hsds", src("data", "dk-offers.json"), "-o", cv], 0)
        check(os.listdir(cvdir) == ["o.json"] and os.stat(cv).st_mode & 0o777 == 0o640 and
              json.load(open(cv, encoding="utf-8")), "convert -o: whole, mode kept, no temporary file",
              str(os.listdir(cvdir)))
        # Bad population rows: --max-errors of them, then the loader's line on the rest; the count stays exact.
        hdr = ("id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,cohabiting,"
               "cared_at_home,terminal,bereaved,needs,modes,slots\n")
        badpop = write(tmp, "badpop.csv", hdr + "".join("b-%d,50,306,maybe,son_daughter,dementia,80,10,0,1,0,0,respite,,\n" % i
                                                       for i in range(150)))
        rc, out, err = expect(["coverage"] + CATALOGS + ["-m", "306", "--date", DATE, "--population", badpop], 0)
        check(len(re.findall(r"^%s:\d+: error: " % re.escape(badpop), err, re.M)) == 100 and
              "50 more bad rows were left out" in err and "150 bad rows were left out" in err,
              "coverage: 100 bad rows listed, the other 50 counted", err[-400:])
        # A relative document that is an array gets a message about relatives.
        arr = write(tmp, "rels.json", '[{"id": "x", "age": 40, "municipality": 306, "relations": [{"relation": "parent"}]}]\n')
        rc, out, err = expect(["validate", arr], 1, "an array of relatives -> 1")
        check("expected a relative document (a JSON object), found an array" in err and "catalog" not in err,
              "an array of relatives is reported as a relative document", err)
        check("\"x\"" not in err and "40" not in err.replace(arr, ""), "and no value of it is printed", err)
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
    # One shown: singular words.
    rc, out, err = expect(["match"] + CATALOGS + ["-r", daughter, "--date", DATE, "--top", "1"], 0)
    check("; det bedste vises." in out and "de 1 bedste" not in out, "--top 1: 'det bedste vises'", out[:300])
    rc, out, err = expect(["match"] + CATALOGS + ["-r", daughter, "--date", DATE, "--top", "1", "--lang", "en"], 0)
    check("; showing the best one." in out, "--top 1 --lang en: 'showing the best one'", out[:300])
    rc, out, err = expect(["match"] + CATALOGS + ["-r", daughter, "--date", DATE, "--top", "2"], 0)
    check("; de 2 bedste vises." in out, "--top 2: 'de 2 bedste vises'", out[:300])
    # A second -r does not replace the first; numbers with spaces are refused like the loaders refuse them.
    rc, out, err = expect(["match"] + CATALOGS + ["-r", daughter, "-r", RELATIVES["spouse"]], 2, "-r twice -> 2")
    check("option '-r' was given twice" in err, "-r twice is named", err)
    expect(["match"] + CATALOGS + ["--relative=" + daughter, "-r", daughter], 2, "--relative= and -r -> 2")
    expect(["match"] + CATALOGS + ["-r", daughter, "--top", "2", "-n", "3"], 2, "--top twice -> 2")
    expect(["match"] + CATALOGS + ["-r", daughter, "--date", DATE, "-d", DATE], 2, "--date twice -> 2")
    for bad in [" 3", "3 ", "+3", "\t3", ""]:
        expect(["match"] + CATALOGS + ["-r", daughter, "--top", bad], 2, "--top %r -> 2" % bad)
    # An unreadable file is said in the same words by every command.
    rc, out, e_match = expect(["match", "-c", "/nonexistent/cat.json", "-r", daughter], 3)
    rc, out, e_val = expect(["validate", "/nonexistent/cat.json"], 3)
    want = "/nonexistent/cat.json: error: cannot open the file: no such file or directory"
    check(want in e_match and want in e_val, "validate and match: one message for an unreadable file",
          e_match + e_val)
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
    want = ["municipality", "date", "coverage", "counts", "gaps", "bereavement", "policy", "checks"] + (["population"] if population else [])
    check(list(doc) == want, "coverage JSON top-level keys", str(list(doc)))
    cov = doc["coverage"]
    cnt = doc["counts"]   # contract 5a: every share is exactly covered / cells
    check(list(cnt) == list(cov) and cnt["overall"]["cells"] == 3146 and
          cov["overall"] == cnt["overall"]["covered"] / cnt["overall"]["cells"] and
          all(cov[k][c] == cnt[k][c]["covered"] / cnt[k][c]["cells"] for k in list(cov)[1:] for c in cov[k]),
          "coverage counts next to the shares", json.dumps(cnt)[:300])
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
    check("Ingen tilbud til" in out, "gaps in plain Danish", out)
    check("p-01" not in out and "p-02" not in out, "no relative's id in coverage output", out)
    rc, out, err = expect(base + ["-m", "306", "--lang", "en"], 0)
    check("Target-group coverage" in out and "No offer for" in out, "coverage text in English", out[:600])
    # Usage and errors.
    expect(["coverage"] + CATALOGS, 2, "coverage without -m and --population -> 2")
    expect(base + ["-m", "1000"], 2, "-m 1000 -> 2")
    for code in ["999", "100", "0999"]:
        rc, out, err = expect(base + ["-m", code], 2, "-m %s (no such municipality) -> 2" % code)
        check("unknown municipality code '%s'" % code in err, "the unknown code %s is named" % code, err)
    for bad in [" 306", "306 ", "+306", "-306"]:
        expect(base + ["-m", bad], 2, "-m %r -> 2" % bad)
    expect(base + ["-m", "306", "-m", "101"], 2, "-m twice -> 2")
    expect(base + ["-m", "306", "--min-cell", " 5"], 2, "--min-cell ' 5' -> 2")
    rc, out, err = expect(base + ["-m", "101"], 0)
    check(out.startswith("Dækning for København (101)"), "the heading names the municipality", out[:100])
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
    "hardening": group_hardening,
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
