"""Issue 11: `/publish` for admins, through the application and the fake Bot API."""

import asyncio
import datetime as dt
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.digest.outbox import AREA_TOPICS
from bot.engine import Engine
from bot.knowledge.publishing import CheckedUpdate, UpdateExistsError, check_new_update
from bot.knowledge.publishing import write_update as write_update_file
from bot.knowledge.updates import UpdateLibrary
from bot.tg import publish
from bot.tg.digest_send import DeliveryReport
from bot.tg.flood import FloodGuard
from bot.tg.services import SERVICES_KEY
from tests.fake_telegram import FakeTelegram, Sent
from tests.test_telegram_handlers import TOKEN, _application, feed

ROOT = Path(__file__).resolve().parents[1]
ADMIN = 999
NOW = dt.datetime(2026, 12, 7, 9, tzinfo=dt.UTC)

GOOD = """---
id: 2026-12-01-irs-test-notice
date: 2026-12-01
topics: [us401k]
importance: {importance}
title:
  en: IRS issues a test notice
  zh: 美国国税局发布测试通知
sources:
  - title: IRS newsroom, a test notice
    url: https://www.irs.gov/newsroom/test-notice
    date: 2026-12-01
---
## en
The IRS issued a notice about 401(k) plans.

What it means for you: nothing changes yet.

## zh
美国国税局发布了关于401(k)计划的通知。

对你意味着什么：暂时没有变化。
"""

BAD = """---
id: 2026-12-01-bad
date: 2099-01-01
topics: [us401k, moon-pensions]
importance: urgent
title:
  en: A bad update
  zh: ""
sources:
  - title: Somewhere
    url: ftp://example.org/x
    date: 2026-12-01
---
## en
Only English.
"""


@pytest.fixture
async def publishing(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Any, FakeTelegram, Path]]:
    """The application over a copy of the content's updates, with five subscribers."""
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "updates", root / "updates")
    monkeypatch.setenv("PILLARBOT_DRAFTS", str(tmp_path / "drafts"))
    fake = FakeTelegram(token=TOKEN)
    app = _application(engine, fake, tmp_path / "p.db")
    async with app:
        assert app.post_init is not None and app.post_shutdown is not None
        await app.post_init(app)
        svc = app.bot_data[SERVICES_KEY]
        svc.flood = FloodGuard(burst=1000)
        svc.engine.updates = UpdateLibrary(root)
        subscribers = [
            (501, "us", "daily", "en", True),
            (502, "all", "weekly", "zh-Hans", True),
            (503, "cn", "instant", "en", True),  # China only: not for a 401(k) update
            (504, "us", "instant", "en", True),  # has blocked the bot: 403
            (505, "us", "daily", "en", False),  # unsubscribed
        ]
        for chat, area, cadence, lang, active in subscribers:
            svc.outbox.subscribe(
                chat, chat, AREA_TOPICS[area], cadence, 9, 0, 0, "UTC", lang, [], NOW
            )
            if not active:
                svc.outbox.unsubscribe(chat)
        fake.blocked_chats.add(504)
        yield app, fake, root
        await app.post_shutdown(app)
    assert fake.violations == []


def _buttons(sent: Sent) -> dict[str, str]:
    rows = (sent.params.get("reply_markup") or {}).get("inline_keyboard") or []
    return {button["text"]: button["callback_data"] for row in rows for button in row}


async def _press(app: Any, fake: FakeTelegram, sent: Sent, label: str) -> None:
    fake.push_callback(ADMIN, sent, _buttons(sent)[label])
    await feed(app, fake)


async def _say(app: Any, fake: FakeTelegram, *texts: str) -> None:
    for text in texts:
        fake.push_text(ADMIN, text)
        await feed(app, fake)


def _published(root: Path) -> set[str]:
    return {path.name for path in (root / "updates").glob("*.md")}


