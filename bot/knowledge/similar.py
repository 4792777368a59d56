"""Group questions that ask the same thing, for the editors' list of gaps."""

from dataclasses import dataclass, field

from bot.knowledge.tokens import normalize, tokenize

SAME_QUESTION = 0.5  # Dice overlap of token sets (words, Chinese characters and bigrams)


@dataclass
class SimilarGroup:
    """Questions close enough to be one gap: the first one seen stands for the group."""

    example: str
    tokens: frozenset[str]
    members: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many questions the group holds."""
        return len(self.members)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def group_similar(texts: list[str], threshold: float = SAME_QUESTION) -> list[SimilarGroup]:
    """Greedy grouping: each text joins the group whose example it overlaps most (at least
    `threshold`), else starts one. Largest groups first, ties in order of first appearance."""
    groups: list[SimilarGroup] = []
    for text in texts:
        tokens = frozenset(tokenize(normalize(text)))
        best = max(groups, key=lambda g: _overlap(g.tokens, tokens), default=None)
        if best is not None and _overlap(best.tokens, tokens) >= threshold:
            best.members.append(text)
        else:
            groups.append(SimilarGroup(text, tokens, [text]))
    return sorted(groups, key=lambda g: -g.count)
