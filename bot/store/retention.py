"""How long each kind of row is kept, and pruning what is older."""

import datetime as dt

from sqlite_utils import Database

# Table -> (timestamp column, days kept). Users' settings stay until /forget.
RETENTION: dict[str, tuple[str, int]] = {
    "actions": ("created", 60),  # buttons of older messages say "link not valid"
    "pending": ("updated", 30),  # a calculation waiting for a number
    "events": ("created", 90),  # outcomes for the admin's counts (30-day actives)
    "unanswered": ("created", 180),  # questions for editors, masked
    "feedback": ("created", 180),  # votes for editors
}


def cutoff(days: int, now: dt.datetime | None = None) -> str:
    """The ISO timestamp `days` before now (UTC)."""
    now = now or dt.datetime.now(dt.UTC)
    return (now - dt.timedelta(days=days)).isoformat(timespec="seconds")


def prune_expired(db: Database, now: dt.datetime | None = None) -> dict[str, int]:
    """Delete rows past their retention; how many went, per table."""
    removed: dict[str, int] = {}
    with db.conn:
        for table, (column, days) in RETENTION.items():
            cursor = db.execute(
                f"DELETE FROM {table} WHERE {column} < ?",  # names from RETENTION only
                [cutoff(days, now)],
            )
            removed[table] = cursor.rowcount
    return removed
