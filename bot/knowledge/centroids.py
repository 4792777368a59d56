"""A second opinion on which topic a question is about: character n-grams, nearest centroid.

BM25 matches words. Real questions misspell, inflect, run Chinese words together and tell
stories; character n-grams (2 to 4 characters, over the text with its spaces) meet those
where whole words do not. Every way a topic is asked (title, paraphrases, keywords) is a
TF-IDF vector of its n-grams, words and word pairs; a topic's centroid is their normalised
sum, and a question's similarity to a topic is the cosine with that centroid. There is no
training loop, so the model is rebuilt with the index whenever the content changes.

N-grams are keyed by a 64-bit polynomial hash of their code points, computed with numpy for
the whole text at once: a long story costs a fraction of a millisecond.
"""

import itertools
import re
from typing import Any

import numpy as np

from bot.knowledge.sparse import feature_major_scores
from bot.knowledge.tokens import tokenize

GRAM_SIZES = (2, 3, 4)
# Characters of a text the model reads: a long story names its subject early, and reading
# more of it changed no answer on the real corpus while it cost up to a millisecond.
MAX_TEXT = 800
_SPACES = re.compile(r"\s+")
_MULTIPLIER = np.uint64(0x100000001B3)  # FNV's 64-bit prime: spreads code points over 64 bits


def gram_counts(normalized: str) -> tuple[np.ndarray, np.ndarray]:
    """The text's distinct n-gram keys (sorted) and how often each occurs."""
    padded = f" {_SPACES.sub(' ', normalized).strip()} "
    codes = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    keys = []
    with np.errstate(over="ignore"):
        for size in GRAM_SIZES:
            if len(codes) < size:
                continue
            key = np.full(len(codes) - size + 1, size, dtype=np.uint64)
            for offset in range(size):
                key = key * _MULTIPLIER + codes[offset : len(codes) - size + 1 + offset]
            keys.append(key)
    if not keys:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    return np.unique(np.concatenate(keys), return_counts=True)


def word_counts(normalized: str) -> dict[str, int]:
    """The text's search tokens and adjacent token pairs, with counts."""
    counts: dict[str, int] = {}
    words = tokenize(normalized)
    for key in words + [f"{a} {b}" for a, b in itertools.pairwise(words)]:
        counts[key] = counts.get(key, 0) + 1
    return counts


class Centroids:
    """One normalised TF-IDF centroid per topic.

    Features are the n-gram keys (`grams`, sorted) followed by the words (`words`). Most
    features occur in two or three topics, so the centroids are stored sparse and
    feature-major: feature f's topics are `topic_of[starts[f]:starts[f + 1]]`, with `weight`.
    """

    def __init__(self, examples: list[tuple[str, int]] | None, topics: int) -> None:
        """`examples` are (normalised text, topic row) pairs; None when restoring a cache."""
        self._last: tuple[str, np.ndarray] | None = None  # the last text and its result
        if examples is None:
            return
        docs = [(gram_counts(text), word_counts(text)) for text, _ in examples]
        self.grams = np.unique(np.concatenate([keys for (keys, _), _ in docs]))
        self.words: dict[str, int] = {}
        for _, words in docs:
            for word in words:
                self.words.setdefault(word, len(self.grams) + len(self.words))
        columns_of = [self._columns(grams, words) for grams, words in docs]
        df = np.zeros(len(self.grams) + len(self.words), dtype=np.float64)
        for columns, _ in columns_of:
            df[columns] += 1
        self.idf = (np.log((1 + len(docs)) / (1 + df)) + 1).astype(np.float32)
        centroids = np.zeros((len(df), topics), dtype=np.float32)
        for (columns, counts), (_, row) in zip(columns_of, examples, strict=True):
            values = self._weights(columns, counts)
            centroids[columns, row] += values
        centroids /= np.maximum(np.linalg.norm(centroids, axis=0), 1e-9)[None, :]
        features_, topics_ = np.nonzero(centroids)  # row-major: grouped by feature
        self.topics = topics
        self.starts = np.searchsorted(features_, np.arange(len(df) + 1)).astype(np.int64)
        self.topic_of = topics_.astype(np.int32)
        self.weight = centroids[features_, topics_]

    def _columns(
        self, keys: tuple[np.ndarray, np.ndarray], words: dict[str, int]
    ) -> tuple[np.ndarray, np.ndarray]:
        """The model's columns for a text's features that it knows, and their counts."""
        gram_keys, gram_counts_ = keys
        where = np.searchsorted(self.grams, gram_keys)
        where = np.minimum(where, max(len(self.grams) - 1, 0))
        known = self.grams[where] == gram_keys if len(self.grams) else where < 0
        known_words = [(self.words[w], c) for w, c in words.items() if w in self.words]
        columns = np.concatenate(
            [where[known], np.array([c for c, _ in known_words], dtype=np.int64)]
        )
        counts = np.concatenate(
            [gram_counts_[known], np.array([n for _, n in known_words], dtype=np.int64)]
        )
        return columns, counts

    def _weights(self, columns: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """Sublinear TF-IDF of the columns, normalised to length 1."""
        values = (1.0 + np.log(counts.astype(np.float32))) * self.idf[columns]
        return values / max(float(np.linalg.norm(values)), 1e-9)

    def arrays(self) -> dict[str, np.ndarray]:
        """The model as named arrays, for the on-disk index cache."""
        return {
            "centroid_grams": self.grams,
            "centroid_words": np.array(sorted(self.words, key=self.words.__getitem__)),
            "centroid_idf": self.idf,
            "centroid_starts": self.starts,
            "centroid_topic_of": self.topic_of,
            "centroid_weight": self.weight,
            "centroid_topics": np.array(self.topics),
        }

    @classmethod
    def from_arrays(cls, arrays: Any) -> "Centroids":
        """The model back from the on-disk cache."""
        model = cls(None, 0)
        model.grams = arrays["centroid_grams"]
        start = len(model.grams)
        model.words = {str(w): start + i for i, w in enumerate(arrays["centroid_words"])}
        model.idf = arrays["centroid_idf"]
        model.starts = arrays["centroid_starts"]
        model.topic_of = arrays["centroid_topic_of"]
        model.weight = arrays["centroid_weight"]
        model.topics = int(arrays["centroid_topics"])
        return model

    def similarities(self, normalized: str) -> np.ndarray:
        """The cosine of the text with every topic's centroid (0 when it shares nothing).

        Features the model has never seen carry no idf and are left out of the norm. The
        last text's result is kept: ranking and the agreement check ask for the same text.
        """
        last = self._last
        if last is not None and last[0] == normalized:
            return last[1]
        result = self._similarities(normalized[:MAX_TEXT])
        self._last = (normalized, result)
        return result

    def _similarities(self, normalized: str) -> np.ndarray:
        columns, counts = self._columns(gram_counts(normalized), word_counts(normalized))
        values = self._weights(columns, counts)
        result = feature_major_scores(
            self.starts, self.topic_of, self.weight, columns, values, self.topics
        )
        return result
