"""Topic files: YAML front matter plus an English and a Chinese body."""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.knowledge.errors import ContentError
from bot.knowledge.yamlio import as_date, load_yaml

_BODY_MARK = re.compile(r"^=== (en|zh|zh-Hant) ===[ \t]*$", re.MULTILINE)
_ID = re.compile(r"^[a-z0-9_]+$")
AREAS = (
    "us401k",
    "us_policy",
    "crypto",
    "us_context",
    "pillars",
    "cn_social_insurance",
    "cn_pension",
    "cn_personal_pension",
)


@dataclass(frozen=True)
class Source:
    """Where a topic's facts come from."""

    title: str
    url: str
    date: dt.date | None


@dataclass(frozen=True)
class Topic:
    """One curated answer."""

    id: str
    area: str
    title: dict[str, str]
    questions: dict[str, list[str]]
    keywords: dict[str, list[str]]
    related: list[str]
    sources: list[Source]
    reviewed: dt.date
    bodies: dict[str, str]
    path: Path = field(compare=False)
    countries: tuple[str, ...] = ()  # `us`, `cn`: set where the area does not tell
    # Words of which a question must name one for this topic to answer it (empty: any
    # question may): the bot's own help topic answers only what is asked of the bot.
    addressed_by: tuple[str, ...] = ()


def _pair(front: dict[str, Any], name: str, where: str) -> dict[str, Any]:
    value = front.get(name)
    if not isinstance(value, dict) or not {"en", "zh"} <= value.keys():
        raise ContentError(f"{where}: `{name}` needs `en` and `zh`")
    return value


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def parse_sources(front: dict[str, Any], where: str) -> list[Source]:
    """The `sources` of a front matter (topic or update): title, url, date."""
    sources = []
    for raw in front.get("sources") or []:
        if not isinstance(raw, dict):
            raise ContentError(f"{where}: each source must be a mapping")
        sources.append(
            Source(
                title=str(raw.get("title", "")),
                url=str(raw.get("url", "")),
                date=as_date(raw.get("date")),
            )
        )
    return sources


def source_problems(sources: list[Source], where: str, today: dt.date) -> list[str]:
    """What is wrong with a list of sources: none, no title or url, no date, a future date."""
    problems = [] if sources else [f"{where}: no sources"]
    for source in sources:
        if not source.title or not source.url.startswith(("http://", "https://")):
            problems.append(f"{where}: a source lacks a title or an http(s) url")
        if source.date is None:
            problems.append(f"{where}: source {source.url} has no YYYY-MM-DD date")
        elif source.date > today:
            problems.append(f"{where}: source {source.url} is dated in the future")
    return problems


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    """Split a topic file into its front matter mapping and the body text."""
    if not text.startswith("---"):
        raise ContentError(f"{where}: missing front matter")
    if text.count("---") < 2:
        raise ContentError(f"{where}: front matter is not closed by ---")
    _, front_text, body = text.split("---", 2)
    try:
        front = load_yaml(front_text)
    except Exception as exc:
        raise ContentError(f"{where}: front matter: {exc}") from exc
    if not isinstance(front, dict):
        raise ContentError(f"{where}: front matter must be a mapping")
    return front, body


def split_bodies(body: str, where: str) -> dict[str, str]:
    """Split the body text at `=== en ===` / `=== zh ===` / `=== zh-Hant ===` marks."""
    parts = _BODY_MARK.split(body)
    bodies: dict[str, str] = {}
    for lang, text in zip(parts[1::2], parts[2::2], strict=True):
        if lang in bodies:
            raise ContentError(f"{where}: body `{lang}` appears twice")
        bodies[lang] = text.strip()
    return bodies


def parse_topic(path: Path) -> Topic:
    """Read one topic file."""
    where = f"{path.parent.name}/{path.name}"
    front, body = split_front_matter(path.read_text(encoding="utf-8"), where)
    topic_id = str(front.get("id", ""))
    if not _ID.match(topic_id):
        raise ContentError(f"{where}: id {topic_id!r} must match [a-z0-9_]+")
    reviewed = as_date(front.get("reviewed"))
    if reviewed is None:
        raise ContentError(f"{where}: `reviewed` must be a YYYY-MM-DD date")
    sources = parse_sources(front, where)
    title = _pair(front, "title", where)
    questions = _pair(front, "questions", where)
    keywords = front.get("keywords") or {}
    return Topic(
        id=topic_id,
        area=str(front.get("area", "")),
        title={k: str(v) for k, v in title.items()},
        questions={k: _strings(v) for k, v in questions.items()},
        keywords={k: _strings(v) for k, v in keywords.items()}
        if isinstance(keywords, dict)
        else {"en": _strings(keywords)},
        related=_strings(front.get("related")),
        sources=sources,
        reviewed=reviewed,
        bodies=split_bodies(body, where),
        path=path,
        countries=tuple(_strings(front.get("countries"))),
        addressed_by=tuple(_strings(front.get("addressed_by"))),
    )
