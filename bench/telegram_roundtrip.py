"""Median sequential round trip (user message -> bot reply) over real HTTP on 127.0.0.1:
pillarbot against a minimal PTB echo bot, measured in one run.

Both bots run at the same time, each against its own instance of the tests' local Bot API
server (tests/fake_telegram.py, one process, one port each), and messages alternate between
them: every pillarbot sample has an echo sample taken under the same machine conditions.
Each message waits for the previous reply plus a short pause, as a person would.

Usage: python bench/telegram_roundtrip.py [messages per bot]
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
QUESTIONS = (
    "what is a 401k",
    "个人养老金每年最多存多少",
    "What is the rule of 55?",
    "退休年龄是多少",
)
WARM_UP = 3
# Between one reply and the next message: keeps each bot under Telegram's ~30 messages a
# second, so pillarbot's rate limiter (which the echo bot lacks) never has to wait.
PAUSE = 0.05


def start_bot(
    server: FakeTelegram, command: list[str], env: dict[str, str]
) -> subprocess.Popen[bytes]:
    """Start a bot against a server and wait until it polls."""
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **env, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE": server.url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server.wait_for(lambda: "getUpdates" in server.calls, timeout=60)
    return process


def round_trip(server: FakeTelegram, user: int, text: str) -> float:
    """Seconds from a user's message to the bot's reply."""
    start = time.perf_counter()
    server.push_text(user, text)
    server.wait_sent(user, 1, timeout=30)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    """Print both medians and their ratio."""
    messages = int(argv[0]) if argv else 60
    # The tests' HTML validation is the harness's work, not the bots': off while timing.
    echo_server = FakeTelegram(token=TOKEN, check_html=False).start()
    pillar_server = FakeTelegram(token=TOKEN, check_html=False).start()
    with tempfile.TemporaryDirectory() as folder:
        env = {"PILLARBOT_DB": str(Path(folder) / "bench.db"), "PILLARBOT_CHARTS": folder}
        echo_bot = start_bot(echo_server, [sys.executable, str(ROOT / "bench" / "echo_bot.py")], {})
        pillarbot = start_bot(pillar_server, [sys.executable, "-m", "bot.cli", "run"], env)
        echo, pillar = [], []
        try:
            for index in range(messages + WARM_UP):
                text = QUESTIONS[index % len(QUESTIONS)]
                user = 1000 + index  # distinct users: flood control must not shape the figure
                echo_time = round_trip(echo_server, user, text)
                time.sleep(PAUSE)
                pillar_time = round_trip(pillar_server, user, text)
                time.sleep(PAUSE)
                if index >= WARM_UP:
                    echo.append(echo_time)
                    pillar.append(pillar_time)
        finally:
            stop_gracefully(echo_bot)
            stop_gracefully(pillarbot)
            echo_server.stop()
            pillar_server.stop()
    echo_ms, pillar_ms = statistics.median(echo) * 1000, statistics.median(pillar) * 1000
    print(f"echo bot:  median {echo_ms:.2f} ms over {len(echo)} messages")
    print(f"pillarbot: median {pillar_ms:.2f} ms over {len(pillar)} messages")
    print(f"ratio pillarbot / echo: {pillar_ms / echo_ms:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
