"""Whether a question is about retirement systems at all: the words of `content/domain.yaml`.

A long question that shares words with a topic ("pay off", "loan", "invest") but names no
plan, pension or social-insurance term is about something else (credit cards, a tax refund)
and is declined. Short questions are not checked (see LONG_TEXT).
"""

import re
from pathlib import Path

from bot.knowledge.errors import ContentError
from bot.knowledge.tokens import normalize
from bot.knowledge.yamlio import load_yaml

_HAN = re.compile(r"[\u3400-\u9fff]")
# A question at least this long (normalised characters) must name a domain word.
LONG_TEXT = 60


class DomainWords:
    """English terms match at the start of a word, Chinese terms anywhere."""

    def __init__(self, terms: dict[str, list[str]]) -> None:
        folded = sorted({normalize(t).strip() for ts in terms.values() for t in ts}, key=len)
        longest_first = [t for t in reversed(folded) if t]
        han = [re.escape(t) for t in longest_first if _HAN.search(t)]
        latin = [re.escape(t) for t in longest_first if not _HAN.search(t)]
        # One look-behind for the whole English alternation (a word's start), not one per
        # term: a long story without any term is scanned in a fraction of the time.
        parts = ([rf"(?<![a-z0-9])(?:{'|'.join(latin)})"] if latin else []) + han
        self._pattern = re.compile("|".join(parts)) if parts else None

    def mentions(self, normalized: str) -> bool:
        """Whether already-normalised text names a domain word."""
        return self._pattern is None or bool(self._pattern.search(normalized))

    def off_domain(self, normalized: str) -> bool:
        """Whether a long question names no domain word at all."""
        return len(normalized) >= LONG_TEXT and not self.mentions(normalized)


def load_domain(path: Path) -> dict[str, list[str]]:
    """Load `domain.yaml` ({en: [...], zh: [...]}); a missing file checks nothing."""
    if not path.exists():
        return {}
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise ContentError(f"{path.name}: expected lists of terms under en and zh")
    return {str(lang): [str(term) for term in terms] for lang, terms in data.items()}
