"""The three reply languages and how a message's language and script are detected."""

import re
from typing import Literal

from bot.i18n.script import simplified_only_count, traditional_only_count

Lang = Literal["en", "zh-Hans", "zh-Hant"]
LANGS: tuple[Lang, ...] = ("en", "zh-Hans", "zh-Hant")

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

_ALIASES: dict[str, Lang] = {
    "en": "en",
    "english": "en",
    "zh": "zh-Hans",
    "zh-hans": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh_hans": "zh-Hans",
    "cn": "zh-Hans",
    "简体": "zh-Hans",
    "简体中文": "zh-Hans",
    "中文": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
    "zh_hant": "zh-Hant",
    "tw": "zh-Hant",
    "繁體": "zh-Hant",
    "繁體中文": "zh-Hant",
    "繁体": "zh-Hant",
}


def parse_lang(value: str | None) -> Lang | None:
    """Map a user or client language tag (`zh-TW`, `zh`, `简体`) to a Lang, or None."""
    if not value:
        return None
    key = value.strip().lower().replace("_", "-")
    if key in _ALIASES:
        return _ALIASES[key]
    if key.startswith("zh-hant") or key.startswith("zh-tw") or key.startswith("zh-hk"):
        return "zh-Hant"
    if key.startswith("zh"):
        return "zh-Hans"
    if key.startswith("en"):
        return "en"
    return None


def han_count(text: str) -> int:
    """Count Han characters."""
    return len(_HAN.findall(text))


def detect_lang(text: str, default: Lang = "en") -> Lang:
    """Return the language and script a message is written in (`default` when undecidable)."""
    hans = han_count(text)
    if hans == 0:
        return "en" if _LATIN_WORD.search(text) else default
    if hans < 2 and len(_LATIN_WORD.findall(text)) > 3:
        return "en"
    han_text = "".join(_HAN.findall(text))
    trad, simp = traditional_only_count(han_text), simplified_only_count(han_text)
    if trad > simp:
        return "zh-Hant"
    if simp > trad:
        return "zh-Hans"
    return default if default != "en" else "zh-Hans"


def babel_locale(lang: Lang) -> str:
    """The babel locale used to format numbers and dates for a Lang."""
    return {"en": "en_US", "zh-Hans": "zh_Hans_CN", "zh-Hant": "zh_Hant_TW"}[lang]
