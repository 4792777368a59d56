"""Split Telegram-HTML into messages of at most 4096 characters (captions: 1024).

Splits prefer paragraph boundaries, then line breaks, then spaces; a tag or an entity is
never cut, and tags open at a split are closed and reopened in the next part.
"""

import re

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
_TOKEN = re.compile(r"<[^>]+>|&[#a-zA-Z0-9]+;|[^<&]+|[<&]")
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")


def visible_length(html: str) -> int:
    """Telegram counts characters after entities are parsed; tags do not count."""
    length = 0
    for token in _TOKEN.findall(html):
        if token.startswith("<") and len(token) > 1:
            continue
        length += 1 if token.startswith("&") and token.endswith(";") else len(token)
    return length


def _pieces(html: str) -> list[str]:
    """Tags, entities, and text cut after each paragraph break, line break or space."""
    pieces: list[str] = []
    for token in _TOKEN.findall(html):
        if token.startswith(("<", "&")) and len(token) > 1:
            pieces.append(token)
        else:
            pieces.extend(p for p in re.split(r"(?<=\n\n)|(?<=\n)|(?<= )", token) if p)
    return pieces


def _break_rank(piece: str) -> int:
    if piece.endswith("\n\n"):
        return 3
    if piece.endswith("\n"):
        return 2
    if piece.endswith(" "):
        return 1
    return 0


def split_html(html: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Parts of at most `limit` visible characters, each with balanced tags."""
    if len(html) <= limit or visible_length(html) <= limit:  # tags and entities only add
        return [html]
    parts: list[str] = []
    pieces = _pieces(html)
    reopen: list[str] = []  # opening tags to repeat at the start of the next part
    start = 0
    while start < len(pieces):
        stack = list(reopen)
        budget = limit - 0
        used = 0
        best_end, best_rank, best_stack = start, -1, list(stack)
        i = start
        while i < len(pieces):
            piece = pieces[i]
            if piece.startswith("<"):
                name = _TAG_NAME.match(piece)
                if piece.startswith("</"):
                    if stack:
                        stack.pop()
                elif name:
                    stack.append(piece)
            else:
                size = visible_length(piece)
                if used + size > budget:
                    break
                used += size
            i += 1
            rank = _break_rank(piece)
            if rank >= best_rank:
                best_end, best_rank, best_stack = i, rank, list(stack)
        if i >= len(pieces):
            best_end, best_stack = i, stack
        elif best_end == start:
            best_end, best_stack = i, list(stack)  # a single word longer than the limit
            if best_end == start:
                best_end = start + 1
        body = "".join(reopen) + "".join(pieces[start:best_end])
        closing = "".join(f"</{_TAG_NAME.match(tag).group(1)}>" for tag in reversed(best_stack))  # type: ignore[union-attr]
        parts.append((body + closing).strip())
        reopen = best_stack
        start = best_end
    return [part for part in parts if part]
