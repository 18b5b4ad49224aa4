#!/usr/bin/python3
"""Renders `paroer report` for Odsherred in headless Chromium and checks it.

    check_report.py --paroer PATH --source DIR [--synth PATH] [--out DIR]

1. Builds a report for Odsherred (municipality 306) from data/dk-offers.json,
   data/odsherred-policy.json and (if present) data/statutory.json, with a
   population: a synthetic one from paroer-synth when given, else
   tests/data/pop-small.csv.
2. Loads it with --dump-dom: the inline script at the end of the page must
   have run (it marks #paroer-ready with data-ready="yes").
3. Takes a 1280x2000 screenshot with console logging on: no console message
   at all (no uncaught error, no Content-Security-Policy refusal), and the PNG
   is not blank (many colours, a fair share of non-white pixels).
4. Does the same DOM check for the English national report.
5. With --library, writes the Odsherred report again from Python
   (Coverage.to_html() over that libparoer): it must be the CLI's file byte
   for byte, and it renders without console messages.

Exit 0 when all holds, 1 on failure, 77 (ctest SKIP_RETURN_CODE) when no
Chromium is installed. The report and screenshot are left in --out (default:
the working directory) for people and CI artifacts to look at.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pngutil  # noqa: E402

SKIP = 77


def find_chromium():
    for name in ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"):
        if os.path.exists(name) and os.access(name, os.X_OK):
            return name
    return shutil.which("chromium")


def chromium(browser, tmp, extra, url):
    profile = tempfile.mkdtemp(prefix="profile-", dir=tmp)
    argv = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--user-data-dir=" + profile] + extra + [url]
    env = dict(os.environ, HOME=tmp)
    p = subprocess.run(argv, capture_output=True, timeout=180, env=env)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--paroer", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--synth")
    ap.add_argument("--out", default=os.getcwd())
    ap.add_argument("--library", help="libparoer.so for the Python binding's report")
    args = ap.parse_args()

    browser = find_chromium()
    if not browser:
        print("chromium is not installed: skipped (apt-get install -y chromium)")
        return SKIP

    failures = []

    def check(cond, what, detail=""):
        if not cond:
            failures.append(what + ("\n    " + detail.strip()[:1500] if detail else ""))

    tmp = tempfile.mkdtemp(prefix="paroer-report-")
    try:
        data = os.path.join(args.source, "data")
        catalogs = [os.path.join(data, "dk-offers.json"), os.path.join(data, "odsherred-policy.json")]
        if os.path.exists(os.path.join(data, "statutory.json")):
            catalogs.append(os.path.join(data, "statutory.json"))
        pop = os.path.join(args.source, "tests", "data", "pop-small.csv")
        if args.synth:
            pop = os.path.join(tmp, "population.csv")
            subprocess.run([args.synth, "population", "--seed", "7", "--relatives", "60000", "-o", pop], check=True)

        os.makedirs(args.out, exist_ok=True)
        html = os.path.join(args.out, "report-odsherred.html")
        png = os.path.join(args.out, "report-odsherred.png")
        env = dict(os.environ, PAROER_DATADIR=data)
        p = subprocess.run([args.paroer, "report", "-c"] + catalogs +
                           ["-m", "306", "--population", pop, "--date", "2026-03-01", "-o", html],
                           capture_output=True, env=env)
        check(p.returncode == 0, "paroer report exits 0", p.stderr.decode())
        if p.returncode != 0:
            raise SystemExit(1)
        url = "file://" + os.path.abspath(html)

        # 1. The DOM after the scripts ran.
        rc, dom, log = chromium(browser, tmp, ["--dump-dom"], url)
        check(rc == 0, "chromium --dump-dom exits 0", log[-1500:])
        m = re.search(r'<div id="paroer-ready"[^>]*>', dom)
        check(m is not None and 'data-ready="yes"' in m.group(0), "the page's script ran to the end",
              m.group(0) if m else dom[-800:])
        sections = re.search(r'data-sections="(\d+)"', m.group(0)) if m else None
        check(sections is not None and int(sections.group(1)) >= 6, "the page has its sections",
              m.group(0) if m else "")
        for marker in ('id="checks"', 'id="heatmap"', 'id="gaps"', 'id="policy"', 'id="population"', "<svg"):
            check(marker in dom, "the rendered page has " + marker)

        # 2. The screenshot, with console logging on.
        rc, out, log = chromium(browser, tmp, ["--enable-logging=stderr", "--v=0", "--hide-scrollbars",
                                               "--screenshot=" + png, "--window-size=1280,2000"], url)
        check(rc == 0 and os.path.exists(png), "chromium --screenshot writes a PNG", log[-1500:])
        console = [line for line in log.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
        check(not console, "no console message (errors, CSP refusals)", "\n".join(console))
        if os.path.exists(png):
            w, h, ch, rows = pngutil.read_png(png)
            check((w, h) == (1280, 2000), "screenshot is 1280x2000", "%dx%d" % (w, h))
            colours, inked = pngutil.stats(w, ch, rows, step=4)
            check(colours > 100, "screenshot has many colours (not blank)", "%d colours" % colours)
            check(0.15 < inked < 0.95, "screenshot has a fair share of non-white pixels", "%.3f" % inked)
            print("screenshot %s: %dx%d, %d colours, %.0f%% non-white" % (png, w, h, colours, inked * 100))

        # 3. The English national report.
        html_en = os.path.join(args.out, "report-national-en.html")
        p = subprocess.run([args.paroer, "report", "-c"] + catalogs +
                           ["--population", pop, "--date", "2026-03-01", "--lang", "en", "-o", html_en],
                           capture_output=True, env=env)
        check(p.returncode == 0, "national English report exits 0", p.stderr.decode())
        rc, dom, log = chromium(browser, tmp, ["--dump-dom", "--enable-logging=stderr", "--v=0"],
                                "file://" + os.path.abspath(html_en))
        check('data-ready="yes"' in dom and 'lang="en"' in dom, "the English national page renders", dom[-500:])
        console = [line for line in log.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
        check(not console, "no console message on the national page", "\n".join(console))

        # 4. The same page from Python.
        if args.library:
            html_py = os.path.join(args.out, "report-odsherred-python.html")
            script = (
                "import os, sys, paroer\n"
                "cats, pop, out = sys.argv[1].split(os.pathsep), sys.argv[2], sys.argv[3]\n"
                "with paroer.Catalog.load(*cats) as c:\n"
                "    cov = c.coverage(306, '2026-03-01', population=pop)\n"
                "    html = cov.to_html(sources=[os.path.basename(x) for x in cats],\n"
                "                       population_name=os.path.basename(pop))\n"
                "open(out, 'wb').write(html.encode('utf-8'))\n")
            penv = dict(env, PAROER_LIBRARY=args.library,
                        PYTHONPATH=os.path.join(args.source, "bindings", "python"), PYTHONDONTWRITEBYTECODE="1")
            p = subprocess.run([sys.executable, "-c", script, os.pathsep.join(catalogs), pop, html_py],
                               capture_output=True, env=penv)
            check(p.returncode == 0, "Python writes the report", p.stderr.decode())
            if p.returncode == 0:
                same = open(html_py, "rb").read() == open(html, "rb").read()
                check(same, "Python's report is the CLI's, byte for byte", html_py + " vs " + html)
                rc, dom, log = chromium(browser, tmp, ["--dump-dom", "--enable-logging=stderr", "--v=0"],
                                        "file://" + os.path.abspath(html_py))
                check('data-ready="yes"' in dom, "Python's page renders", dom[-500:])
                console = [line for line in log.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
                check(not console, "no console message on Python's page", "\n".join(console))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print("%d checks failed:" % len(failures))
        for f in failures:
            print("  FAIL " + f)
        return 1
    print("report renders in %s without console messages" % browser)
    return 0


if __name__ == "__main__":
    sys.exit(main())
