"""Catalog.to_json(), Catalog.to_hsds() and Catalog.from_hsds() (contract section 7, docs/hsds.md)."""
import json

import pytest

from conftest import SOURCE_DIR, DATA

HSDS = SOURCE_DIR / "tests" / "hsds"


def _catalog(paroer):
    return paroer.Catalog.load(DATA / "dk-offers.json", DATA / "statutory.json", DATA / "municipal-policies.json")


def test_to_json_loads_back_the_same(paroer):
    with _catalog(paroer) as c:
        text = c.to_json()
        doc = json.loads(text)
        assert doc["format"] == "paroer-catalog" and doc["version"] == 1
        again = paroer.Catalog.from_json(text)
        assert again.to_json() == text
        assert [o.id for o in again.offers] == [o.id for o in c.offers]
        assert len(again.policies) == len(c.policies) > 0


@pytest.mark.parametrize("version", ["3.0", "3.1"])
def test_to_hsds_and_back(paroer, version):
    with _catalog(paroer) as c:
        text = c.to_hsds(version=version, date="2026-01-01")
        services = json.loads(text)
        assert isinstance(services, list) and len(services) == len(c.offers)
        assert all(len(s["id"]) == 36 for s in services)
        assert "additional_urls" in text if version == "3.1" else "additional_urls" not in text
        back = paroer.Catalog.from_hsds(text, "export.json", strict=True)
        assert back.to_json() == c.to_json()
        assert not back.warnings


def test_to_hsds_rejects_an_unknown_version(paroer):
    with _catalog(paroer) as c, pytest.raises(ValueError):
        c.to_hsds(version="2.0")


def test_from_hsds_specification_example(paroer):
    example = HSDS / "3.1" / "examples" / "service_full.json"
    c = paroer.Catalog.from_hsds(example)
    assert len(c.offers) == 0
    assert any("Community Counselling" in w.message and "not imported" in w.message for w in c.warnings)
    c = paroer.Catalog.from_hsds(example, guess_kind=True, municipality=306)
    (offer,) = c.offers
    assert offer.id == "ac148810-d857-441c-9679-408f346de14b"
    assert offer.kind.code == "counselling"
    with pytest.raises(paroer.SchemaError) as info:
        paroer.Catalog.from_hsds(example, strict=True)
    assert "not imported" in info.value.message


def test_from_hsds_data_package_and_lists(paroer):
    c = paroer.Catalog.from_hsds(HSDS / "3.0" / "examples" / "csv", guess_kind=True)
    assert [o.name for o in c.offers] == ["Community Counselling"]
    # The same service in two files: its id is used twice.
    with pytest.raises(paroer.DuplicateError):
        paroer.Catalog.from_hsds([HSDS / "3.0" / "examples" / "csv", HSDS / "3.0" / "examples" / "service_list.json"],
                                 guess_kind=True)
