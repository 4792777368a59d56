"""The bot's commands, once: /help lists them and the Telegram command menu is built from them."""

from bot.i18n.lang import Lang
from bot.i18n.text import N_, t

COMMANDS = (
    ("start", N_("Welcome and main menu")),
    ("help", N_("What I can do")),
    ("topics", N_("Browse topics")),
    ("calc", N_("Calculators")),
    ("cancel", N_("Stop a calculation that waits for a number")),
    ("lang", N_("Language: English, 简体, 繁體")),
    ("settings", N_("Language, time zone, digests")),
    ("updates", N_("Latest policy updates")),
    ("subscribe", N_("Get policy updates as digests")),
    ("mysubs", N_("My digest subscription")),
    ("unsubscribe", N_("Stop digests")),
    ("privacy", N_("What I store about you")),
    ("forget", N_("Delete my data")),
)


def command_descriptions(lang: Lang) -> list[tuple[str, str]]:
    """(name, description) of every command, described in a language."""
    return [(name, t(lang, description)) for name, description in COMMANDS]
