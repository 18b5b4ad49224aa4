"""Matching from Python: inputs, options, explanations, batches."""
import ctypes
import datetime as dt
import json

import pytest

from conftest import DATE, SOURCE_DIR, TEST_DATA

RULES = {"paused", "inactive", "area", "relative_age", "relation", "condition", "cared_for_age", "bereaved",
         "mode", "slot", "language", "need"}


def c_json(paroer, catalog, relative, date, top=0, explain=False):
    """The library's own JSON of the same match (paroer_match_result_to_json), through raw ctypes."""
    from paroer import _lib
    fn = _lib.fn
    opts = _lib.MatchOptions()
    fn.paroer_match_options_init(ctypes.byref(opts), 1)
    opts.date = paroer._convert.date_to_c(date)
    opts.top = top
    opts.explain = int(explain)
    out = ctypes.c_void_p()
    with catalog._h.use() as cat, relative._h.use() as rel:
        assert fn.paroer_match(ctypes.byref(out), cat, rel, ctypes.byref(opts)) == 0
    try:
        text, n = ctypes.c_void_p(), ctypes.c_size_t()
        assert fn.paroer_match_result_to_json(out, ctypes.byref(text), ctypes.byref(n)) == 0
        return _lib.take_string(text, n.value)
    finally:
        fn.paroer_match_result_free(out)


def test_match_basics(paroer, shipped, relative_doc):
    r = shipped.match(relative_doc, date=DATE)
    assert isinstance(r, paroer.MatchResult) and len(r) > 0
    assert r.relative_id == "r-17" and r.date == dt.date(2026, 1, 15)
    assert all(isinstance(m, paroer.Match) and isinstance(m.offer, paroer.Offer) for m in r)
    assert list(r) == list(r.matches) and r[0] is r.matches[0] and r[-1] is r.matches[-1]
    scores = [m.score for m in r]
    assert scores == sorted(scores, reverse=True)
    # Ties are broken by offer id (contract section 4).
    for a, b in zip(r, r[1:]):
        assert a.score > b.score or a.offer.id < b.offer.id
    assert all(m.relation == 0 and m.outcome == "eligible" and m.reasons for m in r)
    assert any("need:respite" in m.reasons for m in r)
    assert not r.explained and r.excluded == () and r.eligible_count == len(r)
    assert r.excluded_count == len(shipped) - len(r)
    assert r.offers == tuple(m.offer for m in r)
    assert all(m.offer is shipped.offer(m.offer.id) for m in r)


def test_every_form_of_relative_gives_the_same_result(paroer, shipped, relative_doc, tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(relative_doc), encoding="utf-8")
    built = paroer.Relative(52, "0306", "r-17", employed=True, needs=["information", "respite"],
                            modes=["in_person", "online"], slots=["weekday_evening", "weekend"], languages=["da"])
    built.add_relation("son_daughter", ["dementia"], cared_for_age=84, hours_per_week=12, cared_at_home=True)
    from_relations = paroer.Relative(52, 306, "r-17", employed=True, needs=relative_doc["needs"],
                                     modes=relative_doc["modes"], slots=relative_doc["slots"],
                                     relations=relative_doc["relations"])
    assert from_relations.relations == built.relations
    forms = [relative_doc, from_relations, json.dumps(relative_doc), json.dumps(relative_doc).encode(), str(path), path,
             paroer.Relative.from_dict(relative_doc), paroer.Relative.load(path), built]
    results = [shipped.match(f, date=DATE, explain=True) for f in forms]
    assert all(res == results[0] for res in results[1:])
    assert built.to_dict() == paroer.Relative.from_dict(relative_doc).to_dict()
    with pytest.raises(TypeError):
        shipped.match(42)


def test_same_json_as_the_library(paroer, shipped, relative_doc):
    rel = paroer.Relative.from_dict(relative_doc)
    for top, explain in ((0, False), (0, True), (3, True), (1, False)):
        r = shipped.match(rel, date=DATE, top=top or None, explain=explain)
        expected = c_json(paroer, shipped, rel, DATE, top, explain)
        assert r.to_dict() == json.loads(expected)
        assert r.to_json() == expected   # byte for byte, too


def test_top(paroer, shipped, relative_doc):
    relative_doc = {k: v for k, v in relative_doc.items() if k not in ("needs", "slots")}
    full = shipped.match(relative_doc, date=DATE)
    two = shipped.match(relative_doc, date=DATE, top=2)
    assert len(full) > 2 and list(two) == list(full[:2])
    assert two.eligible_count == full.eligible_count     # counted before the cut ("2 of N")
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError):
            shipped.match(relative_doc, top=bad)


