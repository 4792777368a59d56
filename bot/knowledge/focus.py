"""Find the question inside a story: which sentences ask, and how much each part weighs.

Real questions are often a paragraph of circumstances with the question at the end. The
sentences that ask (a question mark, 吗/呢/怎么/能不能, "can I", "should I", "how do I"…)
say what the person wants to know; the story around them only qualifies it. Search weighs
the story's words less, so one incidental word ("retired", "自己交") cannot pull the route.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

# Weight of a word that appears only in the story, when some sentence asks.
NARRATIVE_WEIGHT = 0.7
# A text shorter than this (characters) is taken whole: it is the question.
SHORT_TEXT = 60

_SENTENCE = re.compile(r"[^.!?。！？;；\n]+(?:[.!?。！？;；\n]+|$)")
_DECIMAL_DOT = re.compile(r"(?<=\d)\.(?=\d)")
_ASKS_ZH = re.compile(
    r"吗|嘛|呢|什么|怎么|如何|怎样|怎办|咋|多少|多久|几年|几个|几岁|能否|是否|可否|有无|请问|求助|求解|"
    r"能不能|可不可以|会不会|要不要|该不该|有没有|算不算|是不是|行不行|划不划算|值不值|哪|为什么|为啥|"
    r"还是"
)
_ASKS_EN = re.compile(
    r"^\s*(?:so|and|but|also|now|then|ok|okay|basically|my question is|question)?[\s,:]*"
    r"(?:how|what|what's|whats|can|could|should|would|will|is|are|am|do|does|did|when|where|"
    r"why|which|who|any|anyone|anybody|has|have|if i|must|shall|may)\b"
    r"|(?=[wnastiohcd])\b(?:wondering|want to know|wanted to know|need to know|advice|advise|"
    r"suggestions?|thoughts|ideas|options|help me|am i|is it|can i|should i|do i|would i|will i)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Segment:
    """A stretch of the normalised text and the weight of the words in it."""

    start: int
    end: int
    weight: float


def asks(sentence: str) -> bool:
    """Whether a sentence asks something."""
    return "?" in sentence or bool(_ASKS_ZH.search(sentence) or _ASKS_EN.search(sentence))


def focus_segments(normalized: str) -> list[Segment]:
    """The text cut into sentences, asking ones at weight 1 and the story around them lower.

    A short text, a text of one sentence, or a text where no sentence asks is taken whole.
    """
    if len(normalized) < SHORT_TEXT:
        return [Segment(0, len(normalized), 1.0)]
    spans = _sentence_spans(normalized)
    asking = [asks(normalized[a:b]) for a, b in spans]
    if len(spans) < 2 or not any(asking) or all(asking):
        return [Segment(0, len(normalized), 1.0)]
    return [
        Segment(a, b, 1.0 if ask else NARRATIVE_WEIGHT)
        for (a, b), ask in zip(spans, asking, strict=True)
    ]


def _sentence_spans(normalized: str) -> list[tuple[int, int]]:
    """Where each sentence of the text starts and ends."""
    masked = _DECIMAL_DOT.sub("·", normalized)  # "3.5%" is not a sentence end
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(masked) if m.group(0).strip()]


def asks_anything(normalized: str) -> bool:
    """Whether any sentence of the text asks something."""
    return any(asks(normalized[a:b]) for a, b in _sentence_spans(normalized))


@lru_cache(maxsize=256)  # the readers and the chooser ask it of the same message
def asking_text(normalized: str) -> str:
    """The sentences that ask, when a longer text has a story around them; else the text."""
    segments = focus_segments(normalized)
    if len(segments) == 1:
        return normalized
    return " ".join(normalized[s.start : s.end] for s in segments if s.weight == 1.0)
