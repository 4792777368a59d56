"""A bilingual BM25 search over topics (numpy).

Two views of every topic are scored: the topic as a whole (weighted fields: title,
paraphrases, keywords, glossary terms, body) and each paraphrase on its own, since a user's
question usually resembles one way people ask it. Candidates come from the topic view;
they are ranked by how well the curated head fields and the closest paraphrase match.
"""

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from bot.knowledge.centroids import Centroids
from bot.knowledge.content import Content
from bot.knowledge.focus import focus_segments
from bot.knowledge.sparse import feature_major_scores
from bot.knowledge.tokens import ZH_STOP_CHARS, is_unigram, normalize, tokenize

K1 = 1.2
B = 0.6
FIELD_WEIGHTS = {"title": 3.0, "questions": 2.0, "keywords": 3.0, "glossary": 2.0, "body": 1.0}
# The curated fields that name what a topic is about (the body also mentions side matters).
HEAD_FIELDS = frozenset({"title", "questions", "keywords", "glossary"})
QUERY_WEIGHT_UNIGRAM = 0.25
QUERY_WEIGHT_NUMBER = 0.5
# One Chinese character of a question counts like this many idf units in coverage: about a
# typical bigram's idf, so a covered two-character word weighs like a matched English word.
HAN_CHAR_WEIGHT = 1.5
CANDIDATES = 12
PARAPHRASE_WEIGHT = 0.5
_TEMPLATE_PART = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_FIGURE_REF = re.compile(r"\{\{\s*fig\.(\w+)\s*\}\}")
_MARKS = re.compile(r"\*\*|^- ", re.MULTILINE)
_ASCII_WORD = re.compile(r"[a-z0-9+]+")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")


@dataclass(frozen=True)
class Hit:
    """One search result.

    `relative` is the topic's score over the query's ideal score; `coverage` is the share of
    the query's information the topic matches (idf-weighted English words, and Chinese
    characters covered by a matching bigram); `head_coverage` the same for the curated head
    fields only; `paraphrase` the best relative score of one of its paraphrases.
    """

    doc_id: str
    score: float
    relative: float
    coverage: float
    head_coverage: float
    paraphrase: float

    @property
    def rank_key(self) -> float:
        """What orders candidates."""
        return self.relative * (1 + self.head_coverage) + PARAPHRASE_WEIGHT * self.paraphrase


@dataclass(frozen=True)
class _CoverageColumns:
    """A query's coverage terms as index columns (see SearchIndex._coverage_columns)."""

    words: np.ndarray
    weights: np.ndarray
    bigrams: np.ndarray
    spans: np.ndarray
    char_weights: np.ndarray


@dataclass(frozen=True)
class Query:
    """A tokenised query: weighted tokens, where its Chinese bigrams sit, and its total
    information (idf of non-Han tokens plus weighted Han characters)."""

    normalized: str
    tokens: dict[str, float]
    han_chars: frozenset[int]
    han_weights: tuple[float, ...]  # the weight of each of han_chars, in position order
    han_bigrams: tuple[tuple[int, str], ...]
    information: float


class Synonyms:
    """Groups of interchangeable terms; any member found adds the group's own token.

    English terms match as whole word sequences, Chinese terms as substrings of a Han run;
    both by dictionary look-up of n-grams, which keeps index building fast.
    """

    def __init__(self, groups: list[list[str]]) -> None:
        self._words: dict[tuple[str, ...], set[str]] = {}
        self._han: dict[str, set[str]] = {}
        for index, group in enumerate(groups):
            for term in group:
                folded = normalize(term)
                token = f"§{index}"
                if _HAN_RUN.search(folded):
                    for run in _HAN_RUN.findall(folded)[:1]:
                        self._han.setdefault(run, set()).add(token)
                else:
                    words = tuple(_ASCII_WORD.findall(folded))
                    if words:
                        self._words.setdefault(words, set()).add(token)
        # The lengths of the terms that start with each first word or character: a text is
        # looked up only where some term could start.
        self._word_sizes: dict[str, set[int]] = {}
        for words in self._words:
            self._word_sizes.setdefault(words[0], set()).add(len(words))
        self._han_sizes: dict[str, set[int]] = {}
        for term in self._han:
            self._han_sizes.setdefault(term[0], set()).add(len(term))

    def tokens(self, normalized: str) -> list[str]:
        """The group tokens of every group with a member in the text."""
        found: set[str] = set()
        words = _ASCII_WORD.findall(normalized)
        for start, word in enumerate(words):
            for size in self._word_sizes.get(word, ()):
                if start + size > len(words):
                    continue
                hit = self._words.get(tuple(words[start : start + size]))
                if hit:
                    found |= hit
        for run in _HAN_RUN.findall(normalized):
            for start, char in enumerate(run):
                for size in self._han_sizes.get(char, ()):
                    if start + size > len(run):
                        continue
                    hit = self._han.get(run[start : start + size])
                    if hit:
                        found |= hit
        return sorted(found)


