"""Check a message the way Telegram's HTML parse mode would accept it."""

import re

ALLOWED = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-spoiler",
    "span",
    "tg-emoji",
}
_TOKEN = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|([<>&])"
)
_ENTITIES = {"lt", "gt", "amp", "quot"}


def problems(html: str, limit: int) -> list[str]:
    """Everything Telegram would reject or cut: unknown tags, unbalanced, raw <, too long."""
    found: list[str] = []
    stack: list[str] = []
    visible = 0
    position = 0
    for match in _TOKEN.finditer(html):
        visible += len(html[position : match.start()])
        position = match.end()
        closing, name, attributes, entity, raw = match.groups()
        if raw is not None:
            if raw in "<&":
                found.append(f"unescaped {raw!r}")
            visible += 1
            continue
        if entity is not None:
            if not entity.startswith("#") and entity not in _ENTITIES:
                found.append(f"unknown entity &{entity};")
            visible += 1
            continue
        if name not in ALLOWED:
            found.append(f"tag <{name}> not allowed")
            continue
        if name == "span" and not closing and 'class="tg-spoiler"' not in attributes:
            found.append("span without class tg-spoiler")
        if name == "a" and not closing and not re.fullmatch(r'\s+href="[^"<>]*"\s*', attributes):
            found.append("a tag needs exactly one href")
        if closing:
            if not stack or stack[-1] != name:
                found.append(f"unbalanced </{name}>")
            else:
                stack.pop()
        else:
            stack.append(name)
    visible += len(html[position:])
    if stack:
        found.append(f"unclosed {stack}")
    if visible > limit:
        found.append(f"{visible} characters > {limit}")
    if not html.strip():
        found.append("empty text")
    return found