def test_explain(paroer, shipped, relative_doc):
    r = shipped.match(relative_doc, date=DATE, explain=True)
    assert r.explained
    assert len(r) + len(r.excluded) == len(shipped)
    idx = [x.offer.index for x in r.excluded]
    assert idx == sorted(idx)                            # catalog order
    assert {x.offer.id for x in r.excluded}.isdisjoint(m.offer.id for m in r)
    for x in r.excluded:
        assert isinstance(x, paroer.Exclusion)
        if x.rule.startswith("requires:"):
            assert x.flag is not None and x.rule == f"requires:{x.flag.code}"
        else:
            assert x.rule in RULES and x.flag is None
    assert {x.rule for x in r.excluded} >= {"area"}
    plain = shipped.match(relative_doc, date=DATE)
    assert list(plain) == list(r) and plain.excluded_count == len(r.excluded)


def test_rules_on_small_catalog(paroer, relative_doc):
    with paroer.Catalog.load(TEST_DATA / "small.json") as c:
        r = c.match(relative_doc, date=DATE, explain=True)
        rules = {x.offer.id: x.rule for x in r.excluded}
        assert rules["ods-pause"] == "paused"
        assert rules["dk-sorg"] == "bereaved"
        assert rules["ods-demenscafe"] == "slot"   # weekday_day vs the relative's evenings and weekends
        assert [m.offer.id for m in r] == ["ods-aflastning"]
        assert "waitlist" in r[0].reasons and "requires:cared_at_home" in r[0].reasons
        doc = dict(relative_doc, relations=[dict(relative_doc["relations"][0], cared_at_home=False)])
        rules = {x.offer.id: (x.rule, x.flag) for x in c.match(doc, date=DATE, explain=True).excluded}
        assert rules["ods-aflastning"] == ("requires:cared_at_home", paroer.Flag.CARED_AT_HOME)


def test_relation_index(paroer, shipped):
    doc = {"id": "two", "age": 40, "municipality": 306,
           "relations": [{"relation": "sibling", "conditions": ["frailty"]},
                         {"relation": "parent", "conditions": ["cancer"], "cared_for_age": 10}]}
    r = shipped.match(doc, date=DATE)
    assert {m.relation for m in r} <= {0, 1} and any(m.relation == 1 for m in r)
    rel = paroer.Relative.from_dict(doc)
    assert [x.relation for x in rel.relations] == [paroer.Relation.SIBLING, paroer.Relation.PARENT]
    assert rel.relations[1].cared_for_age == 10 and rel.relations[0].cared_for_age is None


def test_default_date_is_today(paroer, shipped, relative_doc):
    assert shipped.match(relative_doc).date == paroer.today()
    assert shipped.match(relative_doc, date=dt.datetime(2026, 1, 15, 12, 0)).date == dt.date(2026, 1, 15)
    with pytest.raises(ValueError):
        shipped.match(relative_doc, date="15-01-2026")


def test_match_many_equals_match(paroer, shipped, relative_doc):
    rels = [relative_doc,
            dict(relative_doc, id="r-2", age=16, relations=[{"relation": "son_daughter", "conditions": ["mental_illness"]}]),
            dict(relative_doc, id=None, municipality=101)]
    rels[2].pop("id")
    one_by_one = [shipped.match(r, date=DATE, top=5, explain=True) for r in rels]
    for chunk in (1, 2, 4096):
        many = shipped.match_many(rels, date=DATE, top=5, explain=True, chunk_size=chunk)
        assert many == one_by_one
    assert one_by_one[2].relative_id is None and one_by_one[2].to_dict()["relative"] is None
    assert shipped.match_many([], date=DATE) == []
    # Without a date every result has the same one (today, resolved once).
    assert {r.date for r in shipped.match_many(rels)} == {paroer.today()}
    with pytest.raises(TypeError):
        shipped.match_many("not a list of relatives")


def test_match_many_over_a_population(paroer, shipped):
    pop_file = SOURCE_DIR / "tests" / "data" / "pop-small.csv"
    with paroer.Population.load(pop_file) as pop:
        many = shipped.match_many(pop, date=DATE, chunk_size=3)
        assert len(many) == len(pop) > 0
        assert [r.relative_id for r in many] == list(pop.ids())
        assert many[0] == shipped.match(pop.relative(0), date=DATE)


def test_match_many_errors_propagate(paroer, shipped, relative_doc, monkeypatch):
    bad = dict(relative_doc, age=-3)
    with pytest.raises(paroer.SchemaError):
        shipped.match_many([relative_doc, bad], date=DATE)
    # An exception inside the C callback stops the batch and comes out unchanged.
    import paroer.match as pm
    calls = []
    real = pm._copy_result

    def failing(r, contents):
        calls.append(1)
        if len(calls) == 2:
            raise KeyError("boom")
        return real(r, contents)
    monkeypatch.setattr(pm, "_copy_result", failing)
    with pytest.raises(KeyError, match="boom"):
        shipped.match_many([relative_doc] * 5, date=DATE)
    assert len(calls) == 2   # the batch stopped at the failing relative
