"""Catalogs: loading, merging and reading providers, offers, policies and goals.

A :class:`Catalog` owns the library's immutable catalog. Its items
(:class:`Offer`, :class:`Provider`, :class:`Policy`, :class:`Goal`,
:class:`Target`) are frozen dataclasses whose fields are copied out of the
library when first read, so they stay readable for as long as Python holds
them, even after the catalog is closed. Each item also keeps the catalog's
memory alive (a reference to its owner handle): the few methods that ask the
library something (:meth:`Offer.is_live`, :meth:`Target.overlaps`,
:meth:`Goal.realised_by`) work as long as the catalog has not been closed
explicitly, and raise :class:`~paroer.ClosedError` after.
"""
from __future__ import annotations

import datetime as _dt
import os
import threading
import weakref
from ctypes import byref, c_char_p, c_void_p
from dataclasses import dataclass, field
from typing import (TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple,
                    Union)

from . import _lib
from ._convert import DateLike, date_from_c, date_to_c, municipality_code
from ._handle import Handle
from ._lib import INT32_MAX, LOAD_OPTIONS_VERSION, LOAD_STRICT, LoadOptions, fn
from .errors import Diagnostic, DiagnosticsList, NotFoundError, check, last_error
from .vocab import (Access, Area, Bereavement, Code, Condition, Flag, GoalCategory, Mode, Need, OfferKind,
                    ProviderKind, Relation, Slot, Status)

if TYPE_CHECKING:  # pragma: no cover
    from .coverage import Coverage, PopulationLike
    from .match import MatchResult, RelativeLike
    from .overview import Overview

PathLike = Union[str, "os.PathLike[str]"]

__all__ = ["statutory_path", "data_path", "Catalog", "Provider", "Offer", "Target", "AgeRange", "Contact", "ExternalCode", "Policy", "Goal",
           "ActionPlan"]


# ---- items ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AgeRange:
    """An inclusive age range in whole years; ``max`` is None when open."""
    min: int = 0
    max: Optional[int] = None

    def __contains__(self, age: object) -> bool:
        return isinstance(age, int) and age >= self.min and (self.max is None or age <= self.max)

    def to_dict(self) -> Dict[str, int]:
        d = {"min": self.min}
        if self.max is not None:
            d["max"] = self.max
        return d


@dataclass(frozen=True)
class Target:
    """The target group of an offer or a goal (contract section 2).

    Empty ``relations`` / ``conditions`` mean "any".
    """
    relative_age: AgeRange
    cared_for_age: AgeRange
    relations: Tuple[Code, ...]
    conditions: Tuple[Code, ...]
    requires: Tuple[Code, ...]
    bereaved: Code
    _h: Any = field(default=None, repr=False, compare=False)
    _ref: Tuple[Any, ...] = field(default=(), repr=False, compare=False)

    def overlaps(self, other: "Target") -> bool:
        """Whether the two targets overlap in the contract's sense (asks the library)."""
        with self._h.use() as a_cat, other._h.use() as b_cat:
            return bool(fn.paroer_target_overlaps(_target_ptr(a_cat, self._ref), _target_ptr(b_cat, other._ref)))

    def to_dict(self) -> Dict[str, Any]:
        """The target as the catalog document writes it."""
        return {"relative_age": self.relative_age.to_dict(), "relations": [c.code for c in self.relations],
                "conditions": [c.code for c in self.conditions], "cared_for_age": self.cared_for_age.to_dict(),
                "requires": [c.code for c in self.requires], "bereaved": self.bereaved.code}


def _target_ptr(cat: int, ref: Tuple[Any, ...]) -> int:
    if ref[0] == "offer":
        return fn.paroer_offer_target(fn.paroer_catalog_offer(cat, ref[1]))
    return fn.paroer_goal_target(fn.paroer_policy_goal(fn.paroer_catalog_policy(cat, ref[1]), ref[2]))


@dataclass(frozen=True)
class Provider:
    """A provider of offers."""
    id: str
    name: str
    kind: Code
    area: Optional[Code]


