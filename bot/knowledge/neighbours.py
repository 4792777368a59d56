"""Detect neighbouring subjects the bot does not cover, by their key phrases.

A neighbour is named by specific phrases ("MPF", "加班费", "health savings account"), so it
is matched by phrase, not by loose word overlap: a question is about a neighbour when one
of its phrases appears in it (English as a sequence of stemmed words, Chinese as a substring).
"""

import re

from bot.knowledge.country import Country, fits
from bot.knowledge.scope import Neighbour
from bot.knowledge.tokens import normalize, stem

_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z0-9+]+")
_ID_PREFIX_COUNTRY: dict[str, Country] = {"us": "us", "cn": "cn"}


def neighbour_countries(neighbour: Neighbour) -> frozenset[Country]:
    """The country of a neighbouring subject, from its id (`us_…`, `cn_…`), if it has one."""
    country = _ID_PREFIX_COUNTRY.get(neighbour.id.split("_", 1)[0])
    return frozenset({country}) if country else frozenset()


def _words(normalized: str) -> list[str]:
    """Every word, stemmed; stop words kept, since they are part of phrases ("last will")."""
    return [stem(word) for word in _WORD.findall(normalized)]


class NeighbourMatcher:
    """Find the neighbour whose phrases a question contains (dictionary look-ups of n-grams)."""

    def __init__(self, neighbours: list[Neighbour]) -> None:
        self._han: dict[str, Neighbour] = {}
        self._words: dict[tuple[str, ...], Neighbour] = {}
        for neighbour in neighbours:
            for phrase in (p for phrases in neighbour.keywords.values() for p in phrases):
                folded = normalize(phrase).strip()
                if _HAN.search(folded):
                    self._han.setdefault(folded, neighbour)
                elif words := tuple(_words(folded)):
                    self._words.setdefault(words, neighbour)
        self._han_lengths = sorted({len(p) for p in self._han}, reverse=True)
        self._word_lengths = sorted({len(p) for p in self._words}, reverse=True)

    def match(self, normalized: str, asked: frozenset[Country] = frozenset()) -> Neighbour | None:
        """The neighbour with the longest phrase found in already-normalised text, leaving out
        neighbours of a country the question does not ask about."""
        best: tuple[int, Neighbour] | None = None
        for run in _HAN_RUN.findall(normalized):
            for size in self._han_lengths:
                if best is not None and size <= best[0]:
                    break
                for start in range(len(run) - size + 1):
                    neighbour = self._han.get(run[start : start + size])
                    if neighbour and fits(neighbour_countries(neighbour), asked):
                        best = (size, neighbour)
                        break
        words = _words(normalized)
        for size in self._word_lengths:
            weight = 2 * size  # an English word carries about as much as two Han characters
            if best is not None and weight <= best[0]:
                break
            for start in range(len(words) - size + 1):
                neighbour = self._words.get(tuple(words[start : start + size]))
                if neighbour and fits(neighbour_countries(neighbour), asked):
                    best = (weight, neighbour)
                    break
        return best[1] if best else None
