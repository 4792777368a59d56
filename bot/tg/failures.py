"""The error handler: log with a trace id, apologise to the user, tell the admins where it
failed (handler, update kind, trace id) without any user data."""

import logging
import secrets
from types import CodeType, TracebackType
from typing import Any

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot.engine import commands
from bot.tg.events import record_outcome, update_source
from bot.tg.language import fallback_language
from bot.tg.services import SERVICES_KEY, Services

log = logging.getLogger(__name__)


def _callback_codes(application: Application[Any, Any, Any, Any, Any, Any]) -> dict[CodeType, str]:
    codes = {}
    for group in application.handlers.values():
        for handler in group:
            code = getattr(handler.callback, "__code__", None)
            if code is not None:
                codes[code] = handler.callback.__name__
    return codes


def failing_handler(
    application: Application[Any, Any, Any, Any, Any, Any], error: BaseException | None
) -> str:
    """The registered handler callback the error came out of (from its traceback)."""
    codes = _callback_codes(application)
    trace: TracebackType | None = error.__traceback__ if error else None
    found = "unknown"
    while trace is not None:
        found = codes.get(trace.tb_frame.f_code, found)
        trace = trace.tb_next
    return found


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error first; then apologise to the user and tell the admins."""
    trace_id = secrets.token_hex(4)
    handler = failing_handler(context.application, context.error)
    kind = update_source(update) if isinstance(update, Update) else "none"
    log.error(
        "update failed [trace %s] in %s (%s update)",
        trace_id,
        handler,
        kind,
        exc_info=context.error,
    )
    svc = context.bot_data.get(SERVICES_KEY)
    if not isinstance(update, Update) or not isinstance(svc, Services):
        return
    lang = fallback_language(update, svc)
    record_outcome(update, svc, "error", None, lang)
    if update.callback_query is not None:
        try:  # a tap whose handler failed before answering would spin until Telegram gives up
            await update.callback_query.answer()
        except Exception:
            log.debug("the failed tap was answered already [trace %s]", trace_id)
    if update.effective_chat:
        try:
            await context.bot.send_message(
                update.effective_chat.id, commands.internal_error_reply(lang).html
            )
        except Exception:
            log.warning("could not send the apology [trace %s]", trace_id)
    notice = commands.admin_error_reply(type(context.error).__name__, handler, kind, trace_id)
    for admin in svc.admins:
        try:
            await context.bot.send_message(admin, notice.html)
        except Exception:
            log.warning("could not notify an admin [trace %s]", trace_id)
