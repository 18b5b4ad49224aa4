"""Loading catalogs and reading their offers, providers, policies and goals."""
import dataclasses
import datetime as dt
import json

import pytest

from conftest import OFFERS, SHIPPED, STATUTORY, TEST_DATA

SMALL = TEST_DATA / "small.json"


@pytest.fixture
def small(paroer):
    with paroer.Catalog.load(SMALL) as c:
        yield c


def test_load_and_count(paroer):
    raw = [json.loads(p.read_text(encoding="utf-8")) for p in SHIPPED]
    with paroer.Catalog.load(*SHIPPED) as c:
        assert len(c.offers) == len(c) == sum(len(d.get("offers", [])) for d in raw)
        assert len(c.providers) == sum(len(d.get("providers", [])) for d in raw)
        assert len(c.policies) == sum(len(d.get("policies", [])) for d in raw)
        assert [o.id for o in c] == [o["id"] for d in raw for o in d.get("offers", [])]
        assert c.goals == tuple(g for p in c.policies for g in p.goals)
        assert c.memory_size > 0
        assert "dk-stat-aeldreloven-16-aflastning" in c


def test_offer_fields(paroer, small):
    o = small.offer("ods-demenscafe")
    assert o.index == 0 and o.name == "Demenscafé" and o.kind is paroer.OfferKind.CAFE_NETWORK
    assert o.provider == paroer.Provider("ods-omsorg", "Center for Omsorg og Sundhed", paroer.ProviderKind.MUNICIPAL,
                                         paroer.Area.ELDERLY)
    assert o.needs == (paroer.Need.PEER_SUPPORT, paroer.Need.NETWORK)
    assert o.municipalities == (306,) and not o.nationwide
    t = o.target
    assert t.relative_age == paroer.AgeRange(18, None) and 18 in t.relative_age and 17 not in t.relative_age
    assert t.cared_for_age == paroer.AgeRange(0, 130)
    assert t.relations == (paroer.Relation.SPOUSE_PARTNER, paroer.Relation.SON_DAUGHTER)
    assert t.conditions == (paroer.Condition.DEMENTIA,) and t.requires == ()
    assert t.bereaved is paroer.Bereavement.NO
    assert o.modes == (paroer.Mode.IN_PERSON,) and o.slots == (paroer.Slot.WEEKDAY_DAY,)
    assert o.schedule == "FREQ=MONTHLY;BYDAY=1TU" and o.access is paroer.Access.OPEN
    assert o.cost_free is True and o.price_dkk is None and o.capacity == 20
    assert o.languages == ("da",) and o.status is paroer.Status.ACTIVE
    assert o.valid_from == dt.date(2025, 1, 1) and o.valid_to is None and o.verified == dt.date(2025, 9, 1)
    assert o.legal_basis == ("aeldreloven-16",)
    assert o.contact == paroer.Contact("59 66 66 66", "omsorg@odsherred.dk", "https://odsherred.dk")
    assert o.source == "https://odsherred.dk/demens" and o.description == "Café for pårørende"
    assert o.codes == (paroer.ExternalCode("urn:oid:1.2.208.176.2.21", "649b3428-4018-47da-bb36-1f2bfab3c8c1"),)


def test_contract_defaults(paroer, small):
    o = small.offer("ods-aflastning")
    assert o.needs == paroer.kind_default_needs("respite_home")   # needs default to the kind's
    assert o.municipalities == (306,)                               # the document's municipality
    assert o.modes == (paroer.Mode.IN_PERSON,) and o.slots == ()    # in_person; slots flexible
    assert o.languages == ("da",) and o.capacity is None and o.cost_free is None
    assert o.target.relative_age == paroer.AgeRange(18, 99)
    assert o.target.requires == (paroer.Flag.CARED_AT_HOME,)
    assert o.status is paroer.Status.WAITLIST and o.access is paroer.Access.ASSESSMENT
    s = small.offer("dk-sorg")
    assert s.nationwide and s.target.bereaved is paroer.Bereavement.ONLY
    assert s.cost_free is False and s.price_dkk == 150.5 and s.languages == ("da", "en")
    assert s.provider.area is None


def test_items_are_frozen_dataclasses(small):
    o = small.offers[0]
    assert dataclasses.is_dataclass(o)
    with pytest.raises(dataclasses.FrozenInstanceError):
        o.name = "x"
    with pytest.raises(dataclasses.FrozenInstanceError):
        o.target.bereaved = None
    assert hash(o) == hash(small.offers[0]) and o == small.offers[0]
    assert "ods-demenscafe" in repr(o)


