"""`pillarbot run` stops on SIGTERM whatever its polling retries are doing (issue 10)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.fake_telegram import FakeTelegram
from tests.processes import exits_on
from tests.test_telegram_e2e import ROOT, TOKEN, RunningBot

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


def test_a_rejected_token_ends_the_run_with_an_error_that_does_not_show_it(
    tmp_path: Path,
) -> None:
    server = FakeTelegram(token=TOKEN).start()
    wrong = "4242:a-token-the-server-rejects-xyz"
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": wrong,
        "TELEGRAM_API_BASE": server.url,
        "PILLARBOT_DB": str(tmp_path / "pillar.db"),
    }
    try:
        result = subprocess.run(
            [sys.executable, "-m", "bot.cli", "run"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        server.stop()
    assert result.returncode == 1
    assert "rejected" in result.stderr
    assert wrong not in result.stderr + result.stdout
    assert wrong.split(":")[1] not in result.stderr + result.stdout
