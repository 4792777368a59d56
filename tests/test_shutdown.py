"""`pillarbot run` stops on SIGTERM whatever its polling retries are doing (issue 10)."""

import signal
import time
from pathlib import Path

from tests.fake_telegram import FakeTelegram
from tests.processes import exits_on
from tests.test_telegram_e2e import TOKEN, RunningBot

# systemd and Docker send SIGTERM, then SIGKILL after 10 s; the bot must be gone well before.
EXIT_BOUND = 5.0
# PTB's polling loop waits 1, 1.5, 2.25, 3.4, then 5.1 s between failed attempts: after the
# fifth failure in a row it sleeps longer than EXIT_BOUND.
FAILURES_BEFORE_LONG_BACKOFF = 5
FAILURE_LOG = "Failed run number"


def _wait_for_failures(bot: RunningBot, since: int, count: int, bound: float) -> None:
    """Wait until the bot has logged `count` failed polls after the first `since` characters."""
    deadline = time.monotonic() + bound
    while bot.output()[since:].count(FAILURE_LOG) < count:
        assert bot.process.poll() is None, bot.output()[-2000:]
        assert time.monotonic() < deadline, f"too few failed polls:\n{bot.output()[-2000:]}"
        time.sleep(0.1)


def test_sigterm_ends_a_bot_in_long_backoff_after_its_server_went_away(tmp_path: Path) -> None:
    server = FakeTelegram(token=TOKEN).start()
    bot = RunningBot(server, tmp_path / "pillar.db", tmp_path / "charts")
    server.push_text(5, "/help")
    server.wait_sent(5, 1)
    logged = len(bot.output())
    server.stop()
    _wait_for_failures(bot, logged, FAILURES_BEFORE_LONG_BACKOFF, bound=60)
    exited = exits_on(bot.process, signal.SIGTERM, bound=EXIT_BOUND)
    output = bot.stop()
    assert exited, f"still running {EXIT_BOUND} s after SIGTERM:\n{output[-2000:]}"
    assert TOKEN not in output


def test_sigterm_ends_a_bot_that_is_long_polling(tmp_path: Path) -> None:
    server = FakeTelegram(token=TOKEN).start()
    try:
        bot = RunningBot(server, tmp_path / "pillar.db", tmp_path / "charts")
        server.push_text(6, "/help")
        server.wait_sent(6, 1)
        exited = exits_on(bot.process, signal.SIGTERM, bound=EXIT_BOUND)
        output = bot.stop()
        assert exited, f"still running {EXIT_BOUND} s after SIGTERM:\n{output[-2000:]}"
        assert bot.process.returncode == 0
        assert TOKEN not in output
    finally:
        server.stop()
