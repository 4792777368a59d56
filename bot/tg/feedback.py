"""Feedback buttons under answers: one vote per user and topic, shown as taken; a 👎 asks
what was wrong. Malformed payloads are answered and ignored."""

import logging
from collections.abc import Container
from dataclasses import dataclass

from telegram import CallbackQuery, InlineKeyboardMarkup, ReplyParameters, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.engine import commands
from bot.i18n.lang import Lang
from bot.tg.events import record_outcome
from bot.tg.keyboards import feedback_row, simple_keyboard
from bot.tg.language import button_language
from bot.tg.services import services

log = logging.getLogger(__name__)
VERDICTS = ("up", "down", "old")
REASONS = tuple(code for code, _ in commands.FEEDBACK_REASONS)


@dataclass(frozen=True)
class FeedbackPress:
    """A parsed feedback button: `fb:<verdict>:<topic>` or `fb:r:<reason>:<topic>`."""

    verdict: str
    topic: str
    reason: str | None = None


def parse_feedback(data: str, topics: Container[str]) -> FeedbackPress | None:
    """The press behind callback data, or None when it is malformed or names no topic."""
    parts = data.split(":")
    if len(parts) == 3 and parts[0] == "fb" and parts[1] in VERDICTS and parts[2] in topics:
        return FeedbackPress(parts[1], parts[2])
    if len(parts) == 4 and parts[:2] == ["fb", "r"] and parts[2] in REASONS and parts[3] in topics:
        return FeedbackPress("down", parts[3], parts[2])
    return None


async def feedback_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Record the vote (the user's last one per topic wins) and show it was taken."""
    svc = services(context)
    query, user = update.callback_query, update.effective_user
    if query is None:
        return
    press = parse_feedback(query.data or "", svc.engine.content.topics)
    if press is None or user is None:
        await query.answer()
        return
    lang = button_language(update, svc)
    svc.feedback.vote(press.topic, press.verdict, lang, svc.pseudonyms.of(user.id), press.reason)
    record_outcome(update, svc, "feedback", press.topic, lang)
    if press.reason is not None:
        await query.answer(commands.feedback_thanks(lang))
        await _edit_text(query, commands.feedback_reason_reply(lang, press.reason).html)
        return
    if press.verdict == "down":
        await query.answer()
        await _mark_vote(query, press, lang)
        await _ask_reason(query, press.topic, lang)
        return
    await query.answer(commands.feedback_thanks(lang))
    await _mark_vote(query, press, lang)


async def _mark_vote(query: CallbackQuery, press: FeedbackPress, lang: Lang) -> None:
    """Tick the chosen button in the answer's feedback row; other rows stay as they were."""
    message = query.message
    markup = getattr(message, "reply_markup", None)
    if not isinstance(markup, InlineKeyboardMarkup):
        return
    rows = [
        feedback_row(press.topic, lang, press.verdict)
        if any(str(button.callback_data or "").startswith("fb:") for button in row)
        else list(row)
        for row in markup.inline_keyboard
    ]
    try:
        await query.edit_message_reply_markup(InlineKeyboardMarkup(rows))
    except BadRequest as error:  # the same vote again: nothing to change
        log.debug("feedback keyboard not edited: %s", error)


async def _ask_reason(query: CallbackQuery, topic: str, lang: Lang) -> None:
    """Ask what was wrong, under the answer, with one button per reason."""
    message = query.message
    if message is None:
        return
    buttons = [(label, f"fb:r:{code}:{topic}") for code, label in commands.feedback_reasons(lang)]
    await query.get_bot().send_message(
        message.chat.id,
        commands.feedback_reason_reply(lang).html,
        reply_markup=simple_keyboard(buttons),
        reply_parameters=ReplyParameters(message.message_id, allow_sending_without_reply=True),
    )


async def _edit_text(query: CallbackQuery, html: str) -> None:
    try:
        await query.edit_message_text(html, reply_markup=None)
    except BadRequest as error:
        log.debug("feedback question not edited: %s", error)
