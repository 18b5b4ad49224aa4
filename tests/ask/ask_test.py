#!/usr/bin/python3
"""`paroer ask` end to end (contract 6a): answers piped on standard input, and
once in a real terminal (tmux) the way a person types them, when tmux is
installed. usage: ask_test.py --paroer PAROER --source SOURCE_DIR"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile, time

DATE = "2026-03-01"
FAIL = []


def check(cond, what, detail=""):
    if not cond:
        FAIL.append(what + ("\n    " + detail.strip().replace("\n", "\n    ") if detail else ""))


def run(a, argv, answers):
    env = dict(os.environ, PAROER_DATADIR=os.path.join(a.source, "data"))
    p = subprocess.run([a.paroer] + argv, input=answers.encode(), capture_output=True, env=env, timeout=120)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--paroer", required=True)
    ap.add_argument("--source", required=True)
    a = ap.parse_args()
    cat = ["-c", os.path.join(a.source, "data", "dk-offers.json"), "--statutory", "--date", DATE]
    partial = os.path.join(a.source, "tests", "ask", "partial-330.json")

    # The first question is the best one: terminal (relations[0].terminal, 8/2), asked in the relation's words.
    rc, out, err = run(a, ["ask"] + cat + ["-r", partial], "")
    check(rc == 0, "ask with no answers exits 0", out + err)
    check("Er din forælder døende eller uhelbredeligt syg?" in out, "first question in Danish, relation's words", out)
    check("sikre" in out and "mulige" in out and "udelukket" in out, "counts shown", out)

    # Answers: terminal no, then the age, then employed yes: nothing left open.
    rc, out, err = run(a, ["ask", "--format", "json"] + cat + ["-r", partial], "nej\n52\nja\n")
    check(rc == 0, "piped answers exit 0", err)
    doc = json.loads(out)
    check(doc["relative"] == "r-doerstep" and "possible" in doc and "questions" in doc, "match JSON at the end", out)
    check(doc["possible"] == [] and doc["questions"] == [], "every question answered: nothing possible", out)
    ids = [m["offer"] for m in doc["matches"]]
    check("dk-stat-fravaersloven-omsorgsorlov" in ids, "employed yes: leave offers certain", out)
    check("dk-vaagetjenesten" not in ids, "terminal no: the night watch excluded", out)
    check("Er du i arbejde?" in err and "Hvor gammel er du?" in err, "JSON mode: the interview on stderr", err)

    # The same as `paroer match` of the completed document.
    with tempfile.TemporaryDirectory() as tmp:
        full = json.load(open(partial))
        full.update(age=52, employed=True)
        full["relations"][0]["terminal"] = False
        full["relations"][0]["cohabiting"] = False
        path = os.path.join(tmp, "full.json")
        json.dump(full, open(path, "w"))
        rc2, out2, _ = run(a, ["match", "--format", "json"] + cat + ["-r", path], "")
        m2 = json.loads(out2)
        check([x["offer"] for x in m2["matches"]] == ids, "ask's end equals match of what it learnt", out2)

    # Skipping: an empty line skips a question, the next best is asked; bad answers are asked again.
    rc, out, err = run(a, ["ask", "--lang", "en"] + cat + ["-r", partial], "\nmaybe\n40\n")
    check("Is your parent dying or terminally ill?" in out, "English question", out)
    check("I did not understand that." in out, "a bad answer is asked again", out)
    check(out.count("How old are you?") == 2, "the age asked again after the bad answer", out)
    check("Offers for relative r-doerstep" in out, "ends with the ranked match", out)

    # From nothing: the municipality first (or -m), then the relation.
    rc, out, err = run(a, ["ask"] + cat, "999\n330\nson_daughter\n\n\n\n\n\n\n\n\n")
    check(rc == 0, "from nothing exits 0", err)
    check("Hvilken kommune bor du i?" in out and "Det kender jeg ikke som en kommunekode." in out, "municipality asked", out)
    check("Hvem hjælper du?" in out, "relation asked", out)
    rc, out, err = run(a, ["ask", "-m", "998"] + cat, "")
    check(rc == 2, "unknown municipality with -m: usage error", out + err)
    rc, out, err = run(a, ["ask", "-m", "330"] + cat, "parent\n")
    check("Hvilken kommune" not in out and "Hvem hjælper du?" in out, "-m skips the municipality question", out)

    # The counts in Danish agree in number: "1 sikkert", "1 muligt", never "1 sikre" or "1 mulige"
    # (Odsherred, a daughter: after "terminal: nej" one offer is left possible, then one certain).
    both = ["-c", os.path.join(a.source, "data", "statutory.json"), os.path.join(a.source, "data", "dk-offers.json"),
            "-m", "306", "--date", "2026-12-03"]
    rc, out, err = run(a, ["ask"] + both, "son_daughter\nnej\ndementia\n84\n56\nja\nnej\nja\n")
    check(rc == 0, "the Odsherred interview exits 0", err)
    check("Tilbud: 1 sikkert, 24 mulige," in out, "one certain offer: '1 sikkert'", out)
    check("Tilbud: 8 sikre, 1 muligt," in out, "one possible offer: '1 muligt'", out)
    check(not re.search(r"\b1 (sikre|mulige)\b", out), "no '1 sikre' / '1 mulige'", out)

    # In a real terminal, typed as a person would.
    if shutil.which("tmux"):
        sock = "paroer-ask-%d" % os.getpid()
        cmd = " ".join([a.paroer, "ask"] + cat + ["-r", partial])
        env = dict(os.environ, PAROER_DATADIR=os.path.join(a.source, "data"))
        subprocess.run(["tmux", "-L", sock, "new-session", "-d", "-x", "160", "-y", "200", cmd + "; sleep 30"],
                       env=env, check=True)
        def screen():
            return subprocess.run(["tmux", "-L", sock, "capture-pane", "-p", "-S", "-2000"],
                                  capture_output=True).stdout.decode()
        def wait_for(text):
            for _ in range(100):
                if text in screen():
                    return True
                time.sleep(0.1)
            return False
        try:
            check(wait_for("uhelbredeligt syg?"), "tmux: first question shown", screen())
            for keys, next_text in (("nej", "Hvor gammel er du?"), ("61", "Er du i arbejde?"), ("", "Tilbud til")):
                subprocess.run(["tmux", "-L", sock, "send-keys", keys, "Enter"], check=True)
                check(wait_for(next_text), "tmux: after %r shows %r" % (keys, next_text), screen())
            check("Kontakt:" in screen() or "Kilde:" in screen(), "tmux: contact details at the end", screen())
        finally:
            subprocess.run(["tmux", "-L", sock, "kill-server"], capture_output=True)

    for f in FAIL:
        print("FAIL:", f)
    print("%d failures" % len(FAIL))
    return 1 if FAIL else 0


if __name__ == "__main__":
    sys.exit(main())
