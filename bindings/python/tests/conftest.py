"""Shared fixtures of the binding's tests.

Environment (set by ctest; defaults work from a source checkout):
  PAROER_LIBRARY     the libparoer.so.1 to test (else the installed one)
  PAROER_SOURCE_DIR  the repository (default: two levels above bindings/python)
  PAROER_CLI         the `paroer` program (default: searched in build*/examples/)
"""
import glob
import os
import pathlib
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the package under test, not an installed one

SOURCE_DIR = pathlib.Path(os.environ.get("PAROER_SOURCE_DIR", HERE.parents[2]))
DATA = SOURCE_DIR / "data"
TEST_DATA = HERE / "data"
OFFERS = DATA / "dk-offers.json"
STATUTORY = DATA / "statutory.json"
POLICY = DATA / "odsherred-policy.json"
SHIPPED = (OFFERS, STATUTORY, POLICY)
DATE = "2026-01-15"


def find_cli():
    env = os.environ.get("PAROER_CLI")
    if env:
        return env if os.access(env, os.X_OK) else None
    lib = os.environ.get("PAROER_LIBRARY")
    candidates = []
    if lib:
        candidates.append(pathlib.Path(lib).resolve().parent / "examples" / "paroer")
    candidates += [pathlib.Path(p) for p in sorted(glob.glob(str(SOURCE_DIR / "build*" / "examples" / "paroer")))]
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return str(c)
    return None


@pytest.fixture(scope="session")
def paroer():
    import paroer as module
    return module


@pytest.fixture(scope="session")
def shipped(paroer):
    """The shipped catalogs merged (kept open for the session)."""
    c = paroer.Catalog.load(*SHIPPED)
    yield c
    c.close()


@pytest.fixture
def relative_doc():
    return {"id": "r-17", "age": 52, "municipality": 306, "employed": True,
            "relations": [{"relation": "son_daughter", "conditions": ["dementia"], "cared_for_age": 84,
                           "hours_per_week": 12, "cohabiting": False, "cared_at_home": True,
                           "terminal": False, "bereaved": False}],
            "needs": ["information", "respite"], "modes": ["in_person", "online"],
            "slots": ["weekday_evening", "weekend"], "languages": ["da"]}


@pytest.fixture(scope="session")
def cli():
    path = find_cli()
    if path is None:
        pytest.skip("the paroer CLI is not built (examples/cli); set PAROER_CLI to compare with it")
    return path
