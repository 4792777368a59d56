"""Handlers: read the update, call the engine, send the reply. Nothing else."""

import asyncio
import logging
import re
from functools import cache
from zoneinfo import available_timezones

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram import Message as TgMessage
from telegram.constants import ChatAction, ChatType
from telegram.ext import ContextTypes

from bot.engine import Message, Reply, commands
from bot.engine.calc_replies import FIX, FIX_ASK
from bot.i18n.lang import Lang
from bot.render.split import split_html
from bot.tg import subscribe
from bot.tg.activity import show_activity
from bot.tg.answers import deliver, expect_answer, settle
from bot.tg.events import record_outcome
from bot.tg.groups import refuse_others
from bot.tg.keyboards import decode_action
from bot.tg.language import (
    button_language,
    client_language,
    fallback_language,
    saved_language,
)
from bot.tg.menus import show_menu_page
from bot.tg.send import edit_reply
from bot.tg.services import Services, services

log = logging.getLogger(__name__)
DEEP_LINK = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
INLINE_RESULTS = 5


async def _engine_reply(
    svc: Services, message: Message, context: ContextTypes.DEFAULT_TYPE, chat_id: int | None
) -> Reply:
    """Answer in the loop (under a millisecond); run a calculation (its Monte Carlo takes
    10-20 ms) and draw any chart in a worker thread, so one user's request blocks nobody."""
    routed = svc.engine.route(message)
    if isinstance(routed, Reply):
        reply = routed
    else:
        reply, _ = await asyncio.gather(
            asyncio.to_thread(routed), show_activity(context, chat_id, ChatAction.TYPING)
        )
    await _draw_chart(reply, svc, context, chat_id)
    return reply


async def _engine_action(
    svc: Services,
    action: str,
    lang: Lang,
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int | None,
) -> Reply:
    """Follow a button or a deep link; one that runs a calculation runs in a worker thread."""
    if action.startswith("calc "):
        reply, _ = await asyncio.gather(
            asyncio.to_thread(svc.engine.action, action, lang),
            show_activity(context, chat_id, ChatAction.TYPING),
        )
    else:
        reply = svc.engine.action(action, lang)
    await _draw_chart(reply, svc, context, chat_id)
    return reply


async def _draw_chart(
    reply: Reply, svc: Services, context: ContextTypes.DEFAULT_TYPE, chat_id: int | None
) -> None:
    """Draw the chart in a worker thread; the chat shows "sending a photo" meanwhile (the
    chat action goes out alongside, so it adds no wait)."""
    if reply.chart_data is not None:
        await asyncio.gather(
            asyncio.to_thread(svc.engine.draw_chart, reply),
            show_activity(context, chat_id, ChatAction.UPLOAD_PHOTO),
        )


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
        reply = await _engine_action(svc, f"topic:{payload[2:]}", lang, context, _chat_id(update))
    elif payload.startswith("c_"):
        reply = await _engine_action(svc, f"calc {payload[2:]}", lang, context, _chat_id(update))
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
    request = Message(text.strip(), fallback_language(update, svc))
    reply = await _engine_reply(svc, request, context, _chat_id(update))
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


