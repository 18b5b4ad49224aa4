"""Python and the command-line tool give identical results on the shipped data.

Skipped when the CLI (examples/cli, target paroer-cli) is not built; ctest
passes its path in PAROER_CLI.
"""
import json
import subprocess

import pytest

from conftest import DATE, OFFERS, POLICY, SHIPPED, SOURCE_DIR

RELATIVES = sorted((SOURCE_DIR / "examples" / "relatives").glob("*.json"))
POP = SOURCE_DIR / "tests" / "data" / "pop-small.csv"
CATALOG_ARGS = ["-c", *map(str, SHIPPED)]


def run(cli, *args):
    p = subprocess.run([cli, *map(str, args)], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert p.returncode == 0, p.stderr
    return p.stdout


@pytest.fixture(scope="module")
def relatives(tmp_path_factory):
    extra = tmp_path_factory.mktemp("rel") / "two-relations.json"
    extra.write_text(json.dumps({
        "id": "to-relationer", "age": 40, "municipality": 101, "employed": True,
        "relations": [{"relation": "sibling", "conditions": ["frailty"], "cared_for_age": 70},
                      {"relation": "parent", "conditions": ["cancer", "brain_injury"], "cared_for_age": 10,
                       "hours_per_week": 25, "terminal": True}],
        "needs": ["counselling", "respite", "financial"]}), encoding="utf-8")
    found = RELATIVES + [extra]
    assert len(found) >= 2
    return found


@pytest.mark.parametrize("explain,top", [(False, None), (True, None), (True, 3)])
@pytest.mark.parametrize("date", [DATE, "2025-07-01"])
def test_match_parity(paroer, cli, shipped, relatives, explain, top, date):
    for rel in relatives:
        args = ["match", *CATALOG_ARGS, "-r", rel, "--date", date, "--format", "json"]
        if explain:
            args.append("--explain")
        if top:
            args += ["--top", top]
        out = run(cli, *args)
        result = shipped.match(rel, date=date, top=top, explain=explain)
        assert result.to_dict() == json.loads(out), rel.name
        assert result.to_json() == out.strip(), rel.name


def test_match_many_parity(paroer, cli, shipped, relatives):
    many = shipped.match_many(relatives, date=DATE, explain=True)
    for rel, result in zip(relatives, many):
        out = run(cli, "match", *CATALOG_ARGS, "-r", rel, "--date", DATE, "--explain", "--format", "json")
        assert result.to_dict() == json.loads(out)


def test_statutory_flag_parity(paroer, cli, relatives):
    with paroer.Catalog.load(OFFERS, POLICY, statutory=True) as c:
        for rel in relatives:
            out = run(cli, "match", "-c", OFFERS, POLICY, "--statutory", "-r", rel, "--date", DATE, "--format", "json")
            assert c.match(rel, date=DATE).to_dict() == json.loads(out)


@pytest.mark.parametrize("municipality", [306, 101, 851])
def test_coverage_parity(paroer, cli, shipped, municipality):
    out = run(cli, "coverage", *CATALOG_ARGS, "-m", municipality, "--date", DATE, "--format", "json")
    assert shipped.coverage(municipality, date=DATE) == json.loads(out)


def test_coverage_parity_with_population_and_options(paroer, cli, shipped):
    out = run(cli, "coverage", *CATALOG_ARGS, "-m", "0306", "--population", POP, "--date", DATE, "--format", "json")
    assert shipped.coverage("0306", DATE, population=POP) == json.loads(out)
    out = run(cli, "coverage", *CATALOG_ARGS, "-m", 306, "--population", POP, "--date", DATE, "--min-cell", 3,
              "--format", "json", "--lang", "da")
    assert shipped.coverage(306, DATE, population=POP, min_cell=3, lang="da") == json.loads(out)
    out = run(cli, "coverage", *CATALOG_ARGS, "--population", POP, "--date", DATE, "--format", "json")
    assert shipped.coverage(None, DATE, population=POP) == json.loads(out)


def test_codes_parity(paroer, cli):
    table = json.loads(run(cli, "codes", "--format", "json"))
    assert list(table) == list(paroer.LISTS)
    for name, entries in table.items():
        cls = paroer.LISTS[name]
        assert [(e["code"], e["value"], e["da"], e["en"]) for e in entries] == \
            [(m.code, int(m), m.label_da, m.label_en) for m in cls]


def test_validate_errors_parity(paroer, cli, tmp_path):
    """The CLI's `FILE:LINE:COLUMN: error:` lines are the diagnostics Python gets."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "paroer-catalog", "version": 1,\n "offers": [{"id": "a", "name": "A", "kind": "x"},\n'
                   ' {"id": "b", "name": "B", "kind": "course", "status": "closed"}]}', encoding="utf-8")
    p = subprocess.run([cli, "validate", str(bad)], capture_output=True, text=True, encoding="utf-8")
    assert p.returncode == 1
    with pytest.raises(paroer.SchemaError) as info:
        paroer.Catalog.load(bad)
    for d in info.value.errors:
        assert d.text in p.stdout + p.stderr
