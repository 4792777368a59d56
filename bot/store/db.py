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
def m006_secret_key(db: Database) -> None:
    """A random key of this installation, for keyed hashes of user ids (see pseudonyms.py)."""
    db.table("meta").create({"name": str, "value": str}, pk="name", if_not_exists=True)


@migrations()
def m007_action_owner(db: Database) -> None:
    """Actions that embed a user's inputs carry their pseudonym, so /forget can delete them."""
    actions = db.table("actions")
    if "owner" not in actions.columns_dict:
        actions.add_column("owner", str, not_null_default="")
    db.execute("DROP INDEX IF EXISTS idx_actions_action")
    actions.create_index(["action", "owner"], unique=True, if_not_exists=True)
    actions.create_index(["owner"], if_not_exists=True)


@migrations()
def m008_feedback_voter(db: Database) -> None:
    """One vote per voter and topic (a pseudonym, not the user id), and the reason of a 👎."""
    feedback = db.table("feedback")
    for column in ("voter", "reason"):
        if column not in feedback.columns_dict:
            feedback.add_column(column, str)
    feedback.create_index(["voter", "topic"], if_not_exists=True)


@migrations()
def m009_unanswered_asker(db: Database) -> None:
    """Unanswered questions carry the asker's pseudonym, so /forget can delete them."""
    unanswered = db.table("unanswered")
    if "asker" not in unanswered.columns_dict:
        unanswered.add_column("asker", str)
    unanswered.create_index(["asker"], if_not_exists=True)


@migrations()
def m010_events(db: Database) -> None:
    """One row per handled update: where it came from, its outcome, topic and language."""
    db.table("events").create(
        {
            "id": int,
            "created": str,
            "user_key": str,
            "source": str,
            "outcome": str,
            "topic": str,
            "lang": str,
        },
        pk="id",
        if_not_exists=True,
    )
    db.table("events").create_index(["created"], if_not_exists=True)
    db.table("events").create_index(["user_key"], if_not_exists=True)


@migrations()
def m011_watch(db: Database) -> None:
    """Watched official sources (health, validators) and the entries found for review."""
    db.table("watch_sources").create(
        {
            "id": str,
            "url": str,
            "checked": str,
            "last_ok": str,
            "last_error": str,
            "error_at": str,
            "failures": int,
            "next_try": str,
            "etag": str,
            "last_modified": str,
        },
        pk="id",
        if_not_exists=True,
    )
    db.table("watch_candidates").create(
        {
            "id": int,
            "source": str,
            "key": str,
            "url": str,
            "title": str,
            "summary": str,
            "published": str,
            "topics": str,
            "status": str,
            "found": str,
            "decided": str,
            "draft": str,
        },
        pk="id",
        if_not_exists=True,
    )
    db.table("watch_candidates").create_index(["key"], unique=True, if_not_exists=True)
    db.table("watch_candidates").create_index(["url"], if_not_exists=True)
    db.table("watch_candidates").create_index(["status"], if_not_exists=True)


@migrations()
def m012_reply_map(db: Database) -> None:
    """The bot's answer to each recent message (ids only), so an edit can edit the answer."""
    db.table("reply_map").create(
        {"chat_id": int, "message_id": int, "reply_id": int, "created": str}, if_not_exists=True
    )
    db.table("reply_map").create_index(["chat_id", "message_id"], unique=True, if_not_exists=True)


@migrations()
def m013_digests(db: Database) -> None:
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