@dataclass(frozen=True)
class Contact:
    """How to get in touch about an offer (each part None when not given)."""
    phone: Optional[str] = None
    email: Optional[str] = None
    url: Optional[str] = None


@dataclass(frozen=True)
class ExternalCode:
    """A code of an external code system tied to an offer (e.g. KL FSIII)."""
    system: str
    code: str


@dataclass(frozen=True, repr=False)
class Offer:
    """An offer of a catalog, with every default of the contract applied."""
    index: int
    id: str
    name: str
    kind: Code
    provider: Optional[Provider]
    description: Optional[str]
    needs: Tuple[Code, ...]
    municipalities: Tuple[int, ...]
    nationwide: bool
    target: Target
    modes: Tuple[Code, ...]
    slots: Tuple[Code, ...]
    """Empty means flexible (any slot)."""
    schedule: Optional[str]
    access: Code
    cost_free: Optional[bool]
    price_dkk: Optional[float]
    languages: Tuple[str, ...]
    capacity: Optional[int]
    """None means unlimited."""
    status: Code
    valid_from: Optional[_dt.date]
    valid_to: Optional[_dt.date]
    legal_basis: Tuple[str, ...]
    contact: Contact
    source: Optional[str]
    verified: Optional[_dt.date]
    codes: Tuple[ExternalCode, ...]
    _h: Any = field(default=None, repr=False, compare=False)

    def __repr__(self) -> str:
        return f"Offer(id={self.id!r}, name={self.name!r}, kind={self.kind.code})"

    @property
    def catalog(self) -> "Catalog":
        """The catalog the offer belongs to."""
        return Catalog._of_handle(self._h)

    def serves_municipality(self, municipality: Union[int, str]) -> bool:
        """Nationwide, or lists the municipality."""
        return self.nationwide or municipality_code(municipality) in self.municipalities

    def is_live(self, municipality: Union[int, str], date: DateLike = None) -> bool:
        """Live in @p municipality on @p date (default today): not paused, valid, and there."""
        day = date_to_c(date, none=fn.paroer_date_today())
        m = municipality_code(municipality)
        with self._h.use() as cat:
            return bool(fn.paroer_offer_is_live(fn.paroer_catalog_offer(cat, self.index), m, day))


@dataclass(frozen=True)
class ActionPlan:
    """An action plan of a policy."""
    title: str
    due: Optional[_dt.date]
    adopted: Optional[_dt.date]


@dataclass(frozen=True)
class Goal:
    """A goal of a relatives' policy."""
    id: str
    title: str
    category: Code
    needs: Tuple[Code, ...]
    kinds: Tuple[Code, ...]
    target: Target
    organisational: bool
    """Neither needs nor kinds: no offer can realise it."""
    policy_id: str
    _h: Any = field(default=None, repr=False, compare=False)
    _ref: Tuple[int, int] = field(default=(0, 0), repr=False, compare=False)

    @property
    def policy(self) -> "Policy":
        """The policy the goal belongs to."""
        return Catalog._of_handle(self._h).policy(self.policy_id)

    def realised_by(self, offer: Offer, date: DateLike = None) -> bool:
        """Whether @p offer realises the goal on @p date (default today), as the library decides."""
        day = date_to_c(date, none=fn.paroer_date_today())
        with self._h.use() as gcat, offer._h.use() as ocat:
            g = fn.paroer_policy_goal(fn.paroer_catalog_policy(gcat, self._ref[0]), self._ref[1])
            return bool(fn.paroer_goal_realised_by(g, fn.paroer_catalog_offer(ocat, offer.index), day))


@dataclass(frozen=True, repr=False)
class Policy:
    """A municipality's relatives' policy (pårørendepolitik)."""
    index: int
    id: str
    municipality: int
    title: str
    source: Optional[str]
    adopted: Optional[_dt.date]
    valid_to: Optional[_dt.date]
    areas: Tuple[Code, ...]
    goals: Tuple[Goal, ...]
    action_plans: Tuple[ActionPlan, ...]

    def __repr__(self) -> str:
        return f"Policy(id={self.id!r}, municipality={self.municipality}, {len(self.goals)} goals)"


