"""Groups: answers threaded to the question, buttons that change an answer kept to its asker,
and a short welcome when the bot is added."""

from telegram import Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import ContextTypes

from bot.engine import commands
from bot.engine.menus import parse_page_action
from bot.i18n.lang import Lang
from bot.tg.language import fallback_language
from bot.tg.send import send_reply
from bot.tg.services import services

_OUTSIDE = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
_INSIDE = (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR)


def question_to_thread(update: Update) -> int | None:
    """In a group, the id of the message being answered, so the answer replies to it."""
    message = update.message or update.edited_message
    if message is None or message.chat.type == ChatType.PRIVATE:
        return None
    return message.message_id


def changes_in_place(action: str) -> bool:
    """Whether a button action rewrites the message it sits on (adjustments, menu pages)."""
    return action.startswith("calc ") or parse_page_action(action) is not None


def asker(message: Message) -> int | None:
    """Who asked for a message the bot sent: the author of the question it replies to."""
    question = message.reply_to_message
    return question.from_user.id if question and question.from_user else None


async def refuse_others(update: Update, action: str, lang: Lang) -> bool:
    """In a group, a button that would rewrite someone else's answer gets a toast instead.
    True when the press was refused (and answered)."""
    query = update.callback_query
    if query is None or not changes_in_place(action) or not isinstance(query.message, Message):
        return False
    if query.message.chat.type == ChatType.PRIVATE:
        return False
    owner = asker(query.message)
    if owner is None or owner == query.from_user.id:
        return False
    await query.answer(commands.not_your_answer_notice(lang))
    return True


async def welcome_to_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say hello, briefly, when someone adds the bot to a group."""
    change = update.my_chat_member
    if change is None or change.chat.type == ChatType.PRIVATE:
        return
    if change.old_chat_member.status not in _OUTSIDE:
        return
    if change.new_chat_member.status not in _INSIDE:
        return
    svc = services(context)
    reply = commands.group_welcome_reply(fallback_language(update, svc), context.bot.username)
    await send_reply(context, change.chat.id, reply, svc)
