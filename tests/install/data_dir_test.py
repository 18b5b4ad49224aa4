#!/usr/bin/python3
"""Where the shared library finds its data (paroer_data_path(), lib/data_dir.c).

    data_dir_test.py --lib BUILD/libparoer.so.1 --source SOURCE_DIR

Copies the build tree's libparoer.so.1 into scratch prefixes and asks each
copy, in a fresh process with a clean environment, where its data is:
next to the library first (<libdir>/../share/paroer), then $PAROER_DATADIR,
and the source tree only for the build tree's own library. Exits 0 when every
check holds, 1 (with the failures listed) otherwise.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

FAILURES = []
CHECKS = [0]

# Run in a child: loads LIB, calls paroer_data_path(buf, size, FILE), prints JSON.
CHILD = r"""
import ctypes, json, sys
lib = ctypes.CDLL(sys.argv[1])
lib.paroer_data_path.restype = ctypes.c_int
lib.paroer_data_path.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p]
lib.paroer_statutory_path.restype = ctypes.c_int
lib.paroer_statutory_path.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
class Err(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("message", ctypes.c_char_p)]
lib.paroer_error_last.restype = ctypes.POINTER(Err)
size = int(sys.argv[3])
buf = ctypes.create_string_buffer(max(size, 1))
name = None if sys.argv[2] == "-" else sys.argv[2].encode()
if name == b"statutory.json" and size == 4096:
    rc = lib.paroer_statutory_path(buf, size)
else:
    rc = lib.paroer_data_path(buf, size, name)
print(json.dumps({"rc": rc, "path": buf.value.decode(),
                  "message": (lib.paroer_error_last().contents.message or b"").decode() if rc else ""}))
