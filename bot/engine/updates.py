"""Replies about policy updates: one update, the paged list, the "changed on" line."""

import datetime as dt
from typing import Any

from bot.engine.answers import localized
from bot.engine.reply import Button, Reply, SourceRef
from bot.i18n.formatting import format_date
from bot.i18n.lang import Lang
from bot.i18n.text import t
from bot.knowledge.updates import PolicyUpdate
from bot.render.environment import render_html
from bot.render.plain import html_to_text

PAGE_SIZE = 5
CHANGED_WITHIN_DAYS = 365


def _key(lang: Lang) -> str:
    return "en" if lang == "en" else "zh"


def update_title(update: PolicyUpdate, lang: Lang) -> str:
    """The update's title in the reply's language and script."""
    return localized(update.title[_key(lang)], lang)


def update_paragraphs(update: PolicyUpdate, lang: Lang) -> list[str]:
    """The summary as paragraphs, wrapped lines joined (Chinese without spaces)."""
    joiner = " " if lang == "en" else ""
    text = localized(update.summary[_key(lang)], lang)
    return [
        joiner.join(line.strip() for line in block.splitlines() if line.strip())
        for block in text.split("\n\n")
        if block.strip()
    ]


def update_item(update: PolicyUpdate, lang: Lang) -> dict[str, Any]:
    """What templates show of one update."""
    return {
        "id": update.id,
        "title": update_title(update, lang),
        "date": format_date(update.date, lang),
        "high": update.high,
        "paragraphs": update_paragraphs(update, lang),
        "sources": [
            {
                "title": localized(source.title, lang),
                "url": source.url,
                "date": source.date and format_date(source.date, lang),
            }
            for source in update.sources
        ],
    }


def update_button(update: PolicyUpdate, lang: Lang) -> Button:
    """A button that opens an update."""
    return Button(label=update_title(update, lang), action=f"update:{update.id}")


def update_reply(update: PolicyUpdate, topic_titles: dict[str, str], lang: Lang) -> Reply:
    """One update in full, with buttons to the topics it changes."""
    html = render_html(lang, "update.html.j2", item=update_item(update, lang))
    return Reply(
        lang=lang,
        kind="command",
        html=html,
        text=html_to_text(html),
        sources=[
            SourceRef(localized(s.title, lang), s.url, s.date.isoformat() if s.date else None)
            for s in update.sources
        ],
        buttons=[
            Button(label=topic_titles[topic], action=f"topic:{topic}")
            for topic in update.related
            if topic in topic_titles
        ],
    )


def updates_list_reply(updates: list[PolicyUpdate], lang: Lang, page: int = 1) -> Reply:
    """The latest updates, PAGE_SIZE a page, newest first; buttons open them and turn pages."""
    pages = max(1, -(-len(updates) // PAGE_SIZE))
    page = min(max(page, 1), pages)
    shown = updates[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    html = render_html(
        lang,
        "updates_list.html.j2",
        items=[update_item(u, lang) for u in shown],
        page=page,
        pages=pages,
        first=(page - 1) * PAGE_SIZE,
    )
    buttons = [update_button(u, lang) for u in shown]
    if page > 1:
        buttons.append(Button(label=t(lang, "« Newer"), action=f"updates:{page - 1}"))
    if page < pages:
        buttons.append(Button(label=t(lang, "Older »"), action=f"updates:{page + 1}"))
    return Reply(lang=lang, kind="command", html=html, text=html_to_text(html), buttons=buttons)


def changed_since(today: dt.date) -> dt.date:
    """The oldest date of an update an answer still mentions."""
    return today - dt.timedelta(days=CHANGED_WITHIN_DAYS)


def with_changed_line(reply: Reply, update: PolicyUpdate) -> Reply:
    """The answer with a first line "Changed on DATE: title" and a button to the update."""
    line = render_html(
        reply.lang,
        "changed.html.j2",
        date=format_date(update.date, reply.lang),
        title=update_title(update, reply.lang),
    )
    reply.html = f"{line}\n\n{reply.html}"
    reply.text = f"{html_to_text(line)}\n\n{reply.text}"
    reply.buttons = [update_button(update, reply.lang), *reply.buttons]
    return reply
