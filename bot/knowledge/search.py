"""A bilingual BM25 index over topics and out-of-scope neighbours (numpy)."""

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

import numpy as np

from bot.knowledge.content import Content
from bot.knowledge.tokens import is_bigram, is_unigram, normalize, tokenize

DocKind = Literal["topic", "scope"]

K1 = 1.2
B = 0.6
FIELD_WEIGHTS = {"title": 3.0, "questions": 2.0, "keywords": 3.0, "glossary": 2.0, "body": 1.0}
QUERY_WEIGHT_UNIGRAM = 0.25
QUERY_WEIGHT_NUMBER = 0.5
_TEMPLATE_PART = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_MARKS = re.compile(r"\*\*|^- ", re.MULTILINE)


@dataclass(frozen=True)
class Hit:
    """One search result."""

    doc_id: str
    kind: DocKind
    score: float
    relative: float
    coverage: float


@dataclass(frozen=True)
class Query:
    """A tokenised query with per-token weights."""

    tokens: dict[str, float]
    known_share: float


_ASCII_WORD = re.compile(r"[a-z0-9+]+")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")


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
        self._max_words = max((len(k) for k in self._words), default=0)
        self._han_lengths = sorted({len(k) for k in self._han})

    def tokens(self, normalized: str) -> list[str]:
        """The group tokens of every group with a member in the text."""
        found: set[str] = set()
        words = _ASCII_WORD.findall(normalized)
        for size in range(1, self._max_words + 1):
            for start in range(len(words) - size + 1):
                hit = self._words.get(tuple(words[start : start + size]))
                if hit:
                    found |= hit
        for run in _HAN_RUN.findall(normalized):
            for size in self._han_lengths:
                for start in range(len(run) - size + 1):
                    hit = self._han.get(run[start : start + size])
                    if hit:
                        found |= hit
        return sorted(found)


def _doc_text_tokens(text: str, synonyms: Synonyms) -> list[str]:
    normalized = normalize(_MARKS.sub(" ", _TEMPLATE_PART.sub(" ", text)))
    return tokenize(normalized) + synonyms.tokens(normalized)


class SearchIndex:
    """BM25 over weighted fields; one row per topic or neighbour."""

    def __init__(self, content: Content) -> None:
        self.synonyms = Synonyms(content.synonyms)
        glossary_by_topic: dict[str, list[str]] = {}
        for term in content.glossary:
            if term.topic:
                glossary_by_topic.setdefault(term.topic, []).extend(term.term.values())
        docs: list[tuple[str, DocKind, dict[str, list[str]]]] = []
        for topic in content.topics.values():
            fields = {
                "title": list(topic.title.values()),
                "questions": [q for qs in topic.questions.values() for q in qs],
                "keywords": [k for ks in topic.keywords.values() for k in ks],
                "glossary": glossary_by_topic.get(topic.id, []),
                "body": [topic.bodies.get("en", ""), topic.bodies.get("zh", "")],
            }
            docs.append((topic.id, "topic", fields))
        for neighbour in content.scope:
            fields = {
                "title": list(neighbour.name.values()),
                "keywords": [k for ks in neighbour.keywords.values() for k in ks],
            }
            docs.append((neighbour.id, "scope", fields))
        self.ids = [doc_id for doc_id, _, _ in docs]
        self.kinds: list[DocKind] = [kind for _, kind, _ in docs]
        self._build([fields for _, _, fields in docs])

    def _build(self, docs: list[dict[str, list[str]]]) -> None:
        weighted: list[Counter[str]] = []
        for fields in docs:
            tf: Counter[str] = Counter()
            for field, texts in fields.items():
                weight = FIELD_WEIGHTS[field]
                for text in texts:
                    for token in _doc_text_tokens(text, self.synonyms):
                        tf[token] += weight
            weighted.append(tf)
        vocabulary = sorted({token for tf in weighted for token in tf})
        self.vocab = {token: i for i, token in enumerate(vocabulary)}
        n_docs = len(weighted)
        tf_matrix = np.zeros((n_docs, len(vocabulary)), dtype=np.float32)
        for row, tf in enumerate(weighted):
            for token, count in tf.items():
                tf_matrix[row, self.vocab[token]] = count
        lengths = tf_matrix.sum(axis=1)
        avg = float(lengths.mean()) if n_docs else 1.0
        df = (tf_matrix > 0).sum(axis=0)
        self.idf = np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
        self.unknown_idf = float(math.log(1.0 + (n_docs + 0.5) / 0.5))
        norm = K1 * (1 - B + B * lengths / avg)
        self.weights = (tf_matrix * (K1 + 1) / (tf_matrix + norm[:, None])) * self.idf[None, :]
        self.present = tf_matrix > 0

    def query(self, text: str) -> Query:
        """Tokenise and weight a user's text."""
        normalized = normalize(text)
        tokens: dict[str, float] = {}
        for token in tokenize(normalized) + self.synonyms.tokens(normalized):
            if is_unigram(token):
                weight = QUERY_WEIGHT_UNIGRAM
            elif token[0].isdigit():
                weight = QUERY_WEIGHT_NUMBER
            else:
                weight = 1.0
            tokens[token] = max(tokens.get(token, 0.0), weight)
        total = sum(self._idf(t) * w for t, w in tokens.items())
        known = sum(self._idf(t) * w for t, w in tokens.items() if t in self.vocab)
        return Query(tokens=tokens, known_share=known / total if total else 0.0)

    def _idf(self, token: str) -> float:
        index = self.vocab.get(token)
        return float(self.idf[index]) if index is not None else self.unknown_idf

    def search(self, query: Query, limit: int = 5) -> list[Hit]:
        """The best documents for a query, best first."""
        known = [(self.vocab[t], w) for t, w in query.tokens.items() if t in self.vocab]
        if not known:
            return []
        columns = np.array([i for i, _ in known])
        qweights = np.array([w for _, w in known], dtype=np.float32)
        scores = self.weights[:, columns] @ qweights
        ideal = sum(self._idf(t) * w for t, w in query.tokens.items()) * (K1 + 1)
        matched = self.present[:, columns].astype(np.float32) @ (qweights * self.idf[columns])
        total_idf = sum(self._idf(t) * w for t, w in query.tokens.items())
        order = np.argsort(-scores)[:limit]
        return [
            Hit(
                doc_id=self.ids[i],
                kind=self.kinds[i],
                score=float(scores[i]),
                relative=float(scores[i]) / ideal if ideal else 0.0,
                coverage=float(matched[i]) / total_idf if total_idf else 0.0,
            )
            for i in order
            if scores[i] > 0
        ]
