"""Render topic bodies (jinja2 templates over figures) for one language and script."""

from collections.abc import Callable
from functools import cache
from typing import Any

import jinja2

from bot.i18n import formatting
from bot.i18n.lang import Lang
from bot.i18n.script import to_traditional
from bot.knowledge.content import Content
from bot.knowledge.figures import RenderedFigure
from bot.knowledge.topics import Topic

_FILTERS: dict[str, Callable[[Any, Lang], str]] = {
    "usd": formatting.format_usd,
    "cny": formatting.format_cny,
    "percent": formatting.format_percent,
    "count": formatting.format_count,
    "number": formatting.format_number,
    "year": formatting.format_year,
    "date": formatting.format_date,
    "age": formatting.format_age,
    "years": formatting.format_years,
    "months": formatting.format_months,
    "days": formatting.format_days,
}


@cache
def body_environment(lang: Lang) -> jinja2.Environment:
    """A sandbox-free, non-escaping environment: bodies are plain text with light marks."""
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
    )
    for name, formatter in _FILTERS.items():
        env.filters[name] = lambda value, _f=formatter: _f(value, lang)
    return env


def body_source(topic: Topic, lang: Lang) -> str:
    """The template text for a language: 繁體 is converted from 简体 unless given."""
    if lang == "en":
        return topic.bodies["en"]
    if lang == "zh-Hant":
        return topic.bodies.get("zh-Hant") or to_traditional(topic.bodies["zh"])
    return topic.bodies["zh"]


def topic_title(topic: Topic, lang: Lang) -> str:
    """The topic's title in a language and script."""
    if lang == "en":
        return topic.title["en"]
    return to_traditional(topic.title["zh"]) if lang == "zh-Hant" else topic.title["zh"]


def figure_view(content: Content, lang: Lang) -> dict[str, RenderedFigure]:
    """The `fig` mapping templates see."""
    return {key: RenderedFigure(figure, lang) for key, figure in content.figures.items()}


def render_template_text(source: str, content: Content, lang: Lang) -> str:
    """Render one body template under StrictUndefined."""
    template = body_environment(lang).from_string(source)
    return template.render(fig=figure_view(content, lang)).strip()


def render_body(topic: Topic, content: Content, lang: Lang) -> str:
    """The body of a topic for a language, figures filled in."""
    return render_template_text(body_source(topic, lang), content, lang)
