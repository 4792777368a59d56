"""Open the bot's database read-only, for `pillarbot admin` next to a running bot."""

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from bot.config import default_db_path

NEEDED_TABLES = ("events", "feedback", "unanswered")


class DatabaseNotReadyError(Exception):
    """No database at the path, or one the bot has not brought up to date yet."""


def open_readonly(path: Path | str | None = None) -> Database:
    """The database at `path` (default: $PILLARBOT_DB, else the data folder), read-only."""
    where = Path(path) if path else default_db_path()
    if not where.is_file():
        raise DatabaseNotReadyError(f"no database at {where} (set PILLARBOT_DB or --db)")
    db = Database(sqlite3.connect(f"{where.resolve().as_uri()}?mode=ro", uri=True))
    try:
        missing = [name for name in NEEDED_TABLES if name not in db.table_names()]
    except sqlite3.DatabaseError as exc:
        db.close()
        raise DatabaseNotReadyError(f"{where} is not a pillarbot database ({exc})") from exc
    if missing:
        db.close()
        raise DatabaseNotReadyError(
            f"{where} has no {', '.join(missing)} table yet; start the bot once to update it"
        )
    return db
