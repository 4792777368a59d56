"""`/publish` for admins: a new update from a file, a draft or step by step; a preview with
Confirm / Cancel; then the file is written and a high-importance update is broadcast at once.

Anyone else gets the ordinary unknown-command reply. A flow in progress lives in memory (a
restart ends it; nothing is written before Confirm). Every button of a flow carries the
flow's token, and Confirm ends the flow before anything is written, so an old button or a
second press does nothing. The broadcast goes through the digests' outbox and sender, under
the same lock as the minute job, so exactly-once delivery and the rate limits hold.
"""

import datetime as dt
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes, filters

from bot.digest.compose import compose_digest
from bot.engine import Reply, commands
from bot.engine.publish import publish_reply
from bot.i18n.lang import Lang
from bot.i18n.text import t
from bot.knowledge.publishing import (
    MAX_UPDATE_BYTES,
    CheckedUpdate,
    GuidedSource,
    GuidedUpdate,
    UpdateExistsError,
    check_new_update,
    draft_file,
    guided_text,
    updates_folder,
    write_update,
)
from bot.knowledge.updates import UPDATE_TOPICS
from bot.tg.digest_job import digest_lock
from bot.tg.digest_send import DeliveryReport, DigestSender
from bot.tg.keyboards import reply_keyboard
from bot.tg.language import fallback_language
from bot.tg.send import send_reply
from bot.tg.services import Services, services
from bot.watch.drafts import drafts_dir

log = logging.getLogger(__name__)
CALLBACK_PATTERN = r"^pb:"
SESSIONS_KEY = "publish_sessions"
# The progress message is edited after this many chats, or this many seconds, whichever
# comes first: often enough to watch, rarely enough to cost little of the send rate.
PROGRESS_EVERY = 25
PROGRESS_SECONDS = 2.0
PREVIEW_LANGS: tuple[Lang, ...] = ("en", "zh-Hans")

# Steps answered by typing, each with the step that follows it.
TYPED_STEPS = {
    "title_en": "title_zh",
    "title_zh": "summary_en",
    "summary_en": "summary_zh",
    "summary_zh": "importance",
    "source_title": "source_url",
    "source_url": "source_date",
    "source_date": "more_sources",
}


@dataclass
class PublishSession:
    """One admin's flow in one chat."""

    user_id: int
    chat_id: int
    token: str = field(default_factory=lambda: secrets.token_hex(4))
    step: str = "file"
    guided: GuidedUpdate = field(default_factory=GuidedUpdate)
    source: GuidedSource = field(default_factory=GuidedSource)
    checked: CheckedUpdate | None = None


class PublishSessions:
    """The flows in progress, by admin user id."""

    def __init__(self) -> None:
        self._by_user: dict[int, PublishSession] = {}

    def start(self, user_id: int, chat_id: int) -> PublishSession:
        """A new flow (any earlier one of the user ends)."""
        session = PublishSession(user_id, chat_id)
        self._by_user[user_id] = session
        return session

    def get(self, user_id: int) -> PublishSession | None:
        """The user's flow, if any."""
        return self._by_user.get(user_id)

    def end(self, user_id: int) -> PublishSession | None:
        """End the user's flow; the flow that was ended, if any."""
        return self._by_user.pop(user_id, None)

    def waiting(self, user_id: int, chat_id: int) -> bool:
        """Whether the user's next message in this chat belongs to a flow."""
        session = self._by_user.get(user_id)
        return session is not None and session.chat_id == chat_id


def publish_sessions(bot_data: dict[Any, Any]) -> PublishSessions:
    """The application's flows in progress."""
    found = bot_data.setdefault(SESSIONS_KEY, PublishSessions())
    assert isinstance(found, PublishSessions)
    return found


class InPublishFlow(filters.MessageFilter):
    """Messages from a user whose `/publish` flow waits for input in that chat."""

    def __init__(self, sessions: PublishSessions) -> None:
        super().__init__(name="InPublishFlow")
        self.sessions = sessions

    def filter(self, message: Message) -> bool:
        user = message.from_user
        return user is not None and self.sessions.waiting(user.id, message.chat.id)


