"""Cleaning what a user typed before anything else looks at it."""

import re
import unicodedata

MAX_CHARS = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")
_SPACES = re.compile(r"[ \t\u3000]+")


def clean_text(text: str) -> str:
    """Drop control and bidi characters, fold spaces, keep at most MAX_CHARS characters."""
    text = _CONTROL.sub(" ", _ANSI.sub("", text or ""))
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text).strip()
    return text[:MAX_CHARS]


def has_words(text: str) -> bool:
    """True when the text holds letters, Han characters or digits (not only emoji/punctuation)."""
    return any(ch.isalnum() for ch in text)
