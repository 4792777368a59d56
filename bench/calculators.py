"""Calculator speed: each calculator through the engine without and with its chart, and the
Monte Carlo alone (10,000 paths x 480 months). Prints medians; asserts nothing.

Usage: python bench/calculators.py
"""

import statistics
import sys
import time
from collections.abc import Callable
from functools import partial

import numpy as np

from bot.engine import Engine, Message
from calc.montecarlo import simulate_paths

REQUESTS = {
    "us401k": "I'm 25, salary $70k, 10% into my 401k with a 50% match up to 6%, how much at 65?",
    "inflow": "If 401(k) plans put 2% into crypto, how much flows in?",
    "cn_pension": "1975年5月出生的男职工，社平工资1万，缴费指数1.2，缴费30年，能领多少养老金",
    "cn_contrib": "月薪12000社保交多少",
    "cn_personal_pension": "应纳税所得额31万，个人养老金存12000能省多少税",
}
RUNS = 15


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall time of `action` in milliseconds, after one warm-up."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    """Print the figures."""
    plain = Engine(charts=False)
    charted = Engine(charts=True)
    print(f"{'calculator':22} {'no chart':>10} {'with chart':>11}")
    for name, text in REQUESTS.items():
        message = Message(text)
        assert plain.handle(message).kind == "calc", name
        without = median_ms(partial(plain.handle, message))
        with_chart = median_ms(partial(charted.handle, message))
        print(f"{name:22} {without:8.1f} ms {with_chart:8.1f} ms")
    contributions = np.full(480, 500.0)
    checkpoints = np.arange(11, 480, 12)
    mc = median_ms(lambda: simulate_paths(0.0, contributions, 0.06, 0.15, 10_000, 1, checkpoints))
    print(f"monte carlo 10,000 paths x 480 months: {mc:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
