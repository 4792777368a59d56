"""Display names of content areas."""

from bot.i18n.lang import Lang
from bot.i18n.text import t
from bot.knowledge.topics import AREAS

AREA_ORDER = AREAS  # menus list areas in the order content defines them


def area_title(area: str, lang: Lang) -> str:
    """The title of an area in a language."""
    titles = {
        "us401k": t(lang, "US 401(k) plans"),
        "us_policy": t(lang, "The 2025 US executive order"),
        "crypto": t(lang, "Crypto in retirement plans"),
        "us_context": t(lang, "US pensions and Social Security"),
        "pillars": t(lang, "Three pillars: US and China"),
        "cn_social_insurance": t(lang, "China: social insurance"),
        "cn_pension": t(lang, "China: basic pension and retirement age"),
        "cn_personal_pension": t(lang, "China: personal pension"),
    }
    return titles.get(area, area)
