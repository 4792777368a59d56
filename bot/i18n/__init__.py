"""Languages, scripts, translation catalogs and locale formatting."""

from bot.i18n.lang import LANGS, Lang, detect_lang, parse_lang

__all__ = ["LANGS", "Lang", "detect_lang", "parse_lang"]
