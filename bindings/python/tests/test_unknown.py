"""Unknown facts from Python (contract 3a, 4a): paroer.UNKNOWN, Outcome.POSSIBLE,
Match.missing, MatchResult.questions, paroer.Interview; the same results as the CLI."""
import json
import os
import subprocess

import paroer
from paroer import UNKNOWN, Outcome

DATE = "2026-03-01"
PARTIAL = {"id": "r-doerstep", "age": UNKNOWN, "municipality": 330, "employed": UNKNOWN,
           "relations": [{"relation": "son_daughter", "conditions": ["dementia"], "cared_for_age": 84,
                          "cohabiting": UNKNOWN, "cared_at_home": True, "terminal": UNKNOWN}]}


def catalog():
    return paroer.Catalog.load(paroer.data_path("dk-offers.json"), paroer.statutory_path())


def test_unknown_values_round_trip():
    r = paroer.Relative.from_dict(PARTIAL)
    assert r.has_unknowns
    assert r.age is UNKNOWN and r.age_range == (0, 130)
    assert r.employed is UNKNOWN
    rel = r.relations[0]
    assert rel.cohabiting is UNKNOWN and rel.terminal is UNKNOWN and rel.cared_at_home is True
    d = r.to_dict()
    assert d["age"] == "unknown" and d["employed"] == "unknown"
    assert d["relations"][0]["cohabiting"] == "unknown"
    r2 = paroer.Relative((60, 69), 330, "x", employed=UNKNOWN)
    r2.add_relation("parent", conditions=UNKNOWN, cared_for_age=UNKNOWN, terminal=UNKNOWN)
    assert r2.age_range == (60, 69) and r2.relations[0].conditions is UNKNOWN
    assert r2.relations[0].cared_for_age is UNKNOWN
    try:
        bool(UNKNOWN)
        raise AssertionError("UNKNOWN has no truth value")
    except TypeError:
        pass


def test_possible_and_questions():
    with catalog() as c:
        res = c.match(PARTIAL, date=DATE)
        assert res.has_unknowns
        poss = res.possible
        assert poss and all(m.outcome is Outcome.POSSIBLE and m.missing for m in poss)
        assert all(m.reasons[-len(m.missing):] == tuple("missing:" + f for f in m.missing) for m in poss)
        assert res.questions[0].fact == "relations[0].terminal"
        assert res.questions[0].score == 4
        scores = [q.score for q in res.questions]
        assert scores == sorted(scores, reverse=True)
        # a relative without unknowns is matched as before
        full = dict(PARTIAL, age=52, employed=True,
                    relations=[dict(PARTIAL["relations"][0], cohabiting=False, terminal=False)])
        plain = c.match(full, date=DATE)
        assert not plain.has_unknowns and not plain.questions and "possible" not in plain.to_dict()


def test_same_as_cli(tmp_path):
    paroer_cli = os.environ.get("PAROER_CLI")
    with catalog() as c:
        res = c.match(PARTIAL, date=DATE)
        if not paroer_cli:
            return
        path = tmp_path / "p.json"
        path.write_text(json.dumps(paroer.Relative.from_dict(PARTIAL).to_dict()))
        out = subprocess.run([paroer_cli, "match", "-c", paroer.data_path("dk-offers.json"), "--statutory",
                              "-r", str(path), "--date", DATE, "--format", "json"], capture_output=True, check=True)
        assert json.loads(out.stdout) == res.to_dict()


def test_interview():
    with catalog() as c:
        iv = paroer.Interview(c, PARTIAL, date=DATE)
        assert iv.question.fact == "relations[0].terminal"
        before = iv.counts
        iv.answer(False)
        assert iv.counts["possible"] < before["possible"]
        assert iv.question.fact == "age"
        iv.skip()
        assert iv.question.fact == "employed"
        iv.answer(True)
        assert iv.question is None or iv.question.fact != "employed"
        ids = [m.offer.id for m in iv.result if m.outcome is Outcome.ELIGIBLE]
        assert "dk-stat-fravaersloven-omsorgsorlov" in ids
        assert PARTIAL["employed"] is UNKNOWN  # the caller's document is untouched


def test_population_rows_keep_their_question_marks(tmp_path):
    """A '?' of the population CSV reaches Relative as UNKNOWN (it raised an error, or became a value, before)."""
    csv = tmp_path / "pop.csv"
    csv.write_text("id,age,municipality,employed,relation,conditions,cared_for_age,terminal\n"
                   "r-1,?,330,?,parent,?,?,?\n", encoding="utf-8")
    with paroer.Population.load(csv) as pop:
        r = pop.relative(0)
    assert r.age is UNKNOWN and r.age_range == (0, 130)
    assert r.employed is UNKNOWN
    rel = r.relations[0]
    assert rel.conditions is UNKNOWN and rel.cared_for_age is UNKNOWN and rel.terminal is UNKNOWN
