"""The loaded content set: figures, topics, scope, glossary and synonyms."""

import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from bot.knowledge.domain import load_domain
from bot.knowledge.errors import ContentError
from bot.knowledge.figures import Figure, load_figures
from bot.knowledge.scope import (
    GlossaryTerm,
    Neighbour,
    load_glossary,
    load_scope,
    load_synonyms,
)
from bot.knowledge.topics import Topic, parse_topic


@dataclass(frozen=True)
class Content:
    """Everything in content/, parsed."""

    root: Path
    figures: dict[str, Figure]
    topics: dict[str, Topic]
    scope: list[Neighbour]
    glossary: list[GlossaryTerm]
    synonyms: list[list[str]]
    domain: dict[str, list[str]]  # words that show a question is about retirement systems


def content_root() -> Path:
    """Where content lives: $PILLARBOT_CONTENT, the installed package, or the checkout."""
    override = os.environ.get("PILLARBOT_CONTENT")
    if override:
        return Path(override)
    try:
        return Path(str(resources.files("bot.content")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "content"


def load_content(root: Path) -> Content:
    """Parse every content file below `root`."""
    if not (root / "topics").is_dir():
        raise ContentError(f"no content found at {root}")
    figure_files = [root / "figures.yaml"]
    topics: dict[str, Topic] = {}
    for path in sorted(root.glob("topics/*/*.md")):
        topic = parse_topic(path)
        if topic.id in topics:
            raise ContentError(f"topic id {topic.id} is used by two files")
        topics[topic.id] = topic
    return Content(
        root=root,
        figures=load_figures(figure_files),
        topics=topics,
        scope=load_scope(root / "scope.yaml"),
        glossary=load_glossary(root / "glossary.yaml"),
        synonyms=load_synonyms(root / "synonyms.yaml"),
        domain=load_domain(root / "domain.yaml"),
    )


@cache
def default_content() -> Content:
    """The content shipped with the bot (loaded once per process)."""
    return load_content(content_root())
