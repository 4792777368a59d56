"""Small repositories over the tables; no SQL elsewhere."""

import contextlib
import datetime as dt
from typing import cast

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError, Table

from bot.i18n.lang import Lang, parse_lang
from bot.store.personal import mask_personal_data

MAX_UNANSWERED_CHARS = 500
ACTION_DAYS = 60


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _table(db: Database, name: str) -> Table:
    return cast(Table, db[name])


class UserStore:
    """A user's saved language and time zone, and forgetting them.

    Languages are read on every message and time zones on every /settings, so the saved
    ones are loaded once and kept in memory: a user with no row costs no query. This process
    is the only writer, and every write goes through here, to the database first.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._langs: dict[int, Lang] = {}
        self._zones: dict[int, str] = {}
        for row in db.query("select id, lang, tz from users"):
            lang = parse_lang(row["lang"])
            if lang is not None:
                self._langs[int(row["id"])] = lang
            if row["tz"]:
                self._zones[int(row["id"])] = str(row["tz"])

    def lang(self, user_id: int) -> Lang | None:
        """The saved language, if the user chose one."""
        return self._langs.get(user_id)

    def set_lang(self, user_id: int, lang: Lang) -> None:
        """Save a language choice."""
        _table(self.db, "users").upsert(
            {"id": user_id, "lang": lang, "updated": _now()}, pk="id", alter=False
        )
        self._langs[user_id] = lang

    def clear_lang(self, user_id: int) -> None:
        """Forget the language choice: answer in the language of each message again."""
        with contextlib.suppress(NotFoundError):  # nothing saved: nothing to clear
            _table(self.db, "users").update(user_id, {"lang": None, "updated": _now()})
        self._langs.pop(user_id, None)

    def timezone(self, user_id: int) -> str | None:
        """The saved IANA time zone."""
        return self._zones.get(user_id)

    def set_timezone(self, user_id: int, tz: str) -> None:
        """Save an IANA time zone."""
        _table(self.db, "users").upsert({"id": user_id, "tz": tz, "updated": _now()}, pk="id")
        self._zones[user_id] = tz

    def forget(self, user_id: int) -> None:
        """Delete everything stored about a user."""
        with self.db.conn:
            _table(self.db, "users").delete_where("id = ?", [user_id])
            _table(self.db, "pending").delete_where("user_id = ?", [user_id])
        self._langs.pop(user_id, None)
        self._zones.pop(user_id, None)

    def known(self, user_id: int) -> bool:
        """Whether anything is stored about a user."""
        return bool(
            _table(self.db, "users").count_where("id = ?", [user_id])
            or _table(self.db, "pending").count_where("user_id = ?", [user_id])
        )


class PendingStore:
    """A calculation waiting for one more input, per user; held in memory like languages."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._waiting: dict[int, str] = {
            int(row["user_id"]): str(row["request"])
            for row in db.query("select user_id, request from pending")
        }

    def get(self, user_id: int) -> str | None:
        """The waiting request, if any."""
        return self._waiting.get(user_id)

    def forget(self, user_id: int) -> None:
        """Drop the entry after the row was deleted elsewhere."""
        self._waiting.pop(user_id, None)

    def set(self, user_id: int, request: str | None, previous: str | None = None) -> None:
        """Remember (or, with None, clear) the waiting request; no write if nothing changes."""
        if request == previous:
            return
        table = _table(self.db, "pending")
        if request is None:
            table.delete_where("user_id = ?", [user_id])
            self._waiting.pop(user_id, None)
        else:
            table.upsert({"user_id": user_id, "request": request, "updated": _now()}, pk="user_id")
            self._waiting[user_id] = request


class ActionStore:
    """Long button actions behind short ids."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def token(self, action: str, owner: str = "") -> int:
        """The id of an action, stored once per owner (the pseudonym of the user whose inputs
        it embeds, so /forget deletes it; "" for actions that hold nothing personal)."""
        table = _table(self.db, "actions")
        rows = list(table.rows_where("action = ? and owner = ?", [action, owner], limit=1))
        if rows:
            return int(rows[0]["id"])
        inserted = table.insert({"action": action, "owner": owner, "created": _now()}).last_pk
        assert inserted is not None
        return int(inserted)

    def prune(self, older_than_days: int = ACTION_DAYS) -> int:
        """Forget actions behind old buttons; a press on one gets "link not valid"."""
        cutoff = (dt.datetime.now(dt.UTC) - dt.timedelta(days=older_than_days)).isoformat()
        table = _table(self.db, "actions")
        before = table.count
        table.delete_where("created < ?", [cutoff])
        return before - table.count

    def action(self, token: int) -> str | None:
        """The action behind an id."""
        try:
            return str(_table(self.db, "actions").get(token)["action"])
        except NotFoundError:
            return None


class FeedbackStore:
    """Votes on answers, for review: one per voter (a pseudonym, not the user id) and topic."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def vote(
        self, topic: str, verdict: str, lang: Lang, voter: str, reason: str | None = None
    ) -> None:
        """Record a vote ("up", "down" or "old", a 👎's reason); the voter's last one wins."""
        with self.db.conn:
            _table(self.db, "feedback").delete_where("voter = ? and topic = ?", [voter, topic])
            _table(self.db, "feedback").insert(
                {
                    "topic": topic,
                    "verdict": verdict,
                    "reason": reason,
                    "lang": lang,
                    "voter": voter,
                    "created": _now(),
                }
            )

    def count(self, topic: str | None = None) -> int:
        """How many votes (for a topic)."""
        table = _table(self.db, "feedback")
        return table.count_where("topic = ?", [topic]) if topic else table.count


class UnansweredStore:
    """Questions without a curated answer, masked, with the asker's pseudonym for /forget."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, text: str, lang: Lang, asker: str) -> None:
        """Keep the question, shortened, with personal data masked before it is written."""
        _table(self.db, "unanswered").insert(
            {
                "text": mask_personal_data(text[:MAX_UNANSWERED_CHARS]),
                "lang": lang,
                "asker": asker,
                "created": _now(),
            }
        )