def test_policies_and_goals(paroer, small):
    (p,) = small.policies
    assert p.id == "ods-politik-2025" and p.municipality == 306 and p.title == "Pårørendepolitik"
    assert p.adopted == dt.date(2025, 3, 1) and p.valid_to == dt.date(2028, 12, 31)
    assert p.areas == (paroer.Area.ELDERLY, paroer.Area.CROSS_CUTTING)
    assert p.action_plans == (paroer.ActionPlan("Handleplan 2026", dt.date(2026, 10, 31), None),)
    g, org = p.goals
    assert g.category is paroer.GoalCategory.RESPITE_SUPPORT and g.needs == (paroer.Need.RESPITE,
                                                                            paroer.Need.PRACTICAL_HELP)
    assert not g.organisational and org.organisational and org.needs == () and org.kinds == ()
    assert g.policy is p and g.policy_id == p.id
    assert small.policy("ods-politik-2025") is p
    assert small.policy_for(306) is p and small.policy_for("0306", "2026-01-01") is p
    assert small.policy_for(101) is None


def test_library_predicates(paroer, small):
    cafe, afl, paused, sorg = small.offers
    g = small.goals[0]
    assert g.realised_by(afl, "2026-01-15")          # serves respite, adult target, live in 306
    assert not g.realised_by(cafe, "2026-01-15")     # serves neither need
    assert not g.realised_by(paused, "2026-01-15")
    assert cafe.is_live(306, "2026-01-15") and not cafe.is_live(306, "2024-12-31")
    assert not cafe.is_live(101, dt.date(2026, 1, 15)) and sorg.is_live("0101", "2026-01-15")
    assert not paused.is_live(306)
    assert cafe.serves_municipality(306) and not cafe.serves_municipality(101) and sorg.serves_municipality(101)
    assert afl.target.overlaps(g.target) and g.target.overlaps(cafe.target)
    child_target = paroer.CatalogBuilder()
    child_target.add_offer("kids", "Kids", "peer_group", nationwide=True, target={"relative_age": {"max": 12}})
    with child_target.finish() as kids:
        assert not kids.offers[0].target.overlaps(g.target)   # 0..12 vs 18+
        assert kids.offers[0].target.overlaps(small.offers[3].target)  # across catalogs too


def test_lookups(paroer, small):
    with pytest.raises(paroer.NotFoundError):
        small.offer("nope")
    with pytest.raises(LookupError):
        small.provider("nope")
    with pytest.raises(paroer.NotFoundError):
        small.policy("nope")
    assert small.provider("frivillig").kind is paroer.ProviderKind.CIVIL_SOCIETY
    assert small.offers_by_code(paroer.SYSTEM_FSIII, "649b3428-4018-47da-bb36-1f2bfab3c8c1") == (small.offers[0],)
    assert small.offers_by_code(paroer.SYSTEM_FSIII, "nothing") == ()
    assert small.municipality == 306


def test_from_json_and_merge(paroer):
    text = SMALL.read_text(encoding="utf-8")
    with paroer.Catalog.from_json(text, "small") as a, paroer.Catalog.load(STATUTORY) as b:
        with paroer.Catalog.merge(a, b) as m:
            assert [o.id for o in m] == [o.id for o in a] + [o.id for o in b]
        with pytest.raises(paroer.DuplicateError) as e:
            paroer.Catalog.merge(a, a)
        assert "duplicate" in e.value.message
    with paroer.Catalog.from_json(text.encode()) as c:
        assert len(c) == 4


def test_statutory(paroer):
    assert paroer.statutory_path().endswith("statutory.json")
    with paroer.Catalog.load(OFFERS, statutory=True) as c, paroer.Catalog.load(STATUTORY, OFFERS) as d:
        assert sorted(o.id for o in c) == sorted(o.id for o in d)


def test_unknown_key_is_a_warning_or_strict_error(paroer):
    doc = json.loads(SMALL.read_text(encoding="utf-8"))
    doc["offers"][0]["colour"] = "blue"
    with paroer.Catalog.from_json(json.dumps(doc), "w.json") as c:
        assert any(w.severity == "warning" and "colour" in w.text for w in c.warnings)
    with pytest.raises(paroer.SchemaError) as e:
        paroer.Catalog.from_json(json.dumps(doc), "w.json", strict=True)
    assert "colour" in str(e.value)


def test_kl_codes(paroer):
    table = paroer.kl_codes()
    assert table and all(isinstance(e, paroer.KLCode) for e in table)
    e = table[0]
    assert paroer.kl_lookup(e.system, e.code)[0] == e
    assert e in paroer.kl_codes_for(e.maps_to)


def test_data_path(paroer):
    """paroer.data_path(): the library's data lookup (next to the library, $PAROER_DATADIR, ...)."""
    import os
    csv = paroer.data_path("municipalities.csv")
    assert os.path.basename(csv) == "municipalities.csv" and os.path.isfile(csv)
    assert os.path.dirname(paroer.statutory_path()) == paroer.data_path()
    with pytest.raises(paroer.NotFoundError) as e:
        paroer.data_path("no-such-file.json")
    assert "no-such-file.json not found" in str(e.value)
    with pytest.raises(paroer.InvalidArgument):
        paroer.data_path("../etc/passwd")
