"""A relative (pårørende) with one or more care relations (contract section 3).

A relative's data is personal (and health) data: the library keeps it only
while the object lives. Close it (``with`` block or :meth:`Relative.close`) to
free it at a known point; ``repr()`` never shows more than the pseudonym.
"""
from __future__ import annotations

import json
import os
from ctypes import byref, c_size_t, c_void_p
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Mapping, Optional, Sequence, Tuple, Union

from . import _lib
from ._handle import Handle
from ._lib import fn
from .catalog import PathLike, fspath, load_options
from .errors import Diagnostic, DiagnosticsList, check, last_error
from .vocab import Code, Condition, Flag, Mode, Need, Relation, Slot

__all__ = ["Relative", "CareRelation", "RelativeLike", "as_relative", "UNKNOWN"]

CodeLike = Union[Code, str, int]


class _Unknown:
    """The value of a fact that is not known yet (contract 3a): ``paroer.UNKNOWN``."""
    _instance: Optional["_Unknown"] = None

    def __new__(cls) -> "_Unknown":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "paroer.UNKNOWN"

    def __bool__(self) -> bool:
        raise TypeError("paroer.UNKNOWN is neither true nor false; compare with `is paroer.UNKNOWN`")

    def __reduce__(self) -> str:
        return "UNKNOWN"


#: A fact that is not known yet: a flag, ``employed``, an age, ``cared_for_age`` or ``conditions``.
UNKNOWN = _Unknown()


def _tri(value: Any) -> int:
    """0, 1 or PAROER_UNKNOWN for a flag value (bool or UNKNOWN)."""
    if value is UNKNOWN:
        return _lib.C_UNKNOWN
    return 1 if value else 0


def _from_tri(v: int) -> Any:
    return UNKNOWN if v == _lib.C_UNKNOWN else bool(v)


