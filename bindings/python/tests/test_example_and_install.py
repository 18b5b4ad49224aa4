"""The example runs, and the package installs offline with pip."""
import os
import pathlib
import subprocess
import sys

import pytest

from conftest import SOURCE_DIR

PKG_DIR = pathlib.Path(__file__).resolve().parents[1]
EXAMPLE = SOURCE_DIR / "examples" / "python" / "match.py"


def env_for(pythonpath):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(pythonpath)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def test_example_match(paroer):
    if not EXAMPLE.is_file():
        pytest.skip("examples/python/match.py is not there")
    p = subprocess.run([sys.executable, str(EXAMPLE), "--date", "2026-01-15", "--explain", "--lang", "en"],
                       capture_output=True, text=True, env=env_for(PKG_DIR), timeout=120)
    assert p.returncode == 0, p.stderr
    assert "offers fit relative eksempel-datter-52 on 2026-01-15" in p.stdout
    assert "  1. " in p.stdout and "reasons: need:" in p.stdout and "area" in p.stdout
    bad = subprocess.run([sys.executable, str(EXAMPLE), str(SOURCE_DIR / "nothing.json")],
                         capture_output=True, text=True, env=env_for(PKG_DIR), timeout=120)
    assert bad.returncode == 3 and "nothing.json" in bad.stderr


def test_pip_install_offline(paroer, tmp_path):
    """`pip install --no-build-isolation --no-deps bindings/python` works without a network."""
    import importlib.util
    missing = [m for m in ("pip", "setuptools", "wheel") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)} (Debian: python3-pip python3-setuptools python3-wheel)")
    src = tmp_path / "src"
    # Build from a copy so the source tree gets no build/ or *.egg-info.
    import shutil
    shutil.copytree(PKG_DIR, src, ignore=shutil.ignore_patterns("tests", "__pycache__", "build", "*.egg-info"))
    target = tmp_path / "site"
    env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    p = subprocess.run([sys.executable, "-m", "pip", "install", "--no-build-isolation", "--no-deps", "--no-index",
                        "--target", str(target), str(src)], capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    assert (target / "paroer" / "__init__.py").is_file() and (target / "paroer" / "py.typed").is_file()
    code = ("import paroer, sys; c = paroer.Catalog.load(sys.argv[1]); "
            "print(paroer.__file__, len(c), paroer.Condition.DEMENTIA.label_en)")
    p = subprocess.run([sys.executable, "-c", code, str(SOURCE_DIR / "data" / "statutory.json")],
                       capture_output=True, text=True, env=env_for(target), cwd=tmp_path, timeout=60)
    assert p.returncode == 0, p.stderr
    where, n, label = p.stdout.split(maxsplit=2)
    assert where.startswith(str(target)) and int(n) > 0 and label.strip() == "Dementia"


def _offline_env():
    """pip with no index, no configuration and no find-links: nothing can be downloaded."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_") and k != "PYTHONPATH"}
    env.update(PIP_NO_INDEX="1", PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1",
               PYTHONDONTWRITEBYTECODE="1")
    return env


def _copy_package(tmp_path):
    import shutil
    src = tmp_path / "python"
    shutil.copytree(PKG_DIR, src, ignore=shutil.ignore_patterns("tests", "__pycache__", "build", "*.egg-info"))
    return src


def test_pip_install_venv_offline(paroer, tmp_path):
    """The documented virtual-environment install (README, docs/install.md), offline:
    python3 -m venv --system-site-packages venv && venv/bin/pip install --no-build-isolation --no-deps bindings/python
    (--system-site-packages lets the venv use Debian's setuptools and wheel)."""
    import importlib.util
    missing = [m for m in ("pip", "setuptools", "wheel", "ensurepip") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)} (Debian: python3-pip python3-setuptools python3-wheel python3-venv)")
    src = _copy_package(tmp_path)
    venv = tmp_path / "venv"
    env = _offline_env()
    p = subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", str(venv)],
                       capture_output=True, text=True, env=env, timeout=300)
    if p.returncode != 0 and "ensurepip" in p.stdout + p.stderr:
        pytest.skip("python3 -m venv cannot install pip (Debian: python3-venv)")
    assert p.returncode == 0, p.stdout + p.stderr
    p = subprocess.run([str(venv / "bin" / "pip"), "install", "--no-build-isolation", "--no-deps", str(src)],
                       capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    code = "import paroer; print(paroer.__file__); print(paroer.Condition.DEMENTIA.label_en)"
    p = subprocess.run([str(venv / "bin" / "python"), "-c", code], capture_output=True, text=True,
                       env=dict(env, PAROER_LIBRARY=os.environ.get("PAROER_LIBRARY", "")), cwd=tmp_path, timeout=60)
    assert p.returncode == 0, p.stderr
    where, label = p.stdout.split("\n")[:2]
    assert where.startswith(str(venv)) and label == "Dementia"


def test_pip_install_system_offline(paroer, tmp_path):
    """The documented install for Debian's own python3, offline, staged with --root so the
    system is not touched: python3 -m pip install --no-build-isolation --no-deps
    --break-system-packages bindings/python puts the package where /usr/bin/python3 looks."""
    import importlib.util
    missing = [m for m in ("pip", "setuptools", "wheel") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)} (Debian: python3-pip python3-setuptools python3-wheel)")
    src = _copy_package(tmp_path)
    root = tmp_path / "root"
    p = subprocess.run(["/usr/bin/python3", "-m", "pip", "install", "--no-build-isolation", "--no-deps",
                        "--break-system-packages", "--root", str(root), str(src)],
                       capture_output=True, text=True, env=_offline_env(), cwd=tmp_path, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    inits = sorted(root.rglob("paroer/__init__.py"))
    assert len(inits) == 1, inits
    site = str(inits[0].parent.parent)[len(str(root)):]
    # The staged directory is one the system python3 reads (e.g. /usr/local/lib/python3.11/dist-packages).
    p = subprocess.run(["/usr/bin/python3", "-c", "import sys; print('\\n'.join(sys.path))"],
                       capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}, timeout=60)
    assert site in p.stdout.split("\n"), (site, p.stdout)
