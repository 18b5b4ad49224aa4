"""A population of relatives read from the contract's CSV (section 5).

A population is personal (and health) data: close it (``with`` block or
:meth:`Population.close`) to free it at a known point.
"""
from __future__ import annotations

from ctypes import byref, c_void_p
from typing import Iterator, Optional, Tuple, Union

from . import _lib
from ._handle import Handle
from ._lib import fn
from .catalog import PathLike, fspath, load_options
from .errors import Diagnostic, DiagnosticsList, check, last_error
from .relative import Relative

__all__ = ["Population"]


class Population:
    """An immutable population of relatives (many threads may read it at once).

    ``len(p)`` is the number of relatives; ``p.relative(i)`` makes a stand-alone
    :class:`~paroer.Relative`; ``p.rejected_rows`` counts the bad rows that were
    left out and ``p.diagnostics`` says why (``FILE:LINE: error: …``).
    """

    def __init__(self) -> None:
        raise TypeError("use Population.load() or Population.from_csv()")

    @classmethod
    def _load(cls, call, strict: bool, max_errors: Optional[int]) -> "Population":  # type: ignore[no-untyped-def]
        with DiagnosticsList() as diags:
            opts = load_options(diags, strict, max_errors)
            out = c_void_p()
            rc = call(byref(out), byref(opts))
            if rc != 0:
                err = last_error(rc)
                err.diagnostics = diags.read()
                raise err
            self = cls.__new__(cls)
            self._h = Handle(out.value, fn.paroer_population_free, "population")  # type: ignore[arg-type]
            self._diagnostics = diags.read()
            return self

    @classmethod
    def load(cls, path: PathLike, *, strict: bool = False, max_errors: Optional[int] = None) -> "Population":
        """Loads a population CSV file.

        Bad rows are left out and reported in :attr:`diagnostics` unless
        @p strict, which makes the first bad row fail the load.
        """
        name = fspath(path)
        return cls._load(lambda out, opts: fn.paroer_population_load_file(out, name, opts), strict, max_errors)

    @classmethod
    def from_csv(cls, text: Union[str, bytes], name: Optional[str] = None, *, strict: bool = False,
                 max_errors: Optional[int] = None) -> "Population":
        """Reads a population from CSV text."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return cls._load(lambda out, opts: fn.paroer_population_load_buffer(out, data, len(data),
                                                                            _lib.encode(name), opts),
                         strict, max_errors)

    def close(self) -> None:
        """Frees the library's copy now. Idempotent."""
        self._h.close()

    @property
    def closed(self) -> bool:
        return self._h.closed

    def __enter__(self) -> "Population":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        if self.closed:
            return "<paroer.Population (closed)>"
        return f"<paroer.Population {self.source!r}: {len(self)} relatives, {self.rejected_rows} rejected rows>"

    @property
    def diagnostics(self) -> Tuple[Diagnostic, ...]:
        """Errors of the rows left out, and warnings (unknown columns)."""
        return self._diagnostics

    def __len__(self) -> int:
        with self._h.use() as p:
            return int(fn.paroer_population_count(p))

    @property
    def relation_total(self) -> int:
        """Accepted rows (care relations) over all relatives."""
        with self._h.use() as p:
            return int(fn.paroer_population_relation_total(p))

    @property
    def rejected_rows(self) -> int:
        """Data rows that were bad and left out."""
        with self._h.use() as p:
            return int(fn.paroer_population_rejected_rows(p))

    @property
    def source(self) -> str:
        """The file or buffer name."""
        with self._h.use() as p:
            return _lib.text(fn.paroer_population_source(p)) or ""

    def ids(self) -> Iterator[str]:
        """The relatives' pseudonyms, in file order."""
        for i in range(len(self)):
            with self._h.use() as p:
                yield _lib.text(fn.paroer_population_id(p, i)) or ""

    def find(self, relative_id: str) -> Optional[int]:
        """The index of the relative with this id, or None."""
        with self._h.use() as p:
            i = fn.paroer_population_find(p, _lib.encode(relative_id))
        return None if i < 0 else int(i)

    def relative(self, i: int) -> Relative:
        """A stand-alone :class:`~paroer.Relative` of relative @p i (negative counts from the end)."""
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"relative index {i} out of range 0..{n - 1}")
        out = c_void_p()
        with self._h.use() as p:
            check(fn.paroer_population_relative(byref(out), p, i, None))
        return Relative._from_ptr(out.value)  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[Relative]:
        for i in range(len(self)):
            yield self.relative(i)
