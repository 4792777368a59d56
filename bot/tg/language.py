"""Which language to answer a Telegram user in."""

from telegram import Update

from bot.i18n.lang import Lang, detect_lang, parse_lang
from bot.tg.services import Services


def client_language(update: Update) -> Lang | None:
    """Telegram's language_code, normalised (bare `zh` means 简体)."""
    user = update.effective_user
    return parse_lang(user.language_code) if user and user.language_code else None


def saved_language(update: Update, services: Services) -> Lang | None:
    """The language the user chose with /lang or /settings."""
    user = update.effective_user
    return services.users.lang(user.id) if user else None


def fallback_language(update: Update, services: Services) -> Lang:
    """For replies with no text to read: saved choice, else the client's language, else English."""
    return saved_language(update, services) or client_language(update) or "en"


def button_language(update: Update, services: Services) -> Lang:
    """For a pressed button: saved choice, else the script of the message the button sits
    on (a button under a 繁體 answer opens in 繁體), else the client's language."""
    saved = saved_language(update, services)
    if saved:
        return saved
    query = update.callback_query
    shown = query.message if query else None
    text = getattr(shown, "text", None) or getattr(shown, "caption", None)
    default = client_language(update) or "en"
    return detect_lang(text, default=default) if text else default
