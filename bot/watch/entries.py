"""Entries of a feed (feedparser) or a list page (its links), as plain records."""

import datetime as dt
import html
import re
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit
from xml.sax import SAXParseException

import feedparser

MIN_LINK_TEXT = 6
_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


class EntriesError(Exception):
    """A body is not the feed or page it should be."""


@dataclass(frozen=True)
class Entry:
    """One item: a feed entry or a link on a page."""

    title: str
    url: str
    guid: str
    published: str  # YYYY-MM-DD, or "" when the source does not say
    summary: str = ""


def plain(text: str) -> str:
    """Text without tags, entities decoded, whitespace folded."""
    return _SPACES.sub(" ", html.unescape(_TAGS.sub(" ", text))).strip()


def feed_entries(body: bytes, base_url: str) -> list[Entry]:
    """The entries of an RSS or Atom document; a body that is no feed raises EntriesError."""
    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    problem = parsed.get("bozo_exception")
    # feedparser recovers what it can from broken XML; a half-read feed would silently miss
    # entries, so it counts as failing. Encoding mismatches are tolerated: they read fine.
    if isinstance(problem, SAXParseException):
        raise EntriesError(f"not a feed (malformed XML: {str(problem)[:200]})")
    if not parsed.get("version") and not parsed.entries:
        raise EntriesError(f"not a feed: {str(problem or 'no RSS or Atom found')[:200]}")
    entries = []
    for item in parsed.entries:
        link = urljoin(base_url, str(item.get("link") or ""))
        title = plain(str(item.get("title") or ""))
        if not title or not urlsplit(link).scheme.startswith("http"):
            continue
        entries.append(
            Entry(
                title=title,
                url=link,
                guid=str(item.get("id") or link),
                published=_date(item.get("published_parsed") or item.get("updated_parsed")),
                summary=plain(str(item.get("summary") or ""))[:1000],
            )
        )
    return entries


def page_entries(body: bytes, base_url: str, charset: str | None = None) -> list[Entry]:
    """The links of an HTML page with enough text to be a title, in page order, once each."""
    text = _decode(body, charset)
    if "<" not in text:
        raise EntriesError("not an HTML page")
    collector = _LinkCollector()
    collector.feed(text)
    collector.close()
    seen: set[str] = set()
    entries = []
    for href, label in collector.links:
        url = urljoin(base_url, href).split("#", 1)[0]
        title = plain(label)
        if url in seen or len(title) < MIN_LINK_TEXT or not url.startswith(("http:", "https:")):
            continue
        seen.add(url)
        entries.append(Entry(title=title, url=url, guid=url, published=""))
    return entries


def _date(parsed: time.struct_time | None) -> str:
    if not parsed:
        return ""
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    except ValueError:
        return ""


def _decode(body: bytes, charset: str | None) -> str:
    declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", body[:4096], re.I)
    for encoding in (charset, declared.group(1).decode() if declared else None, "utf-8"):
        if not encoding:
            continue
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


class _LinkCollector(HTMLParser):
    """(href, text) of every <a href> on a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._title = ""
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            found = dict(attrs)
            self._href = found.get("href")
            self._title = found.get("title") or ""
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            # List pages often cut long titles in the text and give them whole in `title`.
            text = "".join(self._text)
            self.links.append((self._href, max(text, self._title, key=lambda s: len(s.strip()))))
            self._href = None
