"""The list of watched sources and the keywords that make an entry relevant (data, not code)."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from bot.knowledge.content import content_root

SourceKind = Literal["feed", "page"]
KINDS: tuple[SourceKind, ...] = ("feed", "page")
LANGS = ("en", "zh")


class WatchConfigError(Exception):
    """The watch configuration file is missing or malformed (the message says where)."""


@dataclass(frozen=True)
class WatchSource:
    """One official feed or page."""

    id: str
    name: str
    kind: SourceKind
    url: str


@dataclass(frozen=True)
class WatchConfig:
    """Sources, keywords per topic and language, and how politely to poll."""

    sources: tuple[WatchSource, ...]
    keywords: dict[str, dict[str, tuple[str, ...]]]
    user_agent: str = "pillarbot-watcher"
    timeout_seconds: float = 20.0
    backoff_minutes: float = 30.0
    max_backoff_minutes: float = 1440.0


def default_config_path() -> Path:
    """content/watch_sources.yaml of the content in use."""
    return content_root() / "watch_sources.yaml"


def load_watch_config(path: Path | None = None) -> WatchConfig:
    """Read and check a watch configuration file."""
    path = path or default_config_path()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise WatchConfigError(f"{path}: cannot read ({exc})") from exc
    if not isinstance(raw, dict):
        raise WatchConfigError(f"{path}: expected a mapping")
    return WatchConfig(
        sources=_sources(raw.get("sources"), path),
        keywords=_keywords(raw.get("keywords"), path),
        user_agent=str(raw.get("user_agent") or "pillarbot-watcher"),
        timeout_seconds=_number(raw, "timeout_seconds", 20.0, path),
        backoff_minutes=_number(raw, "backoff_minutes", 30.0, path),
        max_backoff_minutes=_number(raw, "max_backoff_minutes", 1440.0, path),
    )


def _sources(raw: Any, path: Path) -> tuple[WatchSource, ...]:
    if not isinstance(raw, list) or not raw:
        raise WatchConfigError(f"{path}: 'sources' must be a non-empty list")
    sources: list[WatchSource] = []
    for index, item in enumerate(raw):
        where = f"{path}: sources[{index}]"
        if not isinstance(item, dict):
            raise WatchConfigError(f"{where}: expected a mapping")
        missing = [key for key in ("id", "name", "kind", "url") if not item.get(key)]
        if missing:
            raise WatchConfigError(f"{where}: missing {', '.join(missing)}")
        kind = item["kind"]
        if kind not in KINDS:
            raise WatchConfigError(f"{where}: kind must be one of {', '.join(KINDS)}")
        url = str(item["url"])
        if not url.startswith(("http://", "https://")):
            raise WatchConfigError(f"{where}: url must start with http:// or https://")
        if any(source.id == item["id"] for source in sources):
            raise WatchConfigError(f"{where}: id {item['id']} is used twice")
        sources.append(WatchSource(id=str(item["id"]), name=str(item["name"]), kind=kind, url=url))
    return tuple(sources)


def _keywords(raw: Any, path: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    if not isinstance(raw, dict) or not raw:
        raise WatchConfigError(f"{path}: 'keywords' must map topic ids to en/zh lists")
    keywords: dict[str, dict[str, tuple[str, ...]]] = {}
    for topic, lists in raw.items():
        if not isinstance(lists, dict) or not set(lists) <= set(LANGS):
            raise WatchConfigError(f"{path}: keywords.{topic} must have en and/or zh lists")
        keywords[str(topic)] = {
            lang: tuple(str(word) for word in lists.get(lang) or ()) for lang in LANGS
        }
    return keywords


def _number(raw: dict[str, Any], key: str, default: float, path: Path) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise WatchConfigError(f"{path}: {key} must be a positive number")
    return float(value)