class Bm25:
    """BM25 weights for a set of documents given as token -> term-frequency maps.

    Matrices are stored token-major (one contiguous row per token): a query reads a handful
    of whole rows instead of a strided column from every document.
    """

    def __init__(self, docs: list[dict[str, float]], vocab: dict[str, int]) -> None:
        tf = np.zeros((len(docs), len(vocab)), dtype=np.float32)
        for row, doc in enumerate(docs):
            for token, count in doc.items():
                tf[row, vocab[token]] = count
        lengths = tf.sum(axis=1)
        avg = float(lengths.mean()) if len(docs) else 1.0
        df = (tf > 0).sum(axis=0)
        self.idf = np.log(1.0 + (len(docs) - df + 0.5) / (df + 0.5)).astype(np.float32)
        norm = K1 * (1 - B + B * lengths / max(avg, 1e-9))
        weights = (tf * (K1 + 1) / (tf + norm[:, None])) * self.idf[None, :]
        self.weights = np.ascontiguousarray(weights.T)
        self.present = np.ascontiguousarray((tf > 0).T)
        self.unknown_idf = float(math.log(1.0 + (len(docs) + 0.5) / 0.5))

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The weights as named arrays, for the on-disk cache."""
        return {
            f"{prefix}idf": self.idf,
            f"{prefix}weights": self.weights,
            f"{prefix}present": self.present,
            f"{prefix}unknown_idf": np.array(self.unknown_idf),
        }

    @classmethod
    def from_arrays(cls, arrays: Any, prefix: str) -> "Bm25":
        """Weights back from the on-disk cache."""
        bm25 = cls.__new__(cls)
        bm25.idf = arrays[f"{prefix}idf"]
        bm25.weights = arrays[f"{prefix}weights"]
        bm25.present = arrays[f"{prefix}present"]
        bm25.unknown_idf = float(arrays[f"{prefix}unknown_idf"])
        return bm25

    def scores(self, columns: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Each document's score for the query columns."""
        return weights @ self.weights[columns]

    def ideal(self, columns: np.ndarray, weights: np.ndarray, unknown: float) -> float:
        """The score of a document that matched every query token perfectly."""
        return (float(self.idf[columns] @ weights) + unknown * self.unknown_idf) * (K1 + 1)


