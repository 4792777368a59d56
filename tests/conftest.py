"""Shared fixtures: the real content and one engine per test session."""

import os
import tempfile

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
