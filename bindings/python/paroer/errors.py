"""The exceptions libparoer raises, and its diagnostics.

Every failure of a library call is raised as a subclass of :class:`Error`
chosen by the library's status code (common.h), carrying the library's own
message and, for input problems, the file or buffer name (``source``), the
1-based ``line`` and ``column``, the field ``path`` (``offers[3].kind``) and,
for loads, every problem found (``diagnostics``).

=====================  =====================  =================================
status                 exception              also an instance of
=====================  =====================  =================================
PAROER_ERROR           :class:`Error`
PAROER_ENOMEM          :class:`OutOfMemory`   :class:`MemoryError`
PAROER_EINVALID        :class:`InvalidArgument` :class:`ValueError`
PAROER_EPARSE          :class:`ParseError`    :class:`ValueError`
PAROER_ESCHEMA         :class:`SchemaError`   :class:`ValueError`
PAROER_ENOTFOUND       :class:`NotFoundError` :class:`LookupError`
PAROER_EIO             :class:`FileError`     :class:`OSError`
PAROER_EUSER           :class:`CallbackError`
PAROER_EDUPLICATE      :class:`DuplicateError` :class:`ValueError`
(binding)              :class:`ClosedError`   :class:`ValueError`
=====================  =====================  =================================
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple, Type

from . import _lib
from ._lib import fn

__all__ = [
    "Error", "OutOfMemory", "InvalidArgument", "ParseError", "SchemaError", "NotFoundError",
    "FileError", "CallbackError", "DuplicateError", "ClosedError", "Diagnostic",
]


@dataclass(frozen=True)
class Diagnostic:
    """One error or warning of a load (a copy of one entry of a paroer_diagnostics list)."""

    severity: str
    """``"error"`` or ``"warning"``."""
    code: int
    """The status code of an error (0 for warnings)."""
    message: str
    """The message without position."""
    source: str
    """File or buffer name ("" when none)."""
    path: str
    """Field path such as ``offers[3].target.conditions[0]`` ("" when none)."""
    line: int
    """1-based line, 0 when unknown."""
    column: int
    """1-based byte column, 0 when unknown."""
    text: str
    """The whole diagnostic, compiler style: ``FILE:LINE:COLUMN: error: MESSAGE``."""

    def __str__(self) -> str:
        return self.text


class Error(Exception):
    """Base class of every libparoer failure.

    Attributes: ``code`` (the C status, e.g. -5), ``message`` (the library's
    message), ``source``, ``line``, ``column``, ``byte_offset`` and ``path``
    (where the input is wrong; empty/0/-1 when not about input), and
    ``diagnostics`` (every problem of a load, as :class:`Diagnostic`).
    """

    status: int = -1

    def __init__(self, message: str, *, code: Optional[int] = None, source: str = "", line: int = 0,
                 column: int = 0, byte_offset: int = -1, path: str = "",
                 diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.code: int = self.status if code is None else code
        self.message: str = message
        self.source: str = source
        self.line: int = line
        self.column: int = column
        self.byte_offset: int = byte_offset
        self.path: str = path
        self.diagnostics: Tuple[Diagnostic, ...] = tuple(diagnostics)
        if isinstance(self, OSError):
            self.filename = source or None

    def __str__(self) -> str:
        where = self.source
        if where and self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}" if where else self.message

    @property
    def errors(self) -> Tuple[Diagnostic, ...]:
        """The diagnostics of severity ``error``."""
        return tuple(d for d in self.diagnostics if d.severity == "error")


class OutOfMemory(Error, MemoryError):
    """An allocation failed (PAROER_ENOMEM); nothing was changed."""
    status = -2


class InvalidArgument(Error, ValueError):
    """A bad argument (PAROER_EINVALID): a value out of range, a wrong state."""
    status = -3


class ParseError(Error, ValueError):
    """The input is not well-formed JSON or CSV (PAROER_EPARSE)."""
    status = -4


class SchemaError(Error, ValueError):
    """Well-formed input that breaks the contract (PAROER_ESCHEMA): a type, code, range or reference."""
    status = -5


class NotFoundError(Error, LookupError):
    """A looked-up item does not exist (PAROER_ENOTFOUND)."""
    status = -6


class FileError(Error, OSError):
    """A file could not be read or written (PAROER_EIO)."""
    status = -7


class CallbackError(Error):
    """A callback stopped a batch (PAROER_EUSER)."""
    status = -8


class DuplicateError(Error, ValueError):
    """An id was already used by an object of the same kind (PAROER_EDUPLICATE)."""
    status = -10


class ClosedError(Error, ValueError):
    """The object was closed (freed) and the operation needs the library's copy of it."""
    status = -3


_BY_CODE: Dict[int, Type[Error]] = {c.status: c for c in (
    OutOfMemory, InvalidArgument, ParseError, SchemaError, NotFoundError, FileError, CallbackError,
    DuplicateError)}


def error_class(code: int) -> Type[Error]:
    """The exception class for a C status code."""
    return _BY_CODE.get(code, Error)


def read_diagnostics(handle: Optional[int]) -> Tuple[Diagnostic, ...]:
    """Copies every entry of a paroer_diagnostics list."""
    if not handle:
        return ()
    out = []
    for i in range(fn.paroer_diagnostics_count(handle)):
        sev = fn.paroer_diagnostic_severity(handle, i)
        out.append(Diagnostic(
            severity="error" if sev == 0 else "warning",
            code=fn.paroer_diagnostic_code(handle, i),
            message=_lib.text(fn.paroer_diagnostic_message(handle, i)) or "",
            source=_lib.text(fn.paroer_diagnostic_source(handle, i)) or "",
            path=_lib.text(fn.paroer_diagnostic_path(handle, i)) or "",
            line=fn.paroer_diagnostic_line(handle, i),
            column=fn.paroer_diagnostic_column(handle, i),
            text=_lib.text(fn.paroer_diagnostic_text(handle, i)) or ""))
    return tuple(out)


def last_error(rc: int, diagnostics: Sequence[Diagnostic] = ()) -> Error:
    """Builds the exception for status @p rc from this thread's paroer_error_last().

    Must be called right after the failing call, before any other library call
    on the thread (the record is overwritten by the next call).
    """
    info = fn.paroer_error_last().contents
    code = info.code if info.code else rc
    message = _lib.text(info.message) or ""
    if code != rc and rc < 0:
        # The record is about another call (should not happen); trust the return code.
        code, message = rc, ""
    if not message:
        message = _lib.text(fn.paroer_strerror(rc)) or "error"
    cls = error_class(code)
    return cls(message, code=code, source=_lib.text(info.source) or "", line=int(info.line),
               column=int(info.column), byte_offset=int(info.byte_offset), path=_lib.text(info.path) or "",
               diagnostics=diagnostics)


def check(rc: int) -> None:
    """Raises the library's error when @p rc is a failure status."""
    if rc != 0:
        raise last_error(rc)


class DiagnosticsList:
    """A caller-owned paroer_diagnostics list, freed when the ``with`` block ends."""

    def __init__(self) -> None:
        self.ptr = ctypes.c_void_p()
        check(fn.paroer_diagnostics_new(ctypes.byref(self.ptr), None))

    def __enter__(self) -> "DiagnosticsList":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.ptr:
            fn.paroer_diagnostics_free(self.ptr)
            self.ptr = ctypes.c_void_p()

    def read(self) -> Tuple[Diagnostic, ...]:
        return read_diagnostics(self.ptr.value)

    def __del__(self) -> None:  # a safety net; normal use closes it in __exit__
        try:
            self.close()
        except Exception:  # pragma: no cover - interpreter shutdown
            pass
