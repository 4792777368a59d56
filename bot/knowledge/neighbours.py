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


def _words(normalized: str) -> list[tuple[str, tuple[int, int]]]:
    """Every word, stemmed, with where it stands; stop words kept, since they are part of
    phrases ("last will")."""
    return [(stem(m.group(0)), m.span()) for m in _WORD.finditer(normalized)]


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
                elif words := tuple(word for word, _ in _words(folded)):
                    self._words.setdefault(words, neighbour)
        # Phrase lengths by first character or word: a text is looked up only where a
        # phrase could start.
        self._han_sizes: dict[str, list[int]] = {}
        for phrase in self._han:
            self._han_sizes.setdefault(phrase[0], []).append(len(phrase))
        self._word_sizes: dict[str, list[int]] = {}
        for words in self._words:
            self._word_sizes.setdefault(words[0], []).append(len(words))

    def match(self, normalized: str, asked: frozenset[Country] = frozenset()) -> Neighbour | None:
        """The neighbour with the longest phrase found in already-normalised text (an English
        word weighs two Han characters; on a tie, the first found, Chinese first), leaving
        out neighbours of a country the question does not ask about."""
        found = self.find(normalized, asked)
        return found[0] if found else None

    def find(
        self, normalized: str, asked: frozenset[Country] = frozenset()
    ) -> tuple[Neighbour, tuple[int, int]] | None:
        """`match`'s neighbour and where its phrase stands in the text (start, end)."""
        best: tuple[int, Neighbour, tuple[int, int]] | None = None
        for run in _HAN_RUN.finditer(normalized):
            text = run.group(0)
            for start, char in enumerate(text):
                for size in self._han_sizes.get(char, ()):
                    if start + size > len(text) or (best is not None and size <= best[0]):
                        continue
                    neighbour = self._han.get(text[start : start + size])
                    if neighbour and fits(neighbour_countries(neighbour), asked):
                        at = run.start() + start
                        best = (size, neighbour, (at, at + size))
        stemmed = _words(normalized)
        words = [word for word, _ in stemmed]
        spans = [span for _, span in stemmed]
        for start, word in enumerate(words):
            for size in self._word_sizes.get(word, ()):
                weight = 2 * size  # an English word carries about as much as two Han characters
                if start + size > len(words) or (best is not None and weight <= best[0]):
                    continue
                neighbour = self._words.get(tuple(words[start : start + size]))
                if neighbour and fits(neighbour_countries(neighbour), asked):
                    best = (weight, neighbour, (spans[start][0], spans[start + size - 1][1]))
        return (best[1], best[2]) if best else None
