"""The contract's code lists as :class:`enum.IntEnum` classes.

The enums are built when the module is imported, from the tables of the
library that is loaded (``paroer_vocab_*``), so names, numeric values and
labels are always the library's own. Each member has:

* its numeric value (the C API's value: ``Condition.DEMENTIA == 1``);
* ``.code``: the lowercase ASCII code used in JSON, CSV and the CLI (``"dementia"``);
* ``.label_da`` and ``.label_en``: the display labels.

``str(member)`` is its code. ``Enum.parse(x)`` accepts a member, its code or
its numeric value. The classes are looked up by list name in :data:`LISTS`
(``LISTS["offer_kind"] is OfferKind``).
"""
from __future__ import annotations

import enum
from typing import Dict, Iterable, Tuple, Type, TypeVar, Union

from . import _lib
from ._lib import fn

__all__ = ["Code", "LISTS", "Condition", "Relation", "AgeBand", "Flag", "Bereavement", "Need", "OfferKind",
           "Mode", "Slot", "Access", "ProviderKind", "Area", "Status", "GoalCategory", "Lang",
           "age_band_of", "kind_default_needs"]

C = TypeVar("C", bound="Code")


class Code(enum.IntEnum):
    """Base class of every vocabulary enum."""

    # Filled in per class when it is built (see _build).
    @property
    def code(self) -> str:
        """The stable lowercase ASCII code (``"dementia"``)."""
        return type(self)._codes[self.value]  # type: ignore[attr-defined]

    @property
    def label_da(self) -> str:
        """The Danish display label."""
        return type(self)._labels_da[self.value]  # type: ignore[attr-defined]

    @property
    def label_en(self) -> str:
        """The English display label."""
        return type(self)._labels_en[self.value]  # type: ignore[attr-defined]

    def label(self, lang: str = "da") -> str:
        """The label in ``"da"`` or ``"en"``."""
        if lang == "da":
            return self.label_da
        if lang == "en":
            return self.label_en
        raise ValueError(f"unknown language {lang!r} (expected 'da' or 'en')")

    def __str__(self) -> str:
        return self.code

    def __format__(self, spec: str) -> str:
        return format(self.code, spec)

    @classmethod
    def list_name(cls) -> str:
        """The contract's name of the code list (``"offer_kind"``)."""
        return cls._list_name  # type: ignore[attr-defined]

    @classmethod
    def parse(cls: Type[C], value: Union["Code", str, int]) -> C:
        """A member from a member, its code (``"dementia"``) or its numeric value.

        Raises :class:`ValueError` naming the list and the codes it has.
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            member = cls._by_code.get(value)  # type: ignore[attr-defined]
            if member is not None:
                return member
            raise ValueError(f"unknown {cls.list_name()} {value!r} (expected one of: "
                             + ", ".join(cls._codes.values()) + ")")  # type: ignore[attr-defined]
        if isinstance(value, int) and not isinstance(value, bool) and not isinstance(value, Code):
            try:
                return cls(value)
            except ValueError:
                raise ValueError(f"{value} is not a {cls.list_name()} value") from None
        raise TypeError(f"expected a {cls.__name__}, a code string or an int, not {type(value).__name__}"
                        + (f" ({value!r})" if isinstance(value, Code) else ""))

    @classmethod
    def from_mask(cls: Type[C], mask: int) -> Tuple[C, ...]:
        """The members whose bit is set in a C mask, in value order."""
        return tuple(m for m in cls if mask & (1 << m.value))

    @classmethod
    def to_mask(cls, values: Iterable[Union["Code", str, int]]) -> int:
        """A C mask of the given members or codes."""
        mask = 0
        for v in values:
            mask |= 1 << cls.parse(v).value
        return mask


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _build(list_id: int) -> Type[Code]:
    list_name = _lib.text(fn.paroer_vocab_list_name(list_id))
    assert list_name
    count = fn.paroer_vocab_count(list_id)
    codes: Dict[int, str] = {}
    da: Dict[int, str] = {}
    en: Dict[int, str] = {}
    for v in range(count):
        code = _lib.text(fn.paroer_vocab_code(list_id, v))
        if code is None:  # a retired value: never reused, never listed
            continue
        codes[v] = code
        da[v] = _lib.text(fn.paroer_vocab_label(list_id, v, 0)) or code
        en[v] = _lib.text(fn.paroer_vocab_label(list_id, v, 1)) or code
    cls = Code(_camel(list_name), [(c.upper(), v) for v, c in codes.items()],  # type: ignore[call-overload]
               module=__name__, qualname=_camel(list_name))
    cls._list_name = list_name
    cls._list_id = list_id
    cls._codes = codes
    cls._labels_da = da
    cls._labels_en = en
    cls._by_code = {c: cls(v) for v, c in codes.items()}
    cls.__doc__ = (f"The contract's ``{list_name}`` codes (built from the library's tables): "
                   + ", ".join(codes.values()) + ".")
    return cls


#: Every code list of the loaded library, by its contract name.
LISTS: Dict[str, Type[Code]] = {}
for _i in range(fn.paroer_vocab_list_count()):
    _cls = _build(_i)
    LISTS[_cls.list_name()] = _cls
    globals()[_cls.__name__] = _cls

# Names for type checkers and readers; the classes themselves come from the library.
Condition: Type[Code] = LISTS["condition"]
Relation: Type[Code] = LISTS["relation"]
AgeBand: Type[Code] = LISTS["age_band"]
Flag: Type[Code] = LISTS["flag"]
Bereavement: Type[Code] = LISTS["bereavement"]
Need: Type[Code] = LISTS["need"]
OfferKind: Type[Code] = LISTS["offer_kind"]
Mode: Type[Code] = LISTS["mode"]
Slot: Type[Code] = LISTS["slot"]
Access: Type[Code] = LISTS["access"]
ProviderKind: Type[Code] = LISTS["provider_kind"]
Area: Type[Code] = LISTS["area"]
Status: Type[Code] = LISTS["status"]
GoalCategory: Type[Code] = LISTS["goal_category"]


class Lang(enum.IntEnum):
    """Display language of labels (paroer_lang)."""
    DA = 0
    EN = 1


def age_band_of(age: int) -> "Code":
    """The :class:`AgeBand` of an age in whole years (``child`` 0–12 … ``senior`` 65+)."""
    band = fn.paroer_age_band_of(int(age))
    if band < 0:
        raise ValueError(f"age {age} is negative")
    return AgeBand(band)


def kind_default_needs(kind: Union["Code", str, int]) -> Tuple["Code", ...]:
    """The needs an offer kind serves by default (contract section 1)."""
    return Need.from_mask(fn.paroer_kind_default_needs(OfferKind.parse(kind).value))
