"""The builder gives the same catalog as the JSON loader, with the same checks."""
import datetime as dt

import pytest

from conftest import TEST_DATA


def build_small(paroer):
    b = paroer.CatalogBuilder(municipality=306)
    b.add_provider("ods-omsorg", "Center for Omsorg og Sundhed", "municipal", area=paroer.Area.ELDERLY)
    b.add_provider("frivillig", "Frivilligcenter", paroer.ProviderKind.CIVIL_SOCIETY)
    b.add_offer("ods-demenscafe", "Demenscafé", "cafe_network", description="Café for pårørende",
                provider="ods-omsorg", needs=["network", "peer_support"], municipalities=[306],
                target={"relative_age": {"min": 18}, "relations": ["spouse_partner", "son_daughter"],
                        "conditions": ["dementia"], "cared_for_age": (0, 130), "requires": [], "bereaved": "no"},
                modes=["in_person"], slots=["weekday_day"], schedule="FREQ=MONTHLY;BYDAY=1TU", access="open",
                cost_free=True, languages=["da"], capacity=20, status="active", valid_from="2025-01-01",
                legal_basis=["aeldreloven-16"],
                contact={"phone": "59 66 66 66", "email": "omsorg@odsherred.dk", "url": "https://odsherred.dk"},
                source="https://odsherred.dk/demens", verified=dt.date(2025, 9, 1),
                codes=[("urn:oid:1.2.208.176.2.21", "649b3428-4018-47da-bb36-1f2bfab3c8c1")])
    b.add_offer("ods-aflastning", "Afløsning i hjemmet", paroer.OfferKind.RESPITE_HOME, provider="ods-omsorg",
                target={"relative_age": paroer.AgeRange(18, 99), "requires": [paroer.Flag.CARED_AT_HOME]},
                access="assessment", status="waitlist")
    b.add_offer("ods-pause", "Sat på pause", "course", status="paused")
    b.add_offer("dk-sorg", "Sorggruppe", "peer_group", provider="frivillig", nationwide=True,
                target={"bereaved": "only"}, cost_free=False, price_dkk=150.5, languages=["da", "en"])
    b.add_policy("ods-politik-2025", 306, "Pårørendepolitik", adopted="2025-03-01", valid_to="2028-12-31",
                 areas=["cross_cutting", "elderly"],
                 goals=[{"id": "g-respite", "title": "Aflastning", "category": "respite_support",
                         "target": {"relative_age": {"min": 18}}, "needs": ["respite", "practical_help"],
                         "kinds": []},
                        {"id": "g-samarbejde", "title": "Samarbejde", "category": "collaboration"}],
                 action_plans=[{"title": "Handleplan 2026", "due": "2026-10-31", "adopted": None}])
    return b


def test_builder_equals_loader(paroer, relative_doc):
    with build_small(paroer) as b, b.finish() as built, paroer.Catalog.load(TEST_DATA / "small.json") as loaded:
        assert built.providers == loaded.providers
        assert built.offers == loaded.offers
        assert built.policies == loaded.policies
        assert built.municipality == 306
        assert built.match(relative_doc, date="2026-01-15", explain=True) == \
            loaded.match(relative_doc, date="2026-01-15", explain=True)
        assert built.coverage(306, "2026-01-15") == loaded.coverage(306, "2026-01-15")


def test_builder_reuse_and_add_catalog(paroer):
    with paroer.Catalog.load(TEST_DATA / "small.json") as small, paroer.CatalogBuilder() as b:
        b.add_catalog(small)
        b.add_offer("extra", "Ekstra", "information", nationwide=True)
        with b.finish() as c:
            assert [o.id for o in c] == [o.id for o in small] + ["extra"]
        # The builder is empty again and may be reused.
        b.add_offer("x", "X", "leave", nationwide=True)
        with b.finish() as c2:
            assert [o.id for o in c2] == ["x"]
        with pytest.raises(paroer.DuplicateError):
            b.add_catalog(small)
            b.add_catalog(small)


def test_builder_errors_carry_the_field_path(paroer):
    b = paroer.CatalogBuilder(municipality=306)
    b.add_offer("ok", "OK", "course")
    with pytest.raises(paroer.SchemaError) as info:
        b.add_offer("bad", "Bad", "course", target={"relative_age": {"min": 30, "max": 20}})
    e = info.value
    assert e.path == "offers[1].target.relative_age" and "greater than" in e.message
    assert e.source == "<builder>" and e.errors[0].path == e.path
    # Nothing is left open: the builder takes the next call ...
    with pytest.raises(paroer.SchemaError) as info:
        b.add_offer("bad2", "Bad", "course", provider="nobody")
    assert info.value.path == "offers[2].provider"
    # ... but, as in the C API, remembers the failure: finish() raises the first one again.
    with pytest.raises(paroer.SchemaError) as info:
        b.finish()
    assert info.value.path == "offers[1].target.relative_age"
    assert [d.path for d in info.value.errors] == ["offers[1].target.relative_age", "offers[2].provider"]
    b.close()


def test_builder_duplicate_and_bad_values(paroer):
    with paroer.CatalogBuilder() as b:
        b.add_provider("p", "P", "municipal")
        with pytest.raises(paroer.DuplicateError):
            b.add_provider("p", "P again", "municipal")
    with paroer.CatalogBuilder() as b:
        # Codes are checked in Python before anything reaches the builder: it stays clean.
        with pytest.raises(ValueError, match="unknown need 'rest'"):
            b.add_offer("o", "O", "course", needs=["rest"])
        with pytest.raises(ValueError, match="unknown target key"):
            b.add_offer("o", "O", "course", target={"age": 3})
        with pytest.raises(ValueError):
            b.add_offer("o", "O", "course", municipalities=[1000])
        with pytest.raises(ValueError):
            b.add_offer("o", "O", "course", valid_from="2025-13-01")
        b.add_offer("o", "O", "course", nationwide=True)
        with b.finish() as c:
            assert [o.id for o in c] == ["o"]
        with pytest.raises(paroer.SchemaError) as info:
            b.add_policy("pol", 306, "T", goals=[{"id": "g", "title": "G", "category": "network",
                                                  "target": {"cared_for_age": {"min": 9, "max": 1}}}])
        assert info.value.path == "policies[0].goals[0].target.cared_for_age"
    with paroer.CatalogBuilder(strict=True) as b:
        b.add_offer("lost", "Lost", "course")   # the C builder accepts it here, as a warning-made-error ...
        with pytest.raises(paroer.SchemaError, match="neither nationwide nor tied"):
            b.finish()                           # ... that fails the build
    with paroer.CatalogBuilder() as b:
        b.add_offer("lost", "Lost", "course")
        with b.finish() as c:
            assert any("neither nationwide" in w.message for w in c.warnings)
