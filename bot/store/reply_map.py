"""Which bot message answered which user message, so an edited question edits its answer."""

import datetime as dt

from sqlite_utils import Database

MAX_REPLIES = 20_000  # newest rows kept; an edit to an older question gets a new answer
FLUSH_AT = 200  # answers held in memory before they are written at once


class ReplyMap:
    """(chat, question message) -> the answer's first message, bounded to the newest rows.

    Kept in SQLite so an edit after a restart still edits the earlier answer; no text is
    stored, only message ids. New rows wait in memory and are written in batches (every
    FLUSH_AT rows, and by the housekeeping job every few seconds and at shutdown): a write
    and a commit per answer cost more than answering.
    """

    def __init__(self, db: Database, limit: int = MAX_REPLIES) -> None:
        self.db = db
        self.limit = limit
        self._pending: dict[tuple[int, int], int] = {}

    def remember(self, chat_id: int, message_id: int, reply_id: int) -> None:
        """Record the answer to a message (written with the next batch)."""
        self._pending[(chat_id, message_id)] = reply_id
        if len(self._pending) >= FLUSH_AT:
            self.flush()

    def flush(self) -> int:
        """Write the answers held in memory; drop the oldest rows past the limit."""
        if not self._pending:
            return 0
        rows, self._pending = self._pending, {}
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.db.conn:
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO reply_map (chat_id, message_id, reply_id, created)"
                " VALUES (?, ?, ?, ?)",
                [(chat, message, reply, created) for (chat, message), reply in rows.items()],
            )
            self.db.execute(
                "DELETE FROM reply_map WHERE rowid <= (SELECT MAX(rowid) FROM reply_map) - ?",
                [self.limit],
            )
        return len(rows)

    def reply_to(self, chat_id: int, message_id: int) -> int | None:
        """The answer's message id, if the message was answered and is still remembered."""
        if (chat_id, message_id) in self._pending:
            return self._pending[(chat_id, message_id)]
        row = self.db.execute(
            "SELECT reply_id FROM reply_map WHERE chat_id = ? AND message_id = ?",
            [chat_id, message_id],
        ).fetchone()
        return int(row[0]) if row else None

    def forget_chat(self, chat_id: int) -> None:
        """Forget every answer in a chat (a user's private chat on /forget)."""
        self._pending = {key: value for key, value in self._pending.items() if key[0] != chat_id}
        with self.db.conn:
            self.db.execute("DELETE FROM reply_map WHERE chat_id = ?", [chat_id])

    @property
    def count(self) -> int:
        """How many answers are remembered."""
        self.flush()
        return int(self.db.execute("SELECT COUNT(*) FROM reply_map").fetchone()[0])
