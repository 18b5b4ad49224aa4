"""The national overview (contract section 6a): one row for each municipality."""
from __future__ import annotations

import json
from ctypes import byref, c_int32, c_size_t, c_void_p
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Union

from . import _lib
from ._convert import DateLike, date_to_c, municipality_code
from ._lib import OVERVIEW_OPTIONS_VERSION, OverviewOptions, fn
from .errors import check, last_error

if TYPE_CHECKING:  # pragma: no cover
    from .catalog import Catalog

__all__ = ["Overview", "CHECK_CODES"]

#: The six checks, in the contract's order (the CSV's and the records' check columns).
CHECK_CODES = ("respite_offered", "policy_present", "policy_current", "action_plan_due",
               "children_as_relatives", "counsellor_present")


class Overview(List[Dict[str, Any]]):
    """The rows of ``paroer overview --format json``, one dict per municipality, in row order.

    A list of dicts (``overview[0]["name"]``), plus:

    - :attr:`date` — the reference date (``"YYYY-MM-DD"``);
    - :attr:`summary` — the JSON's ``summary`` dict;
    - :meth:`records` — flat rows for ``pandas.DataFrame(overview.records())``.
    """

    def __init__(self, doc: Dict[str, Any]) -> None:
        super().__init__(doc["municipalities"])
        self.date: str = doc["date"]
        self.summary: Dict[str, Any] = doc["summary"]

    def records(self) -> List[Dict[str, Any]]:
        """The rows flattened as the CSV has them: every value a scalar, the checks as
        columns named by their codes, ``kinds`` joined with ``;`` (in code order)."""
        out = []
        for row in self:
            rec: Dict[str, Any] = {}
            for key, value in row.items():
                if key == "checks":
                    rec.update((code, value[code]) for code in CHECK_CODES)
                elif key == "kinds":
                    rec[key] = ";".join(value)
                else:
                    rec[key] = value
            out.append(rec)
        return out

    def find(self, municipality: Union[int, str]) -> Optional[Dict[str, Any]]:
        """The row of a municipality (306, "0306"), or None when it has no row."""
        code = municipality_code(municipality)
        return next((r for r in self if r["municipality"] == code), None)


def overview(catalog: "Catalog", date: DateLike = None,
             municipalities: Optional[Iterable[Union[int, str]]] = None) -> Overview:
    """See :meth:`paroer.Catalog.overview`."""
    opts = OverviewOptions()
    check(fn.paroer_overview_options_init(byref(opts), OVERVIEW_OPTIONS_VERSION))
    opts.date = date_to_c(date)
    codes = None
    if municipalities is not None:
        listed = [municipality_code(m) for m in municipalities]
        codes = (c_int32 * max(1, len(listed)))(*listed)
        opts.municipalities = codes
        opts.n_municipalities = len(listed)
        if not listed:
            raise ValueError("the list of municipalities is empty")
    with catalog._h.use() as cat:
        out = c_void_p()
        rc = fn.paroer_overview_compute(byref(out), cat, byref(opts))
        if rc != 0:
            raise last_error(rc)
        try:
            text = c_void_p()
            length = c_size_t()
            check(fn.paroer_overview_to_json(out, byref(text), byref(length)))
            return Overview(json.loads(_lib.take_string(text, length.value)))
        finally:
            fn.paroer_overview_free(out)