# ---- reading from the library -----------------------------------------------------------


def _s(raw: Optional[bytes]) -> Optional[str]:
    return _lib.text(raw)


def _range(lo: int, hi: int) -> AgeRange:
    return AgeRange(lo, None if hi == INT32_MAX else hi)


def _read_target(t: int, h: Handle, ref: Tuple[Any, ...]) -> Target:
    return Target(
        relative_age=_range(fn.paroer_target_relative_age_min(t), fn.paroer_target_relative_age_max(t)),
        cared_for_age=_range(fn.paroer_target_cared_for_age_min(t), fn.paroer_target_cared_for_age_max(t)),
        relations=Relation.from_mask(fn.paroer_target_relations(t)),
        conditions=Condition.from_mask(fn.paroer_target_conditions(t)),
        requires=Flag.from_mask(fn.paroer_target_requires(t)),
        bereaved=Bereavement(fn.paroer_target_bereaved(t)), _h=h, _ref=ref)


def _read_provider(p: int) -> Provider:
    area = fn.paroer_provider_area(p)
    return Provider(id=_s(fn.paroer_provider_id(p)) or "", name=_s(fn.paroer_provider_name(p)) or "",
                    kind=ProviderKind(fn.paroer_provider_kind(p)), area=None if area < 0 else Area(area))


def _read_offer(cat: int, i: int, h: Handle, providers: Mapping[str, Provider]) -> Offer:
    o = fn.paroer_catalog_offer(cat, i)
    prov = fn.paroer_offer_provider(o, cat)
    capacity = fn.paroer_offer_capacity(o)
    free = fn.paroer_offer_cost_free(o)
    price = fn.paroer_offer_price_dkk(o)
    return Offer(
        index=i, id=_s(fn.paroer_offer_id(o)) or "", name=_s(fn.paroer_offer_name(o)) or "",
        kind=OfferKind(fn.paroer_offer_kind(o)),
        provider=providers.get(_s(fn.paroer_provider_id(prov)) or "") if prov else None,
        description=_s(fn.paroer_offer_description(o)),
        needs=Need.from_mask(fn.paroer_offer_needs(o)),
        municipalities=tuple(fn.paroer_offer_municipality(o, k) for k in range(fn.paroer_offer_municipality_count(o))),
        nationwide=bool(fn.paroer_offer_nationwide(o)),
        target=_read_target(fn.paroer_offer_target(o), h, ("offer", i)),
        modes=Mode.from_mask(fn.paroer_offer_modes(o)), slots=Slot.from_mask(fn.paroer_offer_slots(o)),
        schedule=_s(fn.paroer_offer_schedule(o)), access=Access(fn.paroer_offer_access(o)),
        cost_free=None if free < 0 else bool(free), price_dkk=None if price != price else price,
        languages=tuple(_s(fn.paroer_offer_language(o, cat, k)) or ""
                        for k in range(fn.paroer_offer_language_count(o))),
        capacity=None if capacity < 0 else capacity, status=Status(fn.paroer_offer_status(o)),
        valid_from=date_from_c(fn.paroer_offer_valid_from(o)), valid_to=date_from_c(fn.paroer_offer_valid_to(o)),
        legal_basis=tuple(_s(fn.paroer_offer_legal_basis(o, k)) or ""
                          for k in range(fn.paroer_offer_legal_basis_count(o))),
        contact=Contact(_s(fn.paroer_offer_contact_phone(o)), _s(fn.paroer_offer_contact_email(o)),
                        _s(fn.paroer_offer_contact_url(o))),
        source=_s(fn.paroer_offer_source(o)), verified=date_from_c(fn.paroer_offer_verified(o)),
        codes=tuple(ExternalCode(_s(fn.paroer_offer_code_system(o, k)) or "", _s(fn.paroer_offer_code_value(o, k)) or "")
                    for k in range(fn.paroer_offer_code_count(o))),
        _h=h)


