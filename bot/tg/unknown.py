"""Commands the bot does not have: a short reply pointing to /help."""

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.engine import commands
from bot.tg.language import fallback_language
from bot.tg.send import send_reply
from bot.tg.services import services


def addressed_command(text: str, chat_type: str, username: str | None) -> bool:
    """In groups a bare `/command` may be meant for another bot: only `/command@thisbot`
    is ours; in a private chat every command is."""
    if chat_type == ChatType.PRIVATE:
        return True
    _, _, target = text.split(maxsplit=1)[0].partition("@")
    return bool(username) and target.lower() == str(username).lower()


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say the command is unknown, in the user's language, and point to /help."""
    message = update.effective_message
    if message is None or not message.text:
        return
    if not addressed_command(message.text, message.chat.type, context.bot.username):
        return
    svc = services(context)
    reply = commands.unknown_command_reply(fallback_language(update, svc))
    await send_reply(context, message.chat.id, reply, svc)
