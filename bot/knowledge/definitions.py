""" "What is X?": the glossary term a short definitional question names, and its topic.

Several topics mention a term ("Roth 401(k)" is in five of them), and word scores cannot tell
which one defines it. The glossary can: each term names the topic that explains it. A short
question that asks what a term is goes to that topic, when the search found it at all.
"""

import re

from bot.i18n.lang import han_count
from bot.knowledge.scope import GlossaryTerm
from bot.knowledge.tokens import normalize

# A question this long (normalised characters) or longer asks more than what a term is.
MAX_DEFINITION_QUESTION = 50
_ASKS_DEFINITION = re.compile(
    r"^\W*(?:so\s+)?(?:what(?:'s| is| are| does)|whats|define|meaning of|explain)\b|"
    r"什么是|什么叫|是什么|是啥|何为|何谓|啥是|指什么"
)
_PAREN = re.compile(r"\s*[(（]([^)）]*)[)）]\s*")
# What a definitional question says besides the name it asks about.
_FILLER = re.compile(
    r"\b(?:so|what|what's|whats|is|are|does|do|define|meaning|of|explain|a|an|the|mean|means|"
    r"exactly|actually|again|please|pls)\b|什么是|什么叫|是什么|是啥|何为|何谓|啥是|指什么|"
    r"意思|的|吗|呢|啊|呀|请问|到底|究竟"
)
_WORDS = re.compile(r"[a-z0-9\u3400-\u9fff]")


def _names(term: str) -> tuple[str, list[str]]:
    """A term's full name, and the other names inside it: "IRA (individual retirement
    account)" is also "ira" and "individual retirement account"; "DOL / EBSA" is both."""
    folded = normalize(term).strip()
    inner = [m.group(1).strip() for m in _PAREN.finditer(folded)]
    outer = _PAREN.sub(" ", folded).strip()
    others = [outer, *inner, *(p.strip() for p in outer.split("/") if "/" in outer)]
    return folded, [n for n in others if n != folded and _long_enough(n)]


def _name_pattern(name: str) -> re.Pattern[str]:
    """A name as it stands in a question: Chinese anywhere, English as whole words."""
    if han_count(name):
        return re.compile(re.escape(name))
    return re.compile(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])")


def _long_enough(name: str) -> bool:
    return len(name) >= (2 if han_count(name) else 3)


class Definitions:
    """The glossary's names, longest first, each with the topic that explains it."""

    def __init__(self, glossary: list[GlossaryTerm]) -> None:
        named: dict[str, str] = {}
        terms = [(term.topic, _names(text)) for term in glossary for text in term.term.values()]
        for topic, (full, _) in terms:  # a term's own name first: "Social Security" is its own
            if topic is not None:
                named.setdefault(full, topic)
        for topic, (_, others) in terms:
            if topic is not None:
                for name in others:
                    named.setdefault(name, topic)
        self._names = [
            (_name_pattern(name), topic)
            for name, topic in sorted(named.items(), key=lambda item: -len(item[0]))
        ]

    def topic_defining(self, normalized: str) -> str | None:
        """The topic of the glossary name a "what is…" question asks about, when the question
        asks nothing else ("what is a safe harbor 401(k)" is not "what is a safe harbor")."""
        if len(normalized) > MAX_DEFINITION_QUESTION or not _ASKS_DEFINITION.search(normalized):
            return None
        for pattern, topic in self._names:
            found = pattern.search(normalized)
            if found is not None:
                rest = normalized[: found.start()] + " " + normalized[found.end() :]
                return None if _WORDS.search(_FILLER.sub(" ", rest)) else topic
        return None
