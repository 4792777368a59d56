"""Which language to answer a Telegram user in."""

from collections import OrderedDict
from hashlib import blake2b

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
    return _script_of(text, default) if text else default


# Buttons sit under the bot's own replies, and the same answers are tapped again and again;
# reading a Chinese answer's script runs OpenCC over all of it both ways (0.1-0.2 ms of
# every tap). Recent results are kept under a digest of the text, so no text is kept.
SCRIPTS_KEPT = 1024
_scripts: OrderedDict[tuple[bytes, Lang], Lang] = OrderedDict()


def _script_of(text: str, default: Lang) -> Lang:
    key = (blake2b(text.encode(errors="surrogatepass"), digest_size=16).digest(), default)
    lang = _scripts.get(key)
    if lang is None:
        lang = _scripts[key] = detect_lang(text, default=default)
        if len(_scripts) > SCRIPTS_KEPT:
            _scripts.popitem(last=False)
    else:
        _scripts.move_to_end(key)
    return lang
