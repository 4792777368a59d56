"""Open the database (WAL, busy timeout) and bring its schema up to date."""

from pathlib import Path

from sqlite_utils import Database, Migrations

migrations = Migrations("pillarbot")


@migrations()
def m001_users(db: Database) -> None:
    """Users: their language, script and time zone."""
    db.table("users").create(
        {"id": int, "lang": str, "tz": str, "created": str, "updated": str},
        pk="id",
        if_not_exists=True,
    )


@migrations()
def m002_feedback(db: Database) -> None:
    """Feedback on answers, kept for review without the user's id."""
    db.table("feedback").create(
        {"id": int, "topic": str, "verdict": str, "lang": str, "created": str},
        pk="id",
        if_not_exists=True,
    )


@migrations()
def m003_actions(db: Database) -> None:
    """Button actions too long for Telegram's 64-byte callback data."""
    db.table("actions").create(
        {"id": int, "action": str, "created": str}, pk="id", if_not_exists=True
    )
    db.table("actions").create_index(["action"], unique=True, if_not_exists=True)


@migrations()
def m004_pending(db: Database) -> None:
    """A calculation waiting for one more input from a user."""
    db.table("pending").create(
        {"user_id": int, "request": str, "updated": str}, pk="user_id", if_not_exists=True
    )


@migrations()
def m005_unanswered(db: Database) -> None:
    """Questions the bot could not answer (text only, no user id), to improve content."""
    db.table("unanswered").create(
        {"id": int, "text": str, "lang": str, "created": str}, pk="id", if_not_exists=True
    )


@migrations()
def m006_reply_map(db: Database) -> None:
    """The bot's answer to each recent message (ids only), so an edit can edit the answer."""
    db.table("reply_map").create(
        {"chat_id": int, "message_id": int, "reply_id": int, "created": str}, if_not_exists=True
    )
    db.table("reply_map").create_index(["chat_id", "message_id"], unique=True, if_not_exists=True)


def open_database(path: Path | str | None) -> Database:
    """A database at `path` (None: in memory), migrated, in WAL mode with a busy timeout."""
    if path is None:
        db = Database(memory=True)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        db.enable_wal()
        # WAL with synchronous=NORMAL cannot corrupt the file; it only risks the last
        # transactions on power loss, which is fine for preferences and feedback.
        db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA busy_timeout = 5000")
    migrations.apply(db)
    return db
