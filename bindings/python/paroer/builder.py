"""Building a catalog without JSON, with the library's own validation (builder.h).

Example::

    b = paroer.CatalogBuilder(municipality=306)
    b.add_provider("ods", "Odsherred Kommune", "municipal", area="elderly")
    b.add_offer("ods-cafe", "Demenscafé", "cafe_network", provider="ods",
                target={"relative_age": {"min": 18}, "conditions": ["dementia"]})
    catalog = b.finish()

Every check of the JSON loader applies; a failing call raises the library's
error (with its field path, e.g. ``offers[0].target.relative_age``) and leaves
nothing open, but — as in the C API — the builder then remembers the failure
and :meth:`CatalogBuilder.finish` raises it again: start a new builder to retry.
"""
from __future__ import annotations

import functools
from ctypes import byref, c_void_p
from typing import Any, Callable, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _lib
from ._convert import DateLike, date_to_c, municipality_code
from ._handle import Handle
from ._lib import DATE_NONE, fn
from .catalog import AgeRange, Catalog, Contact, ExternalCode, Target, load_options
from .errors import DiagnosticsList, Error, error_class, last_error
from .vocab import (Access, Area, Bereavement, Code, Condition, Flag, GoalCategory, Mode, Need, OfferKind,
                    ProviderKind, Relation, Slot, Status)

__all__ = ["CatalogBuilder"]

CodeLike = Union[Code, str, int]

# paroer_field (builder.h); values are fixed forever.
F_DESCRIPTION, F_PROVIDER, F_SCHEDULE, F_SOURCE, F_CONTACT_PHONE, F_CONTACT_EMAIL, F_CONTACT_URL = 1, 2, 3, 4, 5, 6, 7
F_ACCESS, F_STATUS, F_NATIONWIDE, F_CAPACITY, F_COST_FREE = 20, 21, 22, 23, 24
F_VALID_FROM, F_VALID_TO, F_VERIFIED, F_ADOPTED, F_PRICE_DKK = 25, 26, 27, 28, 29
F_RELATIVE_AGE_MIN, F_RELATIVE_AGE_MAX, F_CARED_FOR_AGE_MIN, F_CARED_FOR_AGE_MAX, F_BEREAVED = 40, 41, 42, 43, 44
F_NEEDS, F_MODES, F_SLOTS, F_MUNICIPALITIES, F_RELATIONS, F_CONDITIONS, F_REQUIRES, F_KINDS, F_AREAS = \
    60, 61, 62, 63, 64, 65, 66, 67, 68
F_LANGUAGES, F_LEGAL_BASIS = 80, 81

# A planned call: (function, args) — everything is converted before the first C call.
_Step = Tuple[Callable[..., int], Tuple[Any, ...]]


def _free_builder(diags: int, builder: int) -> None:
    fn.paroer_catalog_builder_free(builder)
    fn.paroer_diagnostics_free(diags)


def _age_range(value: Any) -> Tuple[Optional[int], Optional[int]]:
    if value is None:
        return None, None
    if isinstance(value, AgeRange):
        return value.min, value.max
    if isinstance(value, Mapping):
        return value.get("min"), value.get("max")
    lo, hi = value
    return lo, hi


