"""Time spent inside pillarbot per answered update (median and p99, ms), by kind of update.

`pillarbot run` polls the tests' local Bot API server (tests/fake_telegram.py) under
bench/reply_probe.py. For every update the time counted is from the bot having the
getUpdates answer that holds it to the bot starting the first call that answers it
(sendMessage, sendPhoto, answerCallbackQuery, answerInlineQuery): parsing, flood control,
the handler, the engine and rendering, but no network. One update is in flight at a time, each
from its own user, with a pause after each reply that keeps the bot under Telegram's ~30
messages a second, so nothing waits for anything else. Target: median <= 1.5 ms.

Usage: python bench/bot_time.py [rounds]
"""

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telegram_roundtrip import TOKEN, start_bot  # noqa: E402

from tests.fake_telegram import FakeTelegram  # noqa: E402
from tests.processes import stop_gracefully  # noqa: E402

PROBE = Path(__file__).resolve().parent / "reply_probe.py"
QUESTIONS = (
    "what is a 401k",
    "What is the rule of 55?",
    "How does 401k vesting work?",
    "can I roll my 401k into an IRA",
    "个人养老金每年最多存多少",
    "退休年龄是多少",
    "公司让我签自愿放弃社保的协议有效吗",
    "公司讓我簽自願放棄社保的協議有效嗎",
)
COMMANDS = ("/start", "/help", "/topics", "/settings")
INLINE = ("rollover 60 days", "个人养老金", "roth")
WARM_UP_ROUNDS = 1
# After each answered update: keeps the bot under Telegram's ~30 messages a second, so its
# rate limiter never has to hold a reply back (that wait is Telegram's limit, not bot time).
PAUSE = 0.1
SETTLE = 1.0  # seconds for the probe's exit hook to write its file
KINDS = ("question", "command", "button tap", "inline query")


def one_round(server: FakeTelegram, first_user: int, commands: set[str]) -> int:
    """Every kind of update, each from a new user; returns the next free user id.

    The users who sent a command are added to `commands` (their chat id is the key).
    """
    user = first_user
    for text in QUESTIONS:
        server.push_text(user, text)
        answer = server.wait_sent(user, 1)[0]
        time.sleep(PAUSE)
        user += 1
        buttons = (answer.params.get("reply_markup") or {}).get("inline_keyboard") or []
        if buttons:
            taps = len(server.callback_answers)
            server.push_callback(user, answer, buttons[0][0]["callback_data"])
            server.wait_for(lambda taps=taps: len(server.callback_answers) > taps)
            server.wait_sent(answer.chat_id or 0, 2)
            time.sleep(PAUSE)
    for text in COMMANDS:
        server.push_text(user, text)
        server.wait_sent(user, 1)
        time.sleep(PAUSE)
        commands.add(str(user))
        user += 1
    for text in INLINE:
        answers = len(server.inline_answers)
        server.push_inline(user, text)
        server.wait_for(lambda answers=answers: len(server.inline_answers) > answers)
        time.sleep(PAUSE)
        user += 1
    return user


def in_bot_times(probe: dict[str, Any], since: float, commands: set[str]) -> dict[str, list[float]]:
    """Seconds from each update's arrival to the first call answering it, per kind."""
    replies = probe["replies"]
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    for arrived, kind, key in probe["arrivals"]:
        if arrived < since:
            continue
        started = next((s for s, _, k in replies if k == key and s >= arrived), None)
        if started is None:
            continue
        if kind == "message":
            label = "command" if key in commands else "question"
        else:
            label = "button tap" if kind == "callback_query" else "inline query"
        times[label].append(started - arrived)
    return times


def _ms(samples: list[float], percentile: int) -> float:
    if percentile == 50:
        return statistics.median(samples) * 1000
    return statistics.quantiles(samples, n=100, method="inclusive")[percentile - 1] * 1000


def main(argv: list[str]) -> int:
    """Print median and p99 per kind and overall."""
    rounds = int(argv[0]) if argv else 20
    server = FakeTelegram(token=TOKEN, check_html=False).start()
    commands: set[str] = set()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "probe.json"
        command = [sys.executable, str(PROBE), str(out), "--", "-m", "bot.cli", "run"]
        env = {"PILLARBOT_DB": str(Path(folder) / "b.db"), "PILLARBOT_CHARTS": folder}
        process = start_bot(server, command, env)
        try:
            user = 10_000
            for _ in range(WARM_UP_ROUNDS):
                user = one_round(server, user, commands)
            since = time.perf_counter()  # the system's monotonic clock, shared with the bot
            for _ in range(rounds):
                user = one_round(server, user, commands)
        finally:
            stop_gracefully(process)
            server.stop()
        time.sleep(SETTLE)
        probe = json.loads(out.read_text())
    times = in_bot_times(probe, since, commands)
    every = [t for kind in KINDS for t in times[kind]]
    print(f"{'time inside the bot':22} {'updates':>8} {'median ms':>10} {'p99 ms':>8}")
    for label, samples in [*times.items(), ("all", every)]:
        if samples:
            print(f"{label:22} {len(samples):8d} {_ms(samples, 50):10.3f} {_ms(samples, 99):8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
