"""Whether a question names one of the words a topic must be addressed by (`addressed_by`).

English words match whole (after normalisation: "u" is not found inside "bonus"); Chinese
terms anywhere.
"""

import re
from functools import cache

from bot.knowledge.tokens import normalize


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = [
        re.escape(w)
        if re.search(r"[\u3400-\u9fff]", w)
        else rf"(?<![a-z0-9]){re.escape(w)}s?(?![a-z0-9])"
        for w in (normalize(word).strip() for word in words)
        if w
    ]
    return re.compile("|".join(parts))


def addresses(normalized: str, words: tuple[str, ...]) -> bool:
    """Whether already-normalised text names one of the words (always, when there are none)."""
    return not words or bool(_pattern(words).search(normalized))
