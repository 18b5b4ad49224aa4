"""The vocabulary enums are the library's tables, and behave as documented."""
import ctypes
import enum
import pickle

import pytest

# The contract's code lists (docs/contract.md section 1), in the C API's value order.
CONTRACT = {
    "condition": ["frailty", "dementia", "physical_illness", "physical_disability", "cancer", "brain_injury",
                  "mental_illness", "substance_abuse", "cognitive_disability", "neurodevelopmental",
                  "social_problems"],
    "relation": ["spouse_partner", "son_daughter", "parent", "sibling", "other_family", "friend_neighbour"],
    "age_band": ["child", "youth", "young_adult", "adult", "senior"],
    "flag": ["cohabiting", "cared_at_home", "terminal", "bereaved", "employed"],
    "bereavement": ["no", "also", "only"],
    "need": ["respite", "practical_help", "information", "education", "peer_support", "counselling",
             "own_health", "financial", "work_life", "network", "involvement"],
    "offer_kind": ["respite_home", "respite_away", "activity_break", "counselling", "health_promotion",
                   "peer_group", "cafe_network", "course", "information", "financial_support", "leave",
                   "involvement"],
    "mode": ["in_person", "online", "phone", "home"],
    "slot": ["weekday_day", "weekday_evening", "weekend"],
    "access": ["open", "registration", "referral", "assessment"],
    "provider_kind": ["municipal", "regional", "civil_society", "private"],
    "area": ["elderly", "health", "social", "children_family", "employment", "cross_cutting"],
    "status": ["active", "waitlist", "paused"],
    "goal_category": ["recognition", "collaboration", "access_information", "cross_sector", "respite_support",
                      "economy_leave", "prevention_health", "network", "user_involvement", "children_youth"],
}


def test_every_contract_list_is_an_intenum(paroer):
    assert set(CONTRACT) <= set(paroer.LISTS)
    for name, codes in CONTRACT.items():
        cls = paroer.LISTS[name]
        assert issubclass(cls, enum.IntEnum) and issubclass(cls, paroer.Code)
        assert cls.list_name() == name
        # The contract's codes keep their values; a newer library may only append.
        assert [m.code for m in cls][:len(codes)] == codes
        assert [int(m) for m in cls][:len(codes)] == list(range(len(codes)))


def test_enums_are_built_from_the_library_tables(paroer):
    """Codes and labels are exactly what paroer_vocab_* return, for every list of the library."""
    lib = ctypes.CDLL(paroer.LIBRARY_PATH)
    lib.paroer_vocab_list_count.restype = ctypes.c_int32
    lib.paroer_vocab_list_name.restype = ctypes.c_char_p
    lib.paroer_vocab_count.restype = ctypes.c_int32
    lib.paroer_vocab_code.restype = ctypes.c_char_p
    lib.paroer_vocab_label.restype = ctypes.c_char_p
    n = lib.paroer_vocab_list_count()
    assert len(paroer.LISTS) == n
    for i in range(n):
        name = lib.paroer_vocab_list_name(i).decode()
        cls = paroer.LISTS[name]
        assert len(cls) == lib.paroer_vocab_count(i)
        for m in cls:
            assert m.code == lib.paroer_vocab_code(i, int(m)).decode()
            assert m.label_da == lib.paroer_vocab_label(i, int(m), 0).decode("utf-8")
            assert m.label_en == lib.paroer_vocab_label(i, int(m), 1).decode("utf-8")


def test_member_attributes(paroer):
    d = paroer.Condition.DEMENTIA
    assert d == 1 and d.code == "dementia" and str(d) == "dementia" and f"{d}" == "dementia"
    assert d.label_da == "Demens" and d.label_en == "Dementia"
    assert d.label("en") == "Dementia" and d.label() == "Demens"
    with pytest.raises(ValueError):
        d.label("de")
    assert paroer.OfferKind.RESPITE_HOME.code == "respite_home"
    assert paroer.Condition["BRAIN_INJURY"] is paroer.Condition.BRAIN_INJURY
    assert paroer.Relation(5) is paroer.Relation.FRIEND_NEIGHBOUR


def test_parse(paroer):
    assert paroer.Need.parse("respite") is paroer.Need.RESPITE
    assert paroer.Need.parse(2) is paroer.Need.INFORMATION
    assert paroer.Need.parse(paroer.Need.NETWORK) is paroer.Need.NETWORK
    with pytest.raises(ValueError, match=r"unknown condition 'demensia' \(expected one of: frailty, dementia"):
        paroer.Condition.parse("demensia")
    with pytest.raises(ValueError, match="not a need value"):
        paroer.Need.parse(99)
    with pytest.raises(TypeError):
        paroer.Need.parse(paroer.Mode.ONLINE)  # a member of another list is not a need
    with pytest.raises(TypeError):
        paroer.Need.parse(True)


def test_masks(paroer):
    Need = paroer.Need
    assert Need.to_mask(["respite", Need.NETWORK]) == (1 << 0) | (1 << 9)
    assert Need.from_mask((1 << 0) | (1 << 9)) == (Need.RESPITE, Need.NETWORK)
    assert Need.from_mask(0) == ()


def test_helpers(paroer):
    assert paroer.kind_default_needs("respite_home") == (paroer.Need.RESPITE, paroer.Need.PRACTICAL_HELP)
    assert paroer.kind_default_needs(paroer.OfferKind.LEAVE) == (paroer.Need.WORK_LIFE,)
    assert [paroer.age_band_of(a).code for a in (0, 12, 13, 17, 18, 29, 30, 64, 65, 120)] == [
        "child", "child", "youth", "youth", "young_adult", "young_adult", "adult", "adult", "senior", "senior"]
    with pytest.raises(ValueError):
        paroer.age_band_of(-1)


def test_enums_pickle(paroer):
    assert pickle.loads(pickle.dumps(paroer.Condition.CANCER)) is paroer.Condition.CANCER


def test_type_stub_matches_the_library(paroer):
    """paroer/vocab.pyi (for type checkers) spells out exactly the library's codes."""
    import pathlib
    import sys
    tools = pathlib.Path(__file__).resolve().parents[1] / "tools"
    sys.path.insert(0, str(tools))
    try:
        import gen_vocab_stub
    finally:
        sys.path.remove(str(tools))
    stub = pathlib.Path(paroer.__file__).with_name("vocab.pyi").read_text(encoding="utf-8")
    assert stub == gen_vocab_stub.render(), "rerun tools/gen_vocab_stub.py"
