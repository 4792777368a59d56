"""What a user sees when they ask questions: language, script, sources, honesty."""

import re

import pytest

from bot.engine import Engine, Message

DISCLAIMER = {
    "en": "not legal, tax or investment advice",
    "zh-Hans": "不构成法律、税务或投资建议",
    "zh-Hant": "不構成法律、稅務或投資建議",
}
AS_OF = {"en": "As of", "zh-Hans": "信息截至", "zh-Hant": "資訊截至"}


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Can I take money out of my 401k before retirement?", "en"),
        ("401k提前取钱要交多少罚款", "zh-Hans"),
        ("401k提前取錢要交多少罰款", "zh-Hant"),
    ],
)
def test_answer_has_sources_as_of_and_disclaimer_in_the_question_script(
    engine: Engine, question: str, lang: str
) -> None:
    reply = engine.handle(Message(question))
    assert reply.kind == "answer"
    assert reply.lang == lang
    assert reply.sources and all(s.url.startswith("http") and s.date for s in reply.sources)
    assert AS_OF[lang] in reply.text
    assert DISCLAIMER[lang] in reply.text
    assert reply.buttons, "related topics are offered"


def test_traditional_question_gets_traditional_answer(engine: Engine) -> None:
    reply = engine.handle(Message("個人養老金每年最多可以存多少錢？"))
    assert reply.lang == "zh-Hant"
    for simplified_only in "个养钱额缴税":
        assert simplified_only not in reply.text


def test_numbers_are_formatted_for_the_reader(engine: Engine) -> None:
    english = engine.handle(Message("What is the 401(k) contribution limit for 2026?"))
    chinese = engine.handle(Message("2026年401(k)缴费上限是多少"))
    assert "$24,500" in english.text
    assert "24,500美元" in chinese.text


@pytest.mark.parametrize(
    "question",
    [
        "What's a good recipe for banana bread?",
        "Who won the football match last night?",
        "明天北京天气怎么样",
        "推荐一款好用的手机",
    ],
)
def test_off_topic_questions_are_declined_honestly(engine: Engine, question: str) -> None:
    reply = engine.handle(Message(question))
    assert reply.kind == "fallback"
    assert "12333" in reply.text or "irs.gov" in reply.text


def test_neighbouring_subject_points_to_its_official_channel(engine: Engine) -> None:
    reply = engine.handle(Message("How do I claim my Hong Kong MPF when I leave Hong Kong?"))
    assert reply.kind == "fallback"
    assert "mpfa" in reply.text.lower()


def test_html_is_telegram_safe(engine: Engine) -> None:
    allowed = {"b", "i", "a", "code"}
    for question in ["What is vesting?", "什么是个人养老金", "<b>hi</b> & 401k"]:
        reply = engine.handle(Message(question))
        tags = set(re.findall(r"</?([a-z-]+)", reply.html))
        assert tags <= allowed, tags
        assert "<b>hi</b>" not in reply.html


def test_buttons_open_their_topics(engine: Engine) -> None:
    reply = engine.handle(Message("How does 401k vesting work?"))
    followed = engine.action(reply.buttons[0].action, reply.lang)
    assert followed.kind == "answer"
    assert followed.topic == reply.buttons[0].action.removeprefix("topic:")


def test_commands_reply_in_the_chosen_language(engine: Engine) -> None:
    assert engine.handle(Message("/help", "zh-Hans")).text.startswith("我能做什么")
    switched = engine.handle(Message("/lang zh-Hant"))
    assert switched.set_lang == "zh-Hant"
    assert engine.handle(Message("/nonsense")).kind == "error"


@pytest.mark.parametrize(
    ("greeting", "lang"), [("hello!", "en"), ("你好", "zh-Hans"), ("what can you do?", "en")]
)
def test_small_talk_gets_the_help_menu(engine: Engine, greeting: str, lang: str) -> None:
    reply = engine.handle(Message(greeting))
    assert reply.kind == "command"
    assert reply.lang == lang
    assert reply.buttons
