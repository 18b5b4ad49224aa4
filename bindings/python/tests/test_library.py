"""Finding libparoer and checking its ABI version."""
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

PKG_DIR = pathlib.Path(__file__).resolve().parents[1]


def import_with(env_changes, code="import paroer; print(paroer.LIBRARY_PATH, paroer.ABI_VERSION)"):
    env = {k: v for k, v in os.environ.items() if k not in ("PAROER_LIBRARY", "LD_LIBRARY_PATH")}
    env.update(env_changes)
    env["PYTHONPATH"] = str(PKG_DIR)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)


def test_loaded_library(paroer):
    assert paroer.ABI_VERSION == 1
    assert paroer.library_version().count(".") == 2
    if os.environ.get("PAROER_LIBRARY"):
        assert paroer.LIBRARY_PATH == os.environ["PAROER_LIBRARY"]


def test_missing_library_names_what_was_tried(tmp_path):
    p = import_with({"PAROER_LIBRARY": str(tmp_path / "nowhere" / "libparoer.so.1")})
    assert p.returncode != 0
    assert "LibraryNotFound" in p.stderr and "PAROER_LIBRARY=" in p.stderr and "nowhere/libparoer.so.1" in p.stderr


def test_soname_lookup(paroer, tmp_path):
    """Without PAROER_LIBRARY the binding loads libparoer.so.1 through the dynamic loader."""
    lib = pathlib.Path(paroer.LIBRARY_PATH)
    if not lib.is_file():
        pytest.skip("the library under test was not given as a file")
    shutil.copy(lib, tmp_path / "libparoer.so.1")
    p = import_with({"LD_LIBRARY_PATH": str(tmp_path)})
    assert p.returncode == 0, p.stderr
    assert p.stdout.split() == ["libparoer.so.1", "1"]
    # And where there is none at all, the error names the soname and find_library.
    if subprocess.run(["sh", "-c", "ldconfig -p 2>/dev/null | grep -q libparoer"]).returncode == 0:
        return  # installed system-wide: cannot test its absence here
    p = import_with({})
    assert p.returncode != 0
    assert "libparoer.so.1" in p.stderr and "find_library" in p.stderr and "PAROER_LIBRARY" in p.stderr


@pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler to make a fake library")
def test_unknown_abi_version_is_refused(tmp_path):
    src = tmp_path / "fake.c"
    src.write_text("int paroer_abi_version(void) { return 2; }\n")
    so = tmp_path / "libparoer.so.2"
    subprocess.run(["cc", "-shared", "-fPIC", "-o", str(so), str(src)], check=True)
    p = import_with({"PAROER_LIBRARY": str(so)})
    assert p.returncode != 0 and "AbiMismatch" in p.stderr and "ABI version 2" in p.stderr


def test_not_libparoer_is_refused():
    p = import_with({"PAROER_LIBRARY": "libm.so.6"})
    assert p.returncode != 0 and "AbiMismatch" in p.stderr and "not libparoer" in p.stderr
