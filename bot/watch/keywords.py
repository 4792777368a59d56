"""Which topics an entry touches, by the keyword lists of the watch configuration."""

import re
from functools import cache

from bot.i18n.lang import han_count


def matched_topics(text: str, keywords: dict[str, dict[str, tuple[str, ...]]]) -> list[str]:
    """Topic ids whose keywords occur in `text`, in configuration order."""
    folded = text.casefold()
    return [
        topic
        for topic, lists in keywords.items()
        if any(_occurs(word, folded) for words in lists.values() for word in words)
    ]


def _occurs(word: str, folded_text: str) -> bool:
    if han_count(word):
        return word.casefold() in folded_text
    return _word_pattern(word).search(folded_text) is not None


@cache
def _word_pattern(word: str) -> re.Pattern[str]:
    """A whole word or phrase: 'IRA' matches 'an IRA rollover' and 'IRA账户', not 'tiara'."""
    return re.compile(rf"(?<![a-z0-9]){re.escape(word.casefold())}(?![a-z0-9])")
