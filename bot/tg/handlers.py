"""Handlers: read the update, call the engine, send the reply. Nothing else."""

import asyncio
import logging
import re
from functools import cache
from zoneinfo import available_timezones

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram import Message as TgMessage
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.engine import Message, Reply, commands
from bot.engine.commands import internal_error_reply
from bot.i18n.lang import Lang
from bot.render.split import split_html
from bot.tg.keyboards import decode_action
from bot.tg.language import (
    button_language,
    client_language,
    fallback_language,
    saved_language,
)
from bot.tg.send import edit_reply, send_reply
from bot.tg.services import Services, services

log = logging.getLogger(__name__)
DEEP_LINK = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
INLINE_RESULTS = 5


async def _engine_reply(svc: Services, message: Message) -> Reply:
    """Answer in the loop (under a millisecond); run a calculation (its Monte Carlo takes
    10-20 ms) and draw any chart in a worker thread, so one user's request blocks nobody."""
    routed = svc.engine.route(message)
    reply = routed if isinstance(routed, Reply) else await asyncio.to_thread(routed)
    await _draw_chart(reply, svc)
    return reply


async def _engine_action(svc: Services, action: str, lang: Lang) -> Reply:
    """Follow a button or a deep link; one that runs a calculation runs in a worker thread."""
    if action.startswith("calc "):
        reply = await asyncio.to_thread(svc.engine.action, action, lang)
    else:
        reply = svc.engine.action(action, lang)
    await _draw_chart(reply, svc)
    return reply


async def _draw_chart(reply: Reply, svc: Services) -> None:
    if reply.chart_data is not None:
        await asyncio.to_thread(svc.engine.draw_chart, reply)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome the user, or open what a deep link points to."""
    svc = services(context)
    lang = fallback_language(update, svc)
    payload = context.args[0] if context.args else ""
    if not payload:
        reply = commands.start_reply(lang)
    elif not DEEP_LINK.match(payload):
        reply = commands.deep_link_unknown(lang)
    elif payload.startswith("t_") and payload[2:] in svc.engine.content.topics:
        reply = await _engine_action(svc, f"topic:{payload[2:]}", lang)
    elif payload.startswith("c_"):
        reply = await _engine_action(svc, f"calc {payload[2:]}", lang)
        _remember_wait(update, svc, reply)
    elif payload == "sub":
        reply = commands.subscriptions_reply(lang)
    else:
        reply = commands.deep_link_unknown(lang)
    await _send(update, context, reply)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what the bot does."""
    await _send(update, context, commands.help_reply(fallback_language(update, services(context))))


async def topics_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the content areas."""
    svc = services(context)
    await _send(
        update, context, commands.topics_reply(svc.engine.content, fallback_language(update, svc))
    )


async def calc_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the calculators, or run `/calc name key=value`."""
    svc = services(context)
    text = "/calc " + " ".join(context.args or [])
    reply = await _engine_reply(svc, Message(text.strip(), fallback_language(update, svc)))
    _remember_wait(update, svc, reply)
    await _send(update, context, reply)


async def cancel_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop waiting for a calculation's missing number."""
    svc = services(context)
    user = update.effective_user
    waiting = svc.pending.get(user.id) if user else None
    if user and waiting:
        svc.pending.set(user.id, None, previous=waiting)
    await _send(
        update, context, commands.cancel_reply(fallback_language(update, svc), bool(waiting))
    )


def _remember_wait(update: Update, svc: Services, reply: Reply) -> None:
    """Remember what a calculation asked for, wherever it was started (text, /calc, a button,
    a deep link), so the next message answers it; any other reply ends the wait."""
    user = update.effective_user
    if user is not None:
        svc.pending.set(user.id, reply.pending, previous=svc.pending.get(user.id))


async def lang_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show or set the reply language."""
    svc = services(context)
    reply = commands.lang_reply(fallback_language(update, svc), " ".join(context.args or []))
    await _apply_settings(update, svc, reply)
    await _send(update, context, reply)


async def settings_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show settings; `/settings tz Zone/Name` sets the time zone."""
    svc = services(context)
    user = update.effective_user
    lang = fallback_language(update, svc)
    args = context.args or []
    if user and len(args) == 2 and args[0].lower() in ("tz", "timezone"):
        zone = _timezone(args[1])
        if zone:
            svc.users.set_timezone(user.id, zone)
        await _send(update, context, commands.timezone_reply(lang, zone))
        return
    timezone = svc.users.timezone(user.id) if user else None
    await _send(
        update, context, commands.settings_reply(lang, saved_language(update, svc), timezone)
    )


async def forget_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask before deleting the user's data."""
    svc = services(context)
    await _send(update, context, commands.forget_confirm_reply(fallback_language(update, svc)))


