"""The door's HTTP requests: JSON bodies that Telegram reads exactly, and clear errors."""

import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.tg.request import JsonHTTPXRequest
from tests.fake_telegram import FakeTelegram

TOKEN = "7373:request-test-token"


@pytest.fixture
def server() -> Iterator[FakeTelegram]:
    fake = FakeTelegram(token=TOKEN).start()
    yield fake
    fake.stop()


def _bot(base: str, **timeouts: Any) -> Bot:
    return Bot(TOKEN, base_url=f"{base}/bot", request=JsonHTTPXRequest(**timeouts))


async def test_text_and_buttons_arrive_exactly_as_sent(server: FakeTelegram) -> None:
    text = "<b>个人养老金</b> 每年 12,000 元 &amp; «quotes» 🧓\\n\\"
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("繁體 👍", callback_data="fb:up:x")]])
    async with _bot(server.url) as bot:
        message = await bot.send_message(42, text, parse_mode="HTML", reply_markup=markup)
    sent = server.sent_to(42)[0]
    assert sent.text == text and message.text == text
    assert sent.params["reply_markup"] == markup.to_dict()
    assert sent.params["parse_mode"] == "HTML" and sent.params["chat_id"] == 42
    assert server.content_types[-1] == ("sendMessage", "application/json")


async def test_a_lone_surrogate_is_sent_escaped_not_a_crash(server: FakeTelegram) -> None:
    async with _bot(server.url) as bot:
        await bot.send_message(43, "broken emoji \ud83d here")
    assert server.sent_to(43)[0].text == "broken emoji \ud83d here"


async def test_api_errors_come_back_as_telegram_errors(server: FakeTelegram) -> None:
    server.fail_methods.add("sendMessage")
    async with _bot(server.url) as bot:
        with pytest.raises(BadRequest, match=r"(?i)chat not found"):
            await bot.send_message(42, "hello")


async def test_a_server_that_never_answers_times_out() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True).start()
    base = f"http://127.0.0.1:{listener.getsockname()[1]}"
    bot = _bot(base, read_timeout=0.3)
    await bot.request.initialize()  # the whole Bot would call getMe first, which would hang
    try:
        with pytest.raises(TimedOut):
            await bot.send_message(42, "hello")
    finally:
        await bot.request.shutdown()
        listener.close()
        for connection in accepted:
            connection.close()


async def test_an_unreachable_server_is_a_network_error() -> None:
    with socket.create_server(("127.0.0.1", 0)) as spare:
        port = spare.getsockname()[1]  # closed on leaving: nothing listens there any more
    bot = _bot(f"http://127.0.0.1:{port}")
    await bot.request.initialize()
    try:
        with pytest.raises(NetworkError):
            await bot.send_message(42, "hello")
    finally:
        await bot.request.shutdown()
