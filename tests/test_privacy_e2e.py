"""Issue 10 over real HTTP: `pillarbot run` against the local Bot API server, then the SQLite
file scanned after /forget, and the terminal's admin view of the same file."""

import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.fake_telegram import FakeTelegram
from tests.test_telegram_e2e import ROOT, TOKEN, RunningBot

USER, OTHER, ADMIN = 5_550_123_456, 5_550_123_457, 5_550_000_001
QUESTION = (
    "I am Li Lei, ID 11010519491231002X, phone 13912345678: can I get a Taiwan labor pension?"
)
CALCULATION = "I'm 35, salary $91357, 8% into my 401k, how much at 65?"


def _every_value(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        tables = [row[0] for row in db.execute("select name from sqlite_master where type='table'")]
        return [
            str(value)
            for table in tables
            for row in db.execute(f"select * from [{table}]")
            for value in row
        ]


def test_forget_over_http_leaves_nothing_and_the_admin_sees_the_rest(tmp_path: Path) -> None:
    server = FakeTelegram(token=TOKEN).start()
    db = tmp_path / "pillar.db"
    bot = RunningBot(server, db, tmp_path / "charts", {"PILLARBOT_ADMINS": str(ADMIN)})
    try:
        server.push_text(USER, QUESTION)
        server.push_text(OTHER, "Can I get a Taiwan labor pension?")
        server.push_text(USER, CALCULATION)
        server.wait_sent(USER, 1, "sendPhoto", timeout=60)
        server.wait_sent(OTHER, 1)
        server.push_text(USER, "/forget")
        confirm = server.wait_sent(USER, 4)[-1]
        yes = confirm.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        server.push_callback(USER, confirm, yes)
        done = server.wait_sent(USER, 1, "editMessageText")[0]
        assert "deleted everything" in done.text and not done.params.get("reply_markup")
        server.push_text(ADMIN, "/admin gaps")
        gaps = server.wait_sent(ADMIN, 1)[0].text
        assert "Taiwan labor pension" in gaps and "Li Lei" not in gaps
    finally:
        output = bot.stop()
        server.stop()
    assert TOKEN not in output and server.violations == []

    values = _every_value(db)
    assert any("Taiwan labor pension" in value for value in values)  # the other user's
    for needle in (str(USER), "Li Lei", "13912345678", "91357"):
        assert not [value for value in values if needle in value], needle

    stats = subprocess.run(
        [sys.executable, "-m", "bot.cli", "admin", "stats", "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert stats.returncode == 0, stats.stderr
    # The forgotten user's events still count as questions, but no longer as a user.
    assert "last 30 days: 1" in stats.stdout
    assert "not covered: 2 (en 2)" in stats.stdout and "calculations: 1 (en 1)" in stats.stdout
