#!/usr/bin/python3
"""Writes the population CSV cases of this suite (README.md). Each case is a
directory with input.csv; the expected outcome (the file `expect`) is kept by
hand: check it by eye when adding a case."""
import os

H = ("id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,"
     "cohabiting,cared_at_home,terminal,bereaved,needs,modes,slots")
ROW = "r-{i},52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,"


def rows(n, edit=None):
    out = []
    for i in range(n):
        r = ROW.format(i=i)
        if edit:
            r = edit(i, r)
        out.append(r)
    return out


def case(name, data):
    os.makedirs(name, exist_ok=True)
    with open(os.path.join(name, "input.csv"), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


here = os.path.dirname(os.path.abspath(__file__))
os.chdir(here)
lf = "\n"
case("stray-quote", lf.join([H] + rows(100, lambda i, r: '"' + r if i == 1 else r)) + lf)
case("stray-quote-closed", lf.join([H] + rows(100, lambda i, r: '"' + r if i in (1, 50) else r)) + lf)
case("quote-in-field", lf.join([H] + rows(5, lambda i, r: r.replace("dementia", 'dem"entia') if i == 2 else r)) + lf)
case("cr-only", "\r".join([H] + rows(10)) + "\r")
case("crlf", "\r\n".join([H] + rows(10)) + "\r\n")
case("mixed-line-ends", H + "\r" + "\n".join(rows(3)) + "\r\n" + "\r".join(rows(6)[3:]) + "\n")
case("semicolon", lf.join([H.replace(",", ";")] +
                          [r.replace(",", ";") for r in rows(4)] +
                          ['r-9;52;306;1;son_daughter;"dementia;cancer";84;12,5;0;1;0;0;respite,information;;']) + lf)
case("semicolon-unquoted-list", lf.join([H.replace(",", ";"),
                                         "r-1;52;306;1;son_daughter;dementia;cancer;84;12;0;1;0;0;respite;;"]) + lf)
case("tab-separated", lf.join([H.replace(",", "\t")] + [r.replace(",", "\t") for r in rows(2)]) + lf)
text = lf.join([H] + rows(3)) + lf
case("utf16-bom", b"\xff\xfe" + text.encode("utf-16-le"))
case("utf16be-bom", b"\xfe\xff" + text.encode("utf-16-be"))
case("utf16-no-bom", text.encode("utf-16-le"))
case("utf32-bom", b"\xff\xfe\x00\x00" + text.encode("utf-32-le"))
case("whitespace-lines", "   \n" + H + "\n \t \n" + "\n  \n".join(rows(3)) + "\n\t\n")
# A pseudonym and personal values in the wrong columns: no message repeats them.
case("values-not-echoed", lf.join([H,
                                   "CPR-0101701234,CPR-0101701234,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,",
                                   "CPR-0101701235,52,2200 Kbh N,1,son_daughter,dementia,84,12,0,1,0,0,respite,,",
                                   "CPR-0101701236,52,306,ja,son_daughter,dementia,84,12,0,1,0,0,respite,,",
                                   "CPR-0101701237,52,306,1,Mor til CPR-0101701237,dementia,84,12,0,1,0,0,respite,,",
                                   "CPR-0101701238,52,306,1,son_daughter,Demens (Alzheimer),84,12,0,1,0,0,respite,,",
                                   "CPR-0101701239,52,306,1,son_daughter,dementia,84 år,12,0,1,0,0,respite,,",
                                   "CPR-0101701240,52,306,1,son_daughter,dementia,84,tolv,0,1,0,0,respite,,",
                                   "CPR-0101701241,52,306,1,son_daughter,demensia,84,12,0,1,0,0,respite,,"]) + lf)
case("not-consecutive", lf.join([H, ROW.format(i=1), ROW.format(i=2), ROW.format(i=1)]) + lf)
case("differs-from-first-row", lf.join([H, ROW.format(i=1), ROW.format(i=1).replace(",52,", ",53,")]) + lf)
# Rows long enough for the reader's 16-byte fast path: a record it calls plain
# (no blank, ASCII only, no NUL) skips trimming and the id's checks, so a blank,
# a byte outside ASCII and a NUL anywhere in a row must each still be seen.
case("checks-in-long-rows", lf.join([H,
                                     ROW.format(i=1),
                                     "r-\xe6\xf8,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,",
                                     ROW.format(i=3).replace("son_daughter", " son_daughter\t"),
                                     ROW.format(i=4).replace(",respite,", ", respite ,"),
                                     ROW.format(i=5)]).encode("utf-8")
     + b"\n" + ROW.format(i=6).replace("r-6", "r-\xff6").encode("latin-1")
     + b"\n" + ROW.format(i=7).replace("r-7", "r-\x007").encode("latin-1")
     + b"\n" + ROW.format(i=8).replace(",12,", ",1\xc3\xa62,").encode("latin-1")
     + b"\n" + (lf.join([ROW.format(i=9), ROW.format(i=10)]) + lf).encode("utf-8"))
