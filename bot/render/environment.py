"""The jinja2 environment for replies: autoescaped Telegram-HTML, gettext, locale filters."""

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from bot.i18n import formatting
from bot.i18n.catalog import translations
from bot.i18n.lang import Lang
from bot.render.markup import marks_to_html

TEMPLATES = Path(__file__).parent / "templates"


@cache
def reply_environment(lang: Lang) -> jinja2.Environment:
    """One environment per language, its catalog installed."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["marks"] = marks_to_html
    env.filters["date"] = lambda value: formatting.format_date(value, lang)
    env.filters["usd"] = lambda value: formatting.format_usd(value, lang)
    env.filters["cny"] = lambda value: formatting.format_cny(value, lang)
    env.filters["percent"] = lambda value: formatting.format_percent(round(value, 2), lang)
    env.filters["percent0"] = lambda value: formatting.format_percent(round(value), lang)
    env.filters["number"] = lambda value: formatting.format_number(value, lang)
    env.filters["years"] = lambda value: formatting.format_years(value, lang)
    env.filters["months"] = lambda value: formatting.format_months(value, lang)
    env.filters["age"] = lambda value: formatting.format_age(value, lang)
    env.globals["lang"] = lang
    return env


def render_html(lang: Lang, template: str, **context: Any) -> str:
    """Render a reply template to Telegram-HTML."""
    return reply_environment(lang).get_template(template).render(**context).strip()
