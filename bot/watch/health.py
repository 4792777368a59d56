"""The health of every watched source, for `pillarbot updates sources` and status displays."""

from dataclasses import dataclass
from typing import Literal

from sqlite_utils import Database

from bot.store.watch import SourceStateStore
from bot.watch.config import WatchConfig, load_watch_config

Health = Literal["ok", "failing", "never"]


@dataclass(frozen=True)
class SourceHealth:
    """One source as a status display shows it."""

    id: str
    name: str
    url: str
    health: Health
    last_ok: str | None
    last_error: str | None
    error_at: str | None
    failures: int
    next_try: str | None


def source_health(db: Database, config: WatchConfig | None = None) -> list[SourceHealth]:
    """Every configured source (default: content/watch_sources.yaml) in configuration order:
    ok, failing (with its error) or never checked."""
    config = config or load_watch_config()
    states = SourceStateStore(db).all()
    report = []
    for source in config.sources:
        state = states.get(source.id)
        if state is None or state.checked is None:
            health: Health = "never"
        else:
            health = "failing" if state.failures else "ok"
        report.append(
            SourceHealth(
                id=source.id,
                name=source.name,
                url=source.url,
                health=health,
                last_ok=state.last_ok if state else None,
                last_error=state.last_error if state else None,
                error_at=state.error_at if state else None,
                failures=state.failures if state else 0,
                next_try=state.next_try if state and state.failures else None,
            )
        )
    return report
