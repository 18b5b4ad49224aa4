"""Coverage of a municipality (contract section 5), as the CLI's JSON."""
from __future__ import annotations

import json
import os
from contextlib import ExitStack
from ctypes import byref, c_size_t, c_void_p
from typing import TYPE_CHECKING, Any, Dict, Optional, Union

from . import _lib
from ._convert import DateLike, date_to_c, municipality_code
from ._lib import COVERAGE_OPTIONS_VERSION, CoverageOptions, fn
from .errors import check, last_error
from .population import Population

if TYPE_CHECKING:  # pragma: no cover
    from .catalog import Catalog

PopulationLike = Union[Population, str, "os.PathLike[str]", None]

__all__ = ["PopulationLike"]


def coverage(catalog: "Catalog", municipality: Union[int, str, None], date: DateLike, population: PopulationLike, *,
             min_cell: Optional[int] = None, lang: str = "en", max_unmet: Optional[int] = None,
             threads: int = 1) -> Dict[str, Any]:
    """See :meth:`paroer.Catalog.coverage`."""
    opts = CoverageOptions()
    check(fn.paroer_coverage_options_init(byref(opts), COVERAGE_OPTIONS_VERSION))
    opts.date = date_to_c(date)
    opts.municipality = -1 if municipality is None else municipality_code(municipality)
    if min_cell is not None:
        opts.min_cell = int(min_cell)
    if max_unmet is not None:
        opts.max_unmet = int(max_unmet)
    if lang not in ("en", "da"):
        raise ValueError(f"unknown language {lang!r} (expected 'en' or 'da')")
    opts.lang = 1 if lang == "en" else 0
    if municipality is None and population is None:
        raise ValueError("coverage without a municipality needs a population")
    with ExitStack() as stack:
        pop: Optional[Population] = None
        if isinstance(population, Population):
            pop = population
        elif population is not None:
            # A path is streamed through the coverage, never held whole.
            opts.population_file = os.fsencode(population)
            opts.threads = int(threads)
        if pop is not None:
            opts.population = stack.enter_context(pop._h.use())
        cat = stack.enter_context(catalog._h.use())
        out = c_void_p()
        rc = fn.paroer_coverage_compute(byref(out), cat, byref(opts))
        if rc != 0:
            raise last_error(rc)
        try:
            text = c_void_p()
            length = c_size_t()
            check(fn.paroer_coverage_to_json(out, byref(text), byref(length)))
            return json.loads(_lib.take_string(text, length.value))  # type: ignore[no-any-return]
        finally:
            fn.paroer_coverage_free(out)
