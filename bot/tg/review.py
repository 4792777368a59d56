"""`/review` for admins: candidates from the watched sources, with Draft and Dismiss buttons.

Anyone else gets the ordinary unknown-command reply, so the command stays invisible.
"""

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.engine import Reply, commands
from bot.i18n.lang import Lang
from bot.i18n.text import t
from bot.store.watch import CandidateStore
from bot.tg.language import fallback_language
from bot.tg.send import send_reply
from bot.tg.services import Services, services
from bot.watch.replies import (
    REVIEW_PAGE,
    decision_notice,
    review_problem_notice,
    review_reply,
)
from bot.watch.review import ReviewError, dismiss_candidate, draft_candidate

CALLBACK_PATTERN = r"^rv:[dx]:\d+$"


def _is_admin(update: Update, svc: Services) -> bool:
    user = update.effective_user
    return user is not None and user.id in svc.admins


def _review(svc: Services, lang: Lang, notice: str | None = None) -> tuple[Reply, list[int]]:
    store = CandidateStore(svc.db)
    shown = store.open(limit=REVIEW_PAGE)
    reply = review_reply(shown, store.count_open(), lang, notice)
    return reply, [candidate.id for candidate in shown]


def _keyboard(ids: list[int], lang: Lang) -> InlineKeyboardMarkup | None:
    rows = [
        [
            InlineKeyboardButton(
                t(lang, "Draft #{id}").format(id=id_), callback_data=f"rv:d:{id_}"
            ),
            InlineKeyboardButton(
                t(lang, "Dismiss #{id}").format(id=id_), callback_data=f"rv:x:{id_}"
            ),
        ]
        for id_ in ids
    ]
    return InlineKeyboardMarkup(rows) if rows else None


async def review_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show admins the candidates waiting for review."""
    svc = services(context)
    lang = fallback_language(update, svc)
    chat = update.effective_chat
    if chat is None:
        return
    if not _is_admin(update, svc):
        await send_reply(context, chat.id, commands.unknown_command_reply(lang), svc)
        return
    reply, ids = _review(svc, lang)
    await context.bot.send_message(chat.id, reply.html, reply_markup=_keyboard(ids, lang))


async def review_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Draft or dismiss a candidate, then show the list again in the same message."""
    svc = services(context)
    query = update.callback_query
    if query is None or query.data is None:
        return
    # Not the script of the message: the list holds Chinese and English source titles.
    lang = fallback_language(update, svc)
    await query.answer()
    if not _is_admin(update, svc):
        if update.effective_chat is not None:
            await send_reply(
                context, update.effective_chat.id, commands.unknown_command_reply(lang), svc
            )
        return
    _, action, number = query.data.split(":")
    try:
        if action == "d":
            # The database belongs to this thread; a draft is one small file.
            decision = draft_candidate(svc.db, int(number))
        else:
            decision = dismiss_candidate(svc.db, int(number))
        notice = decision_notice(decision, lang)
    except ReviewError as error:
        notice = review_problem_notice(error, lang)
    reply, ids = _review(svc, lang, notice)
    if not isinstance(query.message, Message):
        return
    try:
        await query.message.edit_text(reply.html, reply_markup=_keyboard(ids, lang))
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise
