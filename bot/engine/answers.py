"""Compose answer and fallback replies from content and search hits."""

from bot.engine.reply import Button, Reply, SourceRef
from bot.i18n.formatting import format_date
from bot.i18n.lang import Lang
from bot.i18n.script import to_traditional
from bot.knowledge.body import render_body, topic_title
from bot.knowledge.content import Content
from bot.knowledge.scope import Neighbour
from bot.knowledge.topics import Topic
from bot.render.environment import render_html
from bot.render.plain import html_to_text

MAX_RELATED_BUTTONS = 4


def _localized(text: str, lang: Lang) -> str:
    return to_traditional(text) if lang == "zh-Hant" else text


def topic_button(topic: Topic, lang: Lang) -> Button:
    """A button that opens a topic."""
    return Button(label=topic_title(topic, lang), action=f"topic:{topic.id}")


def answer_reply(topic: Topic, content: Content, lang: Lang) -> Reply:
    """The reply for one topic: title, body, dated sources, as-of date, disclaimer."""
    sources = [
        SourceRef(
            title=_localized(source.title, lang),
            url=source.url,
            date=source.date.isoformat() if source.date else None,
        )
        for source in topic.sources
    ]
    html = render_html(
        lang,
        "answer.html.j2",
        title=topic_title(topic, lang),
        body=render_body(topic, content, lang),
        sources=[
            {"title": s.title, "url": s.url, "date": src.date and format_date(src.date, lang)}
            for s, src in zip(sources, topic.sources, strict=True)
        ],
        as_of=format_date(topic.reviewed, lang),
    )
    related = [content.topics[r] for r in topic.related if r in content.topics]
    return Reply(
        lang=lang,
        kind="answer",
        html=html,
        text=html_to_text(html),
        topic=topic.id,
        sources=sources,
        buttons=[topic_button(r, lang) for r in related[:MAX_RELATED_BUTTONS]],
    )


def fallback_reply(
    lang: Lang,
    nearest: list[Topic],
    neighbour: Neighbour | None = None,
    empty: bool = False,
) -> Reply:
    """An honest 'not in my notes' reply with the official channels and the nearest topics."""
    shown = None
    if neighbour is not None:
        key = "en" if lang == "en" else "zh"
        shown = {
            "name": _localized(neighbour.name[key], lang),
            "where": _localized(neighbour.where[key], lang),
        }
    html = render_html(
        lang, "fallback.html.j2", empty=empty, neighbour=shown, nearest=bool(nearest)
    )
    return Reply(
        lang=lang,
        kind="fallback",
        html=html,
        text=html_to_text(html),
        buttons=[topic_button(topic, lang) for topic in nearest],
    )
