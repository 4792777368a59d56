"""Deliver due digests through the bot: the outbox decides, this sends and marks.

Sends go through the bot's AIORateLimiter. `pillarbot digest send` turns the limiter's own
retries off, so a RetryAfter reaches this code, which pauses every sender for exactly the
time Telegram asked; inside `pillarbot run` the limiter retries itself (after the time asked
plus 0.1 s, holding back every other request meanwhile), and this code only sees a RetryAfter
that outlasted those retries.
"""

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from typing import Any

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter
from telegram.ext import ExtBot

from bot.digest.compose import DigestMessage, compose_digest
from bot.digest.outbox import DigestOutbox
from bot.engine import Engine, Reply
from bot.i18n.lang import Lang, parse_lang
from bot.store import ActionStore, UserStore
from bot.tg.keyboards import reply_keyboard

log = logging.getLogger(__name__)
# One sender by default: then at most one message is in flight when the process dies, the
# only one that can arrive twice after a restart. More senders reach the rate limit over a
# slow link, at the price of one possible duplicate per sender.
SENDERS = 1
NETWORK_TRIES = 5
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


@dataclass
class DeliveryReport:
    """What one run did."""

    queued: int = 0
    messages: int = 0
    blocked: int = 0
    failed: int = 0
    chats: int = 0  # chats that got every message meant for them

    @property
    def done(self) -> int:
        """Chats finished either way: sent, blocked or failed."""
        return self.chats + self.blocked + self.failed


Progress = Callable[[DeliveryReport], Awaitable[None]]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DigestSender:
    """Sends each chat's pending outbox rows as digest messages."""

    def __init__(
        self,
        bot: ExtBot[Any],
        outbox: DigestOutbox,
        engine: Engine,
        users: UserStore,
        actions: ActionStore,
        backoff: float = 1.0,
        senders: int = SENDERS,
        clock: Callable[[], dt.datetime] = _utcnow,
    ) -> None:
        self.bot = bot
        self.outbox = outbox
        self.engine = engine
        self.users = users
        self.actions = actions
        self.backoff = backoff
        self.senders = senders
        self.clock = clock
        self._resume_at = 0.0  # loop time before which nobody sends (a RetryAfter)
        self.report = DeliveryReport()

    async def run(self, everyone: bool = False) -> DeliveryReport:
        """Plan what is due now (everyone with `everyone`), then send every pending row."""
        self.report = DeliveryReport()
        updates = self.engine.updates.all(fresh=True)
        self.report.queued = self.outbox.plan(updates, self.clock(), everyone=everyone)
        await self.send_pending()
        self.outbox.finish_runs(self.clock())
        return self.report

    async def send_pending(
        self,
        chat_id: int | None = None,
        only: Collection[int] | None = None,
        progress: Progress | None = None,
    ) -> DeliveryReport:
        """Send what waits in the outbox (for one chat if given, or only for the chats in
        `only`), `senders` chats at a time; `progress` is awaited after each chat."""
        queue: asyncio.Queue[tuple[int, list[str]]] = asyncio.Queue()
        for chat, ids in self.outbox.pending(chat_id).items():
            if only is None or chat in only:
                queue.put_nowait((chat, ids))
        workers = [asyncio.create_task(self._worker(queue, progress)) for _ in range(self.senders)]
        await asyncio.gather(*workers)
        return self.report

    async def _worker(
        self, queue: "asyncio.Queue[tuple[int, list[str]]]", progress: Progress | None
    ) -> None:
        while not queue.empty():
            chat_id, ids = queue.get_nowait()
            try:
                await self._send_chat(chat_id, ids)
            except Exception:
                log.exception("digest to one chat failed")
                self.report.failed += 1
            if progress is not None:
                await progress(self.report)

    def _lang(self, chat_id: int) -> Lang:
        sub = self.outbox.subscription(chat_id)
        saved = self.users.lang(sub.user_id) if sub else None
        return saved or parse_lang(sub.lang if sub else "en") or "en"

    async def _send_chat(self, chat_id: int, ids: list[str]) -> None:
        by_id = {u.id: u for u in self.engine.updates.all()}
        updates = [by_id[i] for i in ids if i in by_id]
        lang = self._lang(chat_id)
        for message in compose_digest(updates, self.engine.content.topics, lang):
            outcome, chat_id = await self._deliver(chat_id, message, lang)
            if outcome == "blocked":
                self.report.blocked += 1
                return
            if outcome == "failed":
                self.report.failed += 1
                return
            self.report.messages += 1
            if message.update_ids:
                self.outbox.mark(chat_id, message.update_ids, "sent", self.clock())
        self.report.chats += 1

    async def _deliver(self, chat_id: int, message: DigestMessage, lang: Lang) -> tuple[str, int]:
        """Send one message; ("sent" | "blocked" | "failed", the chat id it went to)."""
        reply = Reply(lang=lang, kind="command", html=message.html, text="")
        reply.buttons = message.buttons
        markup = reply_keyboard(reply, self.actions)
        network_tries = 0
        while True:
            await self._wait_for_pause()
            try:
                await self.bot.send_message(
                    chat_id,
                    message.html,
                    parse_mode=ParseMode.HTML,
                    link_preview_options=NO_PREVIEW,
                    reply_markup=markup,
                )
                return "sent", chat_id
            except RetryAfter as error:
                pause = error.retry_after
                seconds = pause.total_seconds() if isinstance(pause, dt.timedelta) else pause
                log.info("Telegram asked to wait %s s", seconds)
                loop = asyncio.get_running_loop()
                self._resume_at = max(self._resume_at, loop.time() + float(seconds))
            except ChatMigrated as error:
                self.outbox.migrate(chat_id, error.new_chat_id)
                chat_id = error.new_chat_id
            except Forbidden:
                self.outbox.deactivate(chat_id)
                return "blocked", chat_id
            except BadRequest as error:
                if "chat not found" in str(error).lower():
                    self.outbox.deactivate(chat_id)
                    return "blocked", chat_id
                log.warning("digest message refused: %s", error)
                self.outbox.mark(chat_id, message.update_ids, "failed", self.clock())
                return "failed", chat_id
            except NetworkError:
                network_tries += 1
                if network_tries >= NETWORK_TRIES:
                    return "failed", chat_id  # rows stay pending: the next run tries again
                await asyncio.sleep(self.backoff * 2 ** (network_tries - 1))

    async def _wait_for_pause(self) -> None:
        loop = asyncio.get_running_loop()
        while (remaining := self._resume_at - loop.time()) > 0:
            await asyncio.sleep(remaining)
