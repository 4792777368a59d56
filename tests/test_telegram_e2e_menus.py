"""End to end over HTTP (issue 10): menus edit in place, edited questions edit the answer."""

from typing import Any

from tests.fake_telegram import BOT_USERNAME, FakeTelegram, Sent
from tests.test_telegram_e2e import RunningBot, bot, server  # noqa: F401 (fixtures)


def _buttons(sent: Sent) -> list[dict[str, Any]]:
    markup = sent.params.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def _tap(server: FakeTelegram, user: int, sent: Sent, label: str) -> Sent:  # noqa: F811 (not the fixture)
    """Press the button whose label contains `label`; wait for the menu to change."""
    button = next(b for b in _buttons(sent) if label in b["text"])
    edits = len(server.sent_to(user, "editMessageText"))
    server.push_callback(user, sent, button["callback_data"])
    return server.wait_sent(user, edits + 1, "editMessageText")[-1]


def test_topics_menu_pages_and_goes_back_in_place(
    server: FakeTelegram,  # noqa: F811
    bot: RunningBot,  # noqa: F811
) -> None:
    server.push_text(81, "/topics")
    menu = server.wait_sent(81, 1)[0]
    area = _tap(server, 81, menu, "401(k) plans")
    assert "Page 1 of" in area.text and area.message_id == menu.message_id
    later = _tap(server, 81, area, "Next")
    assert "Page 2 of" in later.text
    back = _tap(server, 81, later, "Back")
    assert "Pick an area" in back.text
    assert len(server.sent_to(81, "sendMessage")) == 1


def test_an_edited_question_and_a_group_welcome_over_http(
    server: FakeTelegram,  # noqa: F811
    bot: RunningBot,  # noqa: F811
) -> None:
    server.push_text(82, "What is vesting?")
    answer = server.wait_sent(82, 1)[0]
    question = server.last_user_message(82)
    server.push_edit(82, question["message_id"], "What is a Roth 401(k)?")
    edited = server.wait_sent(82, 1, "editMessageText")[0]
    assert edited.message_id == answer.message_id and "Roth" in edited.text
    group = {"id": -900, "type": "group", "title": "Savers"}
    server.push_added_to_group(83, group)
    hello = server.wait_sent(-900, 1)[0]
    assert f"@{BOT_USERNAME}" in hello.text
