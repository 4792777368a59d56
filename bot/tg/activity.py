"""Chat actions ("typing…", "sending a photo…") while a calculation or a chart is made."""

import logging

from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import ContextTypes

log = logging.getLogger(__name__)


async def show_activity(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int | None, action: ChatAction
) -> None:
    """Show a chat action; a failure is not worth failing the reply for."""
    if chat_id is None:
        return
    try:
        await context.bot.send_chat_action(chat_id, action)
    except TelegramError as error:
        log.debug("chat action not shown: %s", type(error).__name__)
