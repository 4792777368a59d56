"""The watcher's tables: per-source state and the candidates found for review."""

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Any, cast

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError, Table

CandidateStatus = str  # "new" | "drafted" | "dismissed"


def _table(db: Database, name: str) -> Table:
    return cast(Table, db[name])


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SourceState:
    """What the last runs learned about one source."""

    id: str
    checked: str | None = None
    last_ok: str | None = None
    last_error: str | None = None
    error_at: str | None = None
    failures: int = 0
    next_try: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    def due(self, now: dt.datetime) -> bool:
        """Whether a failing source's backoff is over (a healthy one is always due)."""
        return self.next_try is None or dt.datetime.fromisoformat(self.next_try) <= now


@dataclass(frozen=True)
class Candidate:
    """An entry that matched the bot's areas, waiting for an editor."""

    id: int
    source: str
    url: str
    title: str
    summary: str
    published: str
    topics: list[str]
    status: CandidateStatus
    found: str
    draft: str | None = None


class SourceStateStore:
    """Validators, last success, last error and failures per source."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, source_id: str) -> SourceState:
        """The saved state, or a fresh one."""
        try:
            row = _table(self.db, "watch_sources").get(source_id)
        except NotFoundError:
            return SourceState(id=source_id)
        return SourceState(
            id=source_id,
            checked=row.get("checked"),
            last_ok=row.get("last_ok"),
            last_error=row.get("last_error"),
            error_at=row.get("error_at"),
            failures=int(row.get("failures") or 0),
            next_try=row.get("next_try"),
            etag=row.get("etag"),
            last_modified=row.get("last_modified"),
        )

    def all(self) -> dict[str, SourceState]:
        """Every saved state by source id."""
        return {str(row["id"]): self.get(str(row["id"])) for row in self.db["watch_sources"].rows}

    def record_ok(
        self,
        source_id: str,
        url: str,
        now: dt.datetime,
        etag: str | None,
        last_modified: str | None,
    ) -> None:
        """A successful read (200 or 304): failures reset, validators kept for next time."""
        self._save(
            {
                "id": source_id,
                "url": url,
                "checked": _iso(now),
                "last_ok": _iso(now),
                "failures": 0,
                "next_try": None,
                "etag": etag,
                "last_modified": last_modified,
            }
        )

    def record_failure(
        self, source_id: str, url: str, now: dt.datetime, error: str, retry_after: dt.timedelta
    ) -> SourceState:
        """A failed read: one more failure, and no new try before the backoff ends."""
        failures = self.get(source_id).failures + 1
        self._save(
            {
                "id": source_id,
                "url": url,
                "checked": _iso(now),
                "last_error": error[:500],
                "error_at": _iso(now),
                "failures": failures,
                "next_try": _iso(now + retry_after),
            }
        )
        return self.get(source_id)

    def _save(self, row: dict[str, Any]) -> None:
        _table(self.db, "watch_sources").upsert(row, pk="id", alter=False)


class CandidateStore:
    """Entries found by the watcher, each once (by guid or URL), and the editor's decision."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        source: str,
        guid: str,
        url: str,
        title: str,
        summary: str,
        published: str,
        topics: list[str],
        now: dt.datetime,
    ) -> bool:
        """Store a new candidate; False when its guid or URL was seen before."""
        table = _table(self.db, "watch_candidates")
        if table.count_where("key = ? or url = ? or key = ?", [guid, url, url]):
            return False
        try:
            table.insert(
                {
                    "source": source,
                    "key": guid,
                    "url": url,
                    "title": title,
                    "summary": summary,
                    "published": published,
                    "topics": ",".join(topics),
                    "status": "new",
                    "found": _iso(now),
                },
            )
        except sqlite3.IntegrityError:
            return False  # another run (cron and a manual one) stored it a moment ago
        return True

    def get(self, candidate_id: int) -> Candidate | None:
        """One candidate by id."""
        try:
            return _candidate(_table(self.db, "watch_candidates").get(candidate_id))
        except NotFoundError:
            return None

    def open(self, limit: int | None = None) -> list[Candidate]:
        """Candidates still waiting for a decision, newest first."""
        rows = _table(self.db, "watch_candidates").rows_where(
            "status = 'new'", order_by="id desc", limit=limit
        )
        return [_candidate(row) for row in rows]

    def count_open(self) -> int:
        """How many candidates wait for a decision."""
        return _table(self.db, "watch_candidates").count_where("status = 'new'")

    def decide(
        self, candidate_id: int, status: CandidateStatus, now: dt.datetime, draft: str | None = None
    ) -> None:
        """Mark a candidate drafted (with the draft's path) or dismissed."""
        _table(self.db, "watch_candidates").update(
            candidate_id, {"status": status, "decided": _iso(now), "draft": draft}
        )


def _candidate(row: dict[str, Any]) -> Candidate:
    return Candidate(
        id=int(row["id"]),
        source=str(row["source"]),
        url=str(row["url"]),
        title=str(row["title"]),
        summary=str(row.get("summary") or ""),
        published=str(row.get("published") or ""),
        topics=[topic for topic in str(row.get("topics") or "").split(",") if topic],
        status=str(row["status"]),
        found=str(row["found"]),
        draft=row.get("draft"),
    )
