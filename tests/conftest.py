"""Shared fixtures: the real content and one engine per test session."""

import os
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

# Tests (and the bots they start) keep their search-index cache out of the user's home.
os.environ.setdefault("PILLARBOT_CACHE", tempfile.mkdtemp(prefix="pillarbot-test-cache-"))

from bot.engine import Engine
from bot.knowledge.content import Content, default_content


@pytest.fixture(scope="session")
def content() -> Content:
    """The content shipped with the bot."""
    return default_content()


@pytest.fixture(scope="session")
def engine(content: Content) -> Engine:
    """An engine over the shipped content."""
    return Engine(content)


@pytest.fixture
async def door(engine: Engine, tmp_path: Path) -> AsyncIterator[tuple[Any, Any]]:
    """The Telegram application over the in-process fake Bot API (admin: user 999), with a
    flood guard loose enough for one user to do everything a test needs."""
    from bot.tg.flood import FloodGuard
    from bot.tg.services import SERVICES_KEY
    from tests.fake_telegram import FakeTelegram
    from tests.test_telegram_handlers import TOKEN, _application

    fake = FakeTelegram(token=TOKEN)
    app = _application(engine, fake, tmp_path / "door.db")
    async with app:
        await app.post_init(app)
        app.bot_data[SERVICES_KEY].flood = FloodGuard(burst=1000)
        app.bot_data[SERVICES_KEY].taps = FloodGuard(burst=1000)
        yield app, fake
        await app.post_shutdown(app)
    assert fake.violations == []
