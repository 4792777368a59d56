"""Commands (issue 10): unknown commands, a complete /help, "automatic" language."""

from typing import Any

import pytest

from bot.tg.services import SERVICES_KEY
from tests.fake_telegram import BOT_USERNAME, FakeTelegram
from tests.test_telegram_handlers import feed, harness  # noqa: F401 (the fixture)
from tests.test_telegram_menus import buttons, press

GROUP = {"id": -700, "type": "group", "title": "Retirement club"}


@pytest.mark.parametrize(
    ("language_code", "expected"), [("en", "know that command"), ("zh", "命令")]
)
async def test_an_unknown_command_points_to_help_in_the_users_language(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
    language_code: str,
    expected: str,
) -> None:
    app, fake = harness
    fake.push_text(40, "/pension", language_code=language_code)
    await feed(app, fake)
    (reply,) = fake.sent_to(40)
    assert expected in reply.text and "/help" in reply.text


async def test_in_groups_only_unknown_commands_addressed_to_the_bot_are_answered(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_text(41, "/weather", chat=GROUP)  # perhaps for another bot
    await feed(app, fake)
    assert fake.sent_to(-700) == []
    fake.push_text(41, f"/weather@{BOT_USERNAME}", chat=GROUP)
    await feed(app, fake)
    assert "/help" in fake.sent_to(-700)[0].text


@pytest.mark.parametrize("language_code", ["en", "zh"])
async def test_help_lists_every_command_of_the_command_menu(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
    language_code: str,
) -> None:
    """/help did not list /calc, /settings, /forget; the command menu and /help now agree."""
    app, fake = harness
    fake.push_text(42, "/help", language_code=language_code)
    await feed(app, fake)
    help_text = fake.sent_to(42)[0].text
    menu = fake.commands[language_code]
    names = {command["command"] for command in menu}
    assert {"start", "help", "topics", "calc", "cancel", "lang", "settings", "forget"} <= names
    for command in menu:
        assert f"/{command['command']} {command['description']}" in help_text


async def test_automatic_language_clears_the_saved_choice(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    users = app.bot_data[SERVICES_KEY].users
    fake.push_text(43, "/lang zh-Hant")
    fake.push_text(43, "/lang")
    await feed(app, fake)
    assert users.lang(43) == "zh-Hant"
    choices = fake.sent_to(43)[1]
    automatic = next(b for b in buttons(choices) if b["text"] == "自動")
    done = await press(app, fake, 43, choices, automatic["callback_data"])
    assert "每條訊息" in done.text
    assert users.lang(43) is None
    fake.push_text(43, "What is vesting?")
    fake.push_text(43, "什么是个人养老金？")
    await feed(app, fake)
    english, chinese = fake.sent_to(43)[-2:]
    assert "As of" in english.text and "信息截至" in chinese.text


async def test_lang_auto_typed_as_an_argument(harness: tuple[Any, FakeTelegram]) -> None:  # noqa: F811
    app, fake = harness
    fake.push_text(44, "/lang en")
    fake.push_text(44, "/lang auto")
    await feed(app, fake)
    assert "each message" in fake.sent_to(44)[1].text
    assert app.bot_data[SERVICES_KEY].users.lang(44) is None
