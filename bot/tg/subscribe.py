"""/subscribe, /unsubscribe, /mysubs and the subscription buttons: read, save, reply."""

import datetime as dt

from telegram import Update
from telegram.ext import ContextTypes

from bot.digest.outbox import area_topics
from bot.digest.schedule import CADENCES
from bot.engine import Reply
from bot.engine import subscribe_flow as flow
from bot.engine.commands import timezone_reply
from bot.i18n.lang import Lang
from bot.tg.digest_send import DigestSender
from bot.tg.language import button_language, fallback_language
from bot.tg.send import send_reply
from bot.tg.services import Services, services

ZONE_WAIT_KEY = "subscribe_zone_wait"  # chat_data: "area:cadence:hour" while a zone is typed


async def subscribe_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Open the subscription buttons, or subscribe at once: `/subscribe us daily`."""
    svc = services(context)
    lang = fallback_language(update, svc)
    if not context.args:
        await _send(update, context, flow.areas_step(lang))
        return
    parsed = flow.parse_subscribe_args(list(context.args))
    if parsed is None:
        await _send(update, context, flow.subscribe_usage_reply(lang))
        return
    area, cadence = parsed
    user = update.effective_user
    zone = (svc.users.timezone(user.id) if user else None) or "UTC"
    await _subscribe(update, context, lang, area, cadence, flow.DEFAULT_HOUR, zone)


async def unsubscribe_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop the chat's digests."""
    svc = services(context)
    chat = update.effective_chat
    was_active = bool(chat and svc.outbox.unsubscribe(chat.id))
    await _send(
        update, context, flow.unsubscribed_reply(fallback_language(update, svc), was_active)
    )


async def mysubs_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the chat's subscription."""
    svc = services(context)
    await _send(update, context, _my_subscription(update, svc, fallback_language(update, svc)))


def _my_subscription(update: Update, svc: Services, lang: Lang) -> Reply:
    chat = update.effective_chat
    sub = svc.outbox.subscription(chat.id) if chat else None
    if sub is None or not sub.active:
        return flow.my_subscription_reply(lang, None)
    return flow.my_subscription_reply(
        lang,
        sorted(sub.topics),
        sub.cadence,
        sub.hour,
        sub.minute,
        sub.tz,
        sub.next_at,
        svc.outbox.received(sub.chat_id),
    )


async def subscription_button(
    update: Update, context: ContextTypes.DEFAULT_TYPE, action: str
) -> None:
    """Follow a `sub:` button: the next step of the flow, or saving it."""
    svc = services(context)
    lang = button_language(update, svc)
    user = update.effective_user
    parts = action.split(":")
    step = parts[1] if len(parts) > 1 else ""
    if step == "start":
        await _send(update, context, flow.areas_step(lang))
    elif step == "f":
        await _send(update, context, flow.topics_step(lang))
    elif step == "off":
        chat = update.effective_chat
        was_active = bool(chat and svc.outbox.unsubscribe(chat.id))
        await _send(update, context, flow.unsubscribed_reply(lang, was_active))
    elif step == "c" and len(parts) == 3 and area_topics(parts[2]):
        await _send(update, context, flow.cadence_step(lang, parts[2]))
    elif step == "t" and len(parts) == 4 and area_topics(parts[2]) and parts[3] in CADENCES:
        if parts[3] == "instant":
            zone = (svc.users.timezone(user.id) if user else None) or "UTC"
            await _subscribe(update, context, lang, parts[2], "instant", flow.DEFAULT_HOUR, zone)
        else:
            await _send(update, context, flow.time_step(lang, parts[2], parts[3]))
    elif step == "z" and len(parts) == 5 and parts[4].isdigit():
        saved = svc.users.timezone(user.id) if user else None
        if context.chat_data is not None:
            context.chat_data[ZONE_WAIT_KEY] = ":".join(parts[2:5])
        await _send(update, context, flow.zone_step(lang, parts[2], parts[3], int(parts[4]), saved))
    elif step == "ok" and len(parts) >= 6 and parts[4].isdigit():
        chosen = _zone(":".join(parts[5:]))
        if chosen is None:
            await _send(update, context, timezone_reply(lang, None))
            return
        await _subscribe(update, context, lang, parts[2], parts[3], int(parts[4]), chosen)
    else:
        await _send(update, context, flow.areas_step(lang))


async def typed_timezone(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Take a typed zone name while the flow waits for one; whether the message was used."""
    waiting = (context.chat_data or {}).get(ZONE_WAIT_KEY)
    message = update.effective_message
    if not waiting or message is None or not message.text:
        return False
    svc = services(context)
    lang = fallback_language(update, svc)
    zone = _zone(message.text)
    if zone is None:
        if "/" not in message.text.strip():  # a question, not a zone: stop waiting
            if context.chat_data is not None:
                context.chat_data.pop(ZONE_WAIT_KEY, None)
            return False
        await _send(update, context, timezone_reply(lang, None))
        return True
    area, cadence, hour = waiting.split(":")
    await _subscribe(update, context, lang, area, cadence, int(hour), zone)
    return True


async def _subscribe(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    lang: Lang,
    area: str,
    cadence: str,
    hour: int,
    zone: str,
) -> None:
    """Save the subscription, confirm it, and send the latest updates for it at once."""
    svc = services(context)
    chat, user = update.effective_chat, update.effective_user
    topics = area_topics(area)
    if chat is None or topics is None or cadence not in CADENCES:
        await _send(update, context, flow.subscribe_usage_reply(lang))
        return
    if context.chat_data is not None:
        context.chat_data.pop(ZONE_WAIT_KEY, None)
    sub = svc.outbox.subscribe(
        chat.id,
        user.id if user else chat.id,
        topics,
        cadence,
        hour,
        0,
        flow.MONDAY,
        zone,
        lang,
        svc.engine.updates.all(fresh=True),
        dt.datetime.now(dt.UTC),
    )
    await _send(
        update, context, flow.subscribed_reply(lang, area, cadence, hour, zone, sub.next_at)
    )
    sender = DigestSender(context.bot, svc.outbox, svc.engine, svc.users, svc.actions)
    await sender.send_pending(chat.id)


def _zone(name: str) -> str | None:
    from bot.tg.handlers import known_timezone

    return known_timezone(name)


async def _send(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    chat = update.effective_chat
    if chat is not None:
        await send_reply(context, chat.id, reply, services(context))
