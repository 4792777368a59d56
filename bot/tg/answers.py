"""Deliver a reply to a message: threaded in groups, remembered, and for an edited question,
edited into the earlier answer instead of sent again."""

import asyncio
import contextlib
import logging

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.engine import Reply
from bot.tg.groups import question_to_thread
from bot.tg.send import edit_reply, send_reply
from bot.tg.services import Services, services

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
        earlier = await _earlier_answer(svc, chat.id, update.edited_message.message_id)
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


def expect_answer(update: Update, svc: Services) -> None:
    """Note that a new question is being answered: an edit of it waits until `settle`."""
    message, chat = update.message, update.effective_chat
    if message is not None and chat is not None:
        svc.answering.setdefault((chat.id, message.message_id), asyncio.Event())


def settle(update: Update, svc: Services) -> None:
    """The question is answered (or failed to be): edits of it stop waiting."""
    message, chat = update.message, update.effective_chat
    if message is not None and chat is not None:
        answered = svc.answering.pop((chat.id, message.message_id), None)
        if answered is not None:
            answered.set()


# How long an edit waits for the answer to the question it edits, still on its way out.
EDIT_WAIT = 10.0


async def _earlier_answer(svc: Services, chat_id: int, message_id: int) -> int | None:
    """The answer to a question, waiting for it if it is being sent right now (a user who
    edits a question a moment after sending it would otherwise get a second answer)."""
    being_answered = svc.answering.get((chat_id, message_id))
    if being_answered is not None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(being_answered.wait(), EDIT_WAIT)
    return svc.replies.reply_to(chat_id, message_id)
