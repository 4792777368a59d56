"""Shared fixtures: the real content and one engine per test session."""

import pytest

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
