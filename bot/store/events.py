"""What happened to each handled update, for the admin's counts (never the user's text)."""

import datetime as dt

from sqlite_utils import Database

FLUSH_AT = 200  # rows held in memory before they are written at once

_INSERT = (
    "INSERT INTO events (created, user_key, source, outcome, topic, lang) VALUES (?, ?, ?, ?, ?, ?)"
)


class EventStore:
    """One row per handled update: source, outcome, topic, language and a pseudonym.

    A write per update would cost more than answering it (about 0.15 ms), so rows are held in
    memory and written together: when FLUSH_AT are waiting, by a job every few seconds, at
    shutdown, and before anything reads or erases them.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._waiting: list[tuple[str, str | None, str, str, str | None, str]] = []

    def add(
        self, user_key: str | None, source: str, outcome: str, topic: str | None, lang: str
    ) -> None:
        """Record one outcome."""
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self._waiting.append((created, user_key, source, outcome, topic, lang))
        if len(self._waiting) >= FLUSH_AT:
            self.flush()

    def flush(self) -> int:
        """Write the waiting rows; how many."""
        rows, self._waiting = self._waiting, []
        if rows:
            with self.db.conn:
                self.db.conn.executemany(_INSERT, rows)
        return len(rows)