async def test_non_admins_get_the_unknown_command_reply(
    publishing: tuple[Any, FakeTelegram, Path],
) -> None:
    app, fake, root = publishing
    before = _published(root)
    fake.push_text(5, "/publish")
    fake.push_text(6, "/publish", language_code="zh")
    await feed(app, fake)
    assert "know that command" in fake.sent_to(5)[0].text
    assert "reply_markup" not in fake.sent_to(5)[0].params
    assert "/help" in fake.sent_to(6)[0].text and "Publish" not in fake.sent_to(6)[0].text
    fake.push_document(5, "update.md", GOOD.format(importance="high").encode())
    await feed(app, fake)
    assert "Publish" not in fake.sent_to(5)[-1].text  # no flow: the usual note on files
    assert _published(root) == before


async def test_an_uploaded_file_with_problems_shows_them_plainly(
    publishing: tuple[Any, FakeTelegram, Path],
) -> None:
    app, fake, root = publishing
    before = _published(root)
    await _say(app, fake, "/publish")
    assert "Step by step" in _buttons(fake.sent_to(ADMIN)[-1])
    fake.push_document(ADMIN, "notes.txt", b"hello")
    await feed(app, fake)
    assert ".md file" in fake.sent_to(ADMIN)[-1].text
    fake.push_document(ADMIN, "bad.md", BAD.encode())
    await feed(app, fake)
    shown = fake.sent_to(ADMIN)[-1].text
    assert "cannot be published yet" in shown
    for problem in (
        "dated in the future",
        "unknown topic &#39;moon-pensions&#39;",
        "importance must be normal or high",
        "empty zh title",
        "no `## zh` summary",
        "http(s) url",
    ):
        assert problem in shown, problem
    assert "Send a corrected file" in shown
    # A published id cannot be published again.
    taken = GOOD.format(importance="high").replace(
        "2026-12-01-irs-test-notice", "2025-11-13-irs-2026-limits"
    )
    fake.push_document(ADMIN, "again.md", taken.encode())
    await feed(app, fake)
    assert "already published" in fake.sent_to(ADMIN)[-1].text
    await _say(app, fake, "/cancel")
    assert "nothing was written" in fake.sent_to(ADMIN)[-1].text
    await _say(app, fake, "/cancel")  # the flow is over: the ordinary /cancel answers
    assert "nothing to cancel" in fake.sent_to(ADMIN)[-1].text
    assert _published(root) == before


