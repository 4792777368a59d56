"""An editor's decision on a candidate: draft it or dismiss it (shared by terminal and Telegram)."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from bot.store.watch import Candidate, CandidateStore
from bot.watch.drafts import drafts_dir, write_draft


class ReviewError(Exception):
    """The candidate does not exist or was already decided."""

    def __init__(self, reason: str, candidate_id: int) -> None:
        super().__init__(f"candidate {candidate_id}: {reason}")
        self.reason = reason  # "unknown" | "drafted" | "dismissed"
        self.candidate_id = candidate_id


@dataclass(frozen=True)
class Decision:
    """What was done with a candidate."""

    candidate_id: int
    status: str
    draft: Path | None = None


def draft_candidate(
    db: Database, candidate_id: int, out_dir: Path | None = None, now: dt.datetime | None = None
) -> Decision:
    """Write a draft update for a candidate and mark it drafted."""
    now = now or dt.datetime.now(dt.UTC)
    store = CandidateStore(db)
    candidate = _open(store, candidate_id)
    path = write_draft(candidate, out_dir or drafts_dir(), now.date())
    store.decide(candidate_id, "drafted", now, draft=str(path))
    return Decision(candidate_id, "drafted", path)


def dismiss_candidate(db: Database, candidate_id: int, now: dt.datetime | None = None) -> Decision:
    """Mark a candidate dismissed; it is never offered again."""
    store = CandidateStore(db)
    _open(store, candidate_id)
    store.decide(candidate_id, "dismissed", now or dt.datetime.now(dt.UTC))
    return Decision(candidate_id, "dismissed")


def _open(store: CandidateStore, candidate_id: int) -> Candidate:
    candidate = store.get(candidate_id)
    if candidate is None:
        raise ReviewError("unknown", candidate_id)
    if candidate.status != "new":
        raise ReviewError(candidate.status, candidate_id)
    return candidate
