"""Engine latency per question (p50, p99, in process, over the dev set and the real-question
corpus), the cold start of `pillarbot ask` (median of 5 runs), and the first replies after a
start with and without the Telegram door's warm-up. Prints figures; asserts nothing.

Usage: python bench/latency.py [path/to/questions.json]
"""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.engine import Engine, Message
from tests.real_corpus import load_corpus

DEFAULT_SET = Path(__file__).resolve().parents[2] / "shared" / "eval" / "questions.dev.json"
ROUNDS = 20
COLD_RUNS = 5


def engine_latency(questions: list[str], charts: bool) -> tuple[np.ndarray, np.ndarray]:
    """Seconds per reply over ROUNDS rounds, after one warm-up round, and whether each reply
    was a calculation (calculations have their own figures in bench/calculators.py)."""
    engine = Engine(charts=charts)
    calculated = [engine.handle(Message(question)).kind == "calc" for question in questions]
    samples = []
    for _ in range(ROUNDS):
        for question in questions:
            start = time.perf_counter()
            engine.handle(Message(question))
            samples.append(time.perf_counter() - start)
    return np.array(samples), np.array(calculated * ROUNDS)


def cold_start() -> list[float]:
    """Wall time of a whole `pillarbot ask` process."""
    times = []
    for _ in range(COLD_RUNS):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot.cli", "ask", "What is a 401(k)?"],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return times


# Run in a fresh process: what is loaded lazily is loaded once per process.
FIRST_REPLIES = """
import json, sys, time
from bot.engine import Engine, Message
engine = Engine(charts=False)
start = time.perf_counter()
if sys.argv[1] == "warm":
    engine.warm_up()
times = {"warm-up": time.perf_counter() - start}
for label, text in (
    ("first English answer", "How does a 401(k) match work?"),
    ("first 简体 answer", "延迟退休后最低缴费年限是多少"),
    ("first 繁體 answer", "延遲退休後最低繳費年限是多少"),
    ("first 401(k) calculation with chart", "Age 40, salary $100k, 8% to 401k: how much at 65?"),
):
    start = time.perf_counter()
    engine.draw_chart(engine.handle(Message(text)))
    times[label] = time.perf_counter() - start
print(json.dumps(times))
"""


def first_replies(warm: bool) -> dict[str, float]:
    """Seconds for the warm-up and the first replies of a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", FIRST_REPLIES, "warm" if warm else "cold"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out))


def main(argv: list[str]) -> int:
    """Print the figures."""
    path = Path(argv[0]) if argv else DEFAULT_SET
    dev = json.loads(path.read_text(encoding="utf-8"))
    answers = [q["question"] for q in dev if q["kind"] != "calc"]
    everything = [q["question"] for q in dev]
    real = [q.question for q in load_corpus()]
    for label, questions, which in (
        ("answers and fallbacks (faq + out of scope)", answers, "all"),
        ("every dev question, calculations included, no charts", everything, "all"),
        ("every real question answered, asked or declined (no calculation)", real, "questions"),
        ("the real questions the bot calculates, no charts", real, "calculations"),
    ):
        samples, calculated = engine_latency(questions, charts=False)
        if which != "all":
            samples = samples[calculated == (which == "calculations")]
        samples = samples * 1000
        print(
            f"engine, {label}: {len(samples)} replies, "
            f"p50 {np.percentile(samples, 50):.3f} ms, p99 {np.percentile(samples, 99):.3f} ms, "
            f"max {samples.max():.3f} ms"
        )
    for warm in (False, True):
        figures = first_replies(warm)
        print(
            ("with warm-up: " if warm else "without warm-up: ")
            + ", ".join(f"{label} {seconds * 1000:.1f} ms" for label, seconds in figures.items())
        )
    times = cold_start()
    print(
        f"cold start `pillarbot ask`: median {statistics.median(times) * 1000:.0f} ms "
        f"(runs: {', '.join(f'{t * 1000:.0f}' for t in times)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
