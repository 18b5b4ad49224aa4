"""Python binding of libparoer: offers for relatives and carers (pårørende).

Match a relative against a catalog of offers, see why other offers do not
fit, and measure how well a municipality's offers cover its relatives and
its relatives' policy::

    import paroer

    with paroer.Catalog.load("data/dk-offers.json", "data/statutory.json") as catalog:
        result = catalog.match({"id": "r-17", "age": 52, "municipality": 306,
                                "relations": [{"relation": "son_daughter", "conditions": ["dementia"]}]},
                               explain=True)
        for m in result:
            print(m.score, m.offer.name, m.reasons)
        print(catalog.coverage(306)["coverage"]["overall"])

The binding is pure Python over the C library (ctypes). It finds the library
through the environment variable ``PAROER_LIBRARY`` or as the installed
``libparoer.so.1`` and refuses a library whose ABI version it does not know.
"""
from __future__ import annotations

from . import _lib
from ._lib import AbiMismatch, LibraryNotFound
from .builder import CatalogBuilder
from .catalog import (ActionPlan, AgeRange, Catalog, Contact, ExternalCode, Goal, Offer, Policy, Provider,
                      Target, data_path, statutory_path)
from .klcodes import SYSTEM_FFB, SYSTEM_FSIII, KLCode, kl_codes, kl_codes_for, kl_lookup
from .errors import (CallbackError, ClosedError, Diagnostic, DuplicateError, Error, FileError, InvalidArgument,
                     NotFoundError, OutOfMemory, ParseError, SchemaError)
from .coverage import Coverage
from .match import Exclusion, Interview, Match, MatchResult, Outcome, Question
from .population import Population
from .overview import Overview
from .relative import UNKNOWN, CareRelation, Relative
from .vocab import (LISTS, Access, AgeBand, Area, Bereavement, Code, Condition, Flag, GoalCategory, Lang, Mode,
                    Need, OfferKind, ProviderKind, Relation, Slot, Status, age_band_of, kind_default_needs)

__version__ = "0.2.0"

#: The path or name libparoer was loaded from.
LIBRARY_PATH: str = _lib.LIBRARY_PATH
#: The ABI version of the loaded library (the N of libparoer.so.N).
ABI_VERSION: int = _lib.ABI_VERSION


def library_version() -> str:
    """The release of the loaded C library, e.g. ``"0.1.0"``."""
    return _lib.text(_lib.fn.paroer_version()) or ""


def today():  # type: ignore[no-untyped-def]
    """Today's date as the library sees it (local time zone)."""
    from ._convert import date_from_c
    return date_from_c(_lib.fn.paroer_date_today())


__all__ = [
    "Catalog", "CatalogBuilder", "Provider", "Offer", "Target", "AgeRange", "Contact", "ExternalCode", "Policy",
    "Goal", "ActionPlan", "Relative", "CareRelation", "Population", "Match", "Exclusion", "MatchResult",
    "Coverage", "Outcome", "Question", "Interview", "UNKNOWN",
    "Error", "OutOfMemory", "InvalidArgument", "ParseError", "SchemaError", "NotFoundError", "FileError",
    "CallbackError", "DuplicateError", "ClosedError", "Diagnostic", "LibraryNotFound", "AbiMismatch",
    "Code", "LISTS", "Condition", "Relation", "AgeBand", "Flag", "Bereavement", "Need", "OfferKind", "Mode", "Slot",
    "Access", "ProviderKind", "Area", "Status", "GoalCategory", "Lang", "age_band_of", "kind_default_needs",
    "statutory_path", "data_path", "KLCode", "SYSTEM_FSIII", "SYSTEM_FFB", "kl_codes", "kl_lookup", "kl_codes_for",
    "library_version", "today", "LIBRARY_PATH", "ABI_VERSION", "__version__",
    "Overview",
]
