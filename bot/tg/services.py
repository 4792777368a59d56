"""What the handlers use, created in post_init and kept in bot_data."""

import asyncio
from dataclasses import dataclass, field

from sqlite_utils import Database
from telegram.ext import ContextTypes

from bot.digest.outbox import DigestOutbox
from bot.engine import Engine
from bot.store import (
    ActionStore,
    EventStore,
    FeedbackStore,
    PendingStore,
    Pseudonyms,
    ReplyMap,
    UnansweredStore,
    UserStore,
)
from bot.tg.flood import FloodGuard
from bot.tg.inline_throttle import InlineThrottle

SERVICES_KEY = "services"
# Taps: a burst to adjust a calculation a few steps at once, then two a second.
TAP_BURST = 8
TAP_RATE = 2.0


@dataclass
class Services:
    """The engine, the stores and the flood controls (messages, taps, inline queries)."""

    engine: Engine
    db: Database
    users: UserStore
    pending: PendingStore
    actions: ActionStore
    feedback: FeedbackStore
    unanswered: UnansweredStore
    pseudonyms: Pseudonyms
    events: EventStore
    replies: ReplyMap
    outbox: DigestOutbox
    flood: FloodGuard = field(default_factory=FloodGuard)
    taps: FloodGuard = field(default_factory=lambda: FloodGuard(burst=TAP_BURST, rate=TAP_RATE))
    inline: InlineThrottle = field(default_factory=InlineThrottle)
    admins: frozenset[int] = frozenset()
    # Questions being answered right now, (chat id, message id) -> set once answered: an
    # edit that arrives meanwhile waits for it instead of answering twice.
    answering: dict[tuple[int, int], asyncio.Event] = field(default_factory=dict)

    @classmethod
    def create(cls, engine: Engine, db: Database, admins: frozenset[int]) -> "Services":
        """Services over one database."""
        return cls(
            engine=engine,
            db=db,
            users=UserStore(db),
            pending=PendingStore(db),
            actions=ActionStore(db),
            feedback=FeedbackStore(db),
            unanswered=UnansweredStore(db),
            pseudonyms=Pseudonyms(db),
            events=EventStore(db),
            replies=ReplyMap(db),
            outbox=DigestOutbox(db),
            admins=admins,
        )


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The services of the running application."""
    found = context.bot_data[SERVICES_KEY]
    assert isinstance(found, Services)
    return found
