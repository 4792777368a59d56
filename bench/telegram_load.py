"""Throughput and reply latency under load: USERS users at once, each asking QUESTIONS_EACH
questions in a row (the next as soon as the reply to the previous has arrived), through the
tests' local Bot API server over real HTTP on 127.0.0.1.

Bots, one at a time, each against its own server, in rotating order over several rounds:
- the echo bot (bench/echo_bot.py) as PTB runs it by default, one update at a time;
- the same echo bot handling updates concurrently, as pillarbot does (the stronger baseline);
- pillarbot with its rate limiter's overall cap lifted (bench/uncapped_bot.py), since the echo
  bots have none: the bot's own capacity;
- `pillarbot run` as shipped, held to Telegram's ~30 messages a second by its rate limiter.
Throughput is answered questions per second from the first question to the last reply
(median over rounds); latency is from a question's arrival at the server to its reply's
(p50 and p99 over every question of every round). Target: pillarbot >= 0.8x the echo bot.

Usage: python bench/telegram_load.py [rounds] [--no-shipped]
"""

import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telegram_roundtrip import QUESTIONS, TOKEN, start_bot  # noqa: E402

from tests.fake_telegram import FakeTelegram  # noqa: E402
from tests.processes import stop_gracefully  # noqa: E402

USERS = 200
QUESTIONS_EACH = 5
FIRST_USER = 100_000
WARM_UP = 8  # sequential questions before each run, from other users
RUN_BOUND = 600.0  # seconds; only a failure bound

BENCH = ROOT / "bench"
BOTS = {
    "echo bot": [sys.executable, str(BENCH / "echo_bot.py")],
    "echo bot, concurrent": [sys.executable, str(BENCH / "echo_bot.py"), "--concurrent"],
    "pillarbot, no rate cap": [sys.executable, str(BENCH / "uncapped_bot.py")],
    "pillarbot as shipped": [sys.executable, "-m", "bot.cli", "run"],
}


@dataclass
class Run:
    """One bot's load run: when each question went in and when its reply came back."""

    latencies: list[float] = field(default_factory=list)
    first_push: float = 0.0
    last_reply: float = 0.0
    replies: int = 0

    @property
    def throughput(self) -> float:
        """Answered questions per second."""
        return len(self.latencies) / (self.last_reply - self.first_push)


class LoadServer(FakeTelegram):
    """The local Bot API server, playing the users: a reply to a user makes them ask again."""

    def arm(self) -> Run:
        """Start the run: every user asks their first question."""
        self.run = Run()
        self._plan_lock = threading.Lock()
        self._asked: dict[int, int] = {}
        self._pushed_at: dict[int, float] = {}
        self._finished = threading.Event()
        self.run.first_push = time.perf_counter()
        for user in range(FIRST_USER, FIRST_USER + USERS):
            self._ask(user)
        return self.run

    def wait_done(self) -> None:
        """Until every user has had every reply."""
        if not self._finished.wait(RUN_BOUND):
            raise TimeoutError(f"only {len(self.run.latencies)} replies in {RUN_BOUND} s")

    def _ask(self, user: int) -> None:
        asked = self._asked.get(user, 0)
        self._asked[user] = asked + 1
        self._pushed_at[user] = time.perf_counter()
        self.push_text(user, QUESTIONS[(user + asked) % len(QUESTIONS)])

    def _record(
        self, method: str, params: dict[str, Any], message: dict[str, Any], photo: Any = None
    ) -> dict[str, Any]:
        recorded = super()._record(method, params, message, photo)
        user = int(message["chat"]["id"])
        received = getattr(self._request, "received", None) or time.perf_counter()
        if method == "sendMessage" and user >= FIRST_USER and hasattr(self, "run"):
            with self._plan_lock:
                self._replied(user, received)
        return recorded

    def _replied(self, user: int, received: float) -> None:
        self.run.replies += 1
        pushed = self._pushed_at.pop(user, None)
        if pushed is None:
            return  # a second message for the same question: not a reply to a new one
        self.run.latencies.append(received - pushed)
        self.run.last_reply = max(self.run.last_reply, received)
        if self._asked[user] < QUESTIONS_EACH:
            self._ask(user)
        elif len(self.run.latencies) == USERS * QUESTIONS_EACH:
            self._finished.set()


def load_run(name: str, command: list[str]) -> Run:
    """Start the bot, warm it up, run the load, stop it."""
    server = LoadServer(token=TOKEN, check_html=False).start()
    with tempfile.TemporaryDirectory() as folder:
        env = {"PILLARBOT_DB": str(Path(folder) / "l.db"), "PILLARBOT_CHARTS": folder}
        process = start_bot(server, command, env)
        try:
            for index in range(WARM_UP):
                server.push_text(1 + index, QUESTIONS[index % len(QUESTIONS)])
                server.wait_sent(1 + index, 1, timeout=30)
                time.sleep(0.05)
            run = server.arm()
            server.wait_done()
        finally:
            stop_gracefully(process)
            server.stop()
    if run.replies != len(run.latencies):
        print(f"  note: {name} sent {run.replies} messages for {len(run.latencies)} questions")
    return run


def _ms(samples: list[float], percentile: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[percentile - 1] * 1000


def main(argv: list[str]) -> int:
    """Print each bot's throughput (and its ratio to each echo bot) and reply latency."""
    rounds = int(next((a for a in argv if a.isdigit()), "3"))
    skipped = {"pillarbot as shipped"} if "--no-shipped" in argv else set()
    bots = {name: command for name, command in BOTS.items() if name not in skipped}
    runs: dict[str, list[Run]] = {name: [] for name in bots}
    names = list(bots)
    for round_index in range(rounds):
        order = names[round_index % len(names) :] + names[: round_index % len(names)]
        for name in order:
            runs[name].append(load_run(name, bots[name]))
    print(
        f"{USERS} users x {QUESTIONS_EACH} questions, {rounds} rounds"
        f"\n{'':24} {'replies/s':>10} {'x echo':>7} {'x echo conc.':>12}"
        f" {'p50 ms':>8} {'p99 ms':>8}"
    )
    throughput = {name: statistics.median(r.throughput for r in runs[name]) for name in bots}
    for name in bots:
        latencies = [latency for run in runs[name] for latency in run.latencies]
        print(
            f"{name:24} {throughput[name]:10.0f} {throughput[name] / throughput['echo bot']:7.2f}"
            f" {throughput[name] / throughput['echo bot, concurrent']:12.2f}"
            f" {_ms(latencies, 50):8.1f} {_ms(latencies, 99):8.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
