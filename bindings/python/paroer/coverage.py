"""Coverage of a municipality (contract section 5), as the CLI's JSON."""
from __future__ import annotations

import json
import os
from contextlib import ExitStack
from ctypes import byref, c_char_p, c_size_t, c_void_p
from typing import TYPE_CHECKING, Any, Dict, Optional, Sequence, Union

from . import _lib
from ._convert import DateLike, date_to_c, municipality_code
from ._handle import Handle
from ._lib import COVERAGE_OPTIONS_VERSION, REPORT_OPTIONS_VERSION, CoverageOptions, ReportOptions, fn
from .errors import check, last_error
from .population import Population

if TYPE_CHECKING:  # pragma: no cover
    from .catalog import Catalog

PopulationLike = Union[Population, str, "os.PathLike[str]", None]

__all__ = ["PopulationLike", "Coverage"]


class Coverage(Dict[str, Any]):
    """A coverage: the dict of ``paroer coverage --format json`` (it compares,
    prints and serialises as that dict), which can also write the report.

    It keeps the computed C result (freed with the object, or by :meth:`close`)
    and a reference to its catalog, so :meth:`to_html` computes nothing again.
    """

    def __init__(self, data: Dict[str, Any], handle: Handle, catalog: "Catalog") -> None:
        super().__init__(data)
        self._h = handle
        self._catalog = catalog

    def close(self) -> None:
        """Frees the C result now; the dict stays, :meth:`to_html` no longer works."""
        self._h.close()

    def to_html(self, *, lang: str = "da", age_band: Any = "adult", sources: Optional[Sequence[str]] = None,
                population_name: Optional[str] = None) -> str:
        """The report of ``paroer report``: one self-contained HTML page.

        Args:
            lang: ``"da"`` (default) or ``"en"``.
            age_band: The age band whose heat map comes first (an :class:`~paroer.AgeBand` or its code).
            sources: Names of the catalogs for the page's header (``paroer report`` gives the file
                names of its ``-c`` files, then ``statutory.json`` with ``--statutory``).
            population_name: The name of the population file for the header.

        Given the same names, the page is byte for byte the one ``paroer report`` writes.
        """
        from .vocab import AgeBand
        if lang not in ("en", "da"):
            raise ValueError(f"unknown language {lang!r} (expected 'en' or 'da')")
        opts = ReportOptions()
        check(fn.paroer_report_options_init(byref(opts), REPORT_OPTIONS_VERSION))
        opts.lang = 1 if lang == "en" else 0
        opts.age_band = AgeBand.parse(age_band).value
        names = [_lib.encode(x) for x in (sources or [])]
        arr = (c_char_p * max(1, len(names)))(*names)
        opts.sources = arr
        opts.source_count = len(names)
        opts.population_name = _lib.encode(population_name)
        with self._h.use() as cov, self._catalog._h.use() as cat:
            text = c_void_p()
            length = c_size_t()
            check(fn.paroer_report_html(cov, cat, byref(opts), byref(text), byref(length)))
            return _lib.take_string(text, length.value)


def coverage(catalog: "Catalog", municipality: Union[int, str, None], date: DateLike, population: PopulationLike, *,
             min_cell: Optional[int] = None, lang: str = "en", max_unmet: Optional[int] = None,
             threads: int = 1) -> Coverage:
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
        h = Handle(out.value, fn.paroer_coverage_free, "coverage")
        text = c_void_p()
        length = c_size_t()
        with h.use() as ptr:
            check(fn.paroer_coverage_to_json(ptr, byref(text), byref(length)))
        return Coverage(json.loads(_lib.take_string(text, length.value)), h, catalog)