def _is_admin(update: Update, svc: Services) -> bool:
    user = update.effective_user
    return user is not None and user.id in svc.admins


def _button(label: str, session: PublishSession, action: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=f"pb:{session.token}:{action}")


def _keyboard(session: PublishSession, lang: Lang) -> InlineKeyboardMarkup | None:
    """The buttons of the session's current step."""
    step = session.step
    if step == "file":
        rows = [[_button(t(lang, "Step by step"), session, "g")]]
    elif step == "importance":
        rows = [
            [
                _button(t(lang, "Normal"), session, "i:normal"),
                _button(t(lang, "High"), session, "i:high"),
            ]
        ]
    elif step == "topics":
        chosen = session.guided.topics
        labels = [("✓ " if topic in chosen else "") + topic for topic in UPDATE_TOPICS]
        rows = [
            [_button(label, session, f"t:{topic}") for label, topic in pair]
            for pair in _pairs(list(zip(labels, UPDATE_TOPICS, strict=True)))
        ]
        rows.append([_button(t(lang, "Done"), session, "td")])
    elif step == "more_sources":
        rows = [
            [
                _button(t(lang, "Add a source"), session, "s+"),
                _button(t(lang, "Preview"), session, "sp"),
            ]
        ]
    elif step == "preview":
        rows = [
            [
                _button(t(lang, "Confirm"), session, "ok"),
                _button(t(lang, "Cancel"), session, "no"),
            ]
        ]
    else:
        return None
    return InlineKeyboardMarkup(rows)


