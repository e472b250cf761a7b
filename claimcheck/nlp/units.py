"""Units: their spellings, their dimension and their factor to the normalized unit.

Normalized units: mm (length), day (duration), count, degree (angle), percent.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    canonical: str  # how the unit is written in `value` ("mm", "µm", "min", "week", "session")
    dimension: str  # length | duration | count | angle | percent
    factor: float  # multiply to get the normalized unit

    @property
    def normalized(self) -> str:
        return NORMALIZED[self.dimension]


NORMALIZED = {"length": "mm", "duration": "day", "count": "count", "angle": "degree", "percent": "percent"}

_UNITS: dict[str, Unit] = {}


def _add(canonical: str, dimension: str, factor: float, *spellings: str) -> None:
    unit = Unit(canonical, dimension, factor)
    for s in (canonical, *spellings):
        _UNITS[s.lower()] = unit


_add("mm", "length", 1.0, "millimeter", "millimeters", "millimetre", "millimetres", "mil", "mils")  # spoken "one point five mil"
_add("µm", "length", 0.001, "μm", "um", "micron", "microns", "micrometer", "micrometers", "micrometre", "micrometres")
_add("cm", "length", 10.0, "centimeter", "centimeters", "centimetre", "centimetres")
_add("s", "duration", 1 / 86400, "secs", "second", "seconds")
_add("min", "duration", 1 / 1440, "mins", "minute", "minutes")
_add("h", "duration", 1 / 24, "hr", "hrs", "hour", "hours")
_add("day", "duration", 1.0, "days", "night", "nights")
_add("week", "duration", 7.0, "weeks", "wk", "wks")
_add("fortnight", "duration", 14.0, "fortnights")
_add("month", "duration", 30.0, "months", "mo", "mos", "mth", "mths")
_add("year", "duration", 365.0, "years", "yr", "yrs")
_add("session", "count", 1.0, "sessions", "treatment", "treatments", "visit", "visits", "appointment", "appointments", "procedure", "procedures")
_add("count", "count", 1.0)
_add("degree", "angle", 1.0, "degrees", "°", "deg")
_add("%", "percent", 1.0, "percent", "per cent", "pct")
# normalized names used in claims.yaml ranges
_UNITS["percent"] = _UNITS["%"]


def lookup(spelling: str) -> Unit | None:
    return _UNITS.get(spelling.lower().strip())


def spellings() -> list[str]:
    """All spellings, longest first (for building the quantity pattern)."""
    return sorted(_UNITS, key=len, reverse=True)


def format_number(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.3f}".rstrip("0").rstrip(".")


def humanize_days(days: float) -> str:
    """Render a duration in days in the unit a reader would use."""
    if days == 0:
        return "0 days"
    for unit, size in (("month", 30.0), ("week", 7.0), ("day", 1.0), ("hour", 1 / 24), ("minute", 1 / 1440)):
        if days >= size * 0.999 and (abs(days / size - round(days / size)) < 0.01 or unit == "minute"):
            n = days / size
            return f"{format_number(round(n, 2))} {unit}{'' if abs(n - 1) < 1e-9 else 's'}"
    return f"{format_number(round(days * 1440, 1))} minutes"


def format_value(value: float, unit: str) -> str:
    if unit == "day":
        return humanize_days(value)
    if unit == "percent":
        return f"{format_number(value)}%"
    if unit == "count":
        return format_number(value)
    if unit == "degree":
        return f"{format_number(value)}°"
    return f"{format_number(value)} {unit}"


def format_range(lo: float | None, hi: float | None, unit: str) -> str:
    if lo is None and hi is None:
        return "any"
    if lo is None:
        return f"at most {format_value(hi, unit)}"
    if hi is None:
        return f"at least {format_value(lo, unit)}"
    if abs(lo - hi) < 1e-12:
        return format_value(lo, unit)
    if unit == "day":
        return f"{humanize_days(lo)} to {humanize_days(hi)}"
    return f"{format_number(lo)}–{format_value(hi, unit)}"
