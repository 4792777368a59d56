"""Turn a candidate into a draft update file for an editor to finish and publish.

The file has the format of `content/updates/*.md` (front matter, then `## en` and `## zh`),
with TODO placeholders where an editor must write. Drafts live in `content/updates/drafts/`,
which is never read as published updates.
"""

import datetime as dt
import os
import re
from pathlib import Path

import yaml

from bot.i18n.lang import han_count
from bot.knowledge.content import content_root
from bot.store.watch import Candidate

MAX_SLUG_WORDS = 6


def drafts_dir() -> Path:
    """$PILLARBOT_DRAFTS, else content/updates/drafts of the content in use."""
    override = os.environ.get("PILLARBOT_DRAFTS")
    return Path(override) if override else content_root() / "updates" / "drafts"


def draft_id(candidate: Candidate, today: dt.date) -> str:
    """An id in the form published updates use, the date and the title's first words:
    2026-12-07-irs-401k-limits (so `/publish` takes the draft as it is)."""
    words = re.findall(r"[a-z0-9]+", candidate.title.lower())[:MAX_SLUG_WORDS]
    slug = "-".join(words)
    if not re.search(r"[a-z]", slug):  # a Chinese title: name it by its source instead
        slug = f"{candidate.source.replace('_', '-')}-{candidate.id}"
    return f"{_date(candidate, today):%Y-%m-%d}-{slug}"


def draft_text(candidate: Candidate, today: dt.date) -> str:
    """The draft update: front matter with the source filled in, summaries to write."""
    chinese = han_count(candidate.title) > 0
    front = {
        "id": draft_id(candidate, today),
        "date": _date(candidate, today),
        "topics": candidate.topics,
        "importance": "normal",
        "title": {
            "en": f"TODO: English title ({candidate.title})" if chinese else candidate.title,
            "zh": candidate.title if chinese else f"TODO：中文标题（{candidate.title}）",
        },
        "sources": [
            {"title": candidate.title, "url": candidate.url, "date": _date(candidate, today)}
        ],
    }
    header = yaml.dump(front, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=1000)
    excerpt = f"\n\nFrom the source: {candidate.summary}" if candidate.summary else ""
    return (
        f"---\n{header}---\n\n"
        f"## en\n\nTODO: what changed, in two or three sentences.{excerpt}\n\n"
        "What it means for you: TODO.\n\n"
        "## zh\n\nTODO：用两三句话说明变化。\n\n"
        "对你意味着什么：TODO。\n"
    )


def write_draft(candidate: Candidate, out_dir: Path, today: dt.date) -> Path:
    """Write the draft to `out_dir` under a name not yet taken."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = draft_id(candidate, today)
    path = out_dir / f"{stem}.md"
    number = 2
    while path.exists():
        path = out_dir / f"{stem}_{number}.md"
        number += 1
    path.write_text(draft_text(candidate, today), encoding="utf-8")
    return path


class _PlainDumper(yaml.SafeDumper):
    """Writes a value used twice (the date) twice, not as a YAML anchor and alias."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _date(candidate: Candidate, today: dt.date) -> dt.date:
    """The entry's date (written unquoted in YAML, like hand-written files), else today."""
    return dt.date.fromisoformat(candidate.published) if candidate.published else today
