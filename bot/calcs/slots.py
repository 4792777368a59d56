"""Slot tables: which quantity of a request fills which input of a calculator.

A slot names the kinds of quantity it takes and the cue words (English and 简体; texts are
normalised to 简体 before reading) that may stand just before or just after it. Every
(slot, quantity) pair with a cue within the slot's window is a candidate; candidates are
taken nearest cue first, and each quantity fills at most one slot. A slot marked `fallback`
then takes the one quantity of its kind that nothing claimed. New phrasings are new rows or
cue words, not code.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from bot.calcs.numbers import PLAN_NAME  # digits in plan names are no numbers
from bot.calcs.scan import Quantity

# A cue and its number belong to one sentence: these end one.
_SENTENCE_END = re.compile(r"[.!?。！？;；\n]")


@dataclass(frozen=True)
class Slot:
    """One input of a calculator and how a request states it."""

    name: str
    kinds: frozenset[str]
    before: str = ""  # cue words that come before the quantity
    after: str = ""  # cue words that come after it
    window: int = 12  # characters allowed between cue and quantity
    low: float = float("-inf")  # smallest value the slot takes
    high: float = float("inf")  # largest
    fallback: bool = False  # takes the text's only quantity of its kind when no cue claimed it
    before_penalty: int = 0  # added to a before-cue's distance (when the other side is surer)
    after_penalty: int = 0  # added to an after-cue's distance
    not_before: str = ""  # words shortly before a quantity that rule this slot out for it
    not_before_window: int = 25  # characters before a quantity searched for `not_before`
    only_after: str = ""  # words that must stand just before a quantity (within 6 characters)
    unless: str = ""  # another slot that, once filled, makes this one's fallback moot
    yearly: bool = False  # money paid monthly (or every two weeks) is turned into a year's worth
    monthly: bool = False  # money stated by the year is turned into a month's worth
    yearly_above: float = float("inf")  # a monthly slot's amount this large was a year's
    stock: bool = False  # a sum held or aimed at (balance, target): never money paid per period
    whole: bool = False  # takes whole numbers only (a person's age: 59.5 and 70.5 are rules' ages)


def slot(name: str, kinds: str, **fields: object) -> Slot:
    """A table row: `kinds` is a space-separated list."""
    return Slot(name, frozenset(kinds.split()), **fields)  # type: ignore[arg-type]


@cache
def _compiled(pattern: str) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


_SPACES = re.compile(r"\s+")
ONLY_AFTER_WINDOW = 6
CUE_REACH = 64  # characters a cue itself may span ("social insurance plus housing fund come to")


_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]")
# A unit written after a number belongs to it ("45岁,", "42yo,"), not to the words around.
_UNIT = re.compile(r"^\s*(?:岁|歲|yo|y/o|y\.o\.?|years?[- ]old|yrs?[- ]old|years? of age|[mf]\b)")
# Hedges say how exact a number is, not what it is: they put no distance between a cue and its
# number ("save about 30k annually" is as near to "save" as "save 30k").
_HEDGE = re.compile(
    r"\b(?:about|around|roughly|approximately|approx\.?|nearly|almost|close to|just over|"
    r"just under)(?=\s|$)|~|大约|大概|约|差不多|将近|接近|估计|预计|抓"
)


_ASIDE = re.compile(r"[(（][^()（）]*[)）]")
_QUOTES = re.compile(r"[\"“”「」『』]")
# A period said between a cue and its amount belongs to the amount ("工资一个月2万6")
_PERIOD_WORDS = re.compile(r"每个?月|一个月|每年|一年|每周|每两周")


def _gap(text: str, start: int, end: int, after: bool = False) -> int | None:
    """Characters between a cue and its quantity (runs of spaces count as one), or None
    when they are not each other's: across a sentence end, over another number ("putting
    2500/mo, 6%": the 6% is not put in), or across a comma that ends the quantity's item
    ("8%, expense ratio 0.04%": the ratio is the 0.04%)."""
    between = text[start:end]
    if _DIGIT.search(PLAN_NAME.sub("", between)):
        return None
    # an aside in brackets ("平均工资（就是算养老金用的那个？）是…") and quote marks put no distance
    between = _QUOTES.sub("", _ASIDE.sub("", between))
    if _SENTENCE_END.search(between):
        return None
    if "," in between:
        # A comma right next to the quantity ends its item of a list ("I have 50k saved,
        # 60k/yr salary": "saved" is not the 60k's); words between ("earnings, which is
        # $54,000") keep the cue in reach.
        near = between.rsplit(",", 1)[1] if not after else between.split(",", 1)[0]
        if not _WORD.search(_UNIT.sub("", near)):
            return None
    between = _PERIOD_WORDS.sub("", between)
    return len(_SPACES.sub(" ", _HEDGE.sub("", between).strip()))


def _overlapping(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """Matches of a cue starting anywhere, overlapping too: "chengdu's average wage for
    pension purposes is" holds a longer cue inside the one that starts first."""
    match = pattern.search(text, lo, hi)
    while match is not None:
        yield match
        match = pattern.search(text, match.start() + 1, hi)


