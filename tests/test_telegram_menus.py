"""Menus (issue 10): /topics and /settings page in place and reach everything."""

from typing import Any

import pytest

from bot.knowledge.content import Content
from bot.store import UserStore
from bot.tg.flood import FloodGuard
from bot.tg.keyboards import decode_action
from bot.tg.services import SERVICES_KEY
from tests.fake_telegram import FakeTelegram, Sent
from tests.test_telegram_handlers import feed, harness  # noqa: F401 (the fixture)


def buttons(sent: Sent) -> list[dict[str, Any]]:
    """The inline buttons under a message the bot sent or edited."""
    markup = sent.params.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def unhurried(app: Any) -> None:
    """A person taps a menu about once a second; the test taps as fast as the loop runs,
    which the flood guard would cut: give it room, as for an unhurried user."""
    app.bot_data[SERVICES_KEY].flood = FloodGuard(burst=10_000)
    app.bot_data[SERVICES_KEY].taps = FloodGuard(burst=10_000)


async def press(app: Any, fake: FakeTelegram, user: int, sent: Sent, data: str) -> Sent:
    """Press a button; return the last thing the bot sent or edited."""
    before = len(fake.sent)
    fake.push_callback(user, sent, data)
    await feed(app, fake)
    assert len(fake.sent) > before, f"nothing happened for {data}"
    return fake.sent[-1]


@pytest.mark.parametrize(
    ("language_code", "back", "next_page"), [("en", "Back", "Next"), ("zh", "返回", "下一页")]
)
async def test_topics_menu_walks_in_place_to_every_topic(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
    content: Content,
    language_code: str,
    back: str,
    next_page: str,
) -> None:
    """Issue 10: area menus stopped at 8 buttons; a third of the topics were unreachable."""
    app, fake = harness
    actions = app.bot_data[SERVICES_KEY].actions
    unhurried(app)
    fake.push_text(30, "/topics", language_code=language_code)
    await feed(app, fake)
    menu = fake.sent_to(30)[0]
    reached: set[str] = set()
    pressed: set[str] = set()
    to_press = [(menu, button["callback_data"]) for button in buttons(menu)]
    labels: set[str] = set()
    while to_press:
        shown, data = to_press.pop()
        action = decode_action(data, actions)
        assert action is not None and len(data.encode()) <= 64
        if action.startswith("topic:"):
            reached.add(action.removeprefix("topic:"))
            continue
        if data in pressed:
            continue
        pressed.add(data)
        edited = await press(app, fake, 30, shown, data)
        assert edited.method == "editMessageText" and edited.message_id == menu.message_id
        labels.update(button["text"] for button in buttons(edited))
        to_press += [(edited, button["callback_data"]) for button in buttons(edited)]
    assert reached == set(content.topics)
    assert any(back in label for label in labels) and any(next_page in label for label in labels)
    assert len(fake.sent_to(30, "sendMessage")) == 1  # every menu tap edited the one menu
    assert len(fake.callback_answers) == len(pressed)


async def test_a_topic_from_a_later_page_opens_as_an_answer(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_text(31, "/topics")
    await feed(app, fake)
    menu = fake.sent_to(31)[0]
    area = next(b for b in buttons(menu) if "401(k) plans" in b["text"])
    page = await press(app, fake, 31, menu, area["callback_data"])
    assert "Page 1 of" in page.text
    following = next(b for b in buttons(page) if "Next" in b["text"])
    page = await press(app, fake, 31, page, following["callback_data"])
    assert "Page 2 of" in page.text
    topic = buttons(page)[0]
    answer = await press(app, fake, 31, page, topic["callback_data"])
    assert answer.method == "sendMessage" and topic["text"] in answer.text
    assert "As of" in answer.text or "as of" in answer.text


async def test_settings_lists_every_time_zone_over_pages(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_text(32, "/settings")
    await feed(app, fake)
    settings = fake.sent_to(32)[0]
    first = [b["text"] for b in buttons(settings)]
    following = next(b for b in buttons(settings) if "Next" in b["text"])
    page = await press(app, fake, 32, settings, following["callback_data"])
    assert page.method == "editMessageText" and page.message_id == settings.message_id
    second = [b["text"] for b in buttons(page)]
    shown = set(first) | set(second)
    for zone in ("Asia/Shanghai", "America/Los_Angeles", "Europe/London", "UTC"):
        assert zone.replace("_", " ") in shown
    utc = next(b for b in buttons(page) if b["text"] == "UTC")
    saved = await press(app, fake, 32, page, utc["callback_data"])
    assert "UTC" in saved.text
    assert app.bot_data[SERVICES_KEY].users.timezone(32) == "UTC"


async def test_settings_buttons_hold_their_time_zone_and_survive_a_restart(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    """Issue 10: time-zone buttons carry the zone itself (nothing stored per keyboard, so
    the keyboard is built once), and a saved zone is read back after a restart."""
    app, fake = harness
    svc = app.bot_data[SERVICES_KEY]
    for user in (33, 34):
        fake.push_text(user, "/settings")
    await feed(app, fake)
    first, second = fake.sent_to(33)[0], fake.sent_to(34)[0]
    assert buttons(first) == buttons(second)
    zones = [b for b in buttons(first) if b["callback_data"].startswith("tz:")]
    assert zones and svc.db["actions"].count == 0
    assert decode_action(zones[0]["callback_data"], svc.actions) == zones[0]["callback_data"]
    saved = await press(app, fake, 33, first, zones[0]["callback_data"])
    assert "Asia/Shanghai" in saved.text
    assert UserStore(svc.db).timezone(33) == "Asia/Shanghai"
    assert UserStore(svc.db).timezone(34) is None