class SparseBm25:
    """BM25 weights like Bm25, stored sparse: for many short documents (the paraphrase view,
    some 2,000 paraphrases of a few words each over 6,000 tokens) a dense matrix would be
    tens of megabytes, nearly all zeros, to write, load and keep. Token-major: the entries of
    token t are `doc_of[starts[t]:starts[t + 1]]` with `weight`."""

    def __init__(self, docs: list[dict[str, float]] | None, vocab: dict[str, int]) -> None:
        if docs is None:
            return
        self.docs = len(docs)
        lengths = np.array([sum(doc.values()) for doc in docs], dtype=np.float64)
        avg = float(lengths.mean()) if len(docs) else 1.0
        entries = sorted(
            (vocab[token], row, count)
            for row, doc in enumerate(docs)
            for token, count in doc.items()
        )
        tokens = np.array([t for t, _, _ in entries], dtype=np.int64)
        rows = np.array([r for _, r, _ in entries], dtype=np.int64)
        tf = np.array([c for _, _, c in entries], dtype=np.float64)
        df = np.bincount(tokens, minlength=len(vocab)).astype(np.float64)
        self.idf = np.log(1.0 + (len(docs) - df + 0.5) / (df + 0.5)).astype(np.float32)
        norm = K1 * (1 - B + B * lengths[rows] / max(avg, 1e-9))
        self.weight = ((tf * (K1 + 1) / (tf + norm)) * self.idf[tokens]).astype(np.float32)
        self.doc_of = rows.astype(np.int32)
        self.starts = np.searchsorted(tokens, np.arange(len(vocab) + 1)).astype(np.int64)
        self.unknown_idf = float(math.log(1.0 + (len(docs) + 0.5) / 0.5))

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The weights as named arrays, for the on-disk cache."""
        return {
            f"{prefix}idf": self.idf,
            f"{prefix}weight": self.weight,
            f"{prefix}doc_of": self.doc_of,
            f"{prefix}starts": self.starts,
            f"{prefix}docs": np.array(self.docs),
            f"{prefix}unknown_idf": np.array(self.unknown_idf),
        }

    @classmethod
    def from_arrays(cls, arrays: Any, prefix: str) -> "SparseBm25":
        """Weights back from the on-disk cache."""
        bm25 = cls(None, {})
        bm25.idf = arrays[f"{prefix}idf"]
        bm25.weight = arrays[f"{prefix}weight"]
        bm25.doc_of = arrays[f"{prefix}doc_of"]
        bm25.starts = arrays[f"{prefix}starts"]
        bm25.docs = int(arrays[f"{prefix}docs"])
        bm25.unknown_idf = float(arrays[f"{prefix}unknown_idf"])
        return bm25

    def scores(self, columns: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Each document's score for the query columns."""
        scores = feature_major_scores(
            self.starts, self.doc_of, self.weight, columns, weights, self.docs
        )
        return scores.astype(np.float32)

    def ideal(self, columns: np.ndarray, weights: np.ndarray, unknown: float) -> float:
        """The score of a document that matched every query token perfectly."""
        return (float(self.idf[columns] @ weights) + unknown * self.unknown_idf) * (K1 + 1)


def _doc_text_tokens(text: str, synonyms: Synonyms) -> list[str]:
    normalized = normalize(_MARKS.sub(" ", _TEMPLATE_PART.sub(" ", text)))
    return tokenize(normalized) + synonyms.tokens(normalized)


def _with_plain_figures(body: str, content: Content) -> str:
    """Put each figure's bare value where the template prints it, so numbers are searchable."""

    def value(match: re.Match[str]) -> str:
        figure = content.figures.get(match.group(1))
        if figure is None or isinstance(figure.value, dt.date):
            return " "
        number = float(figure.value)
        return f" {int(number) if number.is_integer() else number} "

    return _FIGURE_REF.sub(value, body)