def _read_policy(cat: int, i: int, h: Handle) -> Policy:
    p = fn.paroer_catalog_policy(cat, i)
    pid = _s(fn.paroer_policy_id(p)) or ""
    goals = []
    for k in range(fn.paroer_policy_goal_count(p)):
        g = fn.paroer_policy_goal(p, k)
        goals.append(Goal(
            id=_s(fn.paroer_goal_id(g)) or "", title=_s(fn.paroer_goal_title(g)) or "",
            category=GoalCategory(fn.paroer_goal_category(g)), needs=Need.from_mask(fn.paroer_goal_needs(g)),
            kinds=OfferKind.from_mask(fn.paroer_goal_kinds(g)),
            target=_read_target(fn.paroer_goal_target(g), h, ("goal", i, k)),
            organisational=bool(fn.paroer_goal_is_organisational(g)), policy_id=pid, _h=h, _ref=(i, k)))
    plans = tuple(ActionPlan(_s(fn.paroer_policy_action_plan_title(p, k)) or "",
                             date_from_c(fn.paroer_policy_action_plan_due(p, k)),
                             date_from_c(fn.paroer_policy_action_plan_adopted(p, k)))
                  for k in range(fn.paroer_policy_action_plan_count(p)))
    return Policy(index=i, id=pid, municipality=fn.paroer_policy_municipality(p),
                  title=_s(fn.paroer_policy_title(p)) or "", source=_s(fn.paroer_policy_source(p)),
                  adopted=date_from_c(fn.paroer_policy_adopted(p)), valid_to=date_from_c(fn.paroer_policy_valid_to(p)),
                  areas=Area.from_mask(fn.paroer_policy_areas(p)), goals=tuple(goals), action_plans=plans)


class _Contents:
    """Everything read out of one catalog, built once (no reference back to the wrapper)."""

    def __init__(self, cat: int, h: Handle) -> None:
        self.providers = tuple(_read_provider(fn.paroer_catalog_provider(cat, i))
                               for i in range(fn.paroer_catalog_provider_count(cat)))
        self.provider_by_id = {p.id: p for p in self.providers}
        self.offers = tuple(_read_offer(cat, i, h, self.provider_by_id)
                            for i in range(fn.paroer_catalog_offer_count(cat)))
        self.offer_by_id = {o.id: o for o in self.offers}
        self.policies = tuple(_read_policy(cat, i, h) for i in range(fn.paroer_catalog_policy_count(cat)))
        self.policy_by_id = {p.id: p for p in self.policies}
        self.goals = tuple(g for p in self.policies for g in p.goals)


def load_options(diags: Optional[DiagnosticsList], strict: bool = False,
                 max_errors: Optional[int] = None) -> LoadOptions:
    """A paroer_load_options for the binding's loaders (internal)."""
    opts = LoadOptions()
    check(fn.paroer_load_options_init(byref(opts), LOAD_OPTIONS_VERSION))
    if diags is not None:
        opts.diagnostics = diags.ptr
    if strict:
        opts.flags |= LOAD_STRICT
    if max_errors is not None:
        if max_errors < 1:
            raise ValueError("max_errors must be at least 1")
        opts.max_errors = max_errors
    return opts


def fspath(path: PathLike) -> bytes:
    """A path as the bytes the C library opens."""
    return os.fsencode(os.fspath(path))


# ---- the catalog -------------------------------------------------------------------------


def statutory_path() -> str:
    """The statutory catalog file the library would load: next to the loaded library
    (``<prefix>/share/paroer``), then ``$PAROER_DATADIR``, then (for the build tree's
    library only) the source tree's data/; :class:`~paroer.NotFoundError` if none."""
    from ctypes import create_string_buffer
    buf = create_string_buffer(4096)
    check(fn.paroer_statutory_path(buf, len(buf)))
    return os.fsdecode(buf.value)


