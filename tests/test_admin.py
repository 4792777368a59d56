"""Issue 10, an admin's view: /admin for PILLARBOT_ADMINS, `pillarbot admin` in the terminal
over the same database, events without user text, errors that say where they happened."""

import logging
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.tg.services import SERVICES_KEY
from tests.fake_telegram import FakeTelegram
from tests.test_telegram_handlers import TOKEN, feed

ADMIN = 999  # the admin of the test application
PASSPORT = (
    "How do I renew my passport?",
    "how do i renew my passport in Beijing?",
    "Can I renew my passport online?",
)


async def _traffic(app: Any, fake: FakeTelegram) -> None:
    """Three users: answers, a calculation, fallbacks that repeat, a 中文 question, votes."""
    fake.push_text(71, "What is a target date fund?")
    fake.push_text(71, "What is a target date fund?")
    fake.push_text(72, "/calc cn_contrib wage=8000", language_code="zh")
    fake.push_text(72, "公司让我签自愿放弃社保的协议有效吗", language_code="zh")
    for user, question in zip((71, 72, 73), PASSPORT, strict=True):
        fake.push_text(user, question)
    fake.push_text(73, "calc us401k age=500")
    await feed(app, fake)
    answer = fake.sent_to(71)[0]
    down = next(
        b["callback_data"]
        for row in answer.params["reply_markup"]["inline_keyboard"]
        for b in row
        if b["callback_data"].startswith("fb:down:")
    )
    fake.push_callback(71, answer, down)
    await feed(app, fake)
    asked = fake.sent_to(71)[-1]
    unclear = asked.params["reply_markup"]["inline_keyboard"][2][0]["callback_data"]
    fake.push_callback(71, asked, unclear)
    await feed(app, fake)


async def test_admin_sees_usage_feedback_and_gaps_in_telegram(
    door: tuple[Any, FakeTelegram],
) -> None:
    app, fake = door
    await _traffic(app, fake)
    for view in ("", " stats", " feedback", " gaps"):
        fake.push_text(ADMIN, "/admin" + view)
    await feed(app, fake)
    default, stats, feedback, gaps = (s.text for s in fake.sent_to(ADMIN))
    assert default == stats
    assert "last 1 day: 3" in stats and "last 30 days: 3" in stats
    assert re.search(r"answered: 3 \(en 2, zh-Hans 1\)", stats)
    assert re.search(r"not covered: 3 \(en 3\)", stats)
    assert re.search(r"calculations: 1 \(zh-Hans 1\)", stats) and re.search(
        r"errors: 1 \(en 1\)", stats
    )
    assert "target_date" in stats
    assert "target_date" in feedback and "👎 1" in feedback and "unclear 1" in feedback
    assert "en</b>: 3 questions in 1 groups" in gaps and "3 × " in gaps


async def _flush_events(app: Any) -> None:
    """What the job queue does every few seconds while the bot runs."""
    (job,) = app.job_queue.get_jobs_by_name("flush events")
    await job.run(app)


async def test_events_hold_no_user_text_or_id(door: tuple[Any, FakeTelegram]) -> None:
    app, fake = door
    await _traffic(app, fake)
    await _flush_events(app)
    rows = list(app.bot_data[SERVICES_KEY].db["events"].rows)
    assert {row["outcome"] for row in rows} >= {"answer", "fallback", "calc", "feedback"}
    stored = " ".join(str(value) for row in rows for value in row.values())
    assert "passport" not in stored and "target date" not in stored
    assert not re.search(r"\b7[123]\b", stored)


async def test_non_admins_get_the_unknown_command_reply(door: tuple[Any, FakeTelegram]) -> None:
    app, fake = door
    fake.push_text(74, "/admin")
    fake.push_text(75, "/admin gaps", language_code="zh")
    await feed(app, fake)
    assert "know that command" in fake.sent_to(74)[0].text
    assert "/help" in fake.sent_to(75)[0].text and "Usage" not in fake.sent_to(75)[0].text


async def test_errors_tell_admins_the_handler_the_update_kind_and_a_logged_trace_id(
    door: tuple[Any, FakeTelegram], caplog: pytest.LogCaptureFixture
) -> None:
    app, fake = door
    fake.fail_methods.add("sendPhoto")
    fake.push_text(76, "If 401(k) plans put 2% into crypto, how much flows in?")
    with caplog.at_level(logging.ERROR):
        await feed(app, fake)
    (notice,) = fake.sent_to(ADMIN)
    assert "text_message" in notice.text and "message update" in notice.text
    trace = re.search(r"error ([0-9a-f]{8})", notice.text)
    assert trace and f"[trace {trace.group(1)}] in text_message" in caplog.text
    assert TOKEN not in caplog.text and "crypto" not in notice.text


def _pillarbot(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "admin", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PILLARBOT_DB": str(db), "PATH": "/usr/bin:/bin"},
    )


async def test_the_terminal_shows_the_same_figures_from_the_bots_database(
    door: tuple[Any, FakeTelegram], tmp_path: Path
) -> None:
    app, fake = door
    await _traffic(app, fake)
    await _flush_events(app)
    db = tmp_path / "door.db"
    stats = _pillarbot("stats", db=db)
    feedback = _pillarbot("feedback", db=db)
    gaps = _pillarbot("gaps", db=db)
    chinese = _pillarbot("stats", "--lang", "zh-Hans", db=db)
    assert all(r.returncode == 0 for r in (stats, feedback, gaps, chinese)), stats.stderr
    assert "last 7 days: 3" in stats.stdout and "answered: 3 (en 2, zh-Hans 1)" in stats.stdout
    assert "<b>" not in stats.stdout
    assert "target_date" in feedback.stdout and "unclear 1" in feedback.stdout
    assert "3 × " in gaps.stdout and "passport" in gaps.stdout
    assert "活跃" in chinese.stdout


def test_the_terminal_says_when_there_is_no_database(tmp_path: Path) -> None:
    result = _pillarbot("gaps", db=tmp_path / "none.db")
    assert result.returncode == 1
    assert "no database" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "none.db").exists()
    (tmp_path / "notes.txt").write_text("not a database\n" * 100)
    result = _pillarbot("stats", db=tmp_path / "notes.txt")
    assert result.returncode == 1
    assert "not a pillarbot database" in result.stderr and "Traceback" not in result.stderr
