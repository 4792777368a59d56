"""The minute job: deliver what SQLite says is due (PTB does not persist jobs, so the
schedule lives in the database and one repeating job reads it)."""

import asyncio
import logging
from typing import Any

from telegram.ext import Application, ContextTypes

from bot.tg.digest_send import DigestSender
from bot.tg.services import services

log = logging.getLogger(__name__)
TICK_SECONDS = 60
_RUNNING_KEY = "digest_running"


def schedule(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Start the repeating job (first run right away: a restart resumes pending rows)."""
    if application.job_queue is None:
        log.warning("no job queue: digests are sent only by `pillarbot digest send`")
        return
    digest_lock(application.bot_data)
    application.job_queue.run_repeating(deliver_due, interval=TICK_SECONDS, first=1)


async def deliver_due(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send every digest due now; a run still going makes this tick a no-op."""
    lock = digest_lock(context.bot_data)
    if lock.locked():
        return
    async with lock:
        svc = services(context)
        sender = DigestSender(context.bot, svc.outbox, svc.engine, svc.users, svc.actions)
        report = await sender.run()
        if report.queued or report.messages:
            log.info(
                "digests: %d queued, %d messages, %d blocked, %d failed",
                report.queued,
                report.messages,
                report.blocked,
                report.failed,
            )


def digest_lock(bot_data: dict[Any, Any]) -> asyncio.Lock:
    """The one lock around sending from the outbox: the minute job and a `/publish`
    broadcast never send the same pending rows twice."""
    lock = bot_data.setdefault(_RUNNING_KEY, asyncio.Lock())
    assert isinstance(lock, asyncio.Lock)
    return lock
