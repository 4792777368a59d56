"""Which bot message answered which user message, so an edited question edits its answer."""

import datetime as dt

from sqlite_utils import Database

MAX_REPLIES = 20_000  # newest rows kept; an edit to an older question gets a new answer


class ReplyMap:
    """(chat, question message) -> the answer's first message, bounded to the newest rows.

    Kept in SQLite so an edit after a restart still edits the earlier answer; no text is
    stored, only message ids.
    """

    def __init__(self, db: Database, limit: int = MAX_REPLIES) -> None:
        self.db = db
        self.limit = limit

    def remember(self, chat_id: int, message_id: int, reply_id: int) -> None:
        """Record the answer to a message, dropping the oldest rows past the limit."""
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.db.conn:
            self.db.execute(
                "INSERT OR REPLACE INTO reply_map (chat_id, message_id, reply_id, created)"
                " VALUES (?, ?, ?, ?)",
                [chat_id, message_id, reply_id, created],
            )
            self.db.execute(
                "DELETE FROM reply_map WHERE rowid <= (SELECT MAX(rowid) FROM reply_map) - ?",
                [self.limit],
            )

    def reply_to(self, chat_id: int, message_id: int) -> int | None:
        """The answer's message id, if the message was answered and is still remembered."""
        row = self.db.execute(
            "SELECT reply_id FROM reply_map WHERE chat_id = ? AND message_id = ?",
            [chat_id, message_id],
        ).fetchone()
        return int(row[0]) if row else None

    def forget_chat(self, chat_id: int) -> None:
        """Forget every answer in a chat (a user's private chat on /forget)."""
        with self.db.conn:
            self.db.execute("DELETE FROM reply_map WHERE chat_id = ?", [chat_id])

    @property
    def count(self) -> int:
        """How many answers are remembered."""
        return int(self.db.execute("SELECT COUNT(*) FROM reply_map").fetchone()[0])