"""


def check(cond, what, detail=""):
    CHECKS[0] += 1
    if not cond:
        FAILURES.append(what + ("\n    " + str(detail) if detail else ""))


def ask(lib, name, env=None, size=4096):
    e = {"PATH": "/usr/bin:/bin"}
    for k in ("LD_PRELOAD", "ASAN_OPTIONS", "UBSAN_OPTIONS"):  # sanitizer builds (tests/install.cmake)
        if k in os.environ:
            e[k] = os.environ[k]
    e.update(env or {})
    p = subprocess.run([sys.executable, "-c", CHILD, lib, name if name is not None else "-", str(size)],
                       capture_output=True, text=True, env=e, timeout=60)
    if p.returncode != 0:
        FAILURES.append("child failed for %s %s: %s" % (lib, name, p.stderr[-800:]))
        return {"rc": None, "path": "", "message": ""}
    return json.loads(p.stdout)


def prefix(root, name, lib, files):
    """root/name/lib/libparoer.so.1 with root/name/share/paroer/FILES."""
    d = os.path.join(root, name)
    os.makedirs(os.path.join(d, "lib"))
    shutil.copy2(lib, os.path.join(d, "lib", "libparoer.so.1"))
    if files:
        os.makedirs(os.path.join(d, "share", "paroer"))
        for f, text in files.items():
            with open(os.path.join(d, "share", "paroer", f), "w") as fh:
                fh.write(text)
    return d


def real(p):
    return os.path.realpath(p)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lib", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    source_data = os.path.join(args.source, "data")
    tmp = tempfile.mkdtemp(prefix="paroer-datadir-")
    try:
        a = prefix(tmp, "a", args.lib, {"statutory.json": "a", "municipalities.csv": "a"})
        env_dir = os.path.join(tmp, "env")
        os.makedirs(env_dir)
        for f in ("statutory.json", "kl-codes.tsv"):
            open(os.path.join(env_dir, f), "w").write("env")
        lib_a = os.path.join(a, "lib", "libparoer.so.1")

        # 1. An installed copy finds <libdir>/../share/paroer with no environment.
        r = ask(lib_a, "statutory.json")
        check(r["rc"] == 0 and real(r["path"]) == real(os.path.join(a, "share", "paroer", "statutory.json")),
              "installed copy: statutory.json next to the library", r)
        r = ask(lib_a, "municipalities.csv")
        check(r["rc"] == 0 and real(r["path"]) == real(os.path.join(a, "share", "paroer", "municipalities.csv")),
              "installed copy: municipalities.csv next to the library", r)
        # 2. Next to the library wins over $PAROER_DATADIR ...
        r = ask(lib_a, "statutory.json", {"PAROER_DATADIR": env_dir})
        check(r["rc"] == 0 and real(r["path"]).startswith(real(a) + "/"), "next to the library before $PAROER_DATADIR", r)
        # ... which is used for a file the prefix does not have.
        r = ask(lib_a, "kl-codes.tsv", {"PAROER_DATADIR": env_dir})
        check(r["rc"] == 0 and r["path"] == os.path.join(env_dir, "kl-codes.tsv"), "$PAROER_DATADIR second", r)
        # 3. Not found: the message names every place, never the source tree.
        r = ask(lib_a, "kl-codes.tsv")
        check(r["rc"] == -6 and r["path"] == "", "missing file -> PAROER_ENOTFOUND, empty buffer", r)
        check("kl-codes.tsv not found" in r["message"] and os.path.join(real(a), "share", "paroer") in r["message"]
              and "PAROER_DATADIR is not set" in r["message"], "the message names the places tried", r)
        check(args.source not in r["message"], "an installed copy never looks in the source tree", r)
        # 4. A moved prefix still works.
        moved = os.path.join(tmp, "moved")
        os.rename(a, moved)
        r = ask(os.path.join(moved, "lib", "libparoer.so.1"), "statutory.json")
        check(r["rc"] == 0 and real(r["path"]) == real(os.path.join(moved, "share", "paroer", "statutory.json")),
              "a moved prefix finds its own data", r)
        # 5. A symbolic link to the library: the data of the real file.
        os.makedirs(os.path.join(tmp, "link", "lib"))
        os.symlink(os.path.join(moved, "lib", "libparoer.so.1"), os.path.join(tmp, "link", "lib", "libparoer.so.1"))
        r = ask(os.path.join(tmp, "link", "lib", "libparoer.so.1"), "statutory.json")
        check(r["rc"] == 0 and real(r["path"]).startswith(real(moved) + "/"), "symlinked library: real file's data", r)
        # 6. A copy without data: $PAROER_DATADIR, else nothing (no source tree).
        bare = prefix(tmp, "bare", args.lib, {})
        lib_bare = os.path.join(bare, "lib", "libparoer.so.1")
        r = ask(lib_bare, "statutory.json", {"PAROER_DATADIR": env_dir})
        check(r["rc"] == 0 and r["path"] == os.path.join(env_dir, "statutory.json"), "bare copy uses $PAROER_DATADIR", r)
        r = ask(lib_bare, "statutory.json")
        check(r["rc"] == -6 and args.source not in r["message"], "bare copy without $PAROER_DATADIR: not found", r)
        # 7. The build tree's library falls back to the source tree's data/.
        r = ask(args.lib, "statutory.json")
        check(r["rc"] == 0 and real(r["path"]) == real(os.path.join(source_data, "statutory.json")),
              "build tree's library: the source tree's data/", r)
        r = ask(args.lib, "statutory.json", {"PAROER_DATADIR": env_dir})
        check(r["rc"] == 0 and r["path"] == os.path.join(env_dir, "statutory.json"),
              "build tree's library: $PAROER_DATADIR before the source tree", r)
        # 8. The directory itself; bad names; small buffers.
        r = ask(os.path.join(moved, "lib", "libparoer.so.1"), None)
        check(r["rc"] == 0 and real(r["path"]) == real(os.path.join(moved, "share", "paroer")), "NULL: the directory", r)
        r = ask(lib_bare, "", {"PAROER_DATADIR": env_dir})
        check(r["rc"] == 0 and r["path"] == env_dir, "\"\": the first directory that exists", r)
        for bad in ["../lib/libparoer.so.1", "/etc/passwd", "a/../statutory.json", "./statutory.json", "a//b", "dir/"]:
            r = ask(os.path.join(moved, "lib", "libparoer.so.1"), bad)
            check(r["rc"] == -3, "bad name %r -> PAROER_EINVALID" % bad, r)
        r = ask(os.path.join(moved, "lib", "libparoer.so.1"), "statutory.json", size=8)
        check(r["rc"] == -3 and "too small" in r["message"] and r["path"] == "", "small buffer -> PAROER_EINVALID", r)
    finally:
        shutil.rmtree(tmp)
    if FAILURES:
        print("%d of %d checks failed:" % (len(FAILURES), CHECKS[0]))
        for f in FAILURES:
            print("  FAIL " + f)
        return 1
    print("data_dir: all %d checks passed" % CHECKS[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
