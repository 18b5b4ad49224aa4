"""Ownership of one C object: freed exactly once, never while in use.

A :class:`Handle` owns a pointer returned by the library and the function that
frees it. The pointer is freed

* when :meth:`Handle.close` is called (``with`` blocks, explicit ``close()``),
  or, if a call is using the pointer at that moment on another thread, as soon
  as that call ends;
* otherwise when the handle is garbage-collected (``weakref.finalize``), which
  in CPython is as soon as the last Python object holding it goes away;
* at the latest at interpreter exit.

Code that passes the pointer to the library does so inside ``with h.use() as p:``;
after ``close()`` that raises :class:`~paroer.errors.ClosedError` instead of
handing out a dangling pointer.
"""
from __future__ import annotations

import threading
import weakref
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from .errors import ClosedError


class Handle:
    __slots__ = ("_ptr", "_lock", "_users", "_closed", "_finalizer", "_what", "owner", "__weakref__")

    def __init__(self, ptr: int, free: Callable[[int], None], what: str) -> None:
        if not ptr:
            raise ValueError("NULL handle")
        self._ptr = ptr
        self._lock = threading.Lock()
        self._users = 0
        self._closed = False
        self._what = what
        self.owner: Any = None  # weak reference to the public wrapper, set by the wrapper
        self._finalizer = weakref.finalize(self, free, ptr)

    @property
    def closed(self) -> bool:
        return self._closed

    @contextmanager
    def use(self) -> Iterator[int]:
        """Lends the pointer for the duration of a ``with`` block."""
        with self._lock:
            if self._closed:
                raise ClosedError(f"the {self._what} is closed")
            self._users += 1
        try:
            yield self._ptr
        finally:
            with self._lock:
                self._users -= 1
                free_now = self._closed and self._users == 0
            if free_now:
                self._finalizer()

    def ptr_unchecked(self) -> int:
        """The pointer without bookkeeping, for callers already inside use()."""
        return self._ptr

    def close(self) -> None:
        """Frees the C object now (or when the call using it on another thread ends). Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            free_now = self._users == 0
        if free_now:
            self._finalizer()