def _target_steps(target: Union[Target, Mapping[str, Any], None]) -> List[_Step]:
    steps: List[_Step] = []
    if target is None:
        return steps
    if isinstance(target, Target):
        target = target.to_dict()
    unknown = set(target) - {"relative_age", "cared_for_age", "relations", "conditions", "requires", "bereaved"}
    if unknown:
        raise ValueError(f"unknown target key(s): {', '.join(sorted(unknown))}")
    for key, fmin, fmax in (("relative_age", F_RELATIVE_AGE_MIN, F_RELATIVE_AGE_MAX),
                            ("cared_for_age", F_CARED_FOR_AGE_MIN, F_CARED_FOR_AGE_MAX)):
        lo, hi = _age_range(target.get(key))
        if lo is not None:
            steps.append((fn.paroer_builder_set_int, (fmin, int(lo))))
        if hi is not None:
            steps.append((fn.paroer_builder_set_int, (fmax, int(hi))))
    for key, fld, cls in (("relations", F_RELATIONS, Relation), ("conditions", F_CONDITIONS, Condition),
                          ("requires", F_REQUIRES, Flag)):
        for v in target.get(key) or ():
            steps.append((fn.paroer_builder_add, (fld, cls.parse(v).value)))
    if target.get("bereaved") is not None:
        steps.append((fn.paroer_builder_set_int, (F_BEREAVED, Bereavement.parse(target["bereaved"]).value)))
    return steps


def _date(value: DateLike) -> int:
    return date_to_c(value, none=DATE_NONE)