async def updates_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the latest policy updates (`/updates 2` for the next page)."""
    svc = services(context)
    text = "/updates " + " ".join(context.args or [])
    await _send(
        update, context, svc.engine.handle(Message(text.strip(), fallback_language(update, svc)))
    )


async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a question or a calculation request."""
    svc = services(context)
    user, message = update.effective_user, update.effective_message
    if message is None or not (message.text or message.caption):
        return
    if await subscribe.typed_timezone(update, context):
        return
    text = _without_mention(message.text or message.caption or "", context.bot.username)
    pending = svc.pending.get(user.id) if user else None
    request = Message(text, saved_language(update, svc), pending, client_language(update))
    expect_answer(update, svc)  # an edit that comes while this is worked out waits for it
    try:
        reply = await _engine_reply(svc, request, context, _chat_id(update))
        _remember_wait(update, svc, reply)
        try:
            await _send(update, context, reply)
        finally:  # kept for review after the reply has gone: the user does not wait for it
            if user and reply.kind in ("fallback", "clarify") and text.strip():
                svc.unanswered.add(text, reply.lang, svc.pseudonyms.of(user.id))
    finally:
        settle(update, svc)


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
    action = decode_action(query.data, svc.actions)
    if action is not None and await refuse_others(update, action, fallback_language(update, svc)):
        return
    await query.answer()
    user = update.effective_user
    if action is None:
        await _send(update, context, commands.deep_link_unknown(lang))
        return
    if action.startswith("forget:"):  # a confirmation from before they were single-use
        await _send(update, context, commands.forget_expired_reply(lang))
        return
    if action.startswith("sub:"):
        await subscribe.subscription_button(update, context, action)
        return
    if action.startswith("tz:"):
        zone = _timezone(action[3:])
        if zone and user is not None:
            svc.users.set_timezone(user.id, zone)
        await _send(update, context, commands.timezone_reply(lang, zone))
        return
    if await show_menu_page(update, context, action, lang):
        return
    reply = await _engine_action(svc, action, lang, context, _chat_id(update))
    await _apply_settings(update, svc, reply)
    if action.startswith(("calc ", FIX, FIX_ASK)):  # "fixask age …" waits for the new age
        _remember_wait(update, svc, reply)
    if action.startswith("calc ") and reply.kind == "calc" and query.message is not None:
        await edit_reply(
            context,
            query.message.chat.id,
            query.message.message_id,
            reply,
            svc,
            _owner(update, svc),
        )
        record_outcome(update, svc, reply.kind, reply.topic, reply.lang)
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
        replies = (
            await asyncio.to_thread(_inline_replies, svc, text, lang)
            if svc.engine.asks_calculation(text)
            # A search alone takes well under a millisecond: no thread hop for it.
            else svc.engine.search_topics(text, lang, limit=INLINE_RESULTS)
        )
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
    """A one-line calculation, if the text asks for one (its Monte Carlo may take 10-20 ms:
    run this in a worker thread then), and the best topics."""
    replies: list[Reply] = []
    calc = svc.engine.calculation(text, lang)  # type: ignore[arg-type]
    if calc is not None and calc.kind == "calc" and calc.result and "missing" not in calc.result:
        replies.append(calc)
    replies.extend(svc.engine.search_topics(text, lang, limit=INLINE_RESULTS))  # type: ignore[arg-type]
    return replies


def _summary(reply: Reply) -> str:
    lines = [line for line in reply.text.split("\n")[1:] if line.strip()]
    return lines[0][:120] if lines else ""


async def _send(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    svc = services(context)
    await deliver(update, context, reply, _owner(update, svc))
    if update.effective_chat is not None:
        record_outcome(update, svc, reply.kind, reply.topic, reply.lang)


def _owner(update: Update, svc: Services) -> str:
    """The pseudonym that stored buttons of this reply belong to."""
    user = update.effective_user
    return svc.pseudonyms.of(user.id) if user is not None else ""


def _chat_id(update: Update) -> int | None:
    return update.effective_chat.id if update.effective_chat else None


async def _apply_settings(update: Update, svc: Services, reply: Reply) -> None:
    if reply.set_lang and update.effective_user:
        svc.users.set_lang(update.effective_user.id, reply.set_lang)
    if reply.forget_lang and update.effective_user:
        svc.users.clear_lang(update.effective_user.id)


@cache
def _timezones() -> dict[str, str]:
    return {zone.lower(): zone for zone in available_timezones()}


def known_timezone(name: str) -> str | None:
    """The IANA zone named (any case), or None."""
    return _timezones().get(name.strip().lower())


_timezone = known_timezone


def _without_mention(text: str, username: str | None) -> str:
    if username and "@" in text:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return text.strip()


def addressed_in_group(message: TgMessage, bot_id: int, username: str | None) -> bool:
    """In groups the bot answers only replies to it and mentions of it."""
    if message.chat.type == ChatType.PRIVATE:
        return True
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return True
    text = message.text or message.caption
    return bool(username and text and f"@{username.lower()}" in text.lower())
