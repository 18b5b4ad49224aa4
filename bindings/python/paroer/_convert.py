"""Conversions between Python values and the C API's dates, masks and codes (internal)."""
from __future__ import annotations

import datetime as _dt
from typing import Optional, Union

from ._lib import DATE_NONE

DateLike = Union[_dt.date, str, None]

_EPOCH = _dt.date(1970, 1, 1).toordinal()


def date_from_c(day: int) -> Optional[_dt.date]:
    """A libparoer day number as a date (None for PAROER_DATE_NONE)."""
    if day == DATE_NONE:
        return None
    return _dt.date.fromordinal(day + _EPOCH)


def date_to_c(value: DateLike, *, none: int = DATE_NONE) -> int:
    """A date (``datetime.date``, ``datetime.datetime`` or ``"YYYY-MM-DD"``) as a day number.

    None gives @p none (PAROER_DATE_NONE: "today" in options, "open" in bounds).
    """
    if value is None:
        return none
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            if len(value) != 10:
                raise ValueError
            value = _dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"not a date in the form YYYY-MM-DD: {value!r}") from None
    if isinstance(value, _dt.date):
        return value.toordinal() - _EPOCH
    raise TypeError(f"expected a datetime.date or a 'YYYY-MM-DD' string, not {type(value).__name__}")


def municipality_code(value: Union[int, str]) -> int:
    """A municipality code given as 306, "306" or "0306" (contract section 1)."""
    if isinstance(value, bool):
        raise TypeError("a municipality code is not a bool")
    if isinstance(value, int):
        code = value
    elif isinstance(value, str) and value.strip().isdigit():
        code = int(value.strip())
    else:
        raise ValueError(f"not a municipality code: {value!r}")
    if not 1 <= code <= 999:
        raise ValueError(f"municipality code {code} is not 1..999")
    return code
