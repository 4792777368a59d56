"""Choose what a question gets: one topic, "did you mean" over a few, or an honest decline.

The engine renders the choice; everything that decides it lives here: the country filter,
the n-gram second opinion, the neighbours and domain words that decline, and the bars a
topic must pass. README, "How it works", explains each step.
"""

import re
from dataclasses import dataclass
from typing import Literal

import numpy as np

from bot.knowledge.addressed import addresses
from bot.knowledge.content import Content
from bot.knowledge.country import Country, fits, question_countries, topic_countries
from bot.knowledge.definitions import Definitions
from bot.knowledge.domain import DomainWords
from bot.knowledge.focus import asking_text
from bot.knowledge.neighbours import NeighbourMatcher
from bot.knowledge.scope import Neighbour
from bot.knowledge.search import Hit, Query, SearchIndex
from bot.knowledge.tokens import is_unigram

# Calibrated on the content's own paraphrases, a hand-written set of off-topic questions
# (tests/data/retrieval_cases.yaml) and the tune half of the real-question corpus (never its
# held-out half). The long-question bar was lowered from 0.25 to 0.2 on the tune half: 7 more
# right answers for 3 more wrong ones.
MIN_RELATIVE_SCORE = 0.08
MIN_COVERAGE = 0.3
MIN_HEAD_COVERAGE = 0.1
LONG_QUESTION = 40.0  # idf units, about ten informative words
MIN_COVERAGE_LONG = 0.2
# A long story's ideal score grows with every word no topic needs, so its relative bar is lower
# too: on the tune half 0.07 and 0.06 each answered one more 简体 question rightly and nothing
# else; 0.07 is the smaller change.
MIN_RELATIVE_LONG = 0.07
OWNED_HEAD_COVERAGE = 0.7
NEAREST_TOPICS = 3
CANDIDATES = 12
# "Did you mean": a runner-up this close to the best topic, or middling topics, are offered.
CLARIFY_OPTIONS = 3
CLOSE_RANK = 0.99
CLOSE_HEAD = 0.99
CLOSE_PARAPHRASE = 0.98  # the way people ask must not favour the best topic either
# Middling topics that also pass near(): on the tune half every such offer held a right topic.
PLAUSIBLE_RELATIVE = 0.1
# A question that names no country, with the other country's best topic this close: ask which.
OTHER_COUNTRY_CLOSE = 0.8
# How much the character n-gram view weighs beside BM25 when candidates are ordered.
SECOND_OPINION_WEIGHT = 0.3
# A plan or benefit named in the question itself: asked about beside a neighbour's subject
# ("pay down the mortgage or put it in my 401k?"), not an aside.
_PLAN_NAMED = re.compile(
    r"\b(?:401k|403b|457b?|ira|iras|roth|tsp|social security)\b|社保|养老保险|个人养老金|企业年金"
)
# A declined question is offered the nearest topics only when they share its subject words.
NEAR_MATCHED = 6.0


@dataclass(frozen=True)
class Choice:
    """What a question gets. `topics`: the answer's one topic, the "did you mean" options,
    or, for a decline, the nearest topics worth offering."""

    kind: Literal["help", "answer", "clarify", "fallback"]
    topics: tuple[str, ...] = ()
    neighbour: Neighbour | None = None  # the near-domain subject that declined it
    country: Country | None = None  # the one country the question names, if one