class SearchIndex:
    """The topic view and the paraphrase view of the content, over one vocabulary."""

    def __init__(self, content: Content, cached: Any = None) -> None:
        self.synonyms = Synonyms(content.synonyms)
        if cached is not None:
            self._restore(cached)
            return
        glossary_by_topic: dict[str, list[str]] = {}
        for term in content.glossary:
            if term.topic:
                glossary_by_topic.setdefault(term.topic, []).extend(term.term.values())
        self.ids = list(content.topics)
        topic_docs: list[dict[str, float]] = []
        heads: list[set[str]] = []
        paraphrase_docs: list[dict[str, float]] = []
        self.paraphrase_topic: list[int] = []
        examples: list[tuple[str, int]] = []
        for row, topic in enumerate(content.topics.values()):
            fields = {
                "title": list(topic.title.values()),
                "questions": [q for qs in topic.questions.values() for q in qs],
                "keywords": [k for ks in topic.keywords.values() for k in ks],
                "glossary": glossary_by_topic.get(topic.id, []),
                "body": [
                    _with_plain_figures(topic.bodies.get(lang, ""), content)
                    for lang in ("en", "zh")
                ],
            }
            tf: dict[str, float] = {}
            head: set[str] = set()
            for field, texts in fields.items():
                for text in texts:
                    tokens = _doc_text_tokens(text, self.synonyms)
                    for token in tokens:
                        tf[token] = tf.get(token, 0.0) + FIELD_WEIGHTS[field]
                    if field in HEAD_FIELDS:
                        head.update(tokens)
                    if field in ("title", "questions"):
                        paraphrase_docs.append(dict.fromkeys(tokens, 1.0))
                        self.paraphrase_topic.append(row)
            topic_docs.append(tf)
            heads.append(head)
            asked = fields["title"] + fields["questions"]
            asked += [" ".join(ks) for ks in topic.keywords.values()]
            examples.extend((normalize(text), row) for text in asked)
        self.centroids = Centroids(examples, len(self.ids))
        self.vocab = {
            token: i for i, token in enumerate(sorted({t for d in topic_docs for t in d}))
        }
        self.topics = Bm25(topic_docs, self.vocab)
        # The paraphrase view only needs the words paraphrases use: a much narrower matrix.
        self.paraphrase_vocab = {
            token: i for i, token in enumerate(sorted({t for d in paraphrase_docs for t in d}))
        }
        self.paraphrases = SparseBm25(paraphrase_docs, self.paraphrase_vocab)
        self.in_head = np.zeros_like(self.topics.present)
        for row, head in enumerate(heads):
            self.in_head[[self.vocab[token] for token in head], row] = True
        self._paraphrase_starts = _group_starts(self.paraphrase_topic, len(self.ids))

    def arrays(self) -> dict[str, np.ndarray]:
        """Everything built from the content, as named arrays (see index_cache)."""
        return {
            "ids": np.array(self.ids),
            "vocab": np.array(sorted(self.vocab, key=self.vocab.__getitem__)),
            "paraphrase_vocab": np.array(
                sorted(self.paraphrase_vocab, key=self.paraphrase_vocab.__getitem__)
            ),
            "paraphrase_topic": np.array(self.paraphrase_topic, dtype=np.int64),
            "in_head": self.in_head,
            **self.topics.arrays("topics_"),
            **self.paraphrases.arrays("paraphrases_"),
            **self.centroids.arrays(),
        }

    def _restore(self, arrays: Any) -> None:
        self.ids = [str(i) for i in arrays["ids"]]
        self.vocab = {str(token): i for i, token in enumerate(arrays["vocab"])}
        self.paraphrase_vocab = {
            str(token): i for i, token in enumerate(arrays["paraphrase_vocab"])
        }
        self.paraphrase_topic = [int(i) for i in arrays["paraphrase_topic"]]
        self.in_head = arrays["in_head"]
        self.topics = Bm25.from_arrays(arrays, "topics_")
        self.paraphrases = SparseBm25.from_arrays(arrays, "paraphrases_")
        self.centroids = Centroids.from_arrays(arrays)
        self._paraphrase_starts = _group_starts(self.paraphrase_topic, len(self.ids))

    @cached_property
    def _rows(self) -> dict[str, int]:
        return {topic: i for i, topic in enumerate(self.ids)}

    def row(self, doc_id: str) -> int:
        """The index row of a topic."""
        return self._rows[doc_id]

    def query(self, text: str) -> Query:
        """Tokenise and weight a user's text; the story around a question weighs less."""
        normalized = normalize(text)
        tokens: dict[str, float] = {}
        chars: dict[int, float] = {}
        bigrams: list[tuple[int, str]] = []
        for segment in focus_segments(normalized):
            part = normalized[segment.start : segment.end]
            for token in tokenize(part) + self.synonyms.tokens(part):
                if is_unigram(token):
                    weight = QUERY_WEIGHT_UNIGRAM
                elif token.replace(".", "").isdigit():
                    weight = QUERY_WEIGHT_NUMBER
                else:
                    weight = 1.0
                tokens[token] = max(tokens.get(token, 0.0), weight * segment.weight)
            for match in _HAN_RUN.finditer(part):
                run, offset = match.group(0), segment.start + match.start()
                for i, ch in enumerate(run):
                    if ch not in ZH_STOP_CHARS:
                        chars[offset + i] = segment.weight
                bigrams.extend(
                    (offset + i, run[i : i + 2])
                    for i in range(len(run) - 1)
                    if run[i : i + 2] in self.vocab
                )
        words = sum(self._idf(t) * w for t, w in tokens.items() if not _is_han(t))
        return Query(
            normalized=normalized,
            tokens=tokens,
            han_chars=frozenset(chars),
            han_weights=tuple(chars[p] for p in sorted(chars)),
            han_bigrams=tuple(bigrams),
            information=words + HAN_CHAR_WEIGHT * sum(chars.values()),
        )

    def _idf(self, token: str) -> float:
        index = self.vocab.get(token)
        return float(self.topics.idf[index]) if index is not None else self.topics.unknown_idf

    def _coverage_columns(self, query: Query) -> "_CoverageColumns":
        """What coverage counts, as index columns: known words (idf-weighted) and Han bigrams.

        `spans` maps each bigram to the question characters it covers (stop characters do
        not count), so a document's covered characters are one matrix product away.
        """
        english = [(self.vocab[t], w * self._idf(t)) for t, w in known_words(query, self.vocab)]
        positions = {p: i for i, p in enumerate(sorted(query.han_chars))}
        spans = np.zeros((len(query.han_bigrams), len(positions)), dtype=np.float32)
        for row, (position, _) in enumerate(query.han_bigrams):
            for char in (position, position + 1):
                if char in positions:
                    spans[row, positions[char]] = 1.0
        return _CoverageColumns(
            words=np.array([c for c, _ in english], dtype=np.int64),
            weights=np.array([w for _, w in english], dtype=np.float32),
            bigrams=np.array([self.vocab[b] for _, b in query.han_bigrams], dtype=np.int64),
            spans=spans,
            char_weights=np.array(query.han_weights, dtype=np.float32),
        )

    @staticmethod
    def _matched(columns: "_CoverageColumns", rows: np.ndarray, where: np.ndarray) -> np.ndarray:
        """The information of the query that each of `rows` matches (in `where`'s fields)."""
        matched = columns.weights @ where[columns.words][:, rows].astype(np.float32)
        if len(columns.bigrams):
            hits = where[columns.bigrams][:, rows].T.astype(np.float32)
            covered = (hits @ columns.spans) > 0
            matched += HAN_CHAR_WEIGHT * (covered @ columns.char_weights)
        return matched

    def search(self, query: Query, limit: int = 5) -> list[Hit]:
        """The best topics for a query, best first."""
        known = [(self.vocab[t], w) for t, w in query.tokens.items() if t in self.vocab]
        if not known:
            return []
        columns = np.array([i for i, _ in known])
        weights = np.array([w for _, w in known], dtype=np.float32)
        unknown = sum(w for t, w in query.tokens.items() if t not in self.vocab)
        scores = self.topics.scores(columns, weights)
        ideal = self.topics.ideal(columns, weights, unknown)
        in_paraphrases = [
            (self.paraphrase_vocab[t], w)
            for t, w in query.tokens.items()
            if t in self.paraphrase_vocab
        ]
        p_columns = np.array([i for i, _ in in_paraphrases], dtype=np.int64)
        p_weights = np.array([w for _, w in in_paraphrases], dtype=np.float32)
        p_unknown = sum(w for t, w in query.tokens.items() if t not in self.paraphrase_vocab)
        paraphrase_scores = self.paraphrases.scores(p_columns, p_weights)
        paraphrase_ideal = self.paraphrases.ideal(p_columns, p_weights, p_unknown)
        # Paraphrases are stored topic by topic, every topic with at least its title.
        best_paraphrase = np.maximum.reduceat(paraphrase_scores, self._paraphrase_starts)
        information = query.information or 1.0
        rows = np.argsort(-scores)[:CANDIDATES]
        rows = rows[scores[rows] > 0]
        coverage = self._coverage_columns(query)
        matched = self._matched(coverage, rows, self.topics.present)
        head = self._matched(coverage, rows, self.in_head)
        hits = [
            Hit(
                doc_id=self.ids[row],
                score=float(scores[row]),
                relative=float(scores[row]) / ideal if ideal else 0.0,
                coverage=float(matched[i]) / information,
                head_coverage=float(head[i]) / information,
                paraphrase=float(best_paraphrase[row]) / paraphrase_ideal
                if paraphrase_ideal
                else 0.0,
            )
            for i, row in enumerate(rows)
        ]
        hits.sort(key=lambda hit: hit.rank_key, reverse=True)
        return hits[:limit]


def _group_starts(groups: list[int], count: int) -> np.ndarray:
    """Where each run of equal, ascending group numbers starts (one run per group)."""
    starts = [i for i, group in enumerate(groups) if i == 0 or group != groups[i - 1]]
    if [groups[i] for i in starts] != list(range(count)):
        raise ValueError("paraphrases must be stored topic by topic, every topic present")
    return np.array(starts, dtype=np.int64)


def known_words(query: Query, vocab: dict[str, int]) -> list[tuple[str, float]]:
    """The query's non-Han tokens that the index knows, with their weights."""
    return [(t, w) for t, w in query.tokens.items() if not _is_han(t) and t in vocab]


def _is_han(token: str) -> bool:
    return "\u3400" <= token[0] <= "\u9fff"
