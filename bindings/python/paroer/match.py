"""Matching relatives against a catalog (contract section 4).

:meth:`Catalog.match` and :meth:`Catalog.match_many` return
:class:`MatchResult` objects: sequences of :class:`Match` (best first) that
also carry the exclusions (``.excluded``, with ``explain=True``). Results are
copied out of the library when the call returns, so they hold no library
memory of their own; their offers are the catalog's :class:`~paroer.Offer`
objects.
"""
from __future__ import annotations

import datetime as _dt
import enum
import json
from ctypes import create_string_buffer
from fractions import Fraction
from collections.abc import Sequence
from contextlib import ExitStack
from ctypes import byref, c_void_p
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union, overload

from . import _lib
from ._convert import DateLike, date_from_c, date_to_c
from ._lib import MATCH_CB, MATCH_OPTIONS_VERSION, MatchOptions, fn
from .catalog import Offer
from .errors import check, last_error
from .relative import Relative, RelativeLike, as_relative
from .vocab import Code, Flag

if TYPE_CHECKING:  # pragma: no cover
    from .catalog import Catalog, _Contents

__all__ = ["Match", "Exclusion", "MatchResult", "Outcome", "Question", "Interview"]


class Outcome(str, enum.Enum):
    """The outcome of an offer for a relative (equal to its code string)."""
    ELIGIBLE = "eligible"
    EXCLUDED = "excluded"
    POSSIBLE = "possible"
    """Only a fact that is :data:`~paroer.UNKNOWN` decides it (contract 4a)."""


@dataclass(frozen=True)
class Question:
    """An unknown fact worth asking (contract 4a), best first in :attr:`MatchResult.questions`."""
    fact: str
    """``age``, ``employed`` or ``relations[N].<fact>``."""
    kind: str
    """The fact alone: ``age``, ``employed``, ``conditions``, ``cared_for_age``, ``cohabiting``, …"""
    relation: Optional[int]
    """The relation's index, None for ``age`` and ``employed``."""
    decided: int
    answers: int

    @property
    def score(self) -> Fraction:
        """The mean number of possible offers an answer decides, exactly."""
        return Fraction(self.decided, self.answers)

    def to_dict(self) -> Dict[str, Any]:
        return {"fact": self.fact, "decided": self.decided, "answers": self.answers}


@dataclass(frozen=True)
class Match:
    """One eligible offer for a relative."""
    offer: Offer
    score: int
    """The ranking score (docs/matching.md); higher ranks first."""
    relation: int
    """Index (in the relative's ``relations``) of the relation the offer matched."""
    reasons: Tuple[str, ...]
    """Reason codes: ``need:respite``, ``condition:dementia``, ``strain:high``, ``stale``, …"""
    outcome: str = Outcome.ELIGIBLE
    """:class:`Outcome` ``ELIGIBLE``, or ``POSSIBLE`` for a relative with unknown facts."""
    missing: Tuple[str, ...] = ()
    """For a possible offer, the unknown facts its relation needs (``age``, ``cohabiting``, …)."""

    def to_dict(self) -> Dict[str, Any]:
        """As one entry of ``matches`` (or ``possible``) in ``paroer match --format json``."""
        d = {"offer": self.offer.id, "name": self.offer.name, "kind": self.offer.kind.code, "score": self.score,
             "relation": self.relation, "reasons": list(self.reasons)}
        if self.outcome == Outcome.POSSIBLE:
            d["missing"] = list(self.missing)
        return d


@dataclass(frozen=True)
class Exclusion:
    """An offer that is not eligible, with the first rule it failed."""
    offer: Offer
    rule: str
    """The rule's code: ``paused``, ``area``, ``requires:terminal``, ``need``, …"""
    flag: Optional[Code] = None
    """For ``requires:<flag>``, the :class:`~paroer.Flag` that was false."""

    def to_dict(self) -> Dict[str, Any]:
        """As one entry of ``excluded`` in ``paroer match --format json``."""
        return {"offer": self.offer.id, "rule": self.rule}