class CatalogBuilder:
    """Builds a :class:`~paroer.Catalog` object by object (wraps builder.h).

    Args:
        municipality: Default municipality for offers that list none (as a
            document's top-level ``municipality``).
        strict: Warnings (an offer tied to no municipality) are errors.
    """

    def __init__(self, municipality: Union[int, str, None] = None, *, strict: bool = False) -> None:
        diags = DiagnosticsList()
        opts = load_options(diags, strict)
        out = c_void_p()
        rc = fn.paroer_catalog_builder_new(byref(out), byref(opts))
        if rc != 0:
            err = last_error(rc)
            diags.close()
            raise err
        dptr = diags.ptr.value
        diags.ptr = c_void_p()  # now owned by the builder's handle, freed after the builder
        self._diags = dptr
        self._h = Handle(out.value, functools.partial(_free_builder, dptr), "catalog builder")  # type: ignore[arg-type]
        if municipality is not None:
            self.set_municipality(municipality)

    # -- life cycle --

    def close(self) -> None:
        """Frees the builder (and what it holds) now. Idempotent."""
        self._h.close()

    def __enter__(self) -> "CatalogBuilder":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _error(self, rc: int, before: int) -> Error:
        """The exception for a failed builder call.

        The builder sets the thread's error record only for its *first* error
        (so that finish() can report it), so a later failing call is described
        from the diagnostics it added instead.
        """
        err = last_error(rc)
        diags = _diag(self._diags)
        new = [d for d in diags[before:] if d.severity == "error"]
        if new and (new[0].message != err.message or new[0].path != err.path):
            d = new[0]
            cls = error_class(d.code or rc)
            message = d.message
            err = cls(message, code=d.code or rc, source=d.source, line=d.line, column=d.column, path=d.path)
        err.diagnostics = diags
        return err

    def _run(self, steps: Sequence[_Step], begin: Optional[_Step] = None, end: Optional[Callable[..., int]] = None,
             ) -> None:
        """Runs a begin call, steps and an end call; on failure closes what is open and raises."""
        with self._h.use() as b:
            before = int(fn.paroer_diagnostics_count(self._diags))
            calls = ([begin] if begin is not None else []) + list(steps)
            for call, args in calls:
                rc = call(b, *args)
                if rc != 0:
                    err = self._error(rc, before)
                    if end is not None:
                        end(b)  # discards the object, or adds it to a builder that can no longer finish
                    raise err
            if end is not None:
                rc = end(b)
                if rc != 0:
                    raise self._error(rc, before)

    # -- adding --

    def set_municipality(self, municipality: Union[int, str, None]) -> None:
        """Sets the default municipality of the offers that follow (None: none)."""
        m = -1 if municipality is None else municipality_code(municipality)
        self._run([(fn.paroer_builder_set_municipality, (m,))])

    def add_provider(self, id: str, name: str, kind: CodeLike, area: Optional[CodeLike] = None) -> None:
        """Adds a provider (before the offers that name it)."""
        k = ProviderKind.parse(kind).value
        a = -1 if area is None else Area.parse(area).value
        self._run([(fn.paroer_builder_add_provider, (_lib.encode(id), _lib.encode(name), k, a))])

    def add_offer(self, id: str, name: str, kind: CodeLike, *, provider: Optional[str] = None,
                  description: Optional[str] = None, needs: Optional[Iterable[CodeLike]] = None,
                  municipalities: Iterable[Union[int, str]] = (), nationwide: bool = False,
                  target: Union[Target, Mapping[str, Any], None] = None, modes: Iterable[CodeLike] = (),
                  slots: Iterable[CodeLike] = (), schedule: Optional[str] = None, access: Optional[CodeLike] = None,
                  cost_free: Optional[bool] = None, price_dkk: Optional[float] = None,
                  languages: Iterable[str] = (), capacity: Optional[int] = None, status: Optional[CodeLike] = None,
                  valid_from: DateLike = None, valid_to: DateLike = None, legal_basis: Iterable[str] = (),
                  contact: Union[Contact, Mapping[str, Optional[str]], None] = None, source: Optional[str] = None,
                  verified: DateLike = None, codes: Iterable[Union[ExternalCode, Tuple[str, str]]] = ()) -> None:
        """Adds an offer; the keywords are the catalog document's keys (contract section 2).

        Omitted keys get the contract's defaults (``needs``: the kind's;
        ``modes``: in_person; ``languages``: da; …).
        """
        kind_v = OfferKind.parse(kind).value
        steps: List[_Step] = []
        texts = [(F_PROVIDER, provider), (F_DESCRIPTION, description), (F_SCHEDULE, schedule), (F_SOURCE, source)]
        if contact is not None:
            c = contact if isinstance(contact, Contact) else Contact(**dict(contact))
            texts += [(F_CONTACT_PHONE, c.phone), (F_CONTACT_EMAIL, c.email), (F_CONTACT_URL, c.url)]
        steps += [(fn.paroer_builder_set_text, (f, _lib.encode(v))) for f, v in texts if v is not None]
        for values, fld, cls in ((needs or (), F_NEEDS, Need), (modes, F_MODES, Mode), (slots, F_SLOTS, Slot)):
            steps += [(fn.paroer_builder_add, (fld, cls.parse(v).value)) for v in values]
        steps += [(fn.paroer_builder_add, (F_MUNICIPALITIES, municipality_code(m))) for m in municipalities]
        if nationwide:
            steps.append((fn.paroer_builder_set_int, (F_NATIONWIDE, 1)))
        steps += _target_steps(target)
        if access is not None:
            steps.append((fn.paroer_builder_set_int, (F_ACCESS, Access.parse(access).value)))
        if status is not None:
            steps.append((fn.paroer_builder_set_int, (F_STATUS, Status.parse(status).value)))
        if capacity is not None:
            steps.append((fn.paroer_builder_set_int, (F_CAPACITY, int(capacity))))
        if cost_free is not None:
            steps.append((fn.paroer_builder_set_int, (F_COST_FREE, 1 if cost_free else 0)))
        if price_dkk is not None:
            steps.append((fn.paroer_builder_set_double, (F_PRICE_DKK, float(price_dkk))))
        for fld, d in ((F_VALID_FROM, valid_from), (F_VALID_TO, valid_to), (F_VERIFIED, verified)):
            if d is not None:
                steps.append((fn.paroer_builder_set_int, (fld, _date(d))))
        steps += [(fn.paroer_builder_add_text, (F_LANGUAGES, _lib.encode(x))) for x in languages]
        steps += [(fn.paroer_builder_add_text, (F_LEGAL_BASIS, _lib.encode(x))) for x in legal_basis]
        for code in codes:
            system, value = (code.system, code.code) if isinstance(code, ExternalCode) else code
            steps.append((fn.paroer_builder_add_code, (_lib.encode(system), _lib.encode(value))))
        self._run(steps, (fn.paroer_builder_begin_offer, (_lib.encode(id), _lib.encode(name), kind_v)),
                  fn.paroer_builder_end_offer)

    def add_policy(self, id: str, municipality: Union[int, str], title: str, *, source: Optional[str] = None,
                   adopted: DateLike = None, valid_to: DateLike = None, areas: Iterable[CodeLike] = (),
                   goals: Iterable[Mapping[str, Any]] = (),
                   action_plans: Iterable[Union[Mapping[str, Any], Tuple[str, DateLike, DateLike]]] = ()) -> None:
        """Adds a relatives' policy with its goals (dicts with the keys of the
        document's goals: ``id``, ``title``, ``category``, ``target``, ``needs``,
        ``kinds``) and action plans (dicts ``title``/``due``/``adopted`` or tuples)."""
        m = municipality_code(municipality)
        steps: List[_Step] = []
        if source is not None:
            steps.append((fn.paroer_builder_set_text, (F_SOURCE, _lib.encode(source))))
        if adopted is not None:
            steps.append((fn.paroer_builder_set_int, (F_ADOPTED, _date(adopted))))
        if valid_to is not None:
            steps.append((fn.paroer_builder_set_int, (F_VALID_TO, _date(valid_to))))
        steps += [(fn.paroer_builder_add, (F_AREAS, Area.parse(a).value)) for a in areas]
        for plan in action_plans:
            if isinstance(plan, Mapping):
                title_, due, adopted_ = plan.get("title", ""), plan.get("due"), plan.get("adopted")
            else:
                title_, due, adopted_ = plan
            steps.append((fn.paroer_builder_add_action_plan, (_lib.encode(title_), _date(due), _date(adopted_))))
        for goal in goals:
            unknown = set(goal) - {"id", "title", "category", "target", "needs", "kinds"}
            if unknown:
                raise ValueError(f"unknown goal key(s): {', '.join(sorted(unknown))}")
            steps.append((fn.paroer_builder_begin_goal, (_lib.encode(goal["id"]), _lib.encode(goal["title"]),
                                                         GoalCategory.parse(goal["category"]).value)))
            steps += _target_steps(goal.get("target"))
            steps += [(fn.paroer_builder_add, (F_NEEDS, Need.parse(n).value)) for n in goal.get("needs") or ()]
            steps += [(fn.paroer_builder_add, (F_KINDS, OfferKind.parse(k).value)) for k in goal.get("kinds") or ()]
            steps.append((fn.paroer_builder_end_goal, ()))
        self._run(steps, (fn.paroer_builder_begin_policy, (_lib.encode(id), m, _lib.encode(title))),
                  _end_policy)

    def add_catalog(self, catalog: Catalog) -> None:
        """Adds every provider, offer and policy of a loaded catalog (ids must stay unique)."""
        with catalog._h.use() as cat:
            self._run([(fn.paroer_builder_add_catalog, (cat,))])

    def finish(self) -> Catalog:
        """Builds the catalog. The builder is empty afterwards and may be reused.

        Raises the first error of any earlier call again (with every problem
        in ``e.diagnostics``) if there was one.
        """
        with self._h.use() as b:
            out = c_void_p()
            rc = fn.paroer_catalog_builder_finish(b, byref(out))
            if rc != 0:
                err = last_error(rc)
                err.diagnostics = _diag(self._diags)
                raise err
            warnings = _diag(self._diags)
            return Catalog._from_ptr(out.value, warnings)  # type: ignore[arg-type]


def _diag(ptr: int) -> Any:
    from .errors import read_diagnostics
    return read_diagnostics(ptr)


def _end_policy(b: int) -> int:
    """Closes an open goal (if a step failed inside it) and the policy."""
    fn.paroer_builder_end_goal(b)  # fails harmlessly when no goal is open
    return fn.paroer_builder_end_policy(b)
