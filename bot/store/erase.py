"""Delete or unlink every row that can be tied to a user, for /forget."""

from sqlite_utils import Database


def erase_user(db: Database, user_id: int, pseudonym: str) -> None:
    """Delete the user's settings, waiting calculation, calculation buttons, unanswered
    questions, the map of their private chat's answers and their digest subscription;
    unlink their votes and events, which then count without anyone behind them."""
    with db.conn:
        db.execute("DELETE FROM users WHERE id = ?", [user_id])
        db.execute("DELETE FROM pending WHERE user_id = ?", [user_id])
        db.execute("DELETE FROM actions WHERE owner = ?", [pseudonym])
        db.execute("DELETE FROM unanswered WHERE asker = ?", [pseudonym])
        db.execute("UPDATE feedback SET voter = NULL WHERE voter = ?", [pseudonym])
        db.execute("UPDATE events SET user_key = NULL WHERE user_key = ?", [pseudonym])
        # Which message answered which in the private chat (its id is the user's id).
        db.execute("DELETE FROM reply_map WHERE chat_id = ?", [user_id])
        # Their digest subscription and what was queued or sent to them.
        db.execute("DELETE FROM subscriptions WHERE chat_id = ?", [user_id])
        db.execute("DELETE FROM outbox WHERE chat_id = ?", [user_id])
