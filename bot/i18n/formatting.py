"""Locale-aware formatting of amounts, rates, ages, durations and dates (babel + catalogs)."""

import datetime as dt
import math

from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.numbers import format_compact_decimal, format_decimal

from bot.i18n.lang import Lang, babel_locale
from bot.i18n.text import t, tn, tp

_COMPACT_FROM = 1e9


_SCIENTIFIC_FROM = 1e18


def _plain(value: float, lang: Lang, max_fraction: int = 2) -> str:
    if float(value).is_integer():
        return format_decimal(int(value), format="#,##0", locale=babel_locale(lang))
    pattern = "#,##0." + "#" * max_fraction
    return format_decimal(value, format=pattern, locale=babel_locale(lang))


def _amount(value: float, lang: Lang) -> str:
    if not math.isfinite(value) or abs(value) >= _SCIENTIFIC_FROM:
        return f"{value:.3g}"  # past any real amount (a misread or a test of the bot)
    if abs(value) >= _COMPACT_FROM:
        return format_compact_decimal(
            value, format_type="long", fraction_digits=2, locale=babel_locale(lang)
        )
    if float(value).is_integer() or abs(value) >= 1000:
        return _plain(round(value), lang)
    return format_decimal(value, format="#,##0.00", locale=babel_locale(lang))


def format_number(value: float, lang: Lang) -> str:
    """A bare number with locale grouping (up to two decimals)."""
    return _plain(value, lang)


def format_usd(value: float, lang: Lang) -> str:
    """US dollars: `$24,500`, `$8.7 trillion`, `24,500美元`, `8.7万亿美元`."""
    return t(lang, "${amount}").format(amount=_amount(value, lang))


def format_cny(value: float, lang: Lang) -> str:
    """Chinese yuan: `¥12,000`, `12,000元`."""
    return t(lang, "¥{amount}").format(amount=_amount(value, lang))


def format_percent(value: float, lang: Lang) -> str:
    """A rate given in percent points (10 -> `10%`)."""
    return _plain(value, lang, max_fraction=3) + "%"


def format_age(value: float, lang: Lang) -> str:
    """An age: `59½` / `59岁半`, `55` / `55岁`."""
    whole = math.floor(value)
    if value - whole >= 0.25:
        return tp(lang, "age", "{n}½").format(n=whole)
    return tp(lang, "age", "{n}").format(n=whole)


def format_years(value: float, lang: Lang) -> str:
    """A duration in years."""
    return tn(lang, "{n} year", "{n} years", _plural_n(value)).format(n=_plain(value, lang))


def format_months(value: float, lang: Lang) -> str:
    """A duration in months."""
    return tn(lang, "{n} month", "{n} months", _plural_n(value)).format(n=_plain(value, lang))


def format_days(value: float, lang: Lang) -> str:
    """A duration in days."""
    return tn(lang, "{n} day", "{n} days", _plural_n(value)).format(n=_plain(value, lang))


def format_year(value: float, lang: Lang) -> str:
    """A calendar year, never grouped: `2033` / `2033年`."""
    return tp(lang, "calendar year", "{n}").format(n=int(value))


def format_count(value: float, lang: Lang) -> str:
    """A count of people or things: `90 million` / `9000万`."""
    if abs(value) >= 1e6:
        return format_compact_decimal(
            value, format_type="long", fraction_digits=2, locale=babel_locale(lang)
        )
    return _plain(value, lang)


def format_date(value: dt.date, lang: Lang) -> str:
    """A calendar date: `August 7, 2025` / `2025年8月7日`."""
    return babel_format_date(value, format="long", locale=babel_locale(lang))


def format_month(value: dt.date, lang: Lang) -> str:
    """A calendar month: `August 2025` / `2025年8月`."""
    return format_skeleton("yMMMM", value, locale=babel_locale(lang))


def _plural_n(value: float) -> int:
    return 1 if value == 1 else 2


FORMATTERS = {
    "usd": format_usd,
    "cny": format_cny,
    "percent": format_percent,
    "age": format_age,
    "years": format_years,
    "months": format_months,
    "days": format_days,
    "year": format_year,
    "count": format_count,
    "number": format_number,
}


def format_value(value: float | dt.date, unit: str, lang: Lang) -> str:
    """Format a figure's value by its unit."""
    if unit == "date":
        if not isinstance(value, dt.date):
            raise TypeError(f"a date figure needs a date, got {value!r}")
        return format_date(value, lang)
    if isinstance(value, dt.date):
        raise TypeError(f"unit {unit!r} needs a number, got a date")
    return FORMATTERS[unit](float(value), lang)


UNITS = frozenset([*FORMATTERS, "date"])
