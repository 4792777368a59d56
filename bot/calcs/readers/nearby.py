"""Numbers next to a keyword: the older, pattern-based helpers the inflow and pension readers
still use (the other readers use slot tables, bot.calcs.slots)."""

import re
from dataclasses import replace

from bot.calcs.numbers import Number, chinese_numeral, find_numbers


def _placed(number: Number, offset: int) -> Number:
    """A number found in a slice of the text, with its span in the whole text."""
    return replace(number, start=number.start + offset, end=number.end + offset)


def after(pattern: str, text: str, window: int = 8, percent: bool | None = None) -> Number | None:
    """The first number that starts within `window` characters after a keyword (its span in
    the whole text)."""
    for match in re.finditer(pattern, text):
        for number in find_numbers(text[match.end() : match.end() + window + 24]):
            if number.start <= window and (percent is None or number.percent == percent):
                return _placed(number, match.end())
    return None


def before(pattern: str, text: str, window: int = 6, percent: bool | None = None) -> Number | None:
    """The last number that ends within `window` characters before a keyword (its span in the
    whole text)."""
    for match in re.finditer(pattern, text):
        start = max(0, match.start() - window - 24)
        candidates = [
            n
            for n in find_numbers(text[start : match.start()])
            if match.start() - (start + n.end) <= window
            and (percent is None or n.percent == percent)
        ]
        if candidates:
            return _placed(candidates[-1], start)
    return None


def whole(raw: str) -> float | None:
    return float(raw) if raw.isdigit() else chinese_numeral(raw)
