"""Issue 10, feedback that counts: one vote per user and answer (the last wins), the keyboard
shows it was taken, a 👎 asks what was wrong, malformed payloads are ignored safely."""

from typing import Any

from bot.tg.services import SERVICES_KEY
from tests.fake_telegram import FakeTelegram, Sent
from tests.test_telegram_handlers import feed

QUESTION = "What is a target date fund?"


def _buttons(sent: Sent) -> list[dict[str, Any]]:
    markup = sent.params.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def _feedback(sent: Sent, verdict: str) -> str:
    return next(
        b["callback_data"]
        for b in _buttons(sent)
        if b["callback_data"].startswith(f"fb:{verdict}:")
    )


async def _answer(app: Any, fake: FakeTelegram, user: int) -> Sent:
    fake.push_text(user, QUESTION)
    await feed(app, fake)
    return fake.sent_to(user)[-1]


def _votes(app: Any) -> list[dict[str, Any]]:
    return list(app.bot_data[SERVICES_KEY].db["feedback"].rows)


async def test_one_vote_per_user_and_answer_the_last_one_wins(
    door: tuple[Any, FakeTelegram],
) -> None:
    app, fake = door
    answer = await _answer(app, fake, 61)
    for verdict in ("up", "up", "old", "up"):
        fake.push_callback(61, answer, _feedback(answer, verdict))
        await feed(app, fake)
    other = await _answer(app, fake, 62)
    fake.push_callback(62, other, _feedback(other, "old"))
    await feed(app, fake)
    votes = _votes(app)
    assert sorted(vote["verdict"] for vote in votes) == ["old", "up"]
    assert all(len(vote["voter"]) == 32 and vote["voter"] not in ("61", "62") for vote in votes)
    assert len({vote["voter"] for vote in votes}) == 2


async def test_the_keyboard_shows_the_vote_was_taken(door: tuple[Any, FakeTelegram]) -> None:
    app, fake = door
    answer = await _answer(app, fake, 63)
    related = [b for b in _buttons(answer) if not b["callback_data"].startswith("fb:")]
    fake.push_callback(63, answer, _feedback(answer, "up"))
    await feed(app, fake)
    edited = fake.sent_to(63)[-1]
    assert edited.method == "editMessageReplyMarkup"
    labels = [b["text"] for b in _buttons(edited)]
    assert "✓ 👍" in labels and "👎" in labels
    assert [b for b in _buttons(edited) if not b["callback_data"].startswith("fb:")] == related
    assert fake.callback_answers[-1]["text"]  # a short thank-you toast
    fake.push_callback(63, answer, _feedback(answer, "up"))  # the same vote again
    await feed(app, fake)
    assert len(fake.sent_to(63)) == 2 and len(_votes(app)) == 1


async def test_thumbs_down_asks_what_was_wrong(door: tuple[Any, FakeTelegram]) -> None:
    app, fake = door
    answer = await _answer(app, fake, 64)
    fake.push_callback(64, answer, _feedback(answer, "down"))
    await feed(app, fake)
    marked, question = fake.sent_to(64)[-2:]
    assert "✓ 👎" in [b["text"] for b in _buttons(marked)]
    assert "What was wrong?" in question.text
    reasons = {b["text"]: b["callback_data"] for b in _buttons(question)}
    assert set(reasons) == {"Wrong topic", "Outdated", "Unclear", "Other"}
    fake.push_callback(64, question, reasons["Unclear"])
    await feed(app, fake)
    thanked = fake.sent_to(64)[-1]
    assert thanked.method == "editMessageText" and "Unclear" in thanked.text
    assert not thanked.params.get("reply_markup")
    (vote,) = _votes(app)
    assert (vote["verdict"], vote["reason"]) == ("down", "unclear")


async def test_thumbs_down_asks_in_chinese_for_a_chinese_answer(
    door: tuple[Any, FakeTelegram],
) -> None:
    app, fake = door
    fake.push_text(65, "什么是个人养老金", language_code="zh")
    await feed(app, fake)
    answer = fake.sent_to(65)[-1]
    fake.push_callback(65, answer, _feedback(answer, "down"), language_code="zh")
    await feed(app, fake)
    question = fake.sent_to(65)[-1]
    assert "哪里" in question.text or "什么问题" in question.text
    assert all(not b["text"].isascii() for b in _buttons(question))


async def test_malformed_feedback_payloads_are_ignored_safely(
    door: tuple[Any, FakeTelegram],
) -> None:
    app, fake = door
    answer = await _answer(app, fake, 66)
    topic = _feedback(answer, "up").split(":", 2)[2]
    for data in (
        "fb:",
        "fb:up",
        "fb:up:",
        "fb:zap:" + topic,
        "fb:up:no_such_topic",
        "fb:up:" + topic + ":extra",
        "fb:r:bogus:" + topic,
        "fb:r:unclear",
        "fb::::",
    ):
        fake.push_callback(66, answer, data)
    await feed(app, fake)
    assert _votes(app) == []
    assert len(fake.callback_answers) == 9  # every press answered: no spinner left
    assert fake.sent_to(66) == [answer] and fake.sent_to(999) == []  # no error, no admin notice