class MatchResult(Sequence):  # type: ignore[type-arg]
    """The result of matching one relative: its matches, best first.

    Indexing and iteration give :class:`Match` objects. Other attributes:
    ``relative_id``, ``date``, ``excluded`` (a tuple of :class:`Exclusion`,
    in catalog order; empty unless ``explain`` was asked), ``explained``,
    ``eligible_count`` (eligible offers before the ``top`` cut) and
    ``excluded_count`` (offers that are not eligible, explained or not).
    """

    __slots__ = ("relative_id", "date", "matches", "excluded", "explained", "eligible_count", "excluded_count",
                 "possible_count", "questions", "has_unknowns")

    def __init__(self, relative_id: Optional[str], date: _dt.date, matches: Tuple[Match, ...],
                 excluded: Tuple[Exclusion, ...], explained: bool, eligible_count: int, excluded_count: int,
                 possible_count: int = 0, questions: Tuple[Question, ...] = (), has_unknowns: bool = False) -> None:
        self.possible_count = possible_count
        self.questions = questions
        """The questions to ask next, best first (contract 4a)."""
        self.has_unknowns = has_unknowns
        self.relative_id = relative_id
        self.date = date
        self.matches = matches
        self.excluded = excluded
        self.explained = explained
        self.eligible_count = eligible_count
        self.excluded_count = excluded_count

    @overload
    def __getitem__(self, i: int) -> Match: ...
    @overload
    def __getitem__(self, i: slice) -> Tuple[Match, ...]: ...

    def __getitem__(self, i: Union[int, slice]) -> Union[Match, Tuple[Match, ...]]:
        return self.matches[i]

    def __len__(self) -> int:
        return len(self.matches)

    def __iter__(self) -> Iterator[Match]:
        return iter(self.matches)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MatchResult):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"<paroer.MatchResult relative={self.relative_id!r} date={self.date.isoformat()} "
                f"{len(self.matches)} match(es), {len(self.excluded)} excluded>")

    @property
    def offers(self) -> Tuple[Offer, ...]:
        """The matched offers, best first."""
        return tuple(m.offer for m in self.matches)

    @property
    def possible(self) -> Tuple[Match, ...]:
        """The possible entries (after the eligible ones)."""
        return tuple(m for m in self.matches if m.outcome == Outcome.POSSIBLE)

    def to_dict(self) -> Dict[str, Any]:
        """The result as the JSON object of ``paroer match --format json`` (contract sections 6, 6a)."""
        d: Dict[str, Any] = {"relative": self.relative_id, "date": self.date.isoformat(),
                             "matches": [m.to_dict() for m in self.matches if m.outcome != Outcome.POSSIBLE]}
        if self.has_unknowns:
            d["possible"] = [m.to_dict() for m in self.possible]
            d["questions"] = [q.to_dict() for q in self.questions]
        if self.explained:
            d["excluded"] = [x.to_dict() for x in self.excluded]
        return d

    def to_json(self) -> str:
        """:meth:`to_dict` as compact JSON (keys in the contract's order)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))


def _copy_result(r: int, contents: "_Contents") -> MatchResult:
    """Copies a paroer_match_result into Python objects (the C result may be freed after)."""
    offers = contents.offers
    matches = []
    for i in range(fn.paroer_match_result_count(r)):
        nreasons = fn.paroer_match_result_reason_count(r, i)
        outcome = Outcome(_lib.text(fn.paroer_match_outcome_code(fn.paroer_match_result_outcome(r, i))) or "eligible")
        missing = tuple(_lib.text(fn.paroer_fact_code(fn.paroer_match_result_missing(r, i, k))) or ""
                        for k in range(fn.paroer_match_result_missing_count(r, i)))
        matches.append(Match(
            offer=offers[fn.paroer_offer_index(fn.paroer_match_result_offer(r, i))],
            score=fn.paroer_match_result_score(r, i), relation=fn.paroer_match_result_relation(r, i),
            reasons=tuple(_lib.text(fn.paroer_match_result_reason(r, i, k)) or "" for k in range(nreasons)),
            missing=missing,
            outcome=outcome))
    excluded = []
    for i in range(fn.paroer_match_result_excluded_count(r)):
        flag = fn.paroer_match_result_excluded_flag(r, i)
        excluded.append(Exclusion(
            offer=offers[fn.paroer_offer_index(fn.paroer_match_result_excluded_offer(r, i))],
            rule=_lib.text(fn.paroer_match_result_excluded_code(r, i)) or "",
            flag=None if flag < 0 else Flag(flag)))
    rid = _lib.text(fn.paroer_match_result_relative_id(r)) or None
    return MatchResult(relative_id=rid, date=date_from_c(fn.paroer_match_result_date(r)),  # type: ignore[arg-type]
                       matches=tuple(matches), excluded=tuple(excluded),
                       explained=bool(fn.paroer_match_result_explained(r)),
                       eligible_count=int(fn.paroer_match_result_outcome_count(r, 0)),
                       excluded_count=int(fn.paroer_match_result_outcome_count(r, 1)),
                       possible_count=int(fn.paroer_match_result_outcome_count(r, 2)),
                       questions=tuple(_question(r, q) for q in range(fn.paroer_match_result_question_count(r))),
                       has_unknowns=bool(fn.paroer_match_result_has_unknowns(r)))


def _question(r: int, q: int) -> Question:
    buf = create_string_buffer(64)
    fn.paroer_match_result_question_code(r, q, buf, 64)
    rel = fn.paroer_match_result_question_relation(r, q)
    return Question(fact=buf.value.decode(), kind=_lib.text(fn.paroer_fact_code(fn.paroer_match_result_question_fact(r, q))) or "",
                    relation=None if rel < 0 else int(rel), decided=int(fn.paroer_match_result_question_decided(r, q)),
                    answers=int(fn.paroer_match_result_question_answers(r, q)))


def _options(date: DateLike, top: Optional[int], explain: bool, *, resolve_today: bool = False) -> MatchOptions:
    opts = MatchOptions()
    check(fn.paroer_match_options_init(byref(opts), MATCH_OPTIONS_VERSION))
    opts.date = date_to_c(date, none=fn.paroer_date_today() if resolve_today else _lib.DATE_NONE)
    if top is not None:
        if isinstance(top, bool) or not isinstance(top, int) or top < 1 or top > 0xFFFFFFFF:
            raise ValueError(f"top must be a positive int (or None for all), not {top!r}")
        opts.top = top
    opts.explain = 1 if explain else 0
    opts.possible = 1  # the binding, like the CLI, always asks for possible outcomes (contract 4a)
    return opts


def match_one(catalog: "Catalog", relative: RelativeLike, date: DateLike, top: Optional[int],
              explain: bool) -> MatchResult:
    opts = _options(date, top, explain)
    contents = catalog._get()
    rel, owned = as_relative(relative)
    try:
        with catalog._h.use() as cat, rel._h.use() as rp:
            out = c_void_p()
            rc = fn.paroer_match(byref(out), cat, rp, byref(opts))
            if rc != 0:
                raise last_error(rc)
            try:
                return _copy_result(out.value, contents)  # type: ignore[arg-type]
            finally:
                fn.paroer_match_result_free(out)
    finally:
        if owned:
            rel.close()


def _relatives_of(relatives: Iterable[RelativeLike]) -> Iterator[Tuple[Relative, bool]]:
    from .population import Population
    if isinstance(relatives, Population):
        for i in range(len(relatives)):
            yield relatives.relative(i), True
        return
    if isinstance(relatives, (str, bytes)):
        raise TypeError("match_many() takes an iterable of relatives, not one string")
    for value in relatives:
        yield as_relative(value)


def match_many(catalog: "Catalog", relatives: Iterable[RelativeLike], date: DateLike, top: Optional[int],
               explain: bool, chunk_size: int = 4096) -> List[MatchResult]:
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    # One date for the whole call, even when it spans several batches.
    opts = _options(date, top, explain, resolve_today=True)
    contents = catalog._get()
    results: List[MatchResult] = []
    source = _relatives_of(relatives)
    while True:
        chunk: List[Tuple[Relative, bool]] = []
        try:
            for item in source:
                chunk.append(item)
                if len(chunk) >= chunk_size:
                    break
            if not chunk:
                return results
            got: List[Optional[MatchResult]] = [None] * len(chunk)
            failure: List[BaseException] = []

            def on_result(index: int, r: int, _userdata: Any) -> int:
                try:
                    got[index] = _copy_result(r, contents)
                    return 0
                except BaseException as exc:  # noqa: BLE001 - re-raised below, after the C call returns
                    failure.append(exc)
                    return 1

            callback = MATCH_CB(on_result)
            with ExitStack() as stack:
                cat = stack.enter_context(catalog._h.use())
                ptrs = (c_void_p * len(chunk))(*(stack.enter_context(rel._h.use()) for rel, _ in chunk))
                rc = fn.paroer_match_batch(cat, ptrs, len(chunk), byref(opts), callback, None)
                if failure:
                    raise failure[0]
                if rc != 0:
                    raise last_error(rc)
            results.extend(got)  # type: ignore[arg-type]
        finally:
            for rel, owned in chunk:
                if owned:
                    rel.close()


class Interview:
    """Drives the questions of contract 4a for one relative, as ``paroer ask`` does.

    ::

        iv = paroer.Interview(catalog, {"age": paroer.UNKNOWN, "municipality": 330, "employed": paroer.UNKNOWN,
                                        "relations": [{"relation": "son_daughter", "conditions": ["dementia"],
                                                       "cohabiting": paroer.UNKNOWN}]})
        while iv.question:
            iv.answer(True)          # or iv.skip()
        print(iv.result.offers)

    The relative is copied; answers change the copy only.
    """

    def __init__(self, catalog: "Catalog", relative: RelativeLike, *, date: DateLike = None,
                 top: Optional[int] = None) -> None:
        rel, owned = as_relative(relative)
        self._catalog = catalog
        self._rel = Relative.from_dict(rel.to_dict())
        if owned:
            rel.close()
        self._date, self._top = date, top
        self._skipped: set = set()
        self.result = match_one(catalog, self._rel, date, top, False)

    @property
    def relative(self) -> Relative:
        """The relative as answered so far."""
        return self._rel

    @property
    def question(self) -> Optional[Question]:
        """The best question not skipped yet, or None when nothing is open."""
        for q in self.result.questions:
            if q.fact not in self._skipped:
                return q
        return None

    @property
    def counts(self) -> Dict[str, int]:
        """How many offers are certain, possible and excluded now."""
        r = self.result
        return {"eligible": r.eligible_count, "possible": r.possible_count,
                "excluded": r.excluded_count}

    def skip(self) -> None:
        """Leaves the current question unanswered."""
        q = self.question
        if q is not None:
            self._skipped.add(q.fact)

    def answer(self, value: Any) -> None:
        """Answers the current question: a bool for a flag or ``employed``, an int for an age,
        a condition code for ``conditions``."""
        q = self.question
        if q is None:
            raise ValueError("no question is open")
        if q.kind == "age":
            self._rel.set_age(int(value))
        elif q.kind == "employed":
            self._rel.set_employed(bool(value))
        else:
            self._rel.set_relation_fact(q.relation or 0, q.kind, value if q.kind == "conditions" else
                                        (int(value) if q.kind == "cared_for_age" else bool(value)))
        self.result = match_one(self._catalog, self._rel, self._date, self._top, False)
