"""Scheduled pruning: old rows past their retention, and old chart maps in chat data."""

import datetime as dt
import logging
import time
from typing import Any

from telegram.ext import Application, ContextTypes

from bot.store import PendingStore, prune_expired
from bot.store.retention import RETENTION
from bot.tg.send import CHARTS_KEY
from bot.tg.services import services

log = logging.getLogger(__name__)
PRUNE_EVERY = dt.timedelta(hours=6)
PRUNE_FIRST = dt.timedelta(minutes=1)
FLUSH_EVENTS_EVERY = dt.timedelta(seconds=10)
# A chart is edited only by its calculation's buttons, which expire with the actions.
CHART_MAP_DAYS = RETENTION["actions"][1]


def prune_chart_maps(application: Application[Any, Any, Any, Any, Any, Any], now: float) -> int:
    """Forget which photo belongs to which calculation for messages past CHART_MAP_DAYS."""
    oldest = now - CHART_MAP_DAYS * 86400
    removed = 0
    for chat_data in application.chat_data.values():
        charts = chat_data.get(CHARTS_KEY) if isinstance(chat_data, dict) else None
        if not charts:
            continue
        for text_id in [key for key, (_, sent) in charts.items() if sent < oldest]:
            del charts[text_id]
            removed += 1
    return removed


async def prune_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Delete what is past its retention; log how much went."""
    svc = services(context)
    svc.events.flush()
    removed = prune_expired(svc.db)
    if removed["pending"]:
        svc.pending = PendingStore(svc.db)  # the in-memory copy follows the table
    removed["chart maps"] = prune_chart_maps(context.application, time.time())
    log.info("pruned %s", ", ".join(f"{name}: {count}" for name, count in removed.items()))


async def flush_events_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Write the events and the question-to-answer links held in memory."""
    svc = services(context)
    svc.events.flush()
    svc.replies.flush()


def schedule_housekeeping(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Run prune_job a minute after start, then every PRUNE_EVERY; write events every
    FLUSH_EVENTS_EVERY."""
    if application.job_queue is None:
        raise RuntimeError("pillarbot needs python-telegram-bot[job-queue]")
    application.job_queue.run_repeating(
        prune_job, interval=PRUNE_EVERY, first=PRUNE_FIRST, name="prune"
    )
    application.job_queue.run_repeating(
        flush_events_job, interval=FLUSH_EVENTS_EVERY, name="flush events"
    )
