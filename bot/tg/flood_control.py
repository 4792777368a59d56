"""Flood control, run before every other handler: it counts only what floods the bot.

- Messages count only when addressed to the bot (private chats, commands for it, mentions of
  it, replies to it): members chatting in a group never use up anyone's budget. A private
  flooder is told once, plainly, that the skipped messages get no answer; a group never sees
  a flood notice.
- Button taps have their own budget, and a tap over it is still answered, with a toast, so no
  button is left spinning.
- Inline queries go through a per-user throttle tuned for typing (bot/tg/inline_throttle.py).
"""

import logging

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.engine import commands
from bot.tg.handlers import addressed_in_group
from bot.tg.language import button_language, fallback_language
from bot.tg.services import services

log = logging.getLogger(__name__)


async def flood_guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop an update that is part of a flood; let everything else through."""
    user = update.effective_user
    if user is None:
        return
    if update.inline_query is not None:
        if not await services(context).inline.turn(user.id):
            raise ApplicationHandlerStop  # a newer query from the same user replaced this one
        return
    if update.callback_query is not None:
        await _guard_tap(update, context, user.id)
        return
    message = update.effective_message
    bot = context.bot
    if message is not None and addressed_to_bot(message, bot.id, bot.username):
        await _guard_message(update, context, message, user.id)


async def _guard_tap(update: Update, context: ContextTypes.DEFAULT_TYPE, user_id: int) -> None:
    svc = services(context)
    if svc.taps.allow(user_id):
        return
    query = update.callback_query
    assert query is not None
    try:
        await query.answer(commands.slow_down_toast(button_language(update, svc)))
    except TelegramError as error:  # the query expired meanwhile: nothing is left spinning
        log.debug("could not answer a tap over the budget: %s", error)
    raise ApplicationHandlerStop


async def _guard_message(
    update: Update, context: ContextTypes.DEFAULT_TYPE, message: Message, user_id: int
) -> None:
    svc = services(context)
    if svc.flood.allow(user_id):
        return
    if message.chat.type == ChatType.PRIVATE and svc.flood.should_warn(user_id):
        notice = commands.flood_notice_reply(fallback_language(update, svc))
        await context.bot.send_message(message.chat.id, notice.html)
    raise ApplicationHandlerStop


def addressed_to_bot(message: Message, bot_id: int, username: str | None) -> bool:
    """Private messages, commands for this bot, mentions of it and replies to it."""
    return _command_for(message, username) or addressed_in_group(message, bot_id, username)


def _command_for(message: Message, username: str | None) -> bool:
    """A command with no @target (meant for every bot in the chat) or with this bot's name."""
    text = message.text or ""
    starts_with_command = any(
        entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0
        for entity in message.entities
    )
    if not starts_with_command:
        return False
    _, _, target = text.split(maxsplit=1)[0].partition("@")
    return not target or (username is not None and target.lower() == username.lower())
