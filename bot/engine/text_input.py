"""Cleaning what a user typed before anything else looks at it."""

import re
import unicodedata

from bot.chars import CONTROL_CHARS

MAX_CHARS = 2000
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")
_SPACES = re.compile(r"[ \t\u3000]+")


def clean_text(text: str) -> str:
    """Drop control and bidi characters, fold spaces, keep at most MAX_CHARS characters."""
    text = CONTROL_CHARS.sub(" ", _ANSI.sub("", text or ""))
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text).strip()
    return text[:MAX_CHARS]


def has_words(text: str) -> bool:
    """True when the text holds letters, Han characters or digits (not only emoji/punctuation)."""
    return any(ch.isalnum() for ch in text)