def _pairs(items: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    return [items[i : i + 2] for i in range(0, len(items), 2)]


async def _say(
    context: ContextTypes.DEFAULT_TYPE,
    session: PublishSession,
    reply: Reply,
    markup: InlineKeyboardMarkup | None = None,
) -> Message:
    return await context.bot.send_message(session.chat_id, reply.html, reply_markup=markup)


async def _prompt(
    context: ContextTypes.DEFAULT_TYPE, session: PublishSession, lang: Lang
) -> Message:
    """Ask for what the current step needs."""
    values: dict[str, Any] = {"chosen": session.guided.topics}
    if session.step == "source_title":
        values["number"] = len(session.guided.sources) + 1
    elif session.step == "more_sources":
        values["number"] = len(session.guided.sources)
    reply = publish_reply(lang, session.step, **values)
    return await _say(context, session, reply, _keyboard(session, lang))


async def publish_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start publishing an update (admins); the unknown-command reply to anyone else."""
    svc = services(context)
    lang = fallback_language(update, svc)
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return
    if user is None or not _is_admin(update, svc):
        await send_reply(context, chat.id, commands.unknown_command_reply(lang), svc)
        return
    sessions = publish_sessions(context.bot_data)
    session = sessions.start(user.id, chat.id)
    if not context.args:
        await _say(context, session, publish_reply(lang, "start"), _keyboard(session, lang))
        return
    folder = drafts_dir()
    path = draft_file(folder, context.args[0])
    if path is None:
        sessions.end(user.id)
        reply = publish_reply(lang, "no_draft", value=context.args[0], folder=str(folder))
        await _say(context, session, reply)
        return
    await _check_and_preview(context, svc, session, path.read_text(encoding="utf-8"), lang)


async def publish_input(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Take the file or the typed answer the admin's flow waits for."""
    svc = services(context)
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    session = publish_sessions(context.bot_data).get(user.id)
    if session is None:
        return
    lang = fallback_language(update, svc)
    if session.step == "file":
        if message.document is None:
            await _prompt(context, session, lang)
            return
        text, problem = await _read_document(message)
        if problem is not None:
            await _say(context, session, publish_reply(lang, "problems", problems=[problem]))
            return
        await _check_and_preview(context, svc, session, text, lang)
        return
    if session.step not in TYPED_STEPS or not message.text:
        await _prompt(context, session, lang)  # a button step, or not text: ask again
        return
    if not _take_answer(session, message.text.strip()):
        await _prompt(context, session, lang)
        return
    session.step = TYPED_STEPS[session.step]
    await _prompt(context, session, lang)


def _take_answer(session: PublishSession, answer: str) -> bool:
    """Keep a typed answer for the current step; False if it cannot be used."""
    guided, step = session.guided, session.step
    if not answer:
        return False
    if step in ("title_en", "title_zh"):
        answer = " ".join(answer.split())  # a title is one line
    if step == "source_date":
        try:
            dt.date.fromisoformat(answer)
        except ValueError:
            return False
    if step.startswith("source_"):
        setattr(session.source, step.removeprefix("source_"), answer)
        if step == "source_date":
            guided.sources.append(session.source)
            session.source = GuidedSource()
    else:
        setattr(guided, step, answer)
    return True


async def _read_document(message: Message) -> tuple[str, str | None]:
    """The uploaded file's text, or why it cannot be read."""
    document = message.document
    assert document is not None
    if not (document.file_name or "").lower().endswith(".md"):
        return "", "the update must be a .md file"
    if (document.file_size or 0) > MAX_UPDATE_BYTES:
        return "", f"the file is larger than {MAX_UPDATE_BYTES} bytes"
    data = await (await document.get_file()).download_as_bytearray()
    try:
        return bytes(data).decode("utf-8"), None
    except UnicodeDecodeError:
        return "", "the file is not UTF-8 text"


async def _check_and_preview(
    context: ContextTypes.DEFAULT_TYPE,
    svc: Services,
    session: PublishSession,
    text: str,
    lang: Lang,
    guided: bool = False,
) -> None:
    """Check the update; show its problems, or preview it with Confirm / Cancel."""
    root = svc.engine.updates.root
    checked = check_new_update(text, root, set(svc.engine.content.topics), svc.engine.today)
    if not checked.ok or checked.update is None:
        if guided:  # typed answers cannot be corrected one by one: start again
            publish_sessions(context.bot_data).end(session.user_id)
        reply = publish_reply(lang, "problems", problems=checked.problems, guided=guided)
        await _say(context, session, reply)
        return
    new = checked.update
    for preview_lang in PREVIEW_LANGS:
        for part in compose_digest([new], svc.engine.content.topics, preview_lang):
            shown = Reply(lang=preview_lang, kind="command", html=part.html, text="")
            shown.buttons = part.buttons
            await _say(context, session, shown, reply_keyboard(shown, svc.actions))
    session.checked = checked
    session.step = "preview"
    reply = publish_reply(
        lang,
        "preview",
        value=new.id,
        folder=str(new.path),
        importance=new.importance,
        chosen=list(new.topics),
        high=new.high,
        number=len(svc.outbox.audience(new)),
    )
    await _say(context, session, reply, _keyboard(session, lang))


async def publish_cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """End the admin's flow; nothing is written."""
    svc = services(context)
    user = update.effective_user
    session = publish_sessions(context.bot_data).end(user.id) if user else None
    if session is not None:
        await _say(context, session, publish_reply(fallback_language(update, svc), "cancelled"))


async def publish_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button of the flow: guided steps, the preview's Confirm or Cancel."""
    svc = services(context)
    query, user = update.callback_query, update.effective_user
    if query is None or query.data is None or user is None:
        return
    lang = fallback_language(update, svc)
    sessions = publish_sessions(context.bot_data)
    session = sessions.get(user.id)
    _, token, action = query.data.split(":", 2)
    name, _, argument = action.partition(":")
    if (
        session is None
        or session.token != token
        or not _is_admin(update, svc)
        or session.step != _BUTTON_STEPS.get(name)
    ):
        await query.answer(t(lang, "This button is no longer in use."))
        return
    if name in ("ok", "no"):
        # Before any await: a second press, even one handled concurrently, finds no flow.
        sessions.end(user.id)
    await query.answer()
    if name == "ok":
        await _confirm(query.message, context, svc, session, lang)
    elif name == "no":
        await _edit(query.message, publish_reply(lang, "cancelled"), None)
    elif name == "g":
        session.step = "title_en"
        await _prompt(context, session, lang)
    elif name == "i" and argument in ("normal", "high"):
        session.guided.importance = argument
        session.step = "topics"
        await _prompt(context, session, lang)
    elif name == "t" and argument in UPDATE_TOPICS:
        chosen = session.guided.topics
        if argument in chosen:
            chosen.remove(argument)
        else:
            chosen.append(argument)
        reply = publish_reply(lang, "topics", chosen=chosen)
        await _edit(query.message, reply, _keyboard(session, lang))
    elif (name == "td" and session.guided.topics) or name == "s+":
        session.step = "source_title"
        await _prompt(context, session, lang)
    elif name == "sp":
        text = guided_text(session.guided, svc.engine.today)
        await _check_and_preview(context, svc, session, text, lang, guided=True)


# The step at which each button works; pressed at any other step it does nothing.
_BUTTON_STEPS = {
    "g": "file",
    "i": "importance",
    "t": "topics",
    "td": "topics",
    "s+": "more_sources",
    "sp": "more_sources",
    "ok": "preview",
    "no": "preview",
}


async def _edit(message: object, reply: Reply, markup: InlineKeyboardMarkup | None) -> None:
    """Edit a message of the flow in place (the same text again is not an error)."""
    if not isinstance(message, Message):
        return
    try:
        await message.edit_text(reply.html, reply_markup=markup)
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise


async def _confirm(
    preview: object,
    context: ContextTypes.DEFAULT_TYPE,
    svc: Services,
    session: PublishSession,
    lang: Lang,
) -> None:
    """Write the update's file; broadcast it at once if it is high-importance."""
    checked = session.checked
    assert checked is not None and checked.update is not None
    new = checked.update
    root = svc.engine.updates.root
    # Under the digests' lock: the minute job cannot plan or send this update meanwhile.
    async with digest_lock(context.bot_data):
        try:
            path = write_update(checked, root)
        except UpdateExistsError:
            await _edit(preview, publish_reply(lang, "exists", value=new.id), None)
            return
        except OSError as error:
            target = str(updates_folder(root) / f"{new.id}.md")
            reply = publish_reply(lang, "write_failed", folder=target, value=error.strerror)
            await _edit(preview, reply, None)
            return
        log.info("update %s published to %s", new.id, path)
        svc.engine.updates.all(fresh=True)
        await _edit(
            preview, publish_reply(lang, "published", folder=str(path), high=new.high), None
        )
        if new.high:
            await _broadcast(context, svc, session, new.id, lang)


async def _broadcast(
    context: ContextTypes.DEFAULT_TYPE,
    svc: Services,
    session: PublishSession,
    update_id: str,
    lang: Lang,
) -> None:
    """Send the new update to its audience with one progress message, then the report."""
    published = svc.engine.updates.get(update_id)
    assert published is not None
    sender = DigestSender(context.bot, svc.outbox, svc.engine, svc.users, svc.actions)
    chats = svc.outbox.queue_broadcast(published, sender.clock())
    total = len(chats)
    progress = await _say(
        context, session, publish_reply(lang, "progress", value=update_id, number=total)
    )

    async def show(report: DeliveryReport) -> None:
        if report.done < total:
            reply = publish_reply(lang, "progress", value=update_id, done=report.done, number=total)
            await _edit(progress, reply, None)

    try:
        report = await sender.send_pending(only=set(chats), progress=ProgressEdits(show))
    finally:
        svc.outbox.finish_runs(sender.clock())
    log.info(
        "broadcast of %s: %d sent, %d blocked, %d failed",
        update_id,
        report.chats,
        report.blocked,
        report.failed,
    )
    final = publish_reply(
        lang,
        "report",
        value=update_id,
        sent=report.chats,
        blocked=report.blocked,
        failed=report.failed,
        number=total,
    )
    await _edit(progress, final, None)


class ProgressEdits:
    """Calls `edit` after every `every` chats, or when `seconds` have passed since the last."""

    def __init__(
        self,
        edit: Callable[[DeliveryReport], Awaitable[None]],
        every: int | None = None,
        seconds: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.edit = edit
        self.every = every or PROGRESS_EVERY
        self.seconds = seconds if seconds is not None else PROGRESS_SECONDS
        self.clock = clock
        self._last_done = 0
        self._last_at = clock()

    async def __call__(self, report: DeliveryReport) -> None:
        now = self.clock()
        if report.done - self._last_done >= self.every or now - self._last_at >= self.seconds:
            self._last_done, self._last_at = report.done, now
            await self.edit(report)
