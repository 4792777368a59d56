"""/privacy and /forget: say what is stored, and delete it after a single-use confirmation."""

import logging
import secrets

from telegram import CallbackQuery, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.engine import Reply, commands
from bot.store import erase_user
from bot.tg.language import button_language, fallback_language
from bot.tg.send import send_reply
from bot.tg.services import services

log = logging.getLogger(__name__)
CONFIRM_KEY = "forget_confirm"  # user_data: the id carried by the latest confirm buttons


async def privacy_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what is stored, for how long, and how to delete it."""
    svc = services(context)
    chat = update.effective_chat
    if chat is not None:
        await send_reply(
            context, chat.id, commands.privacy_reply(fallback_language(update, svc)), svc
        )


async def forget_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask before deleting the user's data, with buttons that work once."""
    svc = services(context)
    chat = update.effective_chat
    if chat is None or context.user_data is None:
        return
    confirm_id = secrets.token_hex(4)
    context.user_data[CONFIRM_KEY] = confirm_id
    reply = commands.forget_confirm_reply(fallback_language(update, svc), confirm_id)
    await send_reply(context, chat.id, reply, svc)


async def forget_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Delete (or keep) on the latest confirmation; an old or reused one changes nothing."""
    svc = services(context)
    query, user = update.callback_query, update.effective_user
    if query is None or query.data is None or user is None:
        return
    lang = button_language(update, svc)
    _, choice, confirm_id = [*query.data.split(":"), "", ""][:3]
    expected = (context.user_data or {}).get(CONFIRM_KEY)
    if not confirm_id or confirm_id != expected or choice not in ("yes", "no"):
        expired = commands.forget_expired_reply(lang)
        await query.answer(expired.text.split("\n", 1)[0][:200])
        if _private(update):
            await _replace(query, expired)
        return
    await query.answer()
    if context.user_data is not None:
        context.user_data.pop(CONFIRM_KEY, None)
    if choice == "yes":
        svc.events.flush()  # so that the user's waiting events are unlinked too
        erase_user(svc.db, user.id, svc.pseudonyms.of(user.id))
        svc.replies.forget_chat(user.id)  # answers not yet written included
        svc.users.forget(user.id)
        svc.pending.forget(user.id)
        context.application.drop_user_data(user.id)
        if _private(update) and update.effective_chat is not None:
            context.application.drop_chat_data(update.effective_chat.id)
    await _replace(query, commands.forget_done_reply(lang, choice == "yes"))


def _private(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


async def _replace(query: CallbackQuery, reply: Reply) -> None:
    """Show the outcome in place of the question, without its buttons."""
    try:
        await query.edit_message_text(reply.html, reply_markup=None)
    except BadRequest as error:
        # Not modified (pressed twice) or too old to edit: the toast has said it already.
        log.info("forget confirmation not edited: %s", error)
