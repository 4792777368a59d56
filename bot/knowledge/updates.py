"""Policy updates: one Markdown file per update in `content/updates/` (drafts/ is ignored).

The folder is read again whenever a file in it changes, so a new update reaches the next
digest run and the next answer without a restart.
"""

import datetime as dt
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.errors import ContentError
from bot.knowledge.topics import Source, parse_sources, source_problems, split_front_matter
from bot.knowledge.yamlio import as_date

UPDATE_TOPICS = (
    "us401k",
    "us-pensions",
    "crypto-retirement",
    "cn-social-insurance",
    "cn-pension",
    "three-pillars",
)
IMPORTANCE = ("normal", "high")
# Which subscription area ("us", "cn") each update topic belongs to.
TOPIC_AREAS: dict[str, frozenset[str]] = {
    "us401k": frozenset({"us"}),
    "us-pensions": frozenset({"us"}),
    "crypto-retirement": frozenset({"us"}),
    "cn-social-insurance": frozenset({"cn"}),
    "cn-pension": frozenset({"cn"}),
    "three-pillars": frozenset({"us", "cn"}),
}
_SUMMARY_MARK = re.compile(r"^## (en|zh)[ \t]*$", re.MULTILINE)
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class PolicyUpdate:
    """One dated change, with a summary per language."""

    id: str
    date: dt.date
    topics: tuple[str, ...]
    importance: str
    title: dict[str, str]
    sources: tuple[Source, ...]
    related: tuple[str, ...]
    summary: dict[str, str]
    path: Path

    @property
    def high(self) -> bool:
        """Whether subscribers who chose "right away" get it at once."""
        return self.importance == "high"

    def areas(self) -> frozenset[str]:
        """The subscription areas ("us", "cn") the update belongs to."""
        return frozenset().union(*(TOPIC_AREAS.get(topic, frozenset()) for topic in self.topics))

    def matches(self, topics: frozenset[str]) -> bool:
        """Whether a subscriber who follows `topics` should get it."""
        return bool(topics & set(self.topics))


def _strings(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(item) for item in value)
    return (str(value),)


def parse_update(path: Path) -> PolicyUpdate:
    """Read one update file; a malformed one raises ContentError naming the file."""
    return parse_update_text(path.read_text(encoding="utf-8"), path)


def parse_update_text(text: str, path: Path) -> PolicyUpdate:
    """Parse the text of an update file that is (or will be) at `path`."""
    where = f"updates/{path.name}"
    front, body = split_front_matter(text, where)
    date = as_date(front.get("date"))
    if date is None:
        raise ContentError(f"{where}: `date` must be a YYYY-MM-DD date")
    title = front.get("title")
    if not isinstance(title, dict):
        raise ContentError(f"{where}: `title` needs `en` and `zh`")
    sources = parse_sources(front, where)
    parts = _SUMMARY_MARK.split(body)
    summary: dict[str, str] = {}
    for lang, text in zip(parts[1::2], parts[2::2], strict=True):
        if lang in summary:
            raise ContentError(f"{where}: `## {lang}` appears twice")
        summary[lang] = text.strip()
    return PolicyUpdate(
        id=str(front.get("id", "")),
        date=date,
        topics=_strings(front.get("topics")),
        importance=str(front.get("importance", "")),
        title={str(k): str(v) for k, v in title.items()},
        sources=tuple(sources),
        related=_strings(front.get("related")),
        summary=summary,
        path=path,
    )


def update_files(root: Path) -> list[Path]:
    """The published update files (not those in `drafts/` or any other subfolder)."""
    folder = root / "updates"
    return sorted(p for p in folder.glob("*.md") if p.is_file()) if folder.is_dir() else []


def load_updates(root: Path) -> list[PolicyUpdate]:
    """Every published update, newest first (ties by id)."""
    updates = [parse_update(path) for path in update_files(root)]
    seen: set[str] = set()
    for update in updates:
        if update.id in seen:
            raise ContentError(f"update id {update.id} is used by two files")
        seen.add(update.id)
    return sorted(updates, key=lambda u: (u.date, u.id), reverse=True)


def check_updates(
    updates: list[PolicyUpdate], topic_ids: set[str], today: dt.date | None = None
) -> list[str]:
    """Every problem in the updates (empty when all is well)."""
    today = today or dt.date.today()
    problems = []
    for update in updates:
        where = f"update {update.path.name}"
        if not _ID.match(update.id):
            problems.append(f"{where}: id {update.id!r} must match [a-z0-9-]+")
        elif update.path.stem != update.id:
            problems.append(f"{where}: file name does not match the id {update.id}")
        if update.date > today:
            problems.append(f"{where}: dated in the future")
        if not update.topics:
            problems.append(f"{where}: no topics")
        for topic in update.topics:
            if topic not in UPDATE_TOPICS:
                problems.append(f"{where}: unknown topic {topic!r}; use {', '.join(UPDATE_TOPICS)}")
        if update.importance not in IMPORTANCE:
            problems.append(f"{where}: importance must be normal or high")
        for lang in ("en", "zh"):
            if not update.title.get(lang, "").strip():
                problems.append(f"{where}: empty {lang} title")
            if not update.summary.get(lang):
                problems.append(f"{where}: no `## {lang}` summary")
        problems += source_problems(list(update.sources), where, today)
        for related in update.related:
            if related not in topic_ids:
                problems.append(f"{where}: related topic {related!r} does not exist")
    return problems


class UpdateLibrary:
    """The updates of a content folder, read again when the folder's files change.

    Answers ask often, so the folder is looked at (names and modification times) at most
    once every `recheck` seconds; a digest run asks with `fresh=True`.
    """

    def __init__(self, root: Path, recheck: float = 5.0) -> None:
        self.root = root
        self.recheck = recheck
        self._lock = threading.Lock()
        self._signature: tuple[tuple[str, int, int], ...] | None = None
        self._updates: list[PolicyUpdate] = []
        self._checked = float("-inf")

    def _current_signature(self) -> tuple[tuple[str, int, int], ...]:
        found = []
        for path in update_files(self.root):
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            found.append((path.name, stat.st_mtime_ns, stat.st_size))
        return tuple(found)

    def all(self, fresh: bool = False) -> list[PolicyUpdate]:
        """Every published update, newest first."""
        with self._lock:
            now = time.monotonic()
            if fresh or now - self._checked >= self.recheck:
                self._checked = now
                signature = self._current_signature()
                if signature != self._signature:
                    self._updates = load_updates(self.root)
                    self._signature = signature
            return list(self._updates)

    def get(self, update_id: str) -> PolicyUpdate | None:
        """One update by id."""
        return next((u for u in self.all() if u.id == update_id), None)

    def for_topic(self, topic_id: str, since: dt.date) -> PolicyUpdate | None:
        """The newest update on or after `since` that names a content topic as related."""
        return next((u for u in self.all() if u.date >= since and topic_id in u.related), None)
