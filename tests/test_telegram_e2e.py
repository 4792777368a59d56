"""End to end: `pillarbot run` as a subprocess against a local Bot API server over HTTP."""

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_telegram import BOT_USERNAME, FakeTelegram
from tests.processes import stop_gracefully

TOKEN = "4242:e2e-fake-token-not-real-abcdef"
ROOT = Path(__file__).resolve().parents[1]


class RunningBot:
    """A `pillarbot run` process and its captured output."""

    def __init__(
        self, server: FakeTelegram, db: Path, charts: Path, extra: dict[str, str] | None = None
    ) -> None:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE": server.url,
            "PILLARBOT_DB": str(db),
            "PILLARBOT_CHARTS": str(charts),
            **(extra or {}),
        }
        self.server = server
        self.log = db.parent / f"bot-{len(list(db.parent.glob('bot-*.log')))}.log"
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "-v", "run"],
            cwd=ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        calls_before = len(server.calls)
        server.wait_for(
            lambda: "getUpdates" in server.calls[calls_before:] or self.process.poll() is not None,
            timeout=60,
        )
        assert self.process.poll() is None, self.output()

    def stop(self) -> str:
        """Stop gracefully (SIGINT, as Ctrl-C would) and return everything it printed."""
        stop_gracefully(self.process)
        self._log_file.close()
        return self.output()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture
def server() -> Iterator[FakeTelegram]:
    fake = FakeTelegram(token=TOKEN).start()
    yield fake
    fake.stop()


@pytest.fixture
def bot(server: FakeTelegram, tmp_path: Path) -> Iterator[RunningBot]:
    running = RunningBot(server, tmp_path / "pillar.db", tmp_path / "charts")
    yield running
    output = running.stop()
    assert TOKEN not in output
    assert server.violations == []


def test_start_shows_the_menu_and_registers_localized_commands(
    server: FakeTelegram, bot: RunningBot
) -> None:
    server.push_text(11, "/start", language_code="zh")
    sent = server.wait_sent(11, 1)[0]
    assert "欢迎" in sent.text
    assert sent.params["reply_markup"]["inline_keyboard"]
    assert {"zh", "en"} <= server.commands.keys()
    zh_descriptions = [c["description"] for c in server.commands["zh"]]
    assert any("帮助" in d or "能做" in d for d in zh_descriptions)
    assert all(c["command"].isascii() for c in server.commands["zh"])


def test_questions_in_three_scripts_get_answers_in_the_same_script(
    server: FakeTelegram, bot: RunningBot
) -> None:
    server.push_text(21, "What is the 401(k) contribution limit for 2026?")
    server.push_text(22, "公司让我签自愿放弃社保的协议有效吗")
    server.push_text(23, "公司讓我簽自願放棄社保的協議有效嗎")
    english = server.wait_sent(21, 1)[0]
    simplified = server.wait_sent(22, 1)[0]
    traditional = server.wait_sent(23, 1)[0]
    assert "$24,500" in english.text and "As of" in english.text
    assert "无效" in simplified.text and "信息截至" in simplified.text
    assert "無效" in traditional.text and "資訊截至" in traditional.text
    rows = english.params["reply_markup"]["inline_keyboard"]
    assert any(button["text"] == "👍" for row in rows for button in row)


def test_buttons_follow_topics_and_record_feedback(server: FakeTelegram, bot: RunningBot) -> None:
    server.push_text(31, "How does 401k vesting work?")
    answer = server.wait_sent(31, 1)[0]
    rows = answer.params["reply_markup"]["inline_keyboard"]
    topic_button = rows[0][0]
    server.push_callback(31, answer, topic_button["callback_data"])
    followed = server.wait_sent(31, 2)[1]
    assert topic_button["text"].split()[0] in followed.text
    thumbs = next(b for row in rows for b in row if b["text"] == "👍")
    server.push_callback(31, answer, thumbs["callback_data"])
    server.wait_for(lambda: len(server.callback_answers) >= 2)
    assert any(a.get("text") for a in server.callback_answers)


def test_a_calculation_arrives_with_a_photo_and_adjusts_in_place(
    server: FakeTelegram, bot: RunningBot
) -> None:
    server.push_text(
        41, "I'm 30, salary $80k, 10% into my 401k with a 50% match up to 6%, how much at 65?"
    )
    text = server.wait_sent(41, 1, "sendMessage")[0]
    photo = server.wait_sent(41, 1, "sendPhoto")[0]
    assert photo.photo is not None and photo.photo.startswith(b"\x89PNG")
    assert "401(k)" in text.text
    buttons = [b for row in text.params["reply_markup"]["inline_keyboard"] for b in row]
    plus = next(b for b in buttons if b["text"].startswith("Return") and b["text"].endswith("+1%"))
    server.push_callback(41, text, plus["callback_data"])
    edited = server.wait_sent(41, 1, "editMessageText")[0]
    assert edited.message_id == text.message_id and edited.text != text.text
    server.wait_sent(41, 1, "editMessageMedia")
    # Replies go as JSON (Telegram accepts it for every call without a file); charts as
    # multipart, the only way to upload a file.
    sent_as = dict(server.content_types)
    assert sent_as["sendMessage"] == "application/json"
    assert sent_as["editMessageText"] == "application/json"
    assert sent_as["sendPhoto"] == "multipart/form-data"