def data_path(name: Optional[str] = None) -> str:
    """A file of the data installed with the library (``"municipalities.csv"``), or with no
    name its data directory, found as :func:`statutory_path` finds statutory.json
    (``paroer_data_path()``); :class:`~paroer.NotFoundError` if none holds it."""
    from ctypes import create_string_buffer
    buf = create_string_buffer(4096)
    check(fn.paroer_data_path(buf, len(buf), None if name is None else os.fsencode(name)))
    return os.fsdecode(buf.value)


class Catalog:
    """An immutable catalog of providers, offers and policies (contract section 2).

    Make one with :meth:`load`, :meth:`from_json`, :meth:`merge` or a
    :class:`~paroer.CatalogBuilder`. Use it in a ``with`` block (or call
    :meth:`close`) to free the library's memory at a known point; otherwise it
    is freed when the catalog and every item read from it are gone.

    A catalog may be shared by any number of threads.
    """

    def __init__(self) -> None:
        raise TypeError("use Catalog.load(), Catalog.from_json(), Catalog.merge() or CatalogBuilder")

    # -- construction --

    @classmethod
    def _from_ptr(cls, ptr: int, warnings: Sequence[Diagnostic] = ()) -> "Catalog":
        h = Handle(ptr, fn.paroer_catalog_free, "catalog")
        return cls._of_handle(h, warnings)

    @classmethod
    def _of_handle(cls, h: Handle, warnings: Sequence[Diagnostic] = ()) -> "Catalog":
        """The wrapper of a handle: the live one, or a new one if it has gone."""
        existing = h.owner() if h.owner is not None else None
        if existing is not None:
            return existing
        self = cls.__new__(cls)
        self._h = h
        self._contents: Optional[_Contents] = None
        self._contents_lock = threading.Lock()
        self._warnings = tuple(warnings)
        h.owner = weakref.ref(self)
        return self

    @classmethod
    def load(cls, *paths: PathLike, statutory: bool = False, strict: bool = False,
             max_errors: Optional[int] = None) -> "Catalog":
        """Loads one or more catalog documents and merges them into one catalog.

        Args:
            paths: JSON files (str or path-like). Ids must be unique across them.
            statutory: Load the installed statutory catalog first (the schemes
                every relative has by law; see :func:`paroer.statutory_path`).
            strict: Unknown keys are errors rather than warnings.
            max_errors: Stop after this many errors (default 100).

        Raises:
            FileError, ParseError, SchemaError, DuplicateError: with the file,
            line, column and field path of the first problem, and every problem
            in ``e.diagnostics``.
        """
        if not paths and not statutory:
            raise TypeError("Catalog.load() needs at least one path")
        names = [fspath(p) for p in paths]
        with DiagnosticsList() as diags:
            opts = load_options(diags, strict, max_errors)
            out = c_void_p()
            if statutory:
                arr = (c_char_p * max(1, len(names)))(*names)
                rc = fn.paroer_catalog_load_with_statutory(byref(out), arr, len(names), byref(opts))
            elif len(names) == 1:
                rc = fn.paroer_catalog_load_file(byref(out), names[0], byref(opts))
            else:
                arr = (c_char_p * len(names))(*names)
                rc = fn.paroer_catalog_load_files(byref(out), arr, len(names), byref(opts))
            if rc != 0:
                err = last_error(rc)
                err.diagnostics = diags.read()
                raise err
            return cls._from_ptr(out.value, diags.read())  # type: ignore[arg-type]

    @classmethod
    def from_json(cls, text: Union[str, bytes], name: Optional[str] = None, *, strict: bool = False,
                  max_errors: Optional[int] = None) -> "Catalog":
        """Loads a catalog document from a JSON string (``name`` is used in error messages)."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        with DiagnosticsList() as diags:
            opts = load_options(diags, strict, max_errors)
            out = c_void_p()
            rc = fn.paroer_catalog_load_buffer(byref(out), data, len(data), _lib.encode(name), byref(opts))
            if rc != 0:
                err = last_error(rc)
                err.diagnostics = diags.read()
                raise err
            return cls._from_ptr(out.value, diags.read())  # type: ignore[arg-type]

    @classmethod
    def from_hsds(cls, source: Union[PathLike, str, bytes, Sequence[PathLike]], name: Optional[str] = None, *,
                  strict: bool = False, guess_kind: bool = False, municipality: Union[int, str, None] = None,
                  max_errors: Optional[int] = None) -> "Catalog":
        """Reads Open Referral HSDS 3.0/3.1 (contract section 7, docs/hsds.md).

        Args:
            source: JSON text (``str`` starting with ``[`` or ``{``, or ``bytes``), a file
                or data-package directory (path-like or other ``str``), or a list of those paths.
            name: The name used in messages for JSON text.
            strict: A service that cannot be mapped is an error, not a warning.
            guess_kind: Take the kind from the words of the name and description
                when no taxonomy term gives one.
            municipality: The municipality of services whose areas name none.

        Services that cannot be mapped are left out and listed in :attr:`warnings`.
        """
        opts = _lib.HsdsOptions()
        check(fn.paroer_hsds_options_init(byref(opts), _lib.HSDS_OPTIONS_VERSION))
        if strict:
            opts.flags |= _lib.HSDS_STRICT
        if guess_kind:
            opts.flags |= _lib.HSDS_GUESS_KIND
        if municipality is not None:
            opts.municipality = municipality_code(municipality)
        if max_errors is not None:
            if max_errors < 1:
                raise ValueError("max_errors must be at least 1")
            opts.max_errors = max_errors
        with DiagnosticsList() as diags:
            opts.diagnostics = diags.ptr
            out = c_void_p()
            text: Optional[bytes] = None
            if isinstance(source, bytes):
                text = source
            elif isinstance(source, str) and source.lstrip()[:1] in ("[", "{"):
                text = source.encode("utf-8")
            if text is not None:
                rc = fn.paroer_catalog_from_hsds_buffer(byref(out), text, len(text), _lib.encode(name), byref(opts))
            else:
                paths = list(source) if isinstance(source, (list, tuple)) else [source]  # type: ignore[list-item]
                names = [fspath(p) for p in paths]
                arr = (c_char_p * max(1, len(names)))(*names)
                rc = fn.paroer_catalog_from_hsds_files(byref(out), arr, len(names), byref(opts))
            if rc != 0:
                err = last_error(rc)
                err.diagnostics = diags.read()
                raise err
            return cls._from_ptr(out.value, diags.read())  # type: ignore[arg-type]

    def to_json(self) -> str:
        """The catalog as a catalog document (contract section 2), on one line; loading it
        gives the same catalog."""
        with self._h.use() as ptr:
            out, n = c_void_p(), _lib.c_size_t()
            check(fn.paroer_catalog_to_json(ptr, byref(out), byref(n)))
            return _lib.take_string(out, n.value)

    def to_hsds(self, version: str = "3.1", *, date: DateLike = None) -> str:
        """The catalog as HSDS: a JSON array of service objects (``version`` "3.0" or "3.1").
        ``date`` is the ``updated`` of 3.1 capacities of offers without a verified date
        (default today)."""
        versions = {"3.0": 30, "3.1": 31}
        if str(version) not in versions:
            raise ValueError("version must be '3.0' or '3.1'")
        opts = _lib.HsdsOptions()
        check(fn.paroer_hsds_options_init(byref(opts), _lib.HSDS_OPTIONS_VERSION))
        opts.hsds_version = versions[str(version)]
        opts.date = date_to_c(date)
        with self._h.use() as ptr:
            out, n = c_void_p(), _lib.c_size_t()
            check(fn.paroer_catalog_to_hsds(ptr, byref(opts), byref(out), byref(n)))
            return _lib.take_string(out, n.value)

    @classmethod
    def merge(cls, *catalogs: "Catalog") -> "Catalog":
        """A new catalog holding everything of @p catalogs (ids must be unique across them)."""
        from contextlib import ExitStack
        with ExitStack() as stack, DiagnosticsList() as diags:
            ptrs = [stack.enter_context(c._h.use()) for c in catalogs]
            arr = (c_void_p * max(1, len(ptrs)))(*ptrs)
            opts = load_options(diags)
            out = c_void_p()
            rc = fn.paroer_catalog_merge(byref(out), arr, len(ptrs), byref(opts))
            if rc != 0:
                err = last_error(rc)
                err.diagnostics = diags.read()
                raise err
            return cls._from_ptr(out.value, diags.read())  # type: ignore[arg-type]

    # -- life cycle --

    def close(self) -> None:
        """Frees the library's catalog now. Items already read stay readable; calls
        that need the library afterwards raise :class:`~paroer.ClosedError`. Idempotent."""
        self._h.close()

    @property
    def closed(self) -> bool:
        """True after :meth:`close`."""
        return self._h.closed

    def __enter__(self) -> "Catalog":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        if self.closed and self._contents is None:
            return "<paroer.Catalog (closed)>"
        c = self._get()
        return (f"<paroer.Catalog {len(c.offers)} offers, {len(c.providers)} providers, "
                f"{len(c.policies)} policies{' (closed)' if self.closed else ''}>")

    # -- reading --

    def _get(self) -> _Contents:
        if self._contents is None:
            with self._contents_lock:  # built once, even when several threads ask at once
                if self._contents is None:
                    with self._h.use() as cat:
                        self._contents = _Contents(cat, self._h)
        return self._contents

    @property
    def warnings(self) -> Tuple[Diagnostic, ...]:
        """The warnings of the load (unknown keys, offers tied to no municipality, …)."""
        return self._warnings

    @property
    def municipality(self) -> Optional[int]:
        """The municipality code of the (first) document, or None."""
        with self._h.use() as cat:
            m = fn.paroer_catalog_municipality(cat)
        return None if m < 0 else m

    @property
    def memory_size(self) -> int:
        """Bytes the library's catalog holds."""
        with self._h.use() as cat:
            return int(fn.paroer_catalog_memory_size(cat))

    @property
    def offers(self) -> Tuple[Offer, ...]:
        """Every offer, in document order."""
        return self._get().offers

    @property
    def providers(self) -> Tuple[Provider, ...]:
        """Every provider."""
        return self._get().providers

    @property
    def policies(self) -> Tuple[Policy, ...]:
        """Every policy."""
        return self._get().policies

    @property
    def goals(self) -> Tuple[Goal, ...]:
        """Every goal of every policy."""
        return self._get().goals

    def __iter__(self) -> Iterator[Offer]:
        return iter(self.offers)

    def __len__(self) -> int:
        return len(self.offers)

    def __contains__(self, offer_id: object) -> bool:
        return offer_id in self._get().offer_by_id

    def offer(self, offer_id: str) -> Offer:
        """The offer with this id; :class:`~paroer.NotFoundError` if there is none."""
        try:
            return self._get().offer_by_id[offer_id]
        except KeyError:
            raise NotFoundError(f"no offer with id {offer_id!r}", path="offers") from None

    def provider(self, provider_id: str) -> Provider:
        """The provider with this id; :class:`~paroer.NotFoundError` if there is none."""
        try:
            return self._get().provider_by_id[provider_id]
        except KeyError:
            raise NotFoundError(f"no provider with id {provider_id!r}", path="providers") from None

    def policy(self, policy_id: str) -> Policy:
        """The policy with this id; :class:`~paroer.NotFoundError` if there is none."""
        try:
            return self._get().policy_by_id[policy_id]
        except KeyError:
            raise NotFoundError(f"no policy with id {policy_id!r}", path="policies") from None

    def policy_for(self, municipality: Union[int, str], date: DateLike = None) -> Optional[Policy]:
        """The municipality's policy in force on @p date (None: any), else its latest, else None."""
        m = municipality_code(municipality)
        contents = self._get()
        with self._h.use() as cat:
            p = fn.paroer_catalog_policy_for(cat, m, date_to_c(date))
            if not p:
                return None
            return contents.policy_by_id[_s(fn.paroer_policy_id(p)) or ""]

    def offers_by_code(self, system: str, code: str) -> Tuple[Offer, ...]:
        """The offers tied to an external code, e.g. a KL FSIII intervention
        (``system="urn:oid:1.2.208.176.2.21"``), in catalog order."""
        contents = self._get()
        with self._h.use() as cat:
            n = fn.paroer_catalog_find_by_code(cat, _lib.encode(system), _lib.encode(code), None, 0)
            if n == 0:
                return ()
            buf = (c_void_p * n)()
            fn.paroer_catalog_find_by_code(cat, _lib.encode(system), _lib.encode(code), buf, n)
            return tuple(contents.offers[fn.paroer_offer_index(p)] for p in buf)

    # -- matching and coverage (see match.py and coverage.py) --

    def match(self, relative: "RelativeLike", date: DateLike = None, top: Optional[int] = None,
              explain: bool = False) -> "MatchResult":
        """Matches one relative (contract section 4).

        Args:
            relative: A :class:`~paroer.Relative`, a dict in the contract's
                relative format, a JSON string, or a path to a JSON file.
            date: Reference date (``datetime.date`` or ``"YYYY-MM-DD"``); default today.
            top: Keep only the best @p top offers; default all.
            explain: Also list every other offer with the first rule it failed
                (``result.excluded``).

        Returns:
            A :class:`~paroer.MatchResult`: a sequence of :class:`~paroer.Match`
            (best first) with ``.excluded``.
        """
        from .match import match_one
        return match_one(self, relative, date, top, explain)

    def match_many(self, relatives: Iterable["RelativeLike"], date: DateLike = None, top: Optional[int] = None,
                   explain: bool = False, chunk_size: int = 4096) -> List["MatchResult"]:
        """Matches many relatives through the library's batch API (one date for all).

        @p relatives is any iterable of what :meth:`match` takes, or a
        :class:`~paroer.Population`. Results come in input order.
        """
        from .match import match_many
        return match_many(self, relatives, date, top, explain, chunk_size)

    def coverage(self, municipality: Union[int, str, None] = None, date: DateLike = None,
                 population: "PopulationLike" = None, *, min_cell: Optional[int] = None, lang: str = "en",
                 max_unmet: Optional[int] = None, threads: int = 1) -> "Coverage":
        """Coverage of a municipality (contract section 5) as the dict of
        ``paroer coverage --format json`` (a :class:`~paroer.Coverage`, whose
        ``to_html()`` writes the report of ``paroer report``).

        Args:
            municipality: Municipality code (306, "0306"); None for national
                population reach only (then @p population is required).
            date: Reference date; default today.
            population: A :class:`~paroer.Population` or the path of a population CSV.
            min_cell: Suppress breakdown cells with fewer relatives (default 5, at least 3).
            lang: Language of the checks' details: ``"en"`` (default) or ``"da"``.
            max_unmet: How many unmet (need, condition) pairs to keep (default 10).
            threads: Threads reading a population given as a path, which is streamed
                (0: one a core); the result is the same for every value.
        """
        from .coverage import coverage
        return coverage(self, municipality, date, population, min_cell=min_cell, lang=lang, max_unmet=max_unmet,
                        threads=threads)

    def overview(self, date: DateLike = None, *,
                 municipalities: Optional[Iterable[Union[int, str]]] = None) -> "Overview":
        """The national overview (contract section 6a): one row for each of the 98
        municipalities, each figure as :meth:`coverage` computes it, as the rows of
        ``paroer overview --format json``.

        Args:
            date: Reference date; default today.
            municipalities: Other rows than the 98 of the shipped list (codes, in order).

        Returns:
            An :class:`~paroer.overview.Overview`: a list of row dicts with ``.date``,
            ``.summary`` and ``.records()`` (flat rows for ``pandas.DataFrame``).
        """
        from .overview import overview
        return overview(self, date, municipalities)
