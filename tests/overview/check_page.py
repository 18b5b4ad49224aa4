#!/usr/bin/python3
"""Renders the `paroer overview -o` page in headless Chromium and checks it.

    check_page.py --paroer PATH --source DIR [--out DIR]

1. Writes the page for the shipped data (Danish and English).
2. --dump-dom: the inline script ran (#paroer-ready data-ready="yes"), the table
   has 98 rows, and sorting by coverage (descending) put first the municipality
   the JSON says has the most covered pairs.
3. A 1280x2400 screenshot with console logging on: no console message (no
   script error, no Content-Security-Policy refusal) and the PNG is not blank.
Exit 0 when all holds, 1 on failure, 77 (ctest SKIP_RETURN_CODE) without Chromium.
The page and the screenshot are left in --out for people to look at.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "report"))
import check_report  # noqa: E402  (find_chromium, chromium)
import pngutil  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--paroer", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", default=os.getcwd())
    args = ap.parse_args()
    browser = check_report.find_chromium()
    if not browser:
        print("no Chromium: skipped")
        return 77
    failures = []

    def check(cond, what, detail=""):
        if not cond:
            failures.append(what + ("\n    " + str(detail)[:1500] if detail else ""))

    data = os.path.join(args.source, "data")
    cats = ["-c"] + [os.path.join(data, f) for f in ("dk-offers.json", "statutory.json", "odsherred-policy.json",
                                                     "municipal-policies.json")]
    env = dict(os.environ, PAROER_DATADIR=data)
    date = "2026-01-15"
    doc = json.loads(subprocess.run([args.paroer, "overview"] + cats + ["--date", date, "--format", "json"],
                                    capture_output=True, check=True, env=env).stdout)
    best = max(doc["municipalities"], key=lambda r: (r["covered_cells"], -r["municipality"]))
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("da", "en"):
            page = os.path.join(args.out, "overview-%s.html" % lang)
            p = subprocess.run([args.paroer, "overview"] + cats + ["--date", date, "--lang", lang, "-o", page],
                               capture_output=True, env=env)
            check(p.returncode == 0 and os.path.exists(page), "overview -o writes the page (%s)" % lang, p.stderr)
            html = open(page, encoding="utf-8").read()
            check("http://" not in html.replace("http://www.w3.org", "") and "https://" not in html,
                  "the page names no network address (%s)" % lang)
            check(("Et katalog er en stikprøve" if lang == "da" else "A catalog is a sample") in html,
                  "the sample note (%s)" % lang)
            check(("40 kommuner" if lang == "da" else "40 municipalities") in html, "the 2025 counsellor figure")
            url = "file://" + page
            rc, dom, log = check_report.chromium(browser, tmp, ["--dump-dom"], url)
            check(rc == 0, "chromium --dump-dom exits 0 (%s)" % lang, log[-800:])
            m = re.search(r'<div id="paroer-ready"[^>]*>', dom)
            tag = m.group(0) if m else ""
            check('data-ready="yes"' in tag, "the inline script ran (%s)" % lang, tag)
            check('data-rows="98"' in tag, "98 rows in the table (%s)" % lang, tag)
            check('data-sorted-first="%03d"' % best["municipality"] in tag,
                  "sorting by coverage puts %03d first (%s)" % (best["municipality"], lang), tag)
            png = os.path.join(args.out, "overview-%s.png" % lang)
            rc, out, log = check_report.chromium(browser, tmp, ["--enable-logging=stderr", "--v=0",
                                                                "--screenshot=" + png, "--window-size=1280,2400"], url)
            check(rc == 0 and os.path.exists(png), "chromium --screenshot writes a PNG (%s)" % lang, log[-800:])
            console = [ln for ln in log.splitlines() if ":CONSOLE" in ln or "Uncaught" in ln]
            check(not console, "no console message (%s)" % lang, "\n".join(console))
            if os.path.exists(png):
                w, h, ch, rows = pngutil.read_png(png)
                colours, inked = pngutil.stats(w, ch, rows, step=4)
                check(colours > 100 and 0.1 < inked < 0.95, "the screenshot is not blank (%s)" % lang,
                      "%d colours, %.2f inked" % (colours, inked))
                print("screenshot %s: %dx%d, %d colours, %.0f%% non-white" % (png, w, h, colours, inked * 100))
    if failures:
        print("%d checks failed:" % len(failures))
        for f in failures:
            print("  FAIL " + f)
        return 1
    print("overview page renders in %s: script ran, 98 rows, sorted, no console messages" % browser)
    return 0


if __name__ == "__main__":
    sys.exit(main())
