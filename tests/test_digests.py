"""Digests (issue 11): subscribing, DST-safe schedules, delivery that loses nothing."""

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from bot.digest.outbox import AREA_TOPICS, DigestOutbox, Subscription
from bot.digest.schedule import next_due
from bot.knowledge.content import Content
from bot.knowledge.updates import load_updates
from bot.store import open_database
from bot.tg.flood import FloodGuard
from bot.tg.services import SERVICES_KEY
from tests.fake_telegram import FakeTelegram
from tests.test_telegram_handlers import feed, harness  # noqa: F401 (the fixture)

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "4343:digest-fake-token-not-real"
UTC = dt.UTC


def _subscription(outbox: DigestOutbox, chat_id: int) -> Subscription:
    found = outbox.subscription(chat_id)
    assert found is not None, chat_id
    return found


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


# ----- schedules -----
@pytest.mark.parametrize(
    ("tz", "hour", "after", "expected"),
    [
        # New York, spring forward on 2026-03-08: 09:00 moves from 14:00 UTC to 13:00 UTC.
        ("America/New_York", 9, _utc(2026, 3, 7, 15), _utc(2026, 3, 8, 13)),
        ("America/New_York", 9, _utc(2026, 3, 6, 15), _utc(2026, 3, 7, 14)),
        # 02:30 does not exist that night: sent at 03:30 EDT, once.
        ("America/New_York", 2, _utc(2026, 3, 7, 12), _utc(2026, 3, 8, 7, 30)),
        # Fall back on 2026-11-01: 01:00 happens twice; only the first counts.
        ("America/New_York", 1, _utc(2026, 10, 31, 12), _utc(2026, 11, 1, 5)),
        ("America/New_York", 1, _utc(2026, 11, 1, 5), _utc(2026, 11, 2, 6)),
        ("America/New_York", 9, _utc(2026, 11, 1, 0), _utc(2026, 11, 1, 14)),
        # Shanghai has no DST: always UTC+8.
        ("Asia/Shanghai", 9, _utc(2026, 3, 7, 15), _utc(2026, 3, 8, 1)),
        ("Asia/Shanghai", 9, _utc(2026, 11, 1, 2), _utc(2026, 11, 2, 1)),
        # London: BST from 2026-03-29, GMT again from 2026-10-25.
        ("Europe/London", 9, _utc(2026, 3, 28, 10), _utc(2026, 3, 29, 8)),
        ("Europe/London", 9, _utc(2026, 10, 24, 10), _utc(2026, 10, 25, 9)),
        ("Europe/London", 1, _utc(2026, 3, 28, 10), _utc(2026, 3, 29, 1)),
    ],
)
def test_daily_digest_keeps_its_local_time_across_dst(
    tz: str, hour: int, after: dt.datetime, expected: dt.datetime
) -> None:
    minute = 30 if (tz, hour) == ("America/New_York", 2) else 0
    assert next_due("daily", hour, minute, 0, tz, after) == expected


def test_weekly_digest_lands_on_monday_local_time() -> None:
    # Sunday 2026-03-08 in New York (the DST night); next Monday 09:00 EDT = 13:00 UTC.
    assert next_due("weekly", 9, 0, 0, "America/New_York", _utc(2026, 3, 8, 12)) == _utc(
        2026, 3, 9, 13
    )


