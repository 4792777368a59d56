"""/admin for the ids in PILLARBOT_ADMINS: usage, feedback and gaps. Others are told the
command is unknown, as for any command the bot does not have."""

from telegram import Update
from telegram.ext import ContextTypes

from bot.engine import commands
from bot.engine.admin import ADMIN_VIEWS, admin_reply
from bot.tg.language import fallback_language
from bot.tg.send import send_reply
from bot.tg.services import services

GAP_GROUPS_SHOWN = 30  # per language; `pillarbot admin gaps` prints them all


async def admin_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show `/admin [stats|feedback|gaps]` to an admin; the unknown-command reply to others."""
    svc = services(context)
    user, chat = update.effective_user, update.effective_chat
    if chat is None:
        return
    lang = fallback_language(update, svc)
    view = (context.args or ["stats"])[0].lower()
    reply = None
    if user is not None and user.id in svc.admins:
        svc.events.flush()
        reply = admin_reply(svc.db, view, lang, limit=GAP_GROUPS_SHOWN)
        if reply is None:
            reply = commands.error_reply(lang, "/admin " + " | ".join(ADMIN_VIEWS))
    await send_reply(context, chat.id, reply or commands.unknown_command_reply(lang), svc)
