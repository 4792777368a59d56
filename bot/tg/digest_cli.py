"""`pillarbot digest send`: one delivery run with a bot of its own, then exit."""

import asyncio
import logging

from telegram.ext import ExtBot

from bot.config import Settings
from bot.digest.outbox import DigestOutbox
from bot.engine import Engine
from bot.store import ActionStore, UserStore, open_database
from bot.tg.digest_send import DeliveryReport, DigestSender
from bot.tg.limits import digest_rate_limiter
from bot.tg.redact import configure_logging
from bot.tg.request import JsonHTTPXRequest


async def _send(settings: Settings, everyone: bool) -> DeliveryReport:
    db = open_database(settings.db_path)
    bot: ExtBot[dict[str, int]] = ExtBot(
        settings.token,
        base_url=f"{settings.api_base}/bot",
        base_file_url=f"{settings.api_base}/file/bot",
        request=JsonHTTPXRequest(connection_pool_size=32),
        rate_limiter=digest_rate_limiter(settings),  # type: ignore[arg-type]
    )
    try:
        async with bot:
            sender = DigestSender(
                bot,
                DigestOutbox(db),
                Engine(charts=False),
                UserStore(db),
                ActionStore(db),
                senders=settings.digest_senders,
            )
            return await sender.run(everyone=everyone)
    finally:
        db.close()


def send_digests(
    settings: Settings, everyone: bool = False, verbose: bool = False
) -> DeliveryReport:
    """Plan what is due (everyone with `everyone`), send it, return what happened."""
    configure_logging(settings.token, verbose=verbose)
    # The limiter's retries are off here; the sender handles (and logs) each RetryAfter.
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)
    return asyncio.run(_send(settings, everyone))
