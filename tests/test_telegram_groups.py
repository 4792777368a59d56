"""Captions, edited questions and groups (issue 10)."""

from pathlib import Path
from typing import Any

from bot.engine import Engine
from bot.store import ReplyMap, open_database
from bot.tg.services import SERVICES_KEY
from tests.fake_telegram import BOT_USERNAME, FakeTelegram
from tests.test_telegram_handlers import _application, feed, harness  # noqa: F401 (fixture)
from tests.test_telegram_menus import buttons, press

GROUP = {"id": -800, "type": "supergroup", "title": "Pension talk"}
CALCULATION = "I'm 30, salary $80k, 10% into my 401k, how much at 65?"


async def test_a_photo_caption_is_read_as_a_question(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    """Issue 10: a photo whose caption was a question got "I can only read typed text"."""
    app, fake = harness
    fake.push_photo(50, "What is vesting?")
    fake.push_photo(50, None)
    fake.push_photo(51, "个人养老金每年能存多少？", language_code="zh", chat=GROUP)
    fake.push_photo(51, f"@{BOT_USERNAME} 个人养老金每年能存多少？", language_code="zh", chat=GROUP)
    await feed(app, fake)
    answer, note = fake.sent_to(50)
    assert "vesting" in answer.text.lower() and "As of" in answer.text
    assert "typed text" in note.text
    (group_answer,) = fake.sent_to(-800)  # only the caption that mentions the bot
    assert "个人养老金" in group_answer.text and "信息截至" in group_answer.text


async def test_an_edited_question_edits_the_earlier_answer(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_text(52, "What is vesting?")
    await feed(app, fake)
    question = fake.last_user_message(52)
    fake.push_edit(52, question["message_id"], "What is a Roth 401(k)?")
    await feed(app, fake)
    first, edited = fake.sent_to(52)
    assert first.method == "sendMessage" and "vesting" in first.text.lower()
    assert edited.method == "editMessageText" and edited.message_id == first.message_id
    assert "Roth" in edited.text
    assert len(fake.sent_to(52, "sendMessage")) == 1


async def test_an_edit_after_a_restart_still_edits_the_answer(
    engine: Engine, tmp_path: Path
) -> None:
    fake = FakeTelegram(token="5151:handler-test-token-xyz")
    for turn in range(2):
        app = _application(engine, fake, tmp_path / "edits.db")  # a new process each turn
        async with app:
            assert app.post_init is not None and app.post_shutdown is not None
            await app.post_init(app)
            if turn == 0:
                fake.push_text(53, "What is vesting?")
            else:
                question = fake.last_user_message(53)
                fake.push_edit(53, question["message_id"], "What is an RMD?")
            await feed(app, fake)
            await app.post_shutdown(app)
    methods = [sent.method for sent in fake.sent_to(53)]
    assert methods == ["sendMessage", "editMessageText"]
    assert "RMD" in fake.sent_to(53)[1].text or "required minimum" in fake.sent_to(53)[1].text


def test_the_answer_map_keeps_only_the_newest_rows(tmp_path: Path) -> None:
    replies = ReplyMap(open_database(tmp_path / "m.db"), limit=3)
    for message_id in range(1, 6):
        replies.remember(7, message_id, 100 + message_id)
    assert replies.count == 3
    assert replies.reply_to(7, 1) is None and replies.reply_to(7, 5) == 105
    replies.forget_chat(7)
    assert replies.count == 0


async def test_forget_also_forgets_which_message_answered_which(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_text(54, "What is vesting?")
    fake.push_text(54, "/forget")
    await feed(app, fake)
    confirm = fake.sent_to(54)[-1]
    yes = next(b for b in buttons(confirm) if "Yes" in b["text"])
    await press(app, fake, 54, confirm, yes["callback_data"])
    assert app.bot_data[SERVICES_KEY].replies.count == 0


async def test_group_answers_reply_to_the_question(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_text(55, f"@{BOT_USERNAME} what is vesting?", chat=GROUP)
    await feed(app, fake)
    question = fake.last_user_message(-800)
    (answer,) = fake.sent_to(-800)
    assert answer.params["reply_parameters"]["message_id"] == question["message_id"]
    fake.push_text(56, "What is vesting?")  # a private chat: no quote needed
    await feed(app, fake)
    assert "reply_parameters" not in fake.sent_to(56)[0].params


async def test_the_bot_says_hello_when_added_to_a_group(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_added_to_group(57, GROUP)
    fake.push_added_to_group(57, {**GROUP, "id": -801}, language_code="zh-hant")
    await feed(app, fake)
    (hello,) = fake.sent_to(-800)
    assert f"@{BOT_USERNAME}" in hello.text and "/help" in hello.text
    assert "提及" in fake.sent_to(-801)[0].text


async def test_only_the_asker_can_adjust_a_group_calculation(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_text(58, f"@{BOT_USERNAME} {CALCULATION}", chat=GROUP)
    await feed(app, fake)
    result = fake.sent_to(-800, "sendMessage")[0]
    adjust = buttons(result)[0]["callback_data"]
    fake.push_callback(59, result, adjust, language_code="zh")  # another member, in Chinese
    await feed(app, fake)
    toast = fake.callback_answers[-1]
    assert "提问" in toast["text"]
    assert fake.sent_to(-800, "editMessageText") == []
    edited = await press(app, fake, 58, result, adjust)
    assert edited.method in ("editMessageText", "editMessageMedia")
    assert "401(k)" in fake.sent_to(-800, "editMessageText")[0].text  # still in English


async def test_a_chart_shows_upload_photo_while_it_is_drawn(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_text(60, CALCULATION)
    await feed(app, fake)
    assert (60, "typing") in fake.chat_actions and (60, "upload_photo") in fake.chat_actions
    assert fake.calls.index("sendChatAction") < fake.calls.index("sendPhoto")
