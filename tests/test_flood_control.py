"""Flood control in process (issue 10): what counts against a budget, and the typing throttle."""

import asyncio
from typing import Any

from telegram import Update

from bot.tg.inline_throttle import InlineThrottle
from tests.fake_telegram import BOT_USERNAME, FakeTelegram
from tests.test_telegram_handlers import harness  # noqa: F401 (the fixture)

GROUP_ID = -100555
GROUP = {"id": GROUP_ID, "type": "group", "title": "Savers"}


async def _feed_together(app: Any, fake: FakeTelegram) -> None:
    """Process every update the fake holds at the same time, as concurrent updates are."""
    pending, fake.updates = list(fake.updates), []
    await asyncio.gather(*(app.process_update(Update.de_json(d, app.bot)) for d in pending))


async def test_commands_for_other_bots_and_chatter_do_not_count(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    for index in range(12):
        fake.push_text(7, f"/start@some_other_bot {index}", chat=GROUP)
        fake.push_text(7, f"see you at lunch {index}", chat=GROUP)
    fake.push_text(7, f"@{BOT_USERNAME} what is a roth 401k", chat=GROUP)
    await _feed_together(app, fake)
    sent = fake.sent_to(GROUP_ID)
    assert len(sent) == 1 and "Roth" in sent[0].text


async def test_a_burst_of_growing_inline_queries_answers_the_last_one(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    finished = "early withdrawal penalty"
    for length in range(1, len(finished) + 1):
        fake.push_inline(8, finished[:length], query_id=f"q{length}")
    await _feed_together(app, fake)
    answered = {a["inline_query_id"]: a for a in fake.inline_answers}
    assert answered[f"q{len(finished)}"]["results"]
    assert len(answered) < len(finished)


async def test_the_inline_throttle_lets_through_the_first_and_the_latest_of_a_burst() -> None:
    throttle = InlineThrottle(interval=0.05)
    turns = await asyncio.gather(*(throttle.turn(1) for _ in range(6)), throttle.turn(2))
    assert turns == [True, False, False, False, False, True, True]
    assert await throttle.turn(1)  # after the wait, a new query is served again


async def test_a_chinese_flooder_is_told_in_chinese_that_skipped_messages_stay_unanswered(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    for _ in range(12):
        fake.push_text(9, "什么是401k", language_code="zh")
    await _feed_together(app, fake)
    notices = [s.text for s in fake.sent_to(9) if "跳过" in s.text]
    assert len(notices) == 1 and "不会回复" in notices[0]
