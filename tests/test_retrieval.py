"""Retrieval quality on held-out questions in en / 简 / 繁, and honest declining."""

from pathlib import Path

import pytest
import yaml

from bot.engine import Engine, Message
from bot.i18n.script import to_traditional

CASES = yaml.safe_load((Path(__file__).parent / "data" / "retrieval_cases.yaml").read_text("utf-8"))
MIN_TOP1 = 0.85
MIN_DECLINED = 0.9


def _cases(lang: str) -> list[tuple[str, list[str]]]:
    key = "zh" if lang != "en" else "en"
    cases = [(q, ids) for q, ids in CASES[key]]
    if lang == "zh-Hant":
        cases = [(to_traditional(q), ids) for q, ids in cases]
    return cases


def test_cases_name_real_topics(engine: Engine) -> None:
    for key in ("en", "zh"):
        for _, ids in CASES[key]:
            topics = {i for i in ids if not i.startswith("calc:")}
            assert topics <= engine.content.topics.keys(), ids


@pytest.mark.parametrize("lang", ["en", "zh-Hans", "zh-Hant"])
def test_held_out_questions_reach_the_right_topic(engine: Engine, lang: str) -> None:
    cases = _cases(lang)
    misses = []
    for question, ids in cases:
        reply = engine.handle(Message(question))
        calculator = reply.result["calculator"] if reply.kind == "calc" and reply.result else None
        if reply.topic not in ids and f"calc:{calculator}" not in ids:
            misses.append((question, reply.kind, reply.topic))
        assert reply.lang == lang, question
    share = 1 - len(misses) / len(cases)
    assert share >= MIN_TOP1, misses


def test_off_topic_questions_are_declined(engine: Engine) -> None:
    questions = [q for (q,) in CASES["off_topic"]]
    answered = [q for q in questions if engine.handle(Message(q)).kind != "fallback"]
    assert 1 - len(answered) / len(questions) >= MIN_DECLINED, answered
