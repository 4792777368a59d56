"""The real-question corpus is well formed, split by page, and answered at least as well as
when it was last measured (issue 8). bench/eval_real.py prints the full figures."""

from collections import Counter

import pytest

from bot.engine import Engine, Message
from bot.i18n.script import to_traditional
from tests.real_corpus import HALVES, SCRIPTS, load_corpus, report, score

CORPUS = load_corpus()
# Floors a few points under the rates measured when they were set (see the README): a change
# that makes the bot worse on real people's questions fails here. Raise them as the bot improves.
# Raised on 2026-12-07 (after the label review and a harvest of 61 English questions): the
# lower half measured en 58.5%, zh-Hans 64.3%. zh-Hans lowered later that day, not for a change
# of the bot: a sixth harvest added 25 简体 questions nobody had tuned on, 4 of the 10 that fell
# in the held-out half answered rightly, and that half now measures 31/52 = 59.6%.
# Raised on 2026-12-08 (two harvests of 170 questions and the day's content): the lower half
# measured en 64.0% (held-out), zh-Hans 64.6% (held-out).
MIN_RIGHT = {"en": 0.6, "zh-Hans": 0.6}
# Only 8 questions written in 繁體 could be found: too few for a floor. The 简体 questions
# converted to 繁體 must do as well as their originals, answered in 繁體.
MIN_RIGHT_CONVERTED = 0.45
MIN_DECLINED = 0.9


def test_every_question_has_a_source_page_and_labels(engine: Engine) -> None:
    assert len(CORPUS) >= 300
    assert len({q.id for q in CORPUS}) == len(CORPUS)
    for q in CORPUS:
        assert q.url.startswith(("http://", "https://")), q.id
        assert q.lang in SCRIPTS, q.id
        assert q.question.strip(), q.id
        for label in q.expect:
            known = label in engine.content.topics or label == "decline"
            assert known or label.startswith(("new:", "calc:")), (q.id, label)


def test_no_question_is_taken_twice() -> None:
    texts = Counter(" ".join(q.question.split()).lower() for q in CORPUS)
    assert [text for text, n in texts.items() if n > 1] == []


def test_the_split_is_by_page_and_both_halves_hold_every_script() -> None:
    half_of_page: dict[str, set[str]] = {}
    for q in CORPUS:
        half_of_page.setdefault(q.url, set()).add(q.half)
    assert all(len(halves) == 1 for halves in half_of_page.values())
    for script in SCRIPTS:
        for half in HALVES:
            assert any(q.lang == script and q.half == half for q in CORPUS), (script, half)


@pytest.fixture(scope="module")
def cells(engine: Engine) -> dict:
    topics = engine.content.topics.keys()
    return report([score(q, engine.handle(Message(q.question)), topics) for q in CORPUS])


@pytest.mark.parametrize("half", HALVES)
@pytest.mark.parametrize("script", sorted(MIN_RIGHT))
def test_real_questions_get_the_right_reply(cells: dict, half: str, script: str) -> None:
    assert cells[(half, script)].rate >= MIN_RIGHT[script], str(cells[(half, script)])


def test_simplified_questions_asked_in_traditional_get_traditional_answers(engine: Engine) -> None:
    topics = engine.content.topics.keys()
    asked = [q for q in CORPUS if q.lang == "zh-Hans" and not q.out_of_scope]
    right = 0
    for q in asked:
        reply = engine.handle(Message(to_traditional(q.question)))
        assert reply.lang == "zh-Hant", q.id
        right += score(q, reply, topics).right
    assert right / len(asked) >= MIN_RIGHT_CONVERTED, f"{right}/{len(asked)}"


@pytest.mark.parametrize("half", HALVES)
def test_out_of_scope_real_questions_are_declined(cells: dict, half: str) -> None:
    assert cells[(half, "decline")].rate >= MIN_DECLINED, str(cells[(half, "decline")])