async def test_guided_flow_previews_then_confirm_writes_and_broadcasts_once(
    publishing: tuple[Any, FakeTelegram, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, fake, root = publishing
    monkeypatch.setattr(publish, "PROGRESS_EVERY", 1)
    monkeypatch.setattr(publish, "PROGRESS_SECONDS", float("inf"))  # edits by count only
    await _say(app, fake, "/publish")
    await _press(app, fake, fake.sent_to(ADMIN)[-1], "Step by step")
    assert "English title" in fake.sent_to(ADMIN)[-1].text
    await _say(
        app,
        fake,
        "IRS   issues a <guided> notice",
        "美国国税局发布指导通知",
        "The IRS issued a notice.\n\nWhat it means for you: check your plan.",
        "国税局发布了通知。\n\n对你意味着什么：检查你的计划。",
    )
    await _press(app, fake, fake.sent_to(ADMIN)[-1], "High")
    await _press(app, fake, fake.sent_to(ADMIN)[-1], "us401k")
    topics = fake.sent_to(ADMIN)[-1]
    assert topics.method == "editMessageText" and "✓ us401k" in _buttons(topics)
    await _press(app, fake, topics, "Done")
    await _say(app, fake, "IRS newsroom", "https://www.irs.gov/newsroom/guided")
    await _say(app, fake, "yesterday")  # not a date: asked again
    assert "YYYY-MM-DD" in fake.sent_to(ADMIN)[-1].text
    await _say(app, fake, "2026-12-01")
    before_preview = len(fake.sent_to(ADMIN))
    await _press(app, fake, fake.sent_to(ADMIN)[-1], "Preview")
    preview = fake.sent_to(ADMIN)[before_preview:]
    assert len(preview) == 3  # the English digest, the Chinese digest, the summary
    assert "IRS issues a &lt;guided&gt; notice" in preview[0].params["text"]
    assert "https://www.irs.gov/newsroom/guided" in preview[0].params["text"]
    assert "美国国税局发布指导通知" in preview[1].text
    summary = preview[2]
    # The id is stamped with the day it is written (the engine's today), not a fixed date.
    stem = f"{app.bot_data[SERVICES_KEY].engine.today.isoformat()}-irs-issues-a-guided-notice"
    assert stem in summary.text
    assert "3 subscribed chats" in summary.text  # 501, 502 and the blocked 504
    assert set(_buttons(summary)) == {"Confirm", "Cancel"}
    assert f"{stem}.md" not in _published(root)

    edits_before = len(fake.sent_to(ADMIN, "editMessageText"))
    await _press(app, fake, summary, "Confirm")
    written = root / "updates" / f"{stem}.md"
    assert written.is_file()
    svc = app.bot_data[SERVICES_KEY]
    assert svc.engine.updates.get(written.stem) is not None  # /updates and digests see it
    assert [s.text for s in fake.sent_to(501)] and "guided" in fake.sent_to(501)[0].text
    assert "美国国税局发布指导通知" in fake.sent_to(502)[0].text
    assert fake.sent_to(503) == [] and fake.sent_to(505) == [] and fake.sent_to(504) == []
    assert not svc.outbox.subscription(504).active
    edited = fake.sent_to(ADMIN, "editMessageText")[edits_before:]
    assert edited[0].message_id == summary.message_id
    assert "Published" in edited[0].text and "reply_markup" not in edited[0].params
    progress = [s for s in edited if "chats done" in s.text]
    assert progress and all(s.message_id == progress[0].message_id for s in progress)
    final = edited[-1]
    assert final.message_id == progress[0].message_id
    assert "Sent: 2 · blocked: 1 · failed: 0 (of 3 chats)" in final.text

    # A second press of Confirm (or of Cancel) does nothing.
    count = len(fake.sent)
    await _press(app, fake, summary, "Confirm")
    await _press(app, fake, summary, "Cancel")
    assert len(fake.sent) == count
    assert fake.callback_answers[-1]["text"] == "This button is no longer in use."
    assert written.is_file() and svc.outbox.pending() == {}
    # The next digest run does not queue it again for anyone.
    svc.outbox.plan(svc.engine.updates.all(fresh=True), NOW, everyone=True)
    assert all(written.stem not in ids for ids in svc.outbox.pending().values())


async def test_cancel_at_the_preview_writes_nothing(
    publishing: tuple[Any, FakeTelegram, Path],
) -> None:
    app, fake, root = publishing
    before = _published(root)
    await _say(app, fake, "/publish")
    fake.push_document(ADMIN, "update.md", GOOD.format(importance="high").encode())
    await feed(app, fake)
    summary = fake.sent_to(ADMIN)[-1]
    assert "Preview of 2026-12-01-irs-test-notice" in summary.text
    await _press(app, fake, summary, "Cancel")
    assert "nothing was written" in fake.sent_to(ADMIN)[-1].text
    await _press(app, fake, summary, "Confirm")
    assert fake.callback_answers[-1]["text"] == "This button is no longer in use."
    assert _published(root) == before
    assert all(fake.sent_to(chat) == [] for chat in (501, 502, 503, 504, 505))


async def test_a_normal_update_from_a_draft_waits_for_the_digests(
    publishing: tuple[Any, FakeTelegram, Path], tmp_path: Path
) -> None:
    app, fake, root = publishing
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "irs_test_notice_20261201.md").write_text(
        GOOD.format(importance="normal"), encoding="utf-8"
    )
    (drafts / "unfinished.md").write_text(
        GOOD.format(importance="normal").replace("nothing changes yet", "TODO"), "utf-8"
    )
    await _say(app, fake, "/publish ../../etc/passwd")
    assert "There is no draft" in fake.sent_to(ADMIN)[-1].text
    await _say(app, fake, "/publish unfinished")
    assert "TODO placeholders" in fake.sent_to(ADMIN)[-1].text
    await _say(app, fake, "/publish irs_test_notice_20261201")
    summary = fake.sent_to(ADMIN)[-1]
    assert "normal importance" in summary.text
    # Two presses handled at the same time (concurrent updates): one publishes.
    for _ in range(2):
        fake.push_callback(ADMIN, summary, _buttons(summary)["Confirm"])
    pending, fake.updates = list(fake.updates), []
    await asyncio.gather(*(app.process_update(Update.de_json(u, app.bot)) for u in pending))
    assert len([s for s in fake.sent_to(ADMIN) if "Published" in s.text]) == 1
    assert [a.get("text") for a in fake.callback_answers[-2:]].count(
        "This button is no longer in use."
    ) == 1
    assert (root / "updates" / "2026-12-01-irs-test-notice.md").is_file()
    assert "next scheduled digests" in fake.sent_to(ADMIN)[-1].text
    assert all(fake.sent_to(chat) == [] for chat in (501, 502, 503, 504, 505))


def test_a_published_file_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "updates").mkdir()
    text = GOOD.format(importance="high")
    checked = check_new_update(text, tmp_path, set(), dt.date(2026, 12, 7))
    assert checked.ok
    path = write_update_file(checked, tmp_path)
    with pytest.raises(UpdateExistsError):
        write_update_file(checked, tmp_path)
    assert path.read_text(encoding="utf-8") == text
    assert [p.name for p in (tmp_path / "updates").iterdir()] == [path.name]  # no leftovers
    with pytest.raises(ValueError):
        write_update_file(CheckedUpdate(text, None, ["bad"]), tmp_path)


