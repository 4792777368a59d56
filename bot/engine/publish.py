"""Replies of `/publish` (admins): the steps of the flow, its problems, preview and report."""

from typing import Any

from bot.engine.reply import Reply
from bot.i18n.lang import Lang
from bot.render.environment import render_html
from bot.render.plain import html_to_text

# The steps of the guided flow, in order; the importance and topics are chosen by buttons.
GUIDED_STEPS = ("title_en", "title_zh", "summary_en", "summary_zh", "importance", "topics")
SOURCE_STEPS = ("source_title", "source_url", "source_date")


def publish_reply(lang: Lang, step: str, **values: Any) -> Reply:
    """The message for one step of `/publish` (see `publish.html.j2` for the values used)."""
    context: dict[str, Any] = {
        "value": "",
        "folder": "",
        "chosen": [],
        "number": 0,
        "problems": [],
        "guided": False,
        "importance": "",
        "high": False,
        "done": 0,
        "sent": 0,
        "blocked": 0,
        "failed": 0,
    }
    context.update(values)
    html = render_html(lang, "publish.html.j2", step=step, **context)
    return Reply(lang=lang, kind="command", html=html, text=html_to_text(html))
