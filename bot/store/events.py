"""What happened to each handled update, for the admin's counts (never the user's text)."""

import datetime as dt

from sqlite_utils import Database

OUTCOMES = ("answer", "clarify", "fallback", "calc", "error", "command", "feedback")


class EventStore:
    """One row per handled update: source, outcome, topic, language and a pseudonym."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self, user_key: str | None, source: str, outcome: str, topic: str | None, lang: str
    ) -> None:
        """Record one outcome."""
        self.db.table("events").insert(
            {
                "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "user_key": user_key,
                "source": source,
                "outcome": outcome,
                "topic": topic,
                "lang": lang,
            }
        )
