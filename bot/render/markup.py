"""Light content marks (paragraphs, `- ` bullets, `**bold**`) to Telegram-HTML, escaped once."""

import re

from markupsafe import Markup, escape

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_BULLET = re.compile(r"^- ", re.MULTILINE)


def marks_to_html(text: str) -> Markup:
    """Escape the text, then turn the marks into tags."""
    escaped = str(escape(text))
    html = _BOLD.sub(r"<b>\1</b>", escaped)
    html = _BULLET.sub("• ", html)
    return Markup(html)