async def test_progress_edits_every_n_chats_without_a_clock() -> None:
    seen: list[int] = []

    async def edit(report: DeliveryReport) -> None:
        seen.append(report.done)

    edits = publish.ProgressEdits(edit, every=2, seconds=float("inf"), clock=lambda: 0.0)
    for done in range(1, 6):
        await edits(DeliveryReport(chats=done))
    assert seen == [2, 4]


def test_an_uploaded_file_is_published_over_http(tmp_path: Path) -> None:
    """End to end: `pillarbot run` fetches the upload with getFile and writes the update to
    the folder PILLARBOT_CONTENT names."""
    from tests.test_telegram_e2e import TOKEN as E2E_TOKEN
    from tests.test_telegram_e2e import RunningBot

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("__pycache__"))
    server = FakeTelegram(token=E2E_TOKEN).start()
    try:
        extra = {"PILLARBOT_CONTENT": str(content), "PILLARBOT_ADMINS": str(ADMIN)}
        bot = RunningBot(server, tmp_path / "pillar.db", tmp_path / "charts", extra)
        try:
            server.push_text(ADMIN, "/publish")
            server.wait_sent(ADMIN, 1)
            server.push_document(ADMIN, "update.md", GOOD.format(importance="normal").encode())
            summary = server.wait_for(
                lambda: next((s for s in server.sent_to(ADMIN) if "Preview of" in s.text), None)
            )
            server.push_callback(ADMIN, summary, _buttons(summary)["Confirm"])
            server.wait_for(lambda: "Published" in server.sent_to(ADMIN)[-1].text)
        finally:
            output = bot.stop()
        assert E2E_TOKEN not in output
        written = content / "updates" / "2026-12-01-irs-test-notice.md"
        assert written.read_text(encoding="utf-8") == GOOD.format(importance="normal")
        assert server.violations == []
    finally:
        server.stop()