def test_inline_query_returns_topics_quickly(server: FakeTelegram, bot: RunningBot) -> None:
    server.push_inline(51, "rollover 60 days")
    server.wait_for(lambda: server.inline_answers)
    results = server.inline_answers[0]["results"]
    assert 1 <= len(results) <= 5
    assert all(r["input_message_content"]["message_text"] for r in results)


def test_groups_answer_only_when_addressed(server: FakeTelegram, bot: RunningBot) -> None:
    group = {"id": -100123, "type": "supergroup", "title": "Pensions"}
    server.push_text(61, "what is a roth 401k", chat=group)
    server.push_text(61, f"@{BOT_USERNAME} what is a roth 401k", chat=group)
    server.wait_sent(-100123, 1)
    first_id = server.sent_to(-100123)[0].message_id
    assert first_id is not None
    bot_message = server.messages[(-100123, first_id)]
    server.push_text(62, "and what about vesting?", chat=group, reply_to=bot_message)
    server.wait_sent(-100123, 2)
    server.push_text(63, "unrelated chatter about lunch", chat=group)
    server.push_text(61, "/help", chat=group)
    sent = server.wait_sent(-100123, 3)
    assert "What I can do" in sent[2].text
    assert len(server.sent_to(-100123)) == 3


def test_language_choice_survives_a_restart_and_forget_deletes_it(
    server: FakeTelegram, bot: RunningBot, tmp_path: Path
) -> None:
    server.push_text(71, "/settings")
    settings = server.wait_sent(71, 1)[0]
    buttons = [b for row in settings.params["reply_markup"]["inline_keyboard"] for b in row]
    hant = next(b for b in buttons if b["text"] == "繁體中文")
    server.push_callback(71, settings, hant["callback_data"])
    server.wait_sent(71, 2)
    output = bot.stop()
    assert TOKEN not in output
    again = RunningBot(server, tmp_path / "pillar.db", tmp_path / "charts")
    try:
        server.push_text(71, "what is vesting")
        reply = server.wait_sent(71, 3)[2]
        assert "歸屬" in reply.text or "授予" in reply.text or "vesting" in reply.text.lower()
        assert "資訊截至" in reply.text
        server.push_text(71, "/forget")
        confirm = server.wait_sent(71, 4)[3]
        yes = confirm.params["reply_markup"]["inline_keyboard"][0][0]
        server.push_callback(71, confirm, yes["callback_data"])
        server.wait_sent(71, 5)
        server.push_text(71, "what is vesting")
        english = server.wait_sent(71, 6)[5]
        assert "As of" in english.text
    finally:
        assert TOKEN not in again.stop()


def test_a_user_flood_does_not_slow_another_user(server: FakeTelegram, bot: RunningBot) -> None:
    for _ in range(20):
        server.push_text(81, "what is a 401k")
    server.push_text(82, "what is an ira")
    server.wait_sent(82, 1)
    flooded = server.sent_to(81)
    assert len(flooded) < 20


def test_token_never_appears_at_debug_level(server: FakeTelegram, bot: RunningBot) -> None:
    server.push_text(91, "/help")
    server.wait_sent(91, 1)
    output = bot.stop()
    assert "getUpdates" in output or "DEBUG" in output
    assert TOKEN not in output
    assert TOKEN.split(":")[1] not in output


def test_missing_token_gets_a_clear_message(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_webhook_mode_checks_the_secret_token(server: FakeTelegram, tmp_path: Path) -> None:
    import urllib.error
    import urllib.request

    port = _free_port()
    secret = "s3cret-header-value"
    hook = {
        "PILLARBOT_WEBHOOK_URL": "https://bot.example.test/telegram",
        "PILLARBOT_WEBHOOK_SECRET": secret,
        "PILLARBOT_WEBHOOK_PORT": str(port),
        "PILLARBOT_WEBHOOK_LISTEN": "127.0.0.1",
    }
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE": server.url,
        "PILLARBOT_DB": str(tmp_path / "w.db"),
        **hook,
    }
    log = (tmp_path / "webhook.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run", "--webhook"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        server.wait_for(lambda: server.webhook.get("secret_token") == secret, timeout=60)
        assert server.webhook["url"] == hook["PILLARBOT_WEBHOOK_URL"]
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 1700000000,
                "chat": {"id": 5, "type": "private"},
                "from": {"id": 5, "is_bot": False, "first_name": "A"},
                "text": "/help",
                "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
            },
        }

        def post(headers: dict[str, str]) -> int:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/telegram",
                data=json.dumps(update).encode(),
                headers={"Content-Type": "application/json", **headers},
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return int(response.status)
            except urllib.error.HTTPError as error:
                return int(error.code)

        server.wait_for(
            lambda: post({"X-Telegram-Bot-Api-Secret-Token": secret}) == 200, timeout=30
        )
        assert post({}) == 403
        assert post({"X-Telegram-Bot-Api-Secret-Token": "wrong"}) == 403
        server.wait_sent(5, 1)
    finally:
        stop_gracefully(process)
        log.close()
    assert TOKEN not in (tmp_path / "webhook.log").read_text()
