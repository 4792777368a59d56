"""A round figure restated exactly: "making 92k (92,500 technically)", "just under 400000 in
his 401(k), $396,000 exactly". The exact figure takes the round one's place (and its cue), and
is blanked where it was restated, so the readers see one number, the exact one."""

import itertools
import re

from bot.calcs.numbers import Number, find_numbers

# How far apart two figures may stand, and how near in value, to be one figure said twice
RESTATED_WITHIN = 40  # characters
RESTATED_CLOSE = 0.05  # of the larger
_PRECISE_AFTER = re.compile(
    r"\s*(?:exactly|exact|precisely|technically|techincally|to be exact|on the dot|整|整整)"
)
_PRECISE_BEFORE = re.compile(
    r"(?:exactly|precisely|technically|to be exact|准确地?说|精确)\s*[:：]?\s*$"
)
_MAY_RESTATE = re.compile(
    r"(?=[(（eptoi整准精])(?:[(（]\s*[$¥]?\d|exact|precisely|technically|techincally|on the dot|"
    r"整|准确|精确)"
)
_STOP = re.compile(r"[.!?。！？;；\n](?!\d)")


def _restates(text: str, rough: Number, exact: Number) -> bool:
    between = text[rough.end : exact.start]
    if len(between) > RESTATED_WITHIN or _STOP.search(between) or rough.percent != exact.percent:
        return False
    larger = max(abs(rough.value), abs(exact.value))
    if not larger or abs(rough.value - exact.value) > RESTATED_CLOSE * larger:
        return False
    bracketed = between.rstrip().endswith(("(", "（"))
    return bool(
        bracketed or _PRECISE_AFTER.match(text, exact.end) or _PRECISE_BEFORE.search(between)
    )


def with_exact_figures(text: str) -> str:
    """The text with each round figure that is restated exactly replaced by the exact one."""
    if not _MAY_RESTATE.search(text):
        return text  # (the cheap test first: most texts restate nothing)
    numbers = find_numbers(text)
    changed_from = len(text)  # changes run from the end, so earlier spans still hold
    for rough, exact in reversed(list(itertools.pairwise(numbers))):
        if exact.end <= changed_from and _restates(text, rough, exact):
            changed_from = rough.start
            said = text[exact.start : exact.end]
            text = (
                text[: rough.start]
                + said
                + text[rough.end : exact.start]
                + " " * len(said)
                + text[exact.end :]
            )
    return text
