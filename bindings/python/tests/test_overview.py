"""Catalog.overview(): the national overview (contract section 6a)."""
import csv
import datetime
import subprocess

import pytest

from conftest import DATA, DATE, OFFERS, POLICY, STATUTORY, find_cli

POLICIES = DATA / "municipal-policies.json"
CHECKS = ("respite_offered", "policy_present", "policy_current", "action_plan_due", "children_as_relatives",
          "counsellor_present")


@pytest.fixture(scope="module")
def national(paroer):
    with paroer.Catalog.load(OFFERS, STATUTORY, POLICY, POLICIES) as c:
        yield c


def test_rows_are_coverage(paroer, national):
    ov = national.overview(DATE)
    assert isinstance(ov, paroer.Overview)
    assert ov.date == DATE
    codes = [int(r["code"]) for r in csv.DictReader(open(DATA / "municipalities.csv", encoding="utf-8"))]
    assert [r["municipality"] for r in ov] == sorted(codes)
    for row in ov:
        cov = national.coverage(row["municipality"], DATE)
        assert row["coverage_overall"] == cov["coverage"]["overall"]
        assert row["cells"] == 3146
        assert row["cells"] - row["covered_cells"] == len(cov["gaps"])
        assert row["checks"] == {c["code"]: c["status"] for c in cov["checks"]}
        assert row["goals"] == len(cov["policy"]["goals"])
        assert row["goals_unrealised"] == len(cov["policy"]["unrealised"])
        assert row["goals_organisational"] == len(cov["policy"]["organisational"])
        live = [o for o in national.offers if o.is_live(row["municipality"], DATE)]
        assert row["offers_live"] == len(live)
        assert row["local_offers"] == sum(not o.nationwide for o in live)
    assert ov.summary["municipalities"] == 98
    assert ov.summary["with_local_offers"] == sum(r["local_offers"] > 0 for r in ov)
    assert ov.find("0306")["name"] == "Odsherred"
    assert ov.find(999) is None


def test_records_are_flat(national):
    ov = national.overview(datetime.date(2026, 1, 15))
    recs = ov.records()
    assert len(recs) == len(ov) == 98
    for rec, row in zip(recs, ov):
        assert all(not isinstance(v, (list, dict)) for v in rec.values())
        assert [rec[c] for c in CHECKS] == [row["checks"][c] for c in CHECKS]
        assert rec["kinds"] == ";".join(row["kinds"])
        assert "checks" not in rec
    try:
        import pandas  # noqa: F401
    except ImportError:
        return
    df = pandas.DataFrame(recs)
    assert len(df) == 98 and "respite_offered" in df.columns


def test_own_list_and_errors(paroer, national):
    ov = national.overview(DATE, municipalities=["0657", 306])
    assert [r["municipality"] for r in ov] == [657, 306]
    assert ov[0]["name"] == "Herning" and ov[0]["goals_organisational"] > 0
    with pytest.raises(paroer.InvalidArgument):
        national.overview(DATE, municipalities=[306, 306])
    with pytest.raises(ValueError):
        national.overview(DATE, municipalities=[])
    with pytest.raises(ValueError):
        national.overview("15-01-2026")


def test_same_as_cli(national):
    cli = find_cli()
    if cli is None:
        pytest.skip("the paroer program is not built")
    import json
    out = subprocess.run([cli, "overview", "-c", str(OFFERS), str(STATUTORY), str(POLICY), str(POLICIES),
                          "--date", DATE, "--format", "json"], capture_output=True, check=True).stdout
    doc = json.loads(out)
    ov = national.overview(DATE)
    assert doc["municipalities"] == list(ov) and doc["summary"] == ov.summary