def _doc(value: Any) -> Any:
    """A document with UNKNOWN written as the contract's string "unknown"."""
    if value is UNKNOWN:
        return "unknown"
    if isinstance(value, Mapping):
        return {k: _doc(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_doc(v) for v in value]
    return value


@dataclass(frozen=True)
class CareRelation:
    """One care relation of a relative: who is cared for and the facts about it."""
    relation: Code
    conditions: Any = ()
    """A tuple of conditions, or :data:`UNKNOWN`."""
    cared_for_age: Any = None
    """None when not given (passes every range), :data:`UNKNOWN` when unknown."""
    hours_per_week: Optional[float] = None
    cohabiting: Any = False
    """True, False or :data:`UNKNOWN` (so the other flags)."""
    cared_at_home: Any = False
    terminal: Any = False
    bereaved: Any = False

    def to_dict(self) -> Dict[str, Any]:
        """The relation as the relative document writes it ("unknown" for UNKNOWN)."""
        d: Dict[str, Any] = {"relation": self.relation.code,
                             "conditions": "unknown" if self.conditions is UNKNOWN
                             else [c.code for c in self.conditions]}
        if self.cared_for_age is not None:
            d["cared_for_age"] = self.cared_for_age
        if self.hours_per_week is not None:
            d["hours_per_week"] = self.hours_per_week
        d.update(cohabiting=self.cohabiting, cared_at_home=self.cared_at_home, terminal=self.terminal,
                 bereaved=self.bereaved)
        return _doc(d)


class Relative:
    """A relative, as the library holds it.

    Build one with the constructor and :meth:`add_relation`, or read the
    contract's JSON with :meth:`from_dict`, :meth:`from_json` or :meth:`load`.
    Used by one thread at a time while being changed; any number once built.
    """

    def __init__(self, age: Any, municipality: Union[int, str], id: Optional[str] = None, *,
                 employed: Any = False, needs: Iterable[CodeLike] = (), modes: Iterable[CodeLike] = (),
                 slots: Iterable[CodeLike] = (), languages: Iterable[str] = (),
                 relations: Iterable[Union[CareRelation, Mapping[str, Any]]] = ()) -> None:
        """Creates a relative.

        Args:
            age: Age in whole years (0..130), :data:`UNKNOWN`, or a range ``(min, max)``.
            municipality: Municipality code (306, "0306").
            id: A pseudonym chosen by the caller (never a name or CPR number).
            employed, needs, modes, slots, languages: As in the relative document.
            relations: :class:`CareRelation` objects or dicts with the keys of
                the relative document's ``relations`` entries.
        """
        from ._convert import municipality_code
        out = c_void_p()
        first = _lib.C_UNKNOWN if age is UNKNOWN else int(age[0]) if isinstance(age, tuple) else int(age)
        check(fn.paroer_relative_new(byref(out), _lib.encode(id), first, municipality_code(municipality), None))
        self._h = Handle(out.value, fn.paroer_relative_free, "relative")  # type: ignore[arg-type]
        self._warnings: Tuple[Diagnostic, ...] = ()
        if isinstance(age, tuple):
            with self._h.use() as r:
                check(fn.paroer_relative_set_age_range(r, int(age[0]), int(age[1])))
        if employed is UNKNOWN or employed:
            self.set_employed(employed)
        for n in needs:
            self.add_need(n)
        for m in modes:
            self.add_mode(m)
        for s in slots:
            self.add_slot(s)
        for lang in languages:
            self.add_language(lang)
        for r in relations:
            if isinstance(r, CareRelation):
                self.add_relation(r.relation, r.conditions, r.cared_for_age, r.hours_per_week,
                                  cohabiting=r.cohabiting, cared_at_home=r.cared_at_home, terminal=r.terminal,
                                  bereaved=r.bereaved)
            else:
                self.add_relation(**dict(r))

    @classmethod
    def _from_ptr(cls, ptr: int, warnings: Sequence[Diagnostic] = ()) -> "Relative":
        self = cls.__new__(cls)
        self._h = Handle(ptr, fn.paroer_relative_free, "relative")
        self._warnings = tuple(warnings)
        return self

    @classmethod
    def _load(cls, call: Any, strict: bool) -> "Relative":
        with DiagnosticsList() as diags:
            opts = load_options(diags, strict)
            out = c_void_p()
            rc = call(byref(out), byref(opts))
            if rc != 0:
                err = last_error(rc)
                err.diagnostics = diags.read()
                raise err
            return cls._from_ptr(out.value, diags.read())  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: PathLike, *, strict: bool = False) -> "Relative":
        """Loads a relative document (JSON file)."""
        name = fspath(path)
        return cls._load(lambda out, opts: fn.paroer_relative_load_file(out, name, opts), strict)

    @classmethod
    def from_json(cls, text: Union[str, bytes], name: Optional[str] = None, *, strict: bool = False) -> "Relative":
        """Reads a relative document from a JSON string."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return cls._load(lambda out, opts: fn.paroer_relative_load_buffer(out, data, len(data), _lib.encode(name),
                                                                          opts), strict)

    @classmethod
    def from_dict(cls, document: Mapping[str, Any], *, strict: bool = False) -> "Relative":
        """Reads a relative document given as a dict (checked exactly as JSON is; errors name the field path)."""
        return cls.from_json(json.dumps(_doc(document), ensure_ascii=False, indent=1), "<dict>", strict=strict)

    # -- life cycle --

    def close(self) -> None:
        """Frees the library's copy of the relative now. Idempotent."""
        self._h.close()

    @property
    def closed(self) -> bool:
        return self._h.closed

    def __enter__(self) -> "Relative":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:  # never shows personal data beyond the pseudonym
        if self.closed:
            return "<paroer.Relative (closed)>"
        return f"<paroer.Relative id={self.id!r}, {len(self.relations)} relation(s)>"

    @property
    def warnings(self) -> Tuple[Diagnostic, ...]:
        """Warnings of the load (unknown keys)."""
        return self._warnings

    # -- changing --

    def set_employed(self, employed: Any = True) -> None:
        """Sets whether the relative is in work (flag ``employed``): True, False or :data:`UNKNOWN`."""
        with self._h.use() as r:
            check(fn.paroer_relative_set_employed(r, _tri(employed)))

    def set_age(self, age: Any) -> None:
        """Sets the age: 0..130, :data:`UNKNOWN` (0..130) or a range ``(min, max)``."""
        with self._h.use() as r:
            if isinstance(age, tuple):
                check(fn.paroer_relative_set_age_range(r, int(age[0]), int(age[1])))
            else:
                check(fn.paroer_relative_set_age(r, _lib.C_UNKNOWN if age is UNKNOWN else int(age)))

    def set_relation_fact(self, index: int, fact: str, value: Any) -> None:
        """Sets one fact of relation ``index``: ``conditions`` (a code, a list, or UNKNOWN),
        ``cared_for_age`` (int or UNKNOWN) or a flag (True, False, UNKNOWN)."""
        with self._h.use() as r:
            if fact == "conditions":
                if value is UNKNOWN:
                    check(fn.paroer_relative_relation_set_conditions_unknown(r, index))
                else:
                    for c in ([value] if isinstance(value, (str, Code, int)) else value):
                        check(fn.paroer_relative_relation_add_condition(r, index, Condition.parse(c).value))
            elif fact == "cared_for_age":
                check(fn.paroer_relative_relation_set_cared_for_age(r, index,
                                                                    _lib.C_UNKNOWN if value is UNKNOWN else int(value)))
            else:
                check(fn.paroer_relative_relation_set_flag(r, index, Flag.parse(fact).value, _tri(value)))

    def add_need(self, need: CodeLike) -> None:
        """Adds a stated need."""
        v = Need.parse(need).value
        with self._h.use() as r:
            check(fn.paroer_relative_add_need(r, v))

    def add_mode(self, mode: CodeLike) -> None:
        """Adds an acceptable mode."""
        v = Mode.parse(mode).value
        with self._h.use() as r:
            check(fn.paroer_relative_add_mode(r, v))

    def add_slot(self, slot: CodeLike) -> None:
        """Adds an available slot."""
        v = Slot.parse(slot).value
        with self._h.use() as r:
            check(fn.paroer_relative_add_slot(r, v))

    def add_language(self, language: str) -> None:
        """Adds a language (``"da"``); without any the relative speaks Danish."""
        with self._h.use() as r:
            check(fn.paroer_relative_add_language(r, _lib.encode(language)))

    def add_relation(self, relation: CodeLike, conditions: Any = (),
                     cared_for_age: Any = None, hours_per_week: Optional[float] = None, *,
                     cohabiting: Any = False, cared_at_home: Any = False, terminal: Any = False,
                     bereaved: Any = False) -> int:
        """Adds a care relation and returns its index. ``conditions``, ``cared_for_age`` and the
        flags may be :data:`UNKNOWN`."""
        rel = Relation.parse(relation).value
        conds = [] if conditions is UNKNOWN else [Condition.parse(c).value for c in conditions]
        with self._h.use() as r:
            idx = c_size_t()
            check(fn.paroer_relative_add_relation(r, rel, byref(idx)))
            i = idx.value
            if conditions is UNKNOWN:
                check(fn.paroer_relative_relation_set_conditions_unknown(r, i))
            for c in conds:
                check(fn.paroer_relative_relation_add_condition(r, i, c))
            if cared_for_age is UNKNOWN:
                check(fn.paroer_relative_relation_set_cared_for_age(r, i, _lib.C_UNKNOWN))
            elif cared_for_age is not None:
                check(fn.paroer_relative_relation_set_cared_for_age(r, i, int(cared_for_age)))
            if hours_per_week is not None:
                check(fn.paroer_relative_relation_set_hours(r, i, float(hours_per_week)))
            for flag, value in ((Flag.COHABITING, cohabiting), (Flag.CARED_AT_HOME, cared_at_home),  # type: ignore[attr-defined]
                                (Flag.TERMINAL, terminal), (Flag.BEREAVED, bereaved)):  # type: ignore[attr-defined]
                if value is UNKNOWN or value:
                    check(fn.paroer_relative_relation_set_flag(r, i, flag.value, _tri(value)))
            return i

    # -- reading --

    @property
    def id(self) -> Optional[str]:
        """The pseudonym, or None when it has none."""
        with self._h.use() as r:
            s = _lib.text(fn.paroer_relative_id(r))
        return s or None

    @property
    def age(self) -> Any:
        """The age, or :data:`UNKNOWN` when only a range is known (see :attr:`age_range`)."""
        with self._h.use() as r:
            a = int(fn.paroer_relative_age(r))
        return UNKNOWN if a == _lib.C_UNKNOWN else a

    @property
    def age_range(self) -> Tuple[int, int]:
        """(min, max) of the age; equal when known."""
        with self._h.use() as r:
            return int(fn.paroer_relative_age_min(r)), int(fn.paroer_relative_age_max(r))

    @property
    def has_unknowns(self) -> bool:
        """Whether some fact is :data:`UNKNOWN`."""
        with self._h.use() as r:
            return bool(fn.paroer_relative_has_unknowns(r))

    @property
    def municipality(self) -> int:
        with self._h.use() as r:
            return int(fn.paroer_relative_municipality(r))

    @property
    def employed(self) -> Any:
        """True, False or :data:`UNKNOWN`."""
        with self._h.use() as r:
            return _from_tri(fn.paroer_relative_employed_state(r))

    @property
    def needs(self) -> Tuple[Code, ...]:
        """Stated needs (empty: none stated)."""
        with self._h.use() as r:
            return Need.from_mask(fn.paroer_relative_needs(r))

    @property
    def modes(self) -> Tuple[Code, ...]:
        """Acceptable modes (empty: any)."""
        with self._h.use() as r:
            return Mode.from_mask(fn.paroer_relative_modes(r))

    @property
    def slots(self) -> Tuple[Code, ...]:
        """Available slots (empty: any)."""
        with self._h.use() as r:
            return Slot.from_mask(fn.paroer_relative_slots(r))

    @property
    def languages(self) -> Tuple[str, ...]:
        """Languages given (empty means Danish)."""
        with self._h.use() as r:
            return tuple(_lib.text(fn.paroer_relative_language(r, i)) or ""
                         for i in range(fn.paroer_relative_language_count(r)))

    @property
    def relations(self) -> Tuple[CareRelation, ...]:
        """The care relations, in order (their index is what a match's ``relation`` refers to)."""
        out = []
        with self._h.use() as r:
            for i in range(fn.paroer_relative_relation_count(r)):
                flags = fn.paroer_relative_relation_flags(r, i)
                age = fn.paroer_relative_relation_cared_for_age(r, i)
                hours = fn.paroer_relative_relation_hours(r, i)
                del flags
                tri = [_from_tri(fn.paroer_relative_relation_flag(r, i, f)) for f in range(4)]
                out.append(CareRelation(
                    relation=Relation(fn.paroer_relative_relation_kind(r, i)),
                    conditions=Condition.from_mask(fn.paroer_relative_relation_conditions(r, i))
                    if fn.paroer_relative_relation_conditions_known(r, i) else UNKNOWN,
                    cared_for_age=UNKNOWN if age == _lib.C_UNKNOWN else None if age < 0 else age,
                    hours_per_week=hours or None,
                    cohabiting=tri[0], cared_at_home=tri[1], terminal=tri[2], bereaved=tri[3]))
        return tuple(out)

    def to_dict(self) -> Dict[str, Any]:
        """The relative as a relative document (contract section 3)."""
        d: Dict[str, Any] = {}
        if self.id is not None:
            d["id"] = self.id
        lo, hi = self.age_range
        age: Any = lo if lo == hi else "unknown" if (lo, hi) == (0, 130) else {"min": lo, "max": hi}
        d.update(age=age, municipality=self.municipality, employed=_doc(self.employed),
                 relations=[r.to_dict() for r in self.relations])
        if self.needs:
            d["needs"] = [n.code for n in self.needs]
        if self.modes:
            d["modes"] = [m.code for m in self.modes]
        if self.slots:
            d["slots"] = [s.code for s in self.slots]
        if self.languages:
            d["languages"] = list(self.languages)
        return d


RelativeLike = Union[Relative, Mapping[str, Any], str, bytes, "os.PathLike[str]"]


def as_relative(value: RelativeLike) -> Tuple[Relative, bool]:
    """A :class:`Relative` for what :meth:`Catalog.match` accepts, and whether it was made here
    (so the caller closes it when done)."""
    if isinstance(value, Relative):
        return value, False
    if isinstance(value, Mapping):
        return Relative.from_dict(value), True
    if isinstance(value, bytes):
        return Relative.from_json(value), True
    if isinstance(value, str):
        if value.lstrip().startswith("{"):
            return Relative.from_json(value), True
        return Relative.load(value), True
    if isinstance(value, os.PathLike):
        return Relative.load(value), True
    raise TypeError(f"cannot match a {type(value).__name__}: give a Relative, a dict, a JSON string or a path")
