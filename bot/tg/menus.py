"""Menu buttons: a menu's pages, its back button and its areas replace the menu pressed."""

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.engine import commands
from bot.engine.menus import SETTINGS_MENU, parse_page_action
from bot.i18n.lang import Lang
from bot.tg.language import saved_language
from bot.tg.send import edit_reply, send_reply
from bot.tg.services import services


async def show_menu_page(
    update: Update, context: ContextTypes.DEFAULT_TYPE, action: str, lang: Lang
) -> bool:
    """Edit the pressed menu into the page `action` names; False when it names no page."""
    parsed = parse_page_action(action)
    query = update.callback_query
    if parsed is None or query is None:
        return False
    svc = services(context)
    menu, page = parsed
    if menu == SETTINGS_MENU:
        user = update.effective_user
        timezone = svc.users.timezone(user.id) if user else None
        reply = commands.settings_reply(lang, saved_language(update, svc), timezone, page)
    else:
        reply = commands.menu_page_reply(svc.engine.content, lang, menu, page)
    if isinstance(query.message, Message):
        await edit_reply(context, query.message.chat.id, query.message.message_id, reply, svc)
    elif update.effective_chat is not None:  # the menu is too old to edit: a new one
        await send_reply(context, update.effective_chat.id, reply, svc)
    return True
