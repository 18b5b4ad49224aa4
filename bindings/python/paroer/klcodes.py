"""Mappings between libparoer's codes and KL's code systems (klcodes.h).

KL's Fælles Sprog III interventions (:data:`SYSTEM_FSIII`) and Fælles Faglige
Begreber target groups (:data:`SYSTEM_FFB`) map to the contract's codes; the
table is built into the library.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from . import _lib
from ._lib import fn
from .vocab import LISTS, Code

__all__ = ["KLCode", "SYSTEM_FSIII", "SYSTEM_FFB", "kl_codes", "kl_lookup", "kl_codes_for"]

SYSTEM_FSIII = "urn:oid:1.2.208.176.2.21"
SYSTEM_FFB = "urn:oid:1.2.208.176.2.22"


@dataclass(frozen=True)
class KLCode:
    """One mapping entry: an external code and the contract code it maps to."""
    system: str
    code: str
    label: str
    note: str
    maps_to: Optional[Code]


_TABLE: Optional[Tuple[KLCode, ...]] = None


def kl_codes() -> Tuple[KLCode, ...]:
    """Every mapping entry of the library's table."""
    global _TABLE
    if _TABLE is None:
        by_id = {cls._list_id: cls for cls in LISTS.values()}  # type: ignore[attr-defined]
        out = []
        for i in range(fn.paroer_kl_count()):
            lst, val = fn.paroer_kl_list(i), fn.paroer_kl_value(i)
            cls = by_id.get(lst)
            out.append(KLCode(_lib.text(fn.paroer_kl_system(i)) or "", _lib.text(fn.paroer_kl_code(i)) or "",
                              _lib.text(fn.paroer_kl_label(i)) or "", _lib.text(fn.paroer_kl_note(i)) or "",
                              cls(val) if cls is not None and val >= 0 else None))
        _TABLE = tuple(out)
    return _TABLE


def kl_lookup(system: str, code: str) -> Tuple[KLCode, ...]:
    """The entries for an external code (e.g. an FSIII intervention)."""
    return tuple(e for e in kl_codes() if e.system == system and e.code == code)


def kl_codes_for(value: Code) -> Tuple[KLCode, ...]:
    """The external codes that map to one of the contract's codes (``Condition.DEMENTIA``)."""
    return tuple(e for e in kl_codes() if e.maps_to is not None and type(e.maps_to) is type(value)
                 and e.maps_to == value)
