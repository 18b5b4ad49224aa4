#!/usr/bin/python3
"""The repository stands on its own: no reference to a file outside it.

    docs_check.py SOURCE_DIR [--no-links]

1. Every relative link of the Markdown pages (README.md, docs/*.md,
   bindings/python/README.md) names a file that exists in the repository.
2. No text file of the repository names a machine-local path or the contract
   by a name outside the repository (the contract is docs/contract.md).
Exits 0 when both hold, 1 with the offending lines otherwise.
"""
import os
import re
import sys

FORBIDDEN = [re.compile(p) for p in (r"/work/", r"/home/", r"\.\./shared", r"shared/spec", r"shared/domain",
                                     r"/tmp/team", r"\bCONTRACT\.md\b", r"\bREFERENCE\.md\b")]
SKIP_DIRS = {".git", "abi", "corpus"}
TEXT_EXT = {".md", ".c", ".h", ".in", ".txt", ".cmake", ".py", ".pyi", ".sh", ".toml", ".json", ".csv", ".tsv",
            ".html", ".css", ".js", ".map", ".cfg", ".ini", ".yml", ".yaml"}
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def main():
    root = os.path.abspath(sys.argv[1])
    check_links = "--no-links" not in sys.argv[2:]
    me = os.path.abspath(__file__)
    bad = []
    pages = [os.path.join(root, "README.md"), os.path.join(root, "bindings", "python", "README.md")]
    pages += [os.path.join(root, "docs", f) for f in sorted(os.listdir(os.path.join(root, "docs"))) if f.endswith(".md")]
    links = 0
    for page in pages if check_links else []:
        if not os.path.exists(page):
            continue
        for n, line in enumerate(open(page, encoding="utf-8"), 1):
            for target in LINK.findall(line):
                if re.match(r"[a-z]+:", target) or target.startswith("#"):
                    continue
                links += 1
                path = os.path.normpath(os.path.join(os.path.dirname(page), target.split("#")[0]))
                if not path.startswith(root + os.sep) and path != root:
                    bad.append("%s:%d: link leaves the repository: %s" % (os.path.relpath(page, root), n, target))
                elif not os.path.exists(path):
                    bad.append("%s:%d: broken link: %s" % (os.path.relpath(page, root), n, target))
    files = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith("build")]
        for f in filenames:
            path = os.path.join(dirpath, f)
            if os.path.splitext(f)[1] not in TEXT_EXT or path == me:
                continue
            files += 1
            try:
                text = open(path, encoding="utf-8").read()
            except (UnicodeDecodeError, OSError):
                continue
            for n, line in enumerate(text.splitlines(), 1):
                for p in FORBIDDEN:
                    if p.search(line):
                        bad.append("%s:%d: names a path outside the repository (%s): %s"
                                   % (os.path.relpath(path, root), n, p.pattern, line.strip()[:160]))
    if bad:
        print("\n".join(bad))
        return 1
    print("docs_check: %d links and %d files checked" % (links, files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