def cue_distance(text: str, row: Slot, quantity: Quantity) -> int | None:
    """How close the nearest cue of a slot stands to a quantity (None: no cue in reach)."""
    best: int | None = None
    before = _compiled(row.before)
    if before is not None:
        lo = max(0, quantity.start - row.window - CUE_REACH)
        for match in _overlapping(before, text, lo, quantity.start):
            gap = _gap(text, match.end(), quantity.start)
            if gap is not None and gap <= row.window:
                gap += row.before_penalty
                if best is None or gap < best:
                    best = gap
    after = _compiled(row.after)
    if after is not None:
        hi = min(len(text), quantity.end + row.window + CUE_REACH)
        for match in after.finditer(text, quantity.end, hi):
            gap = _gap(text, quantity.end, match.start(), after=True)
            if gap is not None and gap <= row.window:
                gap += row.after_penalty
                if best is None or gap < best:
                    best = gap
    return best


def fits(row: Slot, quantity: Quantity, text: str = "") -> bool:
    """Whether a quantity is of a kind and a size the slot takes (a negative value keeps its
    meaning, so the calculator can refuse it rather than have it dropped), and nothing just
    before it rules the slot out."""
    if quantity.kind not in row.kinds or not row.low <= abs(quantity.value) <= row.high:
        return False
    if row.stock and quantity.period is not None:
        return False
    if row.whole and not float(quantity.value).is_integer():
        return False
    required = _compiled(row.only_after)
    if required is not None and not required.search(
        text, max(0, quantity.start - ONLY_AFTER_WINDOW), quantity.start
    ):
        return False
    ruled_out = _compiled(row.not_before)
    if ruled_out is None:
        return True
    return not ruled_out.search(
        text, max(0, quantity.start - row.not_before_window), quantity.start
    )


def assign(
    text: str, quantities: list[Quantity], table: tuple[Slot, ...], taken: set[int] | None = None
) -> dict[str, Quantity]:
    """Fill the table's slots from the quantities, nearest cue first (ties: table order)."""
    used = set(taken or ())
    candidates = sorted(
        (distance, order, quantity.start, row, quantity)
        for order, row in enumerate(table)
        for quantity in quantities
        if fits(row, quantity, text) and (distance := cue_distance(text, row, quantity)) is not None
    )
    filled: dict[str, Quantity] = {}
    for _distance, _order, start, row, quantity in candidates:
        if row.name in filled or start in used:
            continue
        filled[row.name] = quantity
        used.add(start)
    for row in table:
        if row.fallback and row.name not in filled and row.unless not in filled:
            alike = [q for q in quantities if fits(row, q, text) and q.start not in used]
            if len(alike) == 1:
                filled[row.name] = alike[0]
                used.add(alike[0].start)
    return filled


PER_YEAR = {"quarter": 4, "month": 12, "semimonthly": 24, "biweekly": 26, "week": 52}


def yearly_value(row: Slot, quantity: Quantity) -> float:
    """The value a slot takes: a year's worth when the slot counts by the year, a month's
    when it counts by the month and the quantity was stated by the year."""
    if row.yearly and quantity.period in PER_YEAR:
        return quantity.value * PER_YEAR[quantity.period]
    if row.monthly and (
        quantity.period == "year"
        or (quantity.period is None and quantity.value >= row.yearly_above)
    ):
        return quantity.value / 12
    return quantity.value
