"""Coverage from Python is the library's JSON, as a dict."""
import pytest

from conftest import DATE, SOURCE_DIR, TEST_DATA

POP = SOURCE_DIR / "tests" / "data" / "pop-small.csv"
POP_BAD = SOURCE_DIR / "tests" / "data" / "pop-bad.csv"


def test_municipality_coverage_structure(paroer, shipped):
    d = shipped.coverage(306, date=DATE)
    assert list(d) == ["municipality", "date", "coverage", "counts", "gaps", "bereavement", "policy", "checks"]
    # The integer counts behind every share (contract 5a), the share being exactly their quotient.
    counts = d["counts"]
    assert counts["overall"]["cells"] == 3146
    assert d["coverage"]["overall"] == counts["overall"]["covered"] / counts["overall"]["cells"]
    for key in ["by_need", "by_condition", "by_relation", "by_age_band"]:
        for code, share in d["coverage"][key].items():
            assert share == counts[key][code]["covered"] / counts[key][code]["cells"]
    assert d["municipality"] == 306 and d["date"] == DATE
    assert list(d["coverage"]) == ["overall", "by_need", "by_condition", "by_relation", "by_age_band"]
    assert list(d["coverage"]["by_need"]) == [n.code for n in paroer.Need]
    assert list(d["coverage"]["by_condition"]) == [c.code for c in paroer.Condition]
    assert 0 <= d["coverage"]["overall"] <= 1
    for gap in d["gaps"]:
        assert list(gap) == ["age_band", "relation", "condition", "need"]
    assert set(d["policy"]) >= {"goals", "unrealised", "organisational"}
    assert [c["code"] for c in d["checks"]] == ["respite_offered", "policy_present", "policy_current",
                                                "action_plan_due", "children_as_relatives", "counsellor_present"]
    assert all(c["status"] in ("pass", "warn", "fail") and c["detail"] for c in d["checks"])
    assert shipped.coverage("0306", date=DATE) == d


def test_population_as_path_or_object(paroer, shipped):
    by_path = shipped.coverage(306, DATE, population=POP)
    with paroer.Population.load(POP) as pop:
        assert shipped.coverage(306, DATE, population=pop) == by_path
        in_306 = sum(1 for r in pop if r.municipality == 306)
        assert 0 < in_306 == by_path["population"]["relatives"] < len(pop)
    p = by_path["population"]
    assert list(p)[:11] == ["relatives", "rejected_rows", "reached", "needs_met", "reached_count", "needs_met_count",
                            "by_municipality", "by_condition", "by_relation", "by_age_band", "unmet"]
    # Every share comes with its integer counts (contract 5a).
    assert p["reached"] == p["reached_count"] / p["relatives"]
    assert p["needs_met"] == p["needs_met_count"] / p["relatives"]
    for k in ("by_municipality", "by_condition", "by_relation", "by_age_band"):
        for v in p[k].values():
            if v != {"suppressed": True}:
                assert v["reached"] == v["reached_count"] / v["relatives"]
                assert v["needs_met"] == v["needs_met_count"] / v["relatives"]
    # Cells under min_cell (default 5) are suppressed, never shown.
    cells = [v for k in ("by_condition", "by_relation", "by_age_band") for v in p[k].values()]
    assert any(v == {"suppressed": True} for v in cells)
    assert all(v == {"suppressed": True} or v["relatives"] >= 5 for v in cells)


def test_national_reach(paroer, shipped):
    d = shipped.coverage(None, DATE, population=POP)
    assert list(d) == ["municipality", "date", "population"] and d["municipality"] is None
    with pytest.raises(ValueError):
        shipped.coverage(None, DATE)


def test_options(paroer, shipped):
    en = shipped.coverage(306, DATE)
    da = shipped.coverage(306, DATE, lang="da")
    assert [c["code"] for c in da["checks"]] == [c["code"] for c in en["checks"]]
    assert [c["detail"] for c in da["checks"]] != [c["detail"] for c in en["checks"]]
    with pytest.raises(ValueError):
        shipped.coverage(306, DATE, lang="de")
    with pytest.raises(paroer.InvalidArgument):
        shipped.coverage(306, DATE, population=POP, min_cell=2)   # never below 3
    with pytest.raises(ValueError):
        shipped.coverage(1000, DATE)


def test_population_object(paroer):
    with paroer.Population.load(POP_BAD) as pop:
        assert pop.rejected_rows > 0
        assert pop.diagnostics and all(d.line > 0 for d in pop.diagnostics if d.severity == "error")
        assert pop.diagnostics[0].text.startswith(f"{POP_BAD}:")
    with pytest.raises(paroer.Error) as info:
        paroer.Population.load(POP_BAD, strict=True)
    assert info.value.line > 1 and info.value.source == str(POP_BAD)
    text = POP.read_text(encoding="utf-8")
    with paroer.Population.from_csv(text, "mem.csv") as pop:
        assert pop.source == "mem.csv" and pop.rejected_rows == 0
        i = pop.find("p-03")
        assert i is not None and pop.relative(i).id == "p-03" and len(pop.relative(i).relations) == 2
        assert pop.find("nobody") is None
        with pytest.raises(IndexError):
            pop.relative(len(pop))
        assert [r.id for r in pop] == list(pop.ids())


def test_small_catalog_checks(paroer):
    with paroer.Catalog.load(TEST_DATA / "small.json") as c:
        d = c.coverage(306, "2026-01-15")
        checks = {x["code"]: x["status"] for x in d["checks"]}
        assert checks["respite_offered"] == "warn"        # only with a waiting list
        assert checks["policy_present"] == "pass" and checks["counsellor_present"] != "pass"
        assert d["policy"]["organisational"] == ["g-samarbejde"]
        assert {g["id"]: g["realised_by"] for g in d["policy"]["goals"]}["g-respite"] == ["ods-aflastning"]
        assert c.coverage(101, "2026-01-15")["checks"][1]["status"] == "fail"   # no policy for 101


def test_population_streamed_with_threads(paroer, shipped):
    # A path is streamed; the result is the same as a loaded population's, for every thread count.
    with paroer.Population.load(POP) as pop:
        stored = shipped.coverage(None, DATE, population=pop)
    for threads in (1, 2, 0):
        assert shipped.coverage(None, DATE, population=POP, threads=threads) == stored


def test_unknown_facts_give_bounds(paroer, shipped, tmp_path):
    head = ("id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,cohabiting,"
            "cared_at_home,terminal,bereaved,needs,modes,slots\n")
    rows = "".join(f"u{i},{'?' if i % 2 else 50},306,?,son_daughter,dementia,80,5,?,1,0,0,respite,,\n"
                   for i in range(12))
    f = tmp_path / "unknown.csv"
    f.write_text(head + rows)
    p = shipped.coverage(306, DATE, population=str(f))["population"]
    assert p["reached_count"] <= p["reached_possible_count"] <= p["relatives"]
    assert p["needs_met_count"] <= p["needs_met_possible_count"]
    assert p["reached_possible"] == p["reached_possible_count"] / p["relatives"]
