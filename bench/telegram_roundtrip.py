"""Median sequential round trip (user message -> bot reply) over real HTTP on 127.0.0.1:
pillarbot against a minimal PTB echo bot, on the same local Bot API server, in one run.

Each message waits for the previous reply plus a short pause (PAUSE), as a person would.

Usage: python bench/telegram_roundtrip.py [messages]
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fake_telegram import FakeTelegram  # noqa: E402
from tests.processes import stop_gracefully  # noqa: E402

TOKEN = "6262:bench-fake-token"
# Between one reply and the next message: keeps both bots under Telegram's ~30 messages a
# second, so pillarbot's rate limiter (which the echo bot lacks) never has to wait.
PAUSE = 0.05
QUESTIONS = (
    "what is a 401k",
    "个人养老金每年最多存多少",
    "What is the rule of 55?",
    "退休年龄是多少",
)


def round_trips(
    server: FakeTelegram, command: list[str], messages: int, env: dict[str, str], first_user: int
) -> list[float]:
    """Seconds from pushing each message to the bot's reply, one at a time."""
    calls_before = len(server.calls)
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **env, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE": server.url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        server.wait_for(lambda: "getUpdates" in server.calls[calls_before:], timeout=60)
        times = []
        for index in range(messages + 3):
            user = first_user + index  # distinct users: flood control must not shape the figure
            start = time.perf_counter()
            server.push_text(user, QUESTIONS[index % len(QUESTIONS)])
            server.wait_sent(user, 1, timeout=30)
            if index >= 3:  # warm-up
                times.append(time.perf_counter() - start)
            time.sleep(PAUSE)
        return times
    finally:
        stop_gracefully(process)


def main(argv: list[str]) -> int:
    """Print both medians and their ratio."""
    messages = int(argv[0]) if argv else 40
    # One server for both bots. The tests' HTML validation is the harness's work, not the
    # bots': it is off while timing.
    server = FakeTelegram(token=TOKEN, check_html=False).start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            pillar_env = {
                "PILLARBOT_DB": str(Path(folder) / "bench.db"),
                "PILLARBOT_CHARTS": folder,
            }
            echo_bot = [sys.executable, str(ROOT / "bench" / "echo_bot.py")]
            echo = round_trips(server, echo_bot, messages, {}, first_user=1000)
            pillarbot = [sys.executable, "-m", "bot.cli", "run"]
            pillar = round_trips(server, pillarbot, messages, pillar_env, first_user=5000)
    finally:
        server.stop()
    echo_ms, pillar_ms = statistics.median(echo) * 1000, statistics.median(pillar) * 1000
    print(f"echo bot:  median {echo_ms:.2f} ms over {len(echo)} messages")
    print(f"pillarbot: median {pillar_ms:.2f} ms over {len(pillar)} messages")
    print(f"ratio pillarbot / echo: {pillar_ms / echo_ms:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
