"""Mask obvious personal data in a text before it is kept for editors."""

import re

# Order matters: e-mail addresses and ID numbers are masked before the phone and digit-run
# patterns could take part of them. `\d` matches full-width digits too.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # Chinese resident ID: 17 digits and a check digit or X.
    (re.compile(r"(?<!\d)\d{17}[\dXxＸｘ](?!\d)"), "[id]"),
    # US social security number.
    (re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)"), "[id]"),
    # Chinese mobile numbers, with or without +86 and separators.
    (re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)"), "[phone]"),
    # US numbers: (415) 555-0123, 415-555-0123, +1 415 555 0123.
    (re.compile(r"(?<![\d$])(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?!\d)"), "[phone]"),
    # Any other run of nine or more digits (cards, accounts, old 15-digit IDs), spaced or not.
    (re.compile(r"(?<!\d)\d(?:[ -]?\d){8,}(?!\d)"), "[number]"),
)


def mask_personal_data(text: str) -> str:
    """The text with e-mail addresses, ID numbers, phone numbers and long digit runs masked."""
    for pattern, mask in _PATTERNS:
        text = pattern.sub(mask, text)
    return text
