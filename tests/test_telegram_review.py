"""Issue 11: admins review watcher candidates in Telegram with /review (Draft / Dismiss)."""

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.engine import Engine
from bot.store.watch import CandidateStore
from bot.tg.services import SERVICES_KEY
from bot.watch.config import load_watch_config
from bot.watch.watcher import watch
from tests.fake_telegram import FakeTelegram
from tests.feed_server import FeedServer, Resource, page, rss
from tests.test_telegram_handlers import TOKEN, _application, feed
from tests.test_watch import IRS_FILING, IRS_LIMITS, MOHRSS_PENSION, _config_file, _source

ADMIN = 999


@pytest.fixture
async def review_harness(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Any, FakeTelegram, Path]]:
    """The application, its database filled by one watch run over local fixture sources."""
    drafts = tmp_path / "drafts"
    monkeypatch.setenv("PILLARBOT_DRAFTS", str(drafts))
    server = FeedServer().start()
    server.resources["/irs.rss"] = Resource(rss(IRS_LIMITS, IRS_FILING))
    server.resources["/zcfg/"] = Resource(page(MOHRSS_PENSION), content_type="text/html")
    config = load_watch_config(
        _config_file(
            tmp_path,
            [
                _source(server, "irs", "feed", "/irs.rss"),
                _source(server, "mohrss", "page", "/zcfg/"),
            ],
        )
    )
    fake = FakeTelegram(token=TOKEN)
    app = _application(engine, fake, tmp_path / "h.db")
    async with app:
        assert app.post_init is not None and app.post_shutdown is not None
        await app.post_init(app)
        watch(app.bot_data[SERVICES_KEY].db, config, now=dt.datetime(2026, 12, 7, tzinfo=dt.UTC))
        yield app, fake, drafts
        await app.post_shutdown(app)
    server.stop()
    assert fake.violations == []


def _buttons(sent: Any) -> dict[str, str]:
    rows = sent.params["reply_markup"]["inline_keyboard"]
    return {button["text"]: button["callback_data"] for row in rows for button in row}


async def test_non_admins_get_the_unknown_command_reply(
    review_harness: tuple[Any, FakeTelegram, Path],
) -> None:
    app, fake, _ = review_harness
    fake.push_text(5, "/review")
    fake.push_text(6, "/review", language_code="zh")
    await feed(app, fake)
    assert "know that command" in fake.sent_to(5)[0].text
    assert IRS_LIMITS[0] not in fake.sent_to(5)[0].text
    assert "reply_markup" not in fake.sent_to(5)[0].params
    assert "/help" in fake.sent_to(6)[0].text and IRS_LIMITS[0] not in fake.sent_to(6)[0].text


async def test_an_admin_drafts_and_dismisses_candidates_with_buttons(
    review_harness: tuple[Any, FakeTelegram, Path],
) -> None:
    app, fake, drafts = review_harness
    db = app.bot_data[SERVICES_KEY].db
    ids = {c.title: c.id for c in CandidateStore(db).open()}
    assert set(ids) == {IRS_LIMITS[0], MOHRSS_PENSION[0]}
    fake.push_text(ADMIN, "/review")
    await feed(app, fake)
    (listing,) = fake.sent_to(ADMIN)
    assert IRS_LIMITS[0] in listing.text and MOHRSS_PENSION[0] in listing.text
    assert IRS_FILING[0] not in listing.text
    assert f'href="{IRS_LIMITS[1]}"' in listing.text
    buttons = _buttons(listing)
    limits, pension = ids[IRS_LIMITS[0]], ids[MOHRSS_PENSION[0]]
    assert {f"Draft #{limits}", f"Dismiss #{limits}", f"Draft #{pension}"} <= set(buttons)

    fake.push_callback(ADMIN, listing, buttons[f"Draft #{limits}"])
    await feed(app, fake)
    edited = fake.sent_to(ADMIN, "editMessageText")[-1]
    (draft,) = drafts.glob("*.md")
    assert f"Draft of #{limits} written to {draft}" in edited.text
    assert IRS_LIMITS[1] in draft.read_text(encoding="utf-8")
    assert f"Draft #{limits}" not in _buttons(edited) and f"Draft #{pension}" in _buttons(edited)

    fake.push_callback(ADMIN, edited, _buttons(edited)[f"Dismiss #{pension}"])
    await feed(app, fake)
    last = fake.sent_to(ADMIN, "editMessageText")[-1]
    assert f"#{pension} dismissed" in last.text and "Nothing waits for review" in last.text
    assert "reply_markup" not in last.params or not last.params["reply_markup"]
    assert CandidateStore(db).count_open() == 0

    # A second press on the old message (a stale button) is explained, not repeated.
    fake.push_callback(ADMIN, listing, buttons[f"Draft #{limits}"])
    await feed(app, fake)
    assert f"#{limits} was already drafted" in fake.sent_to(ADMIN, "editMessageText")[-1].text
    assert len(list(drafts.glob("*.md"))) == 1


async def test_an_admin_reviews_in_chinese(
    review_harness: tuple[Any, FakeTelegram, Path],
) -> None:
    app, fake, _ = review_harness
    fake.push_text(ADMIN, "/review", language_code="zh-hant")
    await feed(app, fake)
    (listing,) = fake.sent_to(ADMIN)
    assert "候選" in listing.text and MOHRSS_PENSION[0] in listing.text
    assert any(label.startswith("草稿") for label in _buttons(listing))


def test_review_is_not_in_the_public_command_menu() -> None:
    from bot.engine.command_list import COMMANDS

    assert "review" not in {name for name, _ in COMMANDS}
