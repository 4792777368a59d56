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
def m006_digests(db: Database) -> None:
    """Digest subscriptions, the outbox (one row per subscriber and update) and runs."""
    db.table("subscriptions").create(
        {
            "chat_id": int,
            "user_id": int,
            "topics": str,
            "cadence": str,
            "hour": int,
            "minute": int,
            "weekday": int,
            "tz": str,
            "lang": str,
            "active": int,
            "stopped": str,
            "next_at": str,
            "created": str,
            "updated": str,
        },
        pk="chat_id",
        if_not_exists=True,
    )
    db.table("subscriptions").create_index(["active", "next_at"], if_not_exists=True)
    db.table("outbox").create(
        {
            "id": int,
            "chat_id": int,
            "update_id": str,
            "status": str,
            "run_id": int,
            "created": str,
            "sent_at": str,
        },
        pk="id",
        if_not_exists=True,
    )
    db.table("outbox").create_index(["chat_id", "update_id"], unique=True, if_not_exists=True)
    db.table("outbox").create_index(["status", "chat_id"], if_not_exists=True)
    db.table("digest_runs").create(
        {"id": int, "started": str, "finished": str, "total": int, "pid": int},
        pk="id",
        if_not_exists=True,
    )


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