# ----- subscribing through the real application -----
async def test_subscribe_buttons_typed_zone_mysubs_and_unsubscribe(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_text(21, "/subscribe")
    await feed(app, fake)
    steps = [("sub:c:cn", "How often"), ("sub:t:cn:daily", "time of day")]
    for data, expected in steps:
        last = fake.sent_to(21)[-1]
        buttons = [
            b["callback_data"]
            for row in last.params["reply_markup"]["inline_keyboard"]
            for b in row
        ]
        assert "s:" + data.removeprefix("sub:") in buttons
        fake.push_callback(21, last, "s:" + data.removeprefix("sub:"))
        await feed(app, fake)
        assert expected in fake.sent_to(21)[-1].text
    fake.push_callback(21, fake.sent_to(21)[-1], "s:z:cn:daily:7")
    await feed(app, fake)
    assert "Europe/Berlin" in fake.sent_to(21)[-1].text
    fake.push_text(21, "Mars/Olympus_Mons")
    await feed(app, fake)
    assert "time zone" in fake.sent_to(21)[-1].text
    app.bot_data[SERVICES_KEY].flood = FloodGuard()  # a user who pauses between steps
    before = len(fake.sent_to(21))
    fake.push_text(21, "europe/berlin")
    await feed(app, fake)
    new = fake.sent_to(21)[before:]
    assert "Subscribed" in new[0].text and "Europe/Berlin" in new[0].text
    digest = new[1]
    svc = app.bot_data[SERVICES_KEY]
    cn_latest = [u for u in svc.engine.updates.all() if u.matches(AREA_TOPICS["cn"])][:3]
    for update in cn_latest:
        assert str(escape(update.title["en"])) in digest.text
        assert update.sources[0].url in digest.params["text"]
    assert len(digest.params["reply_markup"]["inline_keyboard"]) == 3
    sub = svc.outbox.subscription(21)
    assert sub.tz == "Europe/Berlin" and sub.hour == 7 and sub.cadence == "daily"
    svc.flood = FloodGuard()  # a user who pauses for a while between steps
    fake.push_text(21, "/mysubs")
    await feed(app, fake)
    assert "Updates received so far: 3" in fake.sent_to(21)[-1].text
    fake.push_text(21, "/unsubscribe")
    await feed(app, fake)
    assert "Unsubscribed" in fake.sent_to(21)[-1].text
    assert not _subscription(svc.outbox, 21).active


async def test_one_line_subscribe_follows_the_users_script(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_text(22, "/lang zh-Hant")
    fake.push_text(22, "/settings tz Asia/Taipei")
    fake.push_text(22, "/subscribe us weekly")
    fake.push_text(23, "/subscribe mars hourly")
    await feed(app, fake)
    sent = fake.sent_to(22)
    assert "Asia/Taipei" in sent[2].text
    assert "美國勞工部" in sent[3].text and "2026年3月30日" in sent[3].text
    svc = app.bot_data[SERVICES_KEY]
    sub = svc.outbox.subscription(22)
    assert sub.cadence == "weekly" and sub.topics == AREA_TOPICS["us"]
    assert svc.outbox.subscription(23) is None
    assert "/subscribe us daily" in fake.sent_to(23)[-1].text


async def test_a_question_while_the_zone_is_awaited_gets_its_answer(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_text(25, "/subscribe")
    await feed(app, fake)
    fake.push_callback(25, fake.sent_to(25)[-1], "s:z:us:weekly:9")
    await feed(app, fake)
    fake.push_text(25, "What is vesting?")
    await feed(app, fake)
    assert "vest" in fake.sent_to(25)[-1].text.lower()
    assert app.bot_data[SERVICES_KEY].outbox.subscription(25) is None


async def test_start_sub_link_and_menu_button_open_the_flow(
    harness: tuple[Any, FakeTelegram],  # noqa: F811
) -> None:
    app, fake = harness
    fake.push_text(24, "/start sub")
    await feed(app, fake)
    assert "Which updates" in fake.sent_to(24)[-1].text
    fake.push_callback(24, fake.sent_to(24)[-1], "m:sub")
    await feed(app, fake)
    assert "Which updates" in fake.sent_to(24)[-1].text


# ----- delivery: pillarbot digest send against the local Bot API server -----
def _seed(db_path: Path, content: Content, chats: range, now: dt.datetime) -> None:
    """Subscribers whose welcome digests are still queued (as if the bot stopped at once)."""
    db = open_database(db_path)
    outbox = DigestOutbox(db)
    updates = load_updates(content.root)
    for chat in chats:
        outbox.subscribe(
            chat, chat, AREA_TOPICS["all"], "daily", 9, 0, 0, "Asia/Shanghai", "en", updates, now
        )
    db.close()


def _digest(server: FakeTelegram, db: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE": server.url,
        "PILLARBOT_DB": str(db),
        "PILLARBOT_SEND_RATE": "200",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "digest", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


@pytest.fixture
def server() -> Any:
    fake = FakeTelegram(token=TOKEN).start()
    yield fake
    fake.stop()


def _copies(server: FakeTelegram) -> dict[int, int]:
    counts: dict[int, int] = {}
    for sent in server.sent:
        if sent.method == "sendMessage" and sent.chat_id is not None:
            counts[sent.chat_id] = counts.get(sent.chat_id, 0) + 1
    return counts


def test_kill_9_mid_broadcast_then_rerun_delivers_each_digest_once(
    server: FakeTelegram, content: Content, tmp_path: Path
) -> None:
    db = tmp_path / "d.db"
    chats = range(1000, 1060)
    _seed(db, content, chats, dt.datetime.now(UTC))
    server.send_delay = 0.05
    process = _digest(server, db, "send")
    server.wait_for(lambda: len(server.sent) >= 10, timeout=60)
    status = _digest(server, db, "status").communicate(timeout=60)[0].decode()
    assert "subscribers 60" in status and "broadcast [#" in status
    process.send_signal(signal.SIGKILL)
    process.communicate()
    interrupted = len(_copies(server))
    assert 0 < interrupted < len(chats)
    server.send_delay = 0.0
    rerun = _digest(server, db, "send")
    output = rerun.communicate(timeout=120)[0].decode()
    assert rerun.returncode == 0, output
    copies = _copies(server)
    assert set(copies) == set(chats)
    # Only the one message in flight at the kill may arrive twice (the documented window).
    assert sum(count - 1 for count in copies.values()) <= 1
    again = _digest(server, db, "send")
    assert "sent 0 messages" in again.communicate(timeout=120)[0].decode()
    assert sum(_copies(server).values()) == sum(copies.values())
    assert TOKEN not in output


def test_retry_after_is_honoured_and_403_deactivates(
    server: FakeTelegram, content: Content, tmp_path: Path
) -> None:
    db = tmp_path / "d.db"
    _seed(db, content, range(2000, 2005), dt.datetime.now(UTC))
    server.retry_after = 2
    server.blocked_chats = {2003}
    process = _digest(server, db, "send")
    output = process.communicate(timeout=120)[0].decode()
    assert process.returncode == 0, output
    assert server.throttled_until is not None
    received = [s.received for s in server.sent if s.method == "sendMessage"]
    assert received and all(r is not None and r >= server.throttled_until for r in received)
    assert set(_copies(server)) == {2000, 2001, 2002, 2004}
    outbox = DigestOutbox(open_database(db))
    assert not _subscription(outbox, 2003).active
    assert outbox.status().blocked == 1
    status = _digest(server, db, "status").communicate(timeout=60)[0].decode()
    assert "subscribers 4" in status and "blocked 1" in status


def test_a_restart_loses_no_schedule_and_a_new_file_reaches_the_next_digest(
    content: Content, tmp_path: Path
) -> None:
    db_path = tmp_path / "s.db"
    subscribed = _utc(2026, 12, 7, 2)
    _seed(db_path, content, range(3000, 3002), subscribed)
    db = open_database(db_path)  # a restart: a new process opens the same file
    outbox = DigestOutbox(db)
    updates = load_updates(content.root)
    for chat in (3000, 3001):
        outbox.mark(chat, outbox.pending(chat)[chat], "sent", subscribed)
    assert _subscription(outbox, 3000).next_at == _utc(2026, 12, 8, 1)  # 09:00 in Shanghai
    assert outbox.plan(updates, _utc(2026, 12, 8, 0, 59)) == 0  # not yet due, nothing new
    newer = updates[0].__class__(
        **{**updates[0].__dict__, "id": "2026-12-07-new", "date": subscribed.date()}
    )
    assert outbox.plan([newer, *updates], _utc(2026, 12, 8, 1)) == 2
    assert outbox.pending() == {3000: ["2026-12-07-new"], 3001: ["2026-12-07-new"]}
    assert _subscription(outbox, 3000).next_at == _utc(2026, 12, 9, 1)


def test_a_migrated_group_moves_and_network_errors_are_retried(
    server: FakeTelegram, content: Content, tmp_path: Path
) -> None:
    db = tmp_path / "d.db"
    _seed(db, content, range(4000, 4002), dt.datetime.now(UTC))
    _seed(db, content, range(-500, -499), dt.datetime.now(UTC))
    server.migrated_chats = {-500: -1000500}
    server.bad_gateways = 2
    process = _digest(server, db, "send")
    output = process.communicate(timeout=120)[0].decode()
    assert process.returncode == 0, output
    assert set(_copies(server)) == {4000, 4001, -1000500}
    outbox = DigestOutbox(open_database(db))
    assert outbox.subscription(-500) is None
    assert _subscription(outbox, -1000500).active
    assert outbox.pending() == {}


def test_the_running_bot_delivers_what_is_due_after_a_restart(
    server: FakeTelegram, content: Content, tmp_path: Path
) -> None:
    from tests.test_telegram_e2e import TOKEN as E2E_TOKEN
    from tests.test_telegram_e2e import RunningBot

    server.token = E2E_TOKEN
    db = tmp_path / "pillar.db"
    _seed(db, content, range(5000, 5002), dt.datetime.now(UTC))  # queued, never sent
    bot = RunningBot(server, db, tmp_path / "charts")
    try:
        sent = server.wait_sent(5000, 1, "sendMessage", timeout=60)
        server.wait_sent(5001, 1, "sendMessage", timeout=60)
    finally:
        output = bot.stop()
    assert "Policy updates for you" in sent[0].text
    assert E2E_TOKEN not in output
    assert DigestOutbox(open_database(db)).pending() == {}
