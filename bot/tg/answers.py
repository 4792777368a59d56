"""Deliver a reply to a message: threaded in groups, remembered, and for an edited question,
edited into the earlier answer instead of sent again."""

import logging

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.engine import Reply
from bot.tg.groups import question_to_thread
from bot.tg.send import edit_reply, send_reply
from bot.tg.services import services

log = logging.getLogger(__name__)


async def deliver(
    update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply, owner: str = ""
) -> None:
    """Send a reply to the update's chat (or edit the earlier answer to an edited message);
    `owner` is the pseudonym of the user whose inputs its stored buttons embed."""
    chat = update.effective_chat
    if chat is None:
        return
    svc = services(context)
    question = update.message or update.edited_message
    if update.edited_message is not None:
        earlier = svc.replies.reply_to(chat.id, update.edited_message.message_id)
        if earlier is not None:
            try:
                await edit_reply(context, chat.id, earlier, reply, svc, owner)
                return
            except BadRequest as error:  # the answer was deleted: answer anew
                log.info("could not edit the earlier answer: %s", error.message)
    sent = await send_reply(
        context, chat.id, reply, svc, owner, reply_to=question_to_thread(update)
    )
    if question is not None and sent:
        svc.replies.remember(chat.id, question.message_id, sent[0].message_id)
