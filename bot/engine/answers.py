"""Compose answer, clarify and fallback replies from content and search hits."""

import re
from dataclasses import replace

from bot.engine.reply import Button, Reply, ReplyKind, SourceRef
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
MAX_SUMMARY = 140
_MARKS = re.compile(r"\*\*|^- ", re.MULTILINE)
_FIGURE_KEY = re.compile(r"\{\{\s*fig\.(\w+)")
_KEY_YEAR = re.compile(r"_(20\d\d)(?=_|q\d|$)")
_FIRST_SENTENCE = re.compile(r".+?(?:[.!?](?=\s)|[。！？]|\n|$)", re.DOTALL)


def localized(text: str, lang: Lang) -> str:
    """Chinese text written in 简体, in the script of the reply."""
    return to_traditional(text) if lang == "zh-Hant" else text


def topic_button(topic: Topic, lang: Lang) -> Button:
    """A button that opens a topic."""
    return Button(label=topic_title(topic, lang), action=f"topic:{topic.id}")


def answer_reply(topic: Topic, content: Content, lang: Lang) -> Reply:
    """The reply for one topic: title, body, dated sources, as-of date, disclaimer."""
    sources = [
        SourceRef(
            title=localized(source.title, lang),
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


def latest_figure_year(topic: Topic) -> int | None:
    """The newest year named by a yearly figure the topic shows (`…_2026`), if any."""
    years = [
        int(y) for key in _FIGURE_KEY.findall(topic.bodies["en"]) for y in _KEY_YEAR.findall(key)
    ]
    return max(years, default=None)


def with_later_year_note(reply: Reply, asked: int, latest: int) -> Reply:
    """The reply with a first line saying that its figures are for an earlier year than asked."""
    note = render_html(reply.lang, "later_year.html.j2", asked=asked, latest=latest)
    return replace(
        reply, html=f"{note}\n\n{reply.html}", text=f"{html_to_text(note)}\n\n{reply.text}"
    )


def topic_summary(topic: Topic, content: Content, lang: Lang) -> str:
    """The first sentence of a topic's body, without marks: one line for a "did you mean"."""
    body = _MARKS.sub("", render_body(topic, content, lang)).strip()
    match = _FIRST_SENTENCE.match(body)
    sentence = (match.group(0) if match else body).strip()
    return sentence if len(sentence) <= MAX_SUMMARY else sentence[: MAX_SUMMARY - 1] + "…"


def clarify_reply(topics: list[Topic], summaries: list[str], lang: Lang) -> Reply:
    """'Did you mean…': the close topics as buttons, each with one line (its summary)."""
    options = [
        {"title": topic_title(topic, lang), "summary": summary}
        for topic, summary in zip(topics, summaries, strict=True)
    ]
    separator = ": " if lang == "en" else "："
    html = render_html(lang, "clarify.html.j2", options=options, separator=separator)
    return _offering(lang, "clarify", html, topics)


def fallback_reply(
    lang: Lang,
    nearest: list[Topic],
    neighbour: Neighbour | None = None,
    empty: bool = False,
    country: str | None = None,
) -> Reply:
    """An honest 'not in my notes' reply with the official channels and the nearest topics."""
    shown = None
    if neighbour is not None:
        key = "en" if lang == "en" else "zh"
        shown = {
            "name": localized(neighbour.name[key], lang),
            "where": localized(neighbour.where[key], lang),
        }
    html = render_html(
        lang,
        "fallback.html.j2",
        empty=empty,
        neighbour=shown,
        nearest=bool(nearest),
        country=country,
    )
    return _offering(lang, "fallback", html, nearest)


def _offering(lang: Lang, kind: ReplyKind, html: str, topics: list[Topic]) -> Reply:
    """A reply that offers topics as buttons (a 'did you mean' or a fallback)."""
    return Reply(
        lang=lang,
        kind=kind,
        html=html,
        text=html_to_text(html),
        buttons=[topic_button(topic, lang) for topic in topics],
    )
