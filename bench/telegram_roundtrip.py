"""Median sequential round trip (user message -> bot reply) over real HTTP on 127.0.0.1:
pillarbot against a minimal PTB echo bot, measured in one run.

Three bots run at the same time, each against its own instance of the tests' local Bot API
server (tests/fake_telegram.py, one process, one port each), and messages rotate between
them, so every sample has its peers taken under the same machine conditions:
- the echo bot (bench/echo_bot.py), the baseline;
- pillarbot's door alone (bench/memo_bot.py): the real application sending the real replies,
  with the answers computed before polling starts;
- pillarbot itself (`pillarbot run`).
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


def round_trip(server: FakeTelegram, user: int, text: str) -> tuple[float, float]:
    """When the server got a user's message and when the bot's reply had fully arrived.

    Both are read on the server's clock (perf_counter, the system's monotonic clock): the
    reply's time is taken before the server parses it, so the harness's own work (parsing,
    waking this thread) is not counted against any bot.
    """
    start = time.perf_counter()
    server.push_text(user, text)
    reply = server.wait_sent(user, 1, timeout=30)[0]
    assert reply.received is not None
    return start, reply.received


BOTS = {
    "echo bot": [sys.executable, str(ROOT / "bench" / "echo_bot.py")],
    "pillarbot, answers precomputed": [sys.executable, str(ROOT / "bench" / "memo_bot.py")],
    "pillarbot": [sys.executable, "-m", "bot.cli", "run"],
}


def measure(bots: dict[str, list[str]], messages: int) -> dict[str, list[tuple[float, float]]]:
    """(message pushed, reply received) per measured message, per bot, rotating the bots."""
    servers = {name: FakeTelegram(token=TOKEN, check_html=False).start() for name in bots}
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in bots}
    processes: list[subprocess.Popen[bytes]] = []
    with tempfile.TemporaryDirectory() as folder:
        try:
            for name, command in bots.items():
                env = {
                    "PILLARBOT_DB": str(Path(folder) / f"{len(processes)}.db"),
                    "PILLARBOT_CHARTS": folder,
                }
                processes.append(start_bot(servers[name], command, env))
            for index in range(messages + WARM_UP):
                text = QUESTIONS[index % len(QUESTIONS)]
                user = 1000 + index  # distinct users: flood control must not shape the figure
                for name, server in servers.items():
                    times = round_trip(server, user, text)
                    time.sleep(PAUSE)
                    if index >= WARM_UP:
                        samples[name].append(times)
        finally:
            for process in processes:
                stop_gracefully(process)
            for server in servers.values():
                server.stop()
    return samples


def main(argv: list[str]) -> int:
    """Print each bot's median and its ratio to the echo bot's."""
    samples = measure(BOTS, int(argv[0]) if argv else 60)
    medians = {
        name: statistics.median(end - start for start, end in times) * 1000
        for name, times in samples.items()
    }
    echo = medians["echo bot"]
    for name, median in medians.items():
        print(
            f"{name:32} median {median:5.2f} ms over {len(samples[name])} messages,"
            f" {median / echo:.2f} x the echo bot"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
