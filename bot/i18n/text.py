"""Translation calls with the language passed explicitly (extracted by pybabel as t, tn, tp)."""

from bot.i18n.catalog import translations
from bot.i18n.lang import Lang


def t(lang: Lang, message: str) -> str:
    """Translate a message for `lang`."""
    return str(translations(lang).gettext(message))


def tn(lang: Lang, singular: str, plural: str, n: int) -> str:
    """Translate a message with a plural form."""
    return str(translations(lang).ngettext(singular, plural, n))


def tp(lang: Lang, context: str, message: str) -> str:
    """Translate a message in a context (for short msgids that mean different things)."""
    return str(translations(lang).pgettext(context, message))


def N_(message: str) -> str:  # noqa: N802 (gettext's conventional name)
    """Mark a message for extraction; it is translated later with `t`."""
    return message
