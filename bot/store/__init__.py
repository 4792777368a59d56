"""Storage: one SQLite file through sqlite-utils, schema by numbered migrations."""

from bot.store.db import open_database
from bot.store.reply_map import ReplyMap
from bot.store.repos import ActionStore, FeedbackStore, PendingStore, UnansweredStore, UserStore

__all__ = [
    "ActionStore",
    "FeedbackStore",
    "PendingStore",
    "ReplyMap",
    "UnansweredStore",
    "UserStore",
    "open_database",
]
