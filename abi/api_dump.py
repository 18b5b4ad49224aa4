#!/usr/bin/python3
"""The public C interface as text, for scripts/abi.sh, and a comparison.

    api_dump.py dump INCLUDE_DIR > api.txt
    api_dump.py compare BASELINE.txt CURRENT.txt

abidiff (libabigail) sees only types reachable from exported functions, so it
misses what libparoer passes as plain integers (enum values: codes, statuses,
rules, flags) and, in libabigail 2.2, some parameter type changes (int to
int64_t). This dump records, from include/paroer/*.h:
  func    every PAROER_API prototype (parameter names dropped)
  enum    every enumerator and its value
  define  every numeric or string #define PAROER_* constant
  struct  every public struct's members, in order
  typedef every function-pointer typedef
`compare` fails (exit 1) when something in the baseline is gone or different;
additions pass. Members appended at the end of a struct are additions for the
versioned structs (paroer_*_options, grown behind their `version` field) and
for paroer_error_info (owned by the library); for every other struct any
member change is a break."""
import glob
import os
import re
import sys

APPENDABLE = re.compile(r"^paroer_\w*_options$|^paroer_error_info$")


def norm(s):
    s = " ".join(s.split())
    s = re.sub(r"\s*\*\s*", " *", s).replace("* *", "**")
    return re.sub(r"\s*,\s*", ", ", s).replace("( ", "(").replace(" )", ")").strip()


def drop_name(param):
    param = param.strip()
    if param in ("", "void") or param.endswith("*") or re.match(r"^(const\s+)?\w+$", param):
        return norm(param)
    return norm(re.sub(r"\b[A-Za-z_]\w*\s*$", "", param))


def c_int(expr, prev):
    if expr is None:
        return (prev + 1) if isinstance(prev, int) else None
    e = re.sub(r"(?<=\d)[uUlL]+\b", "", expr.strip())
    if re.fullmatch(r"[-+0-9xXa-fA-F<>|()\s]+", e):
        try:
            return int(eval(e, {"__builtins__": {}}))  # digits and shifts only
        except Exception:
            return None
    return None


def dump(inc):
    out = []
    for h in sorted(glob.glob(os.path.join(inc, "paroer", "*.h"))):
        text = open(h, encoding="utf-8").read()
        code = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
        code = re.sub(r"//[^\n]*", " ", code)
        for m in re.finditer(r"PAROER_API\s+([^;(]+?)\b(paroer_\w+)\s*\(([^)]*)\)\s*;", code, flags=re.S):
            params = [drop_name(p) for p in m.group(3).split(",")] if m.group(3).strip() else ["void"]
            out.append("func %s %s(%s)" % (norm(m.group(1)), m.group(2), ", ".join(params)))
        for m in re.finditer(r"typedef\s+enum\s+\w*\s*\{(.*?)\}\s*\w+\s*;", code, flags=re.S):
            prev = -1
            for item in [x.strip() for x in m.group(1).split(",") if x.strip()]:
                name, _, expr = item.partition("=")
                value = c_int(expr if _ else None, prev)
                out.append("enum %s = %s" % (name.strip(), value if value is not None else norm(expr)))
                prev = value
        for m in re.finditer(r"^\s*#\s*define\s+(PAROER_\w+)[ \t]+(\S[^\n]*)$", code, flags=re.M):
            name, value = m.group(1), m.group(2).strip()
            if name == "PAROER_API" or value.startswith("#") or "(" in name:
                continue
            if re.fullmatch(r'-?[0-9][0-9a-fA-FxXuUlL]*|"[^"]*"|INT\d+_(MIN|MAX)|UINT\d+_MAX', value):
                out.append("define %s = %s" % (name, value))
        for m in re.finditer(r"typedef\s+struct\s+(\w+)\s*\{(.*?)\}\s*\w+\s*;", code, flags=re.S):
            members = [norm(x) for x in m.group(2).split(";") if x.strip()]
            out.append("struct %s { %s }" % (m.group(1), "; ".join(members)))
        for m in re.finditer(r"typedef\s+([^;{}]*?)\(\s*\*\s*(\w+)\s*\)\s*\(([^)]*)\)\s*;", code, flags=re.S):
            params = [drop_name(p) for p in m.group(3).split(",")]
            out.append("typedef %s = %s(*)(%s)" % (m.group(2), norm(m.group(1)), ", ".join(params)))
    return out


def key(line):
    kind, rest = line.split(" ", 1)
    if kind == "func":
        return kind, re.search(r"\b(paroer_\w+)\(", rest).group(1)
    if kind in ("enum", "define", "typedef"):
        return kind, rest.split(" ", 1)[0]
    return kind, rest.split(" ", 1)[0]


def members(line):
    body = line[line.index("{") + 1:line.rindex("}")].strip()
    return [x.strip() for x in body.split(";") if x.strip()]


def compare(base_path, cur_path):
    base = [l.rstrip("\n") for l in open(base_path, encoding="utf-8") if l.strip() and not l.startswith("#")]
    cur = [l.rstrip("\n") for l in open(cur_path, encoding="utf-8") if l.strip() and not l.startswith("#")]
    cur_by = {key(l): l for l in cur}
    base_keys = {key(l) for l in base}
    breaks, changes = [], []
    for l in base:
        k = key(l)
        c = cur_by.get(k)
        if c is None:
            breaks.append("removed: " + l)
        elif c != l:
            if k[0] == "struct" and APPENDABLE.match(k[1]) and members(c)[:len(members(l))] == members(l):
                changes.append("appended to %s: %s" % (k[1], "; ".join(members(c)[len(members(l)):])))
            else:
                breaks.append("changed: %s\n      now: %s" % (l, c))
    added = [l for l in cur if key(l) not in base_keys]
    for l in changes + ["added: " + a for a in added]:
        print("  " + l)
    for b in breaks:
        print("  INCOMPATIBLE " + b)
    print("api: %d in baseline, %d now; %d added, %d appended, %d incompatible"
          % (len(base), len(cur), len(added), len(changes), len(breaks)))
    return 1 if breaks else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "dump":
        print("# libparoer public interface (abi/api_dump.py dump include); compared by scripts/abi.sh")
        print("\n".join(dump(sys.argv[2])))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
