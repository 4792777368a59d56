"""Digest broadcast to N subscribers against the tests' local Bot API server.

Usage: python bench/broadcast.py [N=10000] [RATE=30] [SENDERS=1]

Subscribes N chats (all areas, daily), then runs one delivery with `--now` semantics through
PTB's AIORateLimiter at RATE messages a second, exactly as `pillarbot digest send --now`
does. Prints the sustained rate (messages over the span from first to last arrival at the
server), the most messages that arrived in any one-second window, and the time to compose
each digest. Figures only: nothing here asserts.
"""

import asyncio
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telegram.ext import ExtBot  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.digest import compose  # noqa: E402
from bot.digest.outbox import AREA_TOPICS, DigestOutbox  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.store import ActionStore, UserStore, open_database  # noqa: E402
from bot.tg.digest_send import DigestSender  # noqa: E402
from bot.tg.limits import digest_rate_limiter  # noqa: E402
from bot.tg.request import JsonHTTPXRequest  # noqa: E402
from tests.fake_telegram import FakeTelegram  # noqa: E402

TOKEN = "9999:bench-broadcast-token"


def max_in_one_second(stamps: list[float]) -> int:
    """The most arrivals in any window [t, t + 1 s)."""
    best, start = 0, 0
    for end, stamp in enumerate(stamps):
        while stamp - stamps[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def serve() -> None:
    """The local server in a process of its own (its threads would otherwise share the
    sender's interpreter lock); prints its URL, then the arrival times when stdin closes."""
    server = FakeTelegram(token=TOKEN, check_html=False).start()
    print(server.url, flush=True)
    sys.stdin.read()
    stamps = sorted(s.received for s in server.sent if s.received is not None)
    print(json.dumps(stamps), flush=True)
    server.stop()


async def broadcast(n: int, rate: float, senders: int) -> None:
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None and server.stdin is not None
    url = server.stdout.readline().strip()
    folder = Path(tempfile.mkdtemp(prefix="pillarbot-bench-"))
    settings = Settings(token=TOKEN, api_base=url, db_path=folder / "b.db", send_rate=rate)
    db = open_database(settings.db_path)
    engine = Engine(charts=False)
    outbox = DigestOutbox(db)
    updates = engine.updates.all(fresh=True)
    now = dt.datetime.now(dt.UTC)
    started = time.perf_counter()
    for chat in range(1, n + 1):
        outbox.subscribe(
            chat, chat, AREA_TOPICS["all"], "daily", 9, 0, 0, "Asia/Shanghai", "en", [], now
        )
    print(f"subscribed {n} chats in {time.perf_counter() - started:.1f} s")
    # Every subscriber gets the newest update as its digest.
    newest = updates[:1]

    compose_times: list[float] = []
    original = compose.compose_digest

    def timed_compose(*args, **kwargs):
        begin = time.perf_counter()
        result = original(*args, **kwargs)
        compose_times.append(time.perf_counter() - begin)
        return result

    import bot.tg.digest_send as digest_send

    digest_send.compose_digest = timed_compose
    bot: ExtBot[dict[str, int]] = ExtBot(
        TOKEN,
        base_url=f"{url}/bot",
        request=JsonHTTPXRequest(connection_pool_size=8),
        rate_limiter=digest_rate_limiter(settings),  # type: ignore[arg-type]
    )
    async with bot:
        engine.updates.all = lambda fresh=False: newest  # type: ignore[method-assign]
        sender = DigestSender(bot, outbox, engine, UserStore(db), ActionStore(db), senders=senders)
        begin = time.perf_counter()
        report = await sender.run(everyone=True)
        elapsed = time.perf_counter() - begin
    output, _ = server.communicate("")
    stamps = json.loads(output.strip().splitlines()[-1])
    span = stamps[-1] - stamps[0] if len(stamps) > 1 else 0.0
    sustained = (len(stamps) - 1) / span if span else 0.0
    compose_ms = sorted(t * 1000 for t in compose_times)
    print(f"messages sent: {report.messages} of {n}")
    print(f"blocked {report.blocked}, failed {report.failed}, senders {senders}")
    print(f"run took {elapsed:.1f} s; limiter at {rate:g}/s")
    print(
        f"sustained rate: {sustained:.2f} messages/s = {100 * sustained / rate:.1f}% of the limit"
    )
    print(f"most messages in any 1-second window: {max_in_one_second(stamps)}")
    median = statistics.median(compose_ms)
    p99 = compose_ms[int(0.99 * (len(compose_ms) - 1))]
    print(
        f"compose per digest: median {median:.2f} ms, p99 {p99:.2f} ms, max {compose_ms[-1]:.2f} ms"
    )


def main() -> None:
    if sys.argv[1:] == ["--serve"]:
        serve()
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rate = float(sys.argv[2]) if len(sys.argv) > 2 else 30.0
    senders = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    asyncio.run(broadcast(n, rate, senders))


if __name__ == "__main__":
    main()
