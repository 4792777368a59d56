"""Figures: every number the bot states, once, with its unit, date and source."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.i18n.formatting import UNITS, format_value
from bot.i18n.lang import Lang
from bot.knowledge.errors import ContentError
from bot.knowledge.yamlio import as_date, load_yaml

CONFIDENCE_MARKS = frozenset({"V", "S", "D"})


@dataclass(frozen=True)
class Figure:
    """One number with its provenance."""

    key: str
    value: float | dt.date
    unit: str
    as_of: dt.date
    source: str
    url: str
    confidence: str
    note: str = ""
    review_by: dt.date | None = None

    def formatted(self, lang: Lang) -> str:
        """The value formatted for `lang` by its unit."""
        return format_value(self.value, self.unit, lang)

    @property
    def number(self) -> float:
        """The value as a float (raises for dates)."""
        if isinstance(self.value, dt.date):
            raise TypeError(f"figure {self.key} is a date")
        return float(self.value)


class RenderedFigure:
    """A figure as seen by a template: prints formatted, exposes `.value` for arithmetic."""

    def __init__(self, figure: Figure, lang: Lang) -> None:
        self.figure = figure
        self.lang = lang
        self.value = figure.value
        self.as_of = figure.as_of

    def __str__(self) -> str:
        return self.figure.formatted(self.lang)

    def __html__(self) -> str:
        return str(self)


def _date(value: Any, where: str) -> dt.date:
    parsed = as_date(value)
    if parsed is None:
        raise ContentError(f"{where}: {value!r} is not a YYYY-MM-DD date")
    return parsed


def parse_figure(key: str, raw: Any, where: str) -> Figure:
    """Build a Figure from its YAML mapping."""
    if not isinstance(raw, dict):
        raise ContentError(f"{where}: figure {key} must be a mapping")
    missing = {"value", "unit", "as_of", "source", "url", "confidence"} - raw.keys()
    if missing:
        raise ContentError(f"{where}: figure {key} lacks {', '.join(sorted(missing))}")
    unit = str(raw["unit"])
    if unit not in UNITS:
        raise ContentError(f"{where}: figure {key} has unknown unit {unit!r}")
    value: float | dt.date
    if unit == "date":
        value = _date(raw["value"], f"{where}: {key}.value")
    elif isinstance(raw["value"], bool) or not isinstance(raw["value"], int | float):
        raise ContentError(f"{where}: figure {key} value must be a number")
    else:
        value = raw["value"]
    review_by = raw.get("review_by")
    return Figure(
        key=key,
        value=value,
        unit=unit,
        as_of=_date(raw["as_of"], f"{where}: {key}.as_of"),
        source=str(raw["source"]),
        url=str(raw["url"]),
        confidence=str(raw["confidence"]),
        note=str(raw.get("note") or ""),
        review_by=_date(review_by, f"{where}: {key}.review_by") if review_by else None,
    )


def load_figures(files: list[Path]) -> dict[str, Figure]:
    """Load figures from YAML files; a key defined twice is an error."""
    figures: dict[str, Figure] = {}
    for path in files:
        try:
            data = load_yaml(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ContentError(f"{path.name}: {exc}") from exc
        if not isinstance(data, dict):
            raise ContentError(f"{path.name}: expected a mapping of figures")
        for key, raw in data.items():
            if key in figures:
                raise ContentError(f"{path.name}: figure {key} is defined twice")
            figures[str(key)] = parse_figure(str(key), raw, path.name)
    return figures
