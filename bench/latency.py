"""Engine latency per question (p50, p99, in process, over the dev set) and the cold start
of `pillarbot ask` (median of 5 runs). Prints figures; asserts nothing.

Usage: python bench/latency.py [path/to/questions.json]
"""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from bot.engine import Engine, Message

DEFAULT_SET = Path(__file__).resolve().parents[2] / "shared" / "eval" / "questions.dev.json"
ROUNDS = 20
COLD_RUNS = 5


def engine_latency(questions: list[str], charts: bool) -> np.ndarray:
    """Seconds per question over ROUNDS rounds, after one warm-up round."""
    engine = Engine(charts=charts)
    for question in questions:
        engine.handle(Message(question))
    samples = []
    for _ in range(ROUNDS):
        for question in questions:
            start = time.perf_counter()
            engine.handle(Message(question))
            samples.append(time.perf_counter() - start)
    return np.array(samples)


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


def main(argv: list[str]) -> int:
    """Print the figures."""
    path = Path(argv[0]) if argv else DEFAULT_SET
    dev = json.loads(path.read_text(encoding="utf-8"))
    answers = [q["question"] for q in dev if q["kind"] != "calc"]
    everything = [q["question"] for q in dev]
    for label, questions in (
        ("answers and fallbacks (faq + out of scope)", answers),
        ("every dev question, calculations included, no charts", everything),
    ):
        samples = engine_latency(questions, charts=False) * 1000
        print(
            f"engine, {label}: {len(samples)} replies, "
            f"p50 {np.percentile(samples, 50):.3f} ms, p99 {np.percentile(samples, 99):.3f} ms, "
            f"max {samples.max():.3f} ms"
        )
    times = cold_start()
    print(
        f"cold start `pillarbot ask`: median {statistics.median(times) * 1000:.0f} ms "
        f"(runs: {', '.join(f'{t * 1000:.0f}' for t in times)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
