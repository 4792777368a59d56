"""Send a Reply: Telegram-HTML split at 4096, buttons on the last part, the chart as a photo."""

import time

from telegram import InputMediaPhoto, Message, ReplyParameters
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.engine import Reply
from bot.render.split import CAPTION_LIMIT, split_html
from bot.tg.keyboards import reply_keyboard
from bot.tg.services import Services

CHARTS_KEY = "charts"  # chat_data: text message id -> (chart message id, time.time() sent)


def _caption(reply: Reply) -> str:
    title = reply.html.split("\n", 1)[0]
    return split_html(title, CAPTION_LIMIT)[0]


async def send_reply(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    reply: Reply,
    services: Services,
    owner: str = "",
    reply_to: int | None = None,
) -> list[Message]:
    """Send every part of a reply to a chat (`owner`: the pseudonym of the user it answers);
    the first part threaded to `reply_to` if given (sent anyway if that message is gone)."""
    parts = split_html(reply.html)
    markup = reply_keyboard(reply, services.actions, owner)
    thread = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
    sent = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        sent.append(
            await context.bot.send_message(
                chat_id,
                part,
                reply_markup=markup if last else None,
                reply_parameters=thread if index == 0 else None,
            )
        )
    if reply.chart_png is not None:
        photo = await context.bot.send_photo(
            chat_id, photo=reply.chart_png, caption=_caption(reply)
        )
        _remember_chart(context, sent[-1].message_id, photo.message_id)
    return sent


def _remember_chart(context: ContextTypes.DEFAULT_TYPE, text_id: int, photo_id: int) -> None:
    if context.chat_data is not None:
        context.chat_data.setdefault(CHARTS_KEY, {})[text_id] = (photo_id, time.time())


async def edit_reply(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    message_id: int,
    reply: Reply,
    services: Services,
    owner: str = "",
) -> None:
    """Replace a reply in place (and its chart): adjustment buttons, menus, edited questions."""
    parts = split_html(reply.html)
    markup = reply_keyboard(reply, services.actions, owner)
    try:
        await context.bot.edit_message_text(
            parts[0],
            chat_id=chat_id,
            message_id=message_id,
            reply_markup=markup if len(parts) == 1 else None,
        )
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise
    for index, part in enumerate(parts[1:], start=1):
        await context.bot.send_message(
            chat_id, part, reply_markup=markup if index == len(parts) - 1 else None
        )
    if reply.chart_png is None:
        return
    charts = (context.chat_data or {}).get(CHARTS_KEY, {})
    photo_id, _ = charts.get(message_id, (None, 0.0))
    if photo_id is not None:
        try:
            await context.bot.edit_message_media(
                InputMediaPhoto(reply.chart_png, caption=_caption(reply)),
                chat_id=chat_id,
                message_id=photo_id,
            )
            return
        except BadRequest:
            pass
    photo = await context.bot.send_photo(chat_id, photo=reply.chart_png, caption=_caption(reply))
    _remember_chart(context, message_id, photo.message_id)
