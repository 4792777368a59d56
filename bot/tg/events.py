"""Record what each handled update got, for the admin's counts (never the user's text)."""

from telegram import Update

from bot.tg.services import Services


def update_source(update: Update) -> str:
    """What kind of update it was: command, message, button, inline or other."""
    if update.callback_query is not None:
        return "button"
    if update.inline_query is not None:
        return "inline"
    message = update.effective_message
    if message is not None:
        text = message.text or ""
        return "command" if text.startswith("/") else "message"
    return "other"


def record_outcome(
    update: Update, svc: Services, outcome: str, topic: str | None, lang: str
) -> None:
    """One event row under the user's pseudonym."""
    user = update.effective_user
    key = svc.pseudonyms.of(user.id) if user is not None else None
    svc.events.add(key, update_source(update), outcome, topic, lang)
