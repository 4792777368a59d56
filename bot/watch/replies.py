"""Replies about candidates for admins in Telegram (`/review`), rendered like every reply."""

import datetime as dt
from dataclasses import dataclass

from bot.engine.reply import Reply
from bot.i18n.lang import Lang
from bot.i18n.text import t
from bot.render.environment import render_html
from bot.render.plain import html_to_text
from bot.store.watch import Candidate
from bot.watch.review import Decision, ReviewError

REVIEW_PAGE = 5
MAX_TITLE = 200


@dataclass(frozen=True)
class _Item:
    id: int
    url: str
    title: str
    source: str
    date: dt.date
    topics: list[str]


def review_reply(
    candidates: list[Candidate], waiting: int, lang: Lang, notice: str | None = None
) -> Reply:
    """The first candidates waiting for review, with a notice about the last decision."""
    items = [
        _Item(
            id=candidate.id,
            url=candidate.url,
            title=candidate.title[:MAX_TITLE],
            source=candidate.source,
            date=dt.date.fromisoformat(candidate.published or candidate.found[:10]),
            topics=candidate.topics,
        )
        for candidate in candidates
    ]
    html = render_html(lang, "review.html.j2", items=items, waiting=waiting, notice=notice)
    return Reply(lang=lang, kind="command", html=html, text=html_to_text(html))


def decision_notice(decision: Decision, lang: Lang) -> str:
    """One line on what was done: the draft's file, or the dismissal."""
    if decision.status == "drafted" and decision.draft is not None:
        return t(lang, "Draft of #{id} written to {path}. Finish it there, then publish.").format(
            id=decision.candidate_id, path=decision.draft
        )
    return t(lang, "#{id} dismissed.").format(id=decision.candidate_id)


def review_problem_notice(error: ReviewError, lang: Lang) -> str:
    """Why a decision could not be made."""
    if error.reason == "unknown":
        return t(lang, "There is no candidate #{id}.").format(id=error.candidate_id)
    if error.reason == "drafted":
        return t(lang, "#{id} was already drafted.").format(id=error.candidate_id)
    return t(lang, "#{id} was already dismissed.").format(id=error.candidate_id)
