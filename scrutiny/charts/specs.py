"""What a chart shows, as plain immutable data: no Django, no matplotlib."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import ClassVar

Point = tuple[str, Decimal | None]


def to_decimal(value) -> Decimal | None:
    """A figure as a Decimal; None stays None (a gap, never a zero)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("A chart figure cannot be a bool.")
    if isinstance(value, float):
        # Through str, so 0.1 is 0.1 and not 0.1000000000000000055511151231257827.
        value = str(value)
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as error:
        raise ValueError(f"Not a figure: {value!r}") from error
    if not number.is_finite():
        raise ValueError(f"Not a finite figure: {value!r}")
    return number


@dataclass(frozen=True)
class Series:
    """One named line (or set of bars): a figure, or None where missing, per period label."""

    name: str
    points: tuple[Point, ...] = ()

    def __post_init__(self):
        """Freeze the points as a tuple of (label, Decimal | None) and refuse repeated labels."""
        points = tuple((str(label), to_decimal(value)) for label, value in self.points)
        labels = [label for label, _ in points]
        if len(set(labels)) != len(labels):
            raise ValueError(f"Series {self.name!r} gives a period more than once.")
        object.__setattr__(self, "points", points)

    @property
    def present(self) -> list[tuple[int, str, Decimal]]:
        """The points that have a figure, with their position in this series."""
        return [
            (i, label, value) for i, (label, value) in enumerate(self.points) if value is not None
        ]

    def value_at(self, label: str) -> Decimal | None:
        """This series' figure for a period label, or None."""
        return dict(self.points).get(label)


@dataclass(frozen=True)
class _Chart:
    """Fields every chart shares; see LineChart and BarChart."""

    kind: ClassVar[str] = ""

    title: str
    unit: str = ""
    decimals: int = 1
    series: tuple[Series, ...] = ()
    target: Decimal | None = None
    comparators: tuple[Series, ...] = ()
    y_min: Decimal | None = None
    y_max: Decimal | None = None
    y_label: str = ""

    def __post_init__(self):
        """Freeze the lists as tuples and the figures as Decimals, so equal specs hash equal."""
        if not 0 <= int(self.decimals) <= 4:
            raise ValueError("decimals must be 0 to 4.")
        object.__setattr__(self, "decimals", int(self.decimals))
        object.__setattr__(self, "series", _freeze_series(self.series))
        object.__setattr__(self, "comparators", _freeze_series(self.comparators))
        for name in ("target", "y_min", "y_max"):
            object.__setattr__(self, name, to_decimal(getattr(self, name)))
        if self.y_min is not None and self.y_max is not None and self.y_max <= self.y_min:
            raise ValueError("y_max must be above y_min.")

    @property
    def labels(self) -> list[str]:
        """Every period label on the chart, in order."""
        return merge_labels(s.points for s in (*self.series, *self.comparators))

    @property
    def has_data(self) -> bool:
        """Whether any series has at least one figure."""
        return any(s.present for s in self.series)

    def figure(self, value) -> str:
        """A figure as the chart writes it: the indicator's decimals, rounded half up, and unit."""
        return format_figure(value, self.unit, self.decimals)

    @property
    def target_text(self) -> str:
        """The target as text: '16', '95%', '12.5 days'; blank if there is none."""
        if self.target is None:
            return ""
        # Targets are usually set as round numbers: "a target of 16", not "16.0".
        whole = self.target == self.target.to_integral_value()
        return format_figure(self.target, self.unit, 0 if whole else self.decimals)

    def as_dict(self) -> dict:
        """The spec as JSON-ready data (figures as normalised strings) for hashing."""
        data = {"kind": self.kind}
        for field in fields(self):
            value = getattr(self, field.name)
            if field.name in ("series", "comparators"):
                value = [[s.name, [[label, _canonical(v)] for label, v in s.points]] for s in value]
            elif isinstance(value, Decimal):
                value = _canonical(value)
            data[field.name] = value
        return data


@dataclass(frozen=True)
class LineChart(_Chart):
    """A trend over periods: one line per series, a dashed target, dotted comparators."""

    kind: ClassVar[str] = "line"


@dataclass(frozen=True)
class BarChart(_Chart):
    """Figures per period as grouped bars, one bar per series, with target and comparators."""

    kind: ClassVar[str] = "bar"


ChartSpec = LineChart | BarChart


def _freeze_series(items: Iterable) -> tuple[Series, ...]:
    """Series as a tuple, refusing anything that is not a Series."""
    frozen = tuple(items or ())
    if not all(isinstance(s, Series) for s in frozen):
        raise TypeError("series and comparators must be Series.")
    return frozen


def _canonical(value: Decimal | None) -> str | None:
    """A figure as a normalised string, or None, for hashing."""
    # 4.0 and 4.00 draw the same chart, so they must hash the same.
    return None if value is None else f"{value.normalize():f}"


def merge_labels(point_lists: Iterable[Iterable[Point]]) -> list[str]:
    """Period labels in order: a new label goes after its predecessor, or before its successor."""
    merged: list[str] = []
    for points in point_lists:
        labels = [label for label, _ in points]
        for i, label in enumerate(labels):
            if label in merged:
                continue
            if i:
                merged.insert(merged.index(labels[i - 1]) + 1, label)
                continue
            later = next((lab for lab in labels[i + 1 :] if lab in merged), None)
            merged.insert(merged.index(later) if later else len(merged), label)
    return merged


def rounded(value, decimals: int) -> Decimal:
    """Half up, as published statistics round (68.65 -> 68.7), not half to even."""
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_figure(value, unit: str = "", decimals: int = 1) -> str:
    """'85.4%', '16 days', '4.0'; blank for a missing figure."""
    if value is None:
        return ""
    text = f"{rounded(to_decimal(value), decimals):f}"
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


_MONTHS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "sept": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_SHORT_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b\.?", re.IGNORECASE)


def spoken_label(label: str) -> str:
    """A period label as a sentence says it: 'Nov 2016' -> 'November 2016'."""
    return _SHORT_MONTH.sub(lambda m: _MONTHS[m.group(1).lower()], label)


def spec_from_dict(data: dict) -> ChartSpec:
    """The spec back from ``as_dict`` (a frozen report keeps charts this way)."""
    kinds = {LineChart.kind: LineChart, BarChart.kind: BarChart}
    try:
        chart = kinds[data["kind"]]
    except KeyError:
        raise ValueError(f"Not a chart kind: {data.get('kind')!r}") from None

    def series(items) -> list[Series]:
        return [Series(name, [(label, value) for label, value in points]) for name, points in items]

    return chart(
        title=data.get("title", ""),
        unit=data.get("unit", ""),
        decimals=data.get("decimals", 1),
        series=series(data.get("series", [])),
        target=data.get("target"),
        comparators=series(data.get("comparators", [])),
        y_min=data.get("y_min"),
        y_max=data.get("y_max"),
        y_label=data.get("y_label", ""),
    )
