"""One watch run: read every due source, keep matching new entries as candidates.

A source that fails (network, HTTP error, not a feed) is recorded and waits out a growing
backoff; it never stops the other sources. Nothing here publishes anything: candidates wait
for an editor (`pillarbot updates review`, `/review`).
"""

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Literal

from sqlite_utils import Database

from bot.store.watch import CandidateStore, SourceStateStore
from bot.watch.config import WatchConfig, WatchSource
from bot.watch.entries import EntriesError, Entry, feed_entries, page_entries
from bot.watch.fetch import Fetched, FetchError, conditional_get
from bot.watch.keywords import matched_topics

log = logging.getLogger(__name__)

Outcome = Literal["read", "unchanged", "failed", "waiting"]


@dataclass(frozen=True)
class SourceRun:
    """What one source gave in one run."""

    source: WatchSource
    outcome: Outcome
    entries: int = 0
    candidates: int = 0
    error: str | None = None
    next_try: str | None = None


def backoff(config: WatchConfig, failures: int) -> dt.timedelta:
    """How long a source waits after its n-th failure in a row (doubling, capped)."""
    minutes = config.backoff_minutes * 2 ** max(failures - 1, 0)
    return dt.timedelta(minutes=min(minutes, config.max_backoff_minutes))


def watch(
    db: Database,
    config: WatchConfig,
    now: dt.datetime | None = None,
    force: bool = False,
) -> list[SourceRun]:
    """Poll every source once (those in backoff only with `force`)."""
    now = now or dt.datetime.now(dt.UTC)
    states, candidates = SourceStateStore(db), CandidateStore(db)
    runs = []
    for source in config.sources:
        state = states.get(source.id)
        if not force and not state.due(now):
            runs.append(SourceRun(source, "waiting", next_try=state.next_try))
            continue
        try:
            fetched = conditional_get(
                source.url,
                state.etag,
                state.last_modified,
                config.user_agent,
                config.timeout_seconds,
            )
            entries = [] if fetched.status == 304 else _entries(source, fetched)
        except Exception as error:
            # Anything a source sends is untrusted input: whatever breaks on it is that
            # source's failure, recorded, and never the end of the run for the others.
            problem = str(error) if isinstance(error, FetchError | EntriesError) else repr(error)
            failed = states.record_failure(
                source.id, source.url, now, problem, backoff(config, state.failures + 1)
            )
            log.warning("watch: %s failed (%s)", source.id, problem)
            runs.append(SourceRun(source, "failed", error=problem, next_try=failed.next_try))
            continue
        added = sum(_keep(candidates, source, entry, config, now) for entry in entries)
        states.record_ok(
            source.id,
            source.url,
            now,
            fetched.etag or state.etag,
            fetched.last_modified or state.last_modified,
        )
        outcome: Outcome = "unchanged" if fetched.status == 304 else "read"
        runs.append(SourceRun(source, outcome, entries=len(entries), candidates=added))
    return runs


def _entries(source: WatchSource, fetched: Fetched) -> list[Entry]:
    if source.kind == "feed":
        return feed_entries(fetched.body, source.url)
    charset = None
    if "charset=" in fetched.content_type:
        charset = fetched.content_type.split("charset=", 1)[1].split(";")[0].strip()
    return page_entries(fetched.body, source.url, charset)


def _keep(
    candidates: CandidateStore,
    source: WatchSource,
    entry: Entry,
    config: WatchConfig,
    now: dt.datetime,
) -> bool:
    topics = matched_topics(f"{entry.title}\n{entry.summary}", config.keywords)
    if not topics:
        return False
    return candidates.add(
        source.id, entry.guid, entry.url, entry.title, entry.summary, entry.published, topics, now
    )
