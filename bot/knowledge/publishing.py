"""Publishing one new update: check its text, write its file without ever replacing one.

The checks are those of `pillarbot content check` (`check_updates`), plus two that only a
new file needs: its id must not be published yet, and no TODO of a draft may be left. A
file is written under a temporary name that the update loader does not read, then linked to
`<id>.md`, which fails if that name exists: a reader never sees half a file, and no
published update is overwritten.
"""

import dataclasses
import datetime as dt
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.knowledge.errors import ContentError
from bot.knowledge.updates import PolicyUpdate, check_updates, parse_update_text, update_files

MAX_UPDATE_BYTES = 64_000
MAX_SLUG_WORDS = 6
_DRAFT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,120}$")


class UpdateExistsError(Exception):
    """An update file with this id is already published."""


@dataclass(frozen=True)
class CheckedUpdate:
    """An update file's text, what it parsed to (if it did) and every problem found."""

    text: str
    update: PolicyUpdate | None
    problems: list[str]

    @property
    def ok(self) -> bool:
        """Whether it can be published."""
        return self.update is not None and not self.problems


def updates_folder(root: Path) -> Path:
    """Where a content folder's published updates live."""
    return root / "updates"


def check_new_update(text: str, root: Path, topic_ids: set[str], today: dt.date) -> CheckedUpdate:
    """Parse and check the text of a new update for the content folder `root`."""
    if len(text.encode("utf-8")) > MAX_UPDATE_BYTES:
        return CheckedUpdate(text, None, [f"the file is larger than {MAX_UPDATE_BYTES} bytes"])
    try:
        update = parse_update_text(text, updates_folder(root) / "new-update.md")
    except (ContentError, ValueError) as error:  # ValueError: `## en` without a body
        return CheckedUpdate(text, None, [str(error)])
    if update.id and "/" not in update.id and "\\" not in update.id:
        update = dataclasses.replace(update, path=updates_folder(root) / f"{update.id}.md")
    problems = check_updates([update], topic_ids, today)
    if "TODO" in text:  # a draft from the watcher that nobody finished
        problems.append(f"update {update.id}: still has TODO placeholders to write")
    if update.id in {path.stem for path in update_files(root)}:
        problems.append(f"update {update.id} is already published; choose another id")
    return CheckedUpdate(text, update, problems)


def write_update(checked: CheckedUpdate, root: Path) -> Path:
    """Write a checked update as `updates/<id>.md`; UpdateExistsError if that name is taken."""
    if checked.update is None or checked.problems:
        raise ValueError("only a checked update without problems can be published")
    folder = updates_folder(root)
    target = folder / f"{checked.update.id}.md"
    if target.parent != folder:
        raise ValueError(f"unsafe update id {checked.update.id!r}")
    folder.mkdir(parents=True, exist_ok=True)
    # Not *.md: the loader never reads a half-written temporary file.
    temporary = folder / f".{checked.update.id}.{uuid.uuid4().hex}.tmp"
    temporary.write_text(checked.text, encoding="utf-8")
    try:
        os.link(temporary, target)  # fails if the target exists: nothing is ever replaced
    except FileExistsError as error:
        raise UpdateExistsError(checked.update.id) from error
    finally:
        temporary.unlink()
    return target


def draft_file(drafts: Path, draft_id: str) -> Path | None:
    """The draft `<drafts>/<draft_id>.md` if the id is a plain name and the file exists."""
    if not _DRAFT_ID.match(draft_id):
        return None
    path = drafts / f"{draft_id}.md"
    return path if path.is_file() else None


@dataclass
class GuidedSource:
    """One source typed in by an editor."""

    title: str = ""
    url: str = ""
    date: str = ""


@dataclass
class GuidedUpdate:
    """What an editor typed, step by step, for a new update."""

    title_en: str = ""
    title_zh: str = ""
    summary_en: str = ""
    summary_zh: str = ""
    importance: str = "normal"
    topics: list[str] = field(default_factory=list)
    sources: list[GuidedSource] = field(default_factory=list)


def guided_id(title_en: str, day: dt.date) -> str:
    """An id like the shipped ones: the date, then the English title's first words."""
    words = re.findall(r"[a-z0-9]+", title_en.lower())[:MAX_SLUG_WORDS]
    return "-".join([day.isoformat(), *words]) if words else f"{day.isoformat()}-update"


def guided_text(guided: GuidedUpdate, day: dt.date) -> str:
    """The update file for what an editor typed, in the format of `content/updates/*.md`."""
    front = {
        "id": guided_id(guided.title_en, day),
        "date": day,
        "topics": guided.topics,
        "importance": guided.importance,
        "title": {"en": guided.title_en, "zh": guided.title_zh},
        "sources": [
            {"title": s.title, "url": s.url, "date": _date_or_text(s.date)} for s in guided.sources
        ],
    }
    header = yaml.dump(front, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=1000)
    return (
        f"---\n{header}---\n\n## en\n\n{guided.summary_en.strip()}\n\n"
        f"## zh\n\n{guided.summary_zh.strip()}\n"
    )


def _date_or_text(value: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return value  # left as typed: the check reports it


class _PlainDumper(yaml.SafeDumper):
    """Writes a value used twice (a date) twice, not as a YAML anchor and alias."""

    def ignore_aliases(self, data: object) -> bool:
        return True
