"""Telegram-HTML to plain text, for the terminal and the JSON `text` field."""

import html
import re

_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)
_TAG = re.compile(
    r"</?(?:b|strong|i|em|u|ins|s|strike|del|a|code|pre|blockquote|tg-spoiler|span|tg-emoji)"
    r"(?:\s[^>]*)?>"
)


def html_to_text(markup: str) -> str:
    """Drop tags (links keep their address), unescape entities, tidy blank lines."""

    def link(match: re.Match[str]) -> str:
        label, url = match.group(2), html.unescape(match.group(1))
        return f"{label} <{url}>" if url and url not in label else label

    text = _TAG.sub("", _LINK.sub(link, markup))
    text = html.unescape(text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
