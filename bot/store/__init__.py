"""Storage: one SQLite file through sqlite-utils, schema by numbered migrations."""

from bot.store.db import open_database
from bot.store.erase import erase_user
from bot.store.events import EventStore
from bot.store.pseudonyms import Pseudonyms
from bot.store.reply_map import ReplyMap
from bot.store.repos import ActionStore, FeedbackStore, PendingStore, UnansweredStore, UserStore
from bot.store.retention import prune_expired

__all__ = [
    "ActionStore",
    "EventStore",
    "FeedbackStore",
    "PendingStore",
    "Pseudonyms",
    "ReplyMap",
    "UnansweredStore",
    "UserStore",
    "erase_user",
    "open_database",
    "prune_expired",
]
