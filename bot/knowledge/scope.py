"""Neighbouring subjects the bot does not cover, and glossary terms."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.knowledge.errors import ContentError
from bot.knowledge.yamlio import load_yaml


@dataclass(frozen=True)
class Neighbour:
    """A subject outside the bot's scope, with the official place to ask."""

    id: str
    name: dict[str, str]
    where: dict[str, str]
    keywords: dict[str, list[str]]


@dataclass(frozen=True)
class GlossaryTerm:
    """A term and its one-line definition in both languages."""

    id: str
    term: dict[str, str]
    definition: dict[str, str]
    topic: str | None


def _lang_pair(raw: dict[str, Any], field: str, where: str) -> dict[str, str]:
    out = {}
    for lang in ("en", "zh"):
        entry = raw.get(lang)
        if not isinstance(entry, dict) or field not in entry:
            raise ContentError(f"{where}: `{lang}.{field}` is missing")
        out[lang] = str(entry[field])
    return out


def _list_file(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    data = load_yaml(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ContentError(f"{path.name}: expected a list of mappings")
    return data


def load_scope(path: Path) -> list[Neighbour]:
    """Load `scope.yaml`."""
    neighbours = []
    for raw in _list_file(path):
        where = f"{path.name}: {raw.get('id')}"
        keywords = raw.get("keywords") or {}
        neighbours.append(
            Neighbour(
                id=str(raw.get("id")),
                name=_lang_pair(raw, "name", where),
                where=_lang_pair(raw, "where", where),
                keywords={k: [str(w) for w in v or []] for k, v in keywords.items()},
            )
        )
    return neighbours


def load_glossary(path: Path) -> list[GlossaryTerm]:
    """Load `glossary.yaml`."""
    terms = []
    for raw in _list_file(path):
        where = f"{path.name}: {raw.get('id')}"
        terms.append(
            GlossaryTerm(
                id=str(raw.get("id")),
                term=_lang_pair(raw, "term", where),
                definition=_lang_pair(raw, "definition", where),
                topic=str(raw["topic"]) if raw.get("topic") else None,
            )
        )
    return terms


def load_synonyms(path: Path) -> list[list[str]]:
    """Load `synonyms.yaml`: a list of groups of interchangeable terms."""
    if not path.exists():
        return []
    data = load_yaml(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list) or not all(isinstance(group, list) for group in data):
        raise ContentError(f"{path.name}: expected a list of lists")
    return [[str(term) for term in group] for group in data]
