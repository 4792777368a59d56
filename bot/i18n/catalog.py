"""gettext catalogs: English msgids, a 简体 catalog, and 繁體 derived from it with OpenCC.

The .po files are the source of truth (committed, edited with pybabel); they are compiled to
.mo in memory on first use, so an installed package needs no build step.
"""

from functools import cache
from importlib import resources
from io import BytesIO

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from bot.i18n.lang import Lang
from bot.i18n.script import to_traditional

DOMAIN = "messages"


def _po_catalog(locale: str) -> Catalog | None:
    po = resources.files("bot.i18n") / "locales" / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        return None
    with po.open("rb") as handle:
        return read_po(handle, locale=locale.replace("-", "_"))


def _traditional_from(simplified: Catalog) -> Catalog:
    traditional = Catalog(locale="zh_Hant_TW", domain=DOMAIN)
    for message in simplified:
        if not message.id:
            continue
        if isinstance(message.string, tuple | list):
            string: str | tuple[str, ...] = tuple(to_traditional(s) for s in message.string)
        else:
            string = to_traditional(message.string or "")
        traditional.add(message.id, string, context=message.context)
    return traditional


def _compile(catalog: Catalog) -> Translations:
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@cache
def translations(lang: Lang) -> NullTranslations:
    """The gettext translations for a Lang (English is the identity)."""
    if lang == "en":
        return NullTranslations()
    simplified = _po_catalog("zh_Hans")
    if simplified is None:
        return NullTranslations()
    if lang == "zh-Hans":
        return _compile(simplified)
    explicit = _po_catalog("zh_Hant")
    base = _compile(_traditional_from(simplified))
    if explicit is not None:
        base.merge(_compile(explicit))
    return base