class TopicChooser:
    """Question -> Choice over one content's search index."""

    def __init__(self, content: Content, index: SearchIndex) -> None:
        self.content = content
        self.index = index
        self.neighbours = NeighbourMatcher(content.scope)
        self.domain = DomainWords(content.domain)
        self.definitions = Definitions(content.glossary)

    def choose(self, query: Query) -> Choice:
        """Answer when confident; ask which topic is meant when a few are close; else
        decline, naming the nearest topics only when they are near."""
        if all(is_unigram(token) for token in query.tokens):
            return Choice("help")  # only small talk ("hi", "你好", "what can you do?")
        asked = question_countries(query.normalized)
        hits = self.with_second_opinion(self.candidates(query, asked), query.normalized)
        nearest = tuple(
            hit.doc_id for hit in hits[:NEAREST_TOPICS] if self.near(hit, query.information)
        )
        country = next(iter(asked)) if len(asked) == 1 else None
        found = self.neighbours.find(query.normalized, asked)
        neighbour = found[0] if found else None
        if (
            found is not None
            and not (hits and self.owns_without(hits[0], query, found[1], asked))
            and not self.only_in_the_story(query, hits, asked)
        ):
            return Choice("fallback", nearest, neighbour, country)
        if self.domain.off_domain(query.normalized):
            return Choice("fallback", nearest, country=country)
        defining = self.definitions.topic_defining(query.normalized)
        if defining is not None and fits(topic_countries(self.content.topics[defining]), asked):
            return Choice("answer", (defining,))  # "what is X?": the topic that defines X
        if hits and self.confident(hits[0], query.information):
            close = [hit for hit in hits[1:CLARIFY_OPTIONS] if self.rivals(hit, hits[0])]
            if not asked and not close:
                close = [
                    hit
                    for hit in hits[1:CLARIFY_OPTIONS]
                    if self.other_country(hit, hits[0])
                    and self.confident(hit, query.information)
                    and hit.rank_key >= OTHER_COUNTRY_CLOSE * hits[0].rank_key
                ][:1]
            if not close:
                return Choice("answer", (hits[0].doc_id,))
            return Choice("clarify", tuple(hit.doc_id for hit in [hits[0], *close]))
        if (
            hits
            and self.plausible(hits[0])
            and self.near(hits[0], query.information)
            and self.second_opinion(query.normalized, asked) == hits[0].doc_id
        ):
            # Below the bar, but the n-gram view picks the same topic: two views agree.
            return Choice("answer", (hits[0].doc_id,))
        plausible = [
            hit.doc_id
            for hit in hits[:CLARIFY_OPTIONS]
            if self.plausible(hit) and self.near(hit, query.information)
        ]
        if len(plausible) >= 2:
            return Choice("clarify", tuple(plausible))
        return Choice("fallback", nearest, country=country)

    def candidates(self, query: Query, asked: frozenset[Country]) -> list[Hit]:
        """BM25's best topics that fit the question's countries and words it must name."""
        topics = self.content.topics
        return [
            hit
            for hit in self.index.search(query, limit=CANDIDATES)
            if fits(topic_countries(topics[hit.doc_id]), asked)
            and addresses(query.normalized, topics[hit.doc_id].addressed_by)
        ]

    def only_in_the_story(self, query: Query, hits: list[Hit], asked: frozenset[Country]) -> bool:
        """Whether a neighbour is only part of the story ("I owe $360,000 on my mortgage…"),
        or a subject the question weighs a plan against ("pay down the mortgage or invest in
        my Roth 401(k)?", "what happens to our Social Security if we move to Canada?"), while
        the question asks about a topic that passes the bar and that the n-gram view picks
        too: then the topic answers. Measured on 2026-12-08: tune +2 right, held-out 简体 +1,
        no out-of-scope question lost in either half."""
        asking = asking_text(query.normalized)
        return (
            bool(hits)
            and (self.neighbours.match(asking, asked) is None or bool(_PLAN_NAMED.search(asking)))
            and self.confident(hits[0], query.information)
            and self.second_opinion(query.normalized, asked) == hits[0].doc_id
        )

    def with_second_opinion(self, hits: list[Hit], normalized: str) -> list[Hit]:
        """The candidates reordered by their BM25 rank (relative to the best) plus a small
        weight on the n-gram centroid's similarity (relative to the best candidate's).

        Chosen on the held-out half, as issue 8 asks of a learned component: held-out 72 -> 74
        right (简体 24 -> 26) and the dev set's FAQ 48 -> 50 of 52, for 3 fewer on the tune
        half, whose paraphrases were written for BM25; weights of 0.5 and 1 were worse."""
        if len(hits) < 2 or hits[1].rank_key < (1 - SECOND_OPINION_WEIGHT) * hits[0].rank_key:
            return hits  # no runner-up close enough for the second opinion to put it first
        similarities = self.index.centroids.similarities(normalized)
        similarity = {hit.doc_id: float(similarities[self.index.row(hit.doc_id)]) for hit in hits}
        top = max(similarity.values()) or 1.0
        best = hits[0].rank_key or 1.0

        def combined(hit: Hit) -> float:
            return hit.rank_key / best + SECOND_OPINION_WEIGHT * similarity[hit.doc_id] / top

        return sorted(hits, key=combined, reverse=True)

    def second_opinion(self, normalized: str, asked: frozenset[Country]) -> str | None:
        """The topic whose n-gram centroid is nearest the question, among those that fit."""
        sims = self.index.centroids.similarities(normalized)
        for row in np.argsort(-sims)[:CANDIDATES]:
            topic = self.content.topics[self.index.ids[row]]
            if fits(topic_countries(topic), asked):
                return topic.id
        return None

    def other_country(self, hit: Hit, best: Hit) -> bool:
        """Whether two topics belong to different countries (China's and America's)."""
        a = topic_countries(self.content.topics[hit.doc_id])
        b = topic_countries(self.content.topics[best.doc_id])
        return bool(a and b and not a & b)

    @staticmethod
    def rivals(hit: Hit, best: Hit) -> bool:
        """Whether a runner-up is so close to the best topic that picking one would be a guess:
        alike on every measure, whichever of the two is ahead on it (the second opinion may
        have put a topic first that BM25 ranked a little lower)."""
        return (
            _close(hit.rank_key, best.rank_key, CLOSE_RANK)
            and _close(hit.head_coverage, best.head_coverage, CLOSE_HEAD)
            and _close(hit.paraphrase, best.paraphrase, CLOSE_PARAPHRASE)
        )

    @staticmethod
    def near(hit: Hit, information: float) -> bool:
        """Whether a topic is near enough to a declined question to be offered as a button:
        its head fields match a few informative words of it (about two, in idf units)."""
        return hit.head_coverage * information >= NEAR_MATCHED

    @staticmethod
    def plausible(hit: Hit) -> bool:
        """Whether a topic that is not confident enough to answer is worth offering."""
        return hit.relative >= PLAUSIBLE_RELATIVE

    @staticmethod
    def confident(hit: Hit, information: float) -> bool:
        """Whether a topic hit is good enough to answer with.

        Long, narrative questions carry many words no topic needs; they are held to lower
        coverage and relative bars (calibrated on tests/data/retrieval_cases.yaml and the tune
        half, not on the dev set).
        """
        min_coverage = MIN_COVERAGE_LONG if information >= LONG_QUESTION else MIN_COVERAGE
        min_relative = MIN_RELATIVE_LONG if information >= LONG_QUESTION else MIN_RELATIVE_SCORE
        return (
            hit.relative >= min_relative
            and hit.coverage >= min_coverage
            and hit.head_coverage >= MIN_HEAD_COVERAGE
        )

    def owns_without(
        self, hit: Hit, query: Query, span: tuple[int, int], asked: frozenset[Country]
    ) -> bool:
        """Whether a topic owns the question even without the neighbour's phrase: "stopped
        paying my salary" is what a wage question is about, not an aside to a 401(k) topic
        that the rest of it ("my employer", "months") barely names."""
        if not self.owns(hit):
            return False
        start, end = span
        rest = self.index.query(query.normalized[:start] + " " + query.normalized[end:])
        best = next(iter(self.candidates(rest, asked)), None)
        return best is not None and best.doc_id == hit.doc_id and self.owns(best)

    @staticmethod
    def owns(hit: Hit) -> bool:
        """Whether a topic matches so well that a neighbour's phrase is incidental."""
        return hit.head_coverage >= OWNED_HEAD_COVERAGE


def _close(a: float, b: float, ratio: float) -> bool:
    """Whether the smaller of two scores is at least `ratio` of the larger."""
    return min(a, b) >= ratio * max(a, b)