async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a question or a calculation request."""
    svc = services(context)
    user, message = update.effective_user, update.effective_message
    if message is None or message.text is None:
        return
    text = _without_mention(message.text, context.bot.username)
    pending = svc.pending.get(user.id) if user else None
    request = Message(text, saved_language(update, svc), pending, client_language(update))
    reply = await _engine_reply(svc, request)
    _remember_wait(update, svc, reply)
    if user and reply.kind in ("fallback", "clarify") and text.strip():
        svc.unanswered.add(text, reply.lang)
    await _send(update, context, reply)


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A voice note, photo, sticker or file in a private chat: say the bot reads text."""
    await _send(
        update, context, commands.text_only_reply(fallback_language(update, services(context)))
    )


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Follow a button: a topic, a language, a calculation adjustment, feedback, /forget."""
    svc = services(context)
    query = update.callback_query
    if query is None or query.data is None:
        return
    lang = button_language(update, svc)
    data = query.data
    if data.startswith("fb:"):
        _, verdict, topic = data.split(":", 2)
        svc.feedback.add(topic, verdict, lang)
        await query.answer(commands.feedback_thanks(lang))
        return
    action = decode_action(data, svc.actions)
    await query.answer()
    user = update.effective_user
    if action is None:
        await _send(update, context, commands.deep_link_unknown(lang))
        return
    if action.startswith("forget:"):
        confirmed = action == "forget:yes" and user is not None
        if confirmed and user is not None:
            svc.users.forget(user.id)
            svc.pending.forget(user.id)
        await _send(update, context, commands.forget_done_reply(lang, confirmed))
        return
    if action.startswith("tz:"):
        zone = _timezone(action[3:])
        if zone and user is not None:
            svc.users.set_timezone(user.id, zone)
        await _send(update, context, commands.timezone_reply(lang, zone))
        return
    reply = await _engine_action(svc, action, lang)
    await _apply_settings(update, svc, reply)
    if action.startswith("calc "):
        _remember_wait(update, svc, reply)
    if action.startswith("calc ") and reply.kind == "calc" and query.message is not None:
        await edit_reply(context, query.message, reply, svc)  # type: ignore[arg-type]
        return
    await _send(update, context, reply)


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Up to five matching topics (and a one-line calculation) for `@bot query`."""
    svc = services(context)
    query = update.inline_query
    if query is None:
        return
    text = query.query.strip()
    lang = saved_language(update, svc) or svc.engine.reply_lang(
        Message(text, hint=client_language(update)), text
    )
    results: list[InlineQueryResultArticle] = []
    if text:
        replies = await asyncio.to_thread(_inline_replies, svc, text, lang)
        for index, reply in enumerate(replies[:INLINE_RESULTS]):
            title = reply.text.split("\n", 1)[0][:100]
            results.append(
                InlineQueryResultArticle(
                    id=str(index),
                    title=title,
                    description=_summary(reply),
                    input_message_content=InputTextMessageContent(split_html(reply.html)[0]),
                )
            )
    await query.answer(results, cache_time=30, is_personal=True)


def _inline_replies(svc: Services, text: str, lang: str) -> list[Reply]:
    replies: list[Reply] = []
    calc = svc.engine.calculation(text, lang)  # type: ignore[arg-type]
    if calc is not None and calc.kind == "calc" and calc.result and "missing" not in calc.result:
        replies.append(calc)
    replies.extend(svc.engine.search_topics(text, lang, limit=INLINE_RESULTS))  # type: ignore[arg-type]
    return replies


def _summary(reply: Reply) -> str:
    lines = [line for line in reply.text.split("\n")[1:] if line.strip()]
    return lines[0][:120] if lines else ""


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error first; then apologise to the user and tell the admins."""
    log.error("update failed", exc_info=context.error)
    svc = context.bot_data.get("services")
    if isinstance(update, Update) and update.effective_chat and isinstance(svc, Services):
        lang = fallback_language(update, svc)
        try:
            await context.bot.send_message(
                update.effective_chat.id, internal_error_reply(lang).html
            )
        except Exception:
            log.warning("could not send the apology")
        for admin in svc.admins:
            try:
                notice = commands.admin_error_reply(type(context.error).__name__)
                await context.bot.send_message(admin, notice.html)
            except Exception:
                log.warning("could not notify an admin")


async def _send(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    chat = update.effective_chat
    if chat is not None:
        await send_reply(context, chat.id, reply, services(context))


async def _apply_settings(update: Update, svc: Services, reply: Reply) -> None:
    if reply.set_lang and update.effective_user:
        svc.users.set_lang(update.effective_user.id, reply.set_lang)


@cache
def _timezones() -> dict[str, str]:
    return {zone.lower(): zone for zone in available_timezones()}


def _timezone(name: str) -> str | None:
    return _timezones().get(name.strip().lower())


def _without_mention(text: str, username: str | None) -> str:
    if username:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return text.strip()


def addressed_in_group(message: TgMessage, bot_id: int, username: str | None) -> bool:
    """In groups the bot answers only replies to it and mentions of it."""
    if message.chat.type == ChatType.PRIVATE:
        return True
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return True
    return bool(username and message.text and f"@{username.lower()}" in message.text.lower())
