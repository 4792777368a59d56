"""The real-question corpus: loading, the fixed tune/held-out split, and scoring replies.

Questions were copied verbatim from public pages (`tests/data/real/*.yaml`, each with its
URL). Each is labelled with the outcomes that would be right: topic ids, `calc:<name>`,
`decline`, or `new:<id>` for an in-domain subject that no topic covered when it was labelled
(right once a topic with that id exists; until then the right reply is an honest fallback).
"""

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CORPUS_DIR = Path(__file__).parent / "data" / "real"
SCRIPTS = ("en", "zh-Hans", "zh-Hant")
HALVES = ("tune", "held")


@dataclass(frozen=True)
class RealQuestion:
    """One real question with its source and what a right reply would be."""

    id: str
    lang: str
    url: str
    question: str
    expect: tuple[str, ...]
    country: str

    @property
    def half(self) -> str:
        """`tune` or `held`, fixed by the source page (its URL), so one page never spans both."""
        return "held" if hashlib.sha256(self.url.encode("utf-8")).digest()[0] % 2 else "tune"

    @property
    def out_of_scope(self) -> bool:
        """Whether the only right reply is to decline."""
        return self.expect == ("decline",)


def load_corpus(directory: Path = CORPUS_DIR) -> list[RealQuestion]:
    """Every question of every corpus file."""
    questions = []
    for path in sorted(directory.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text("utf-8")) or []:
            questions.append(_question(raw))
    return questions


def _question(raw: dict[str, Any]) -> RealQuestion:
    return RealQuestion(
        id=str(raw["id"]),
        lang=str(raw["lang"]),
        url=str(raw["url"]),
        question=str(raw["question"]),
        expect=tuple(str(e) for e in raw["expect"]),
        country=str(raw.get("country", "none")),
    )


@dataclass(frozen=True)
class Outcome:
    """What the bot did with one question, and whether that was right."""

    question: RealQuestion
    kind: str
    got: str  # the topic, `calc:<name>`, or the kind (fallback, clarify, command, error)
    right: bool
    options: tuple[str, ...] = ()  # a clarify reply's topics
    accepted: frozenset[str] = frozenset()  # what would have been right


def accepted(question: RealQuestion, topics: Iterable[str]) -> set[str]:
    """The replies that count as right: listed topics and calculators, and a fallback when the
    question is out of scope or only names subjects that no topic covers."""
    known = set(topics)
    right: set[str] = set()
    covered = False
    for label in question.expect:
        name = label.removeprefix("new:")
        if label == "decline":
            right.add("fallback")
        elif label.startswith("calc:"):
            right.add(label)
            covered = True
        elif name in known:
            right.add(name)
            covered = True
    if not covered:
        right.add("fallback")
    return right


def score(question: RealQuestion, reply: Any, topics: Iterable[str]) -> Outcome:
    """Score one engine reply against the question's labels."""
    if reply.kind == "answer":
        got = reply.topic
    elif reply.kind == "calc" and reply.result:
        got = f"calc:{reply.result['calculator']}"
    else:
        got = reply.kind
    options = tuple(
        b.action.removeprefix("topic:") for b in reply.buttons if reply.kind == "clarify"
    )
    right = frozenset(accepted(question, topics))
    return Outcome(question, reply.kind, got, got in right, options, right)


@dataclass
class Tally:
    """Right answers over questions, for one cell of the report."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one question."""
        self.right += ok
        self.total += 1

    @property
    def rate(self) -> float:
        """The share right (0 when empty)."""
        return self.right / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.right}/{self.total} = {self.rate:.1%}" if self.total else "-"


def report(outcomes: list[Outcome]) -> dict[tuple[str, str], Tally]:
    """Tallies by (half, row): a row per script for in-scope questions, and `decline`."""
    cells: dict[tuple[str, str], Tally] = {}
    for outcome in outcomes:
        q = outcome.question
        row = "decline" if q.out_of_scope else q.lang
        cells.setdefault((q.half, row), Tally()).add(outcome.right)
    return cells


def kinds(outcomes: list[Outcome]) -> Counter[str]:
    """How often each reply kind was given to an in-scope question that was not right."""
    return Counter(o.kind for o in outcomes if not o.right and not o.question.out_of_scope)
