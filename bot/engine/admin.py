"""The admin's view: usage, feedback per topic and the gaps editors work from, as replies
both doors show (Telegram's /admin and `pillarbot admin`)."""

from sqlite_utils import Database

from bot.engine.reply import Reply
from bot.i18n.lang import Lang
from bot.i18n.text import N_, t, tn
from bot.knowledge.similar import group_similar
from bot.render.environment import render_html
from bot.render.plain import html_to_text
from bot.store.stats import (
    ACTIVE_DAYS,
    QUESTION_OUTCOMES,
    feedback_by_topic,
    unanswered_questions,
    usage_stats,
)

ADMIN_VIEWS = ("stats", "feedback", "gaps")
OUTCOME_LABELS = {
    "answer": N_("answered"),
    "clarify": N_("asked which topic"),
    "fallback": N_("not covered"),
    "calc": N_("calculations"),
    "error": N_("errors"),
}
REASON_LABELS = {
    "topic": N_("wrong topic"),
    "old": N_("outdated"),
    "unclear": N_("unclear"),
    "other": N_("other"),
}


def _reply(lang: Lang, template: str, **context: object) -> Reply:
    html = render_html(lang, template, **context)
    return Reply(lang=lang, kind="command", html=html, text=html_to_text(html))


def stats_reply(db: Database, lang: Lang) -> Reply:
    """Active users, questions by outcome and language, the most answered topics."""
    stats = usage_stats(db)
    questions = []
    for outcome in QUESTION_OUTCOMES:
        per_lang = stats.questions[outcome]
        detail = ", ".join(f"{code} {count}" for code, count in sorted(per_lang.items()))
        questions.append((t(lang, OUTCOME_LABELS[outcome]), sum(per_lang.values()), detail))
    active = [
        (tn(lang, "last %(days)s day", "last %(days)s days", days) % {"days": days}, count)
        for days, count in ((days, stats.active[days]) for days in ACTIVE_DAYS)
    ]
    return _reply(
        lang,
        "admin_stats.html.j2",
        active=active,
        questions=questions,
        top=stats.top_topics,
        days=stats.days,
    )


def feedback_reply(db: Database, lang: Lang) -> Reply:
    """Votes per topic, the most criticised first, with the reasons given."""
    rows = []
    for entry in feedback_by_topic(db):
        reasons = ", ".join(
            f"{t(lang, REASON_LABELS.get(code, code))} {count}"
            for code, count in sorted(entry.reasons.items())
        )
        rows.append((entry.topic, entry.verdicts, reasons))
    return _reply(lang, "admin_feedback.html.j2", rows=rows)


def gaps_reply(db: Database, lang: Lang, limit: int | None = None) -> Reply:
    """Unanswered questions grouped by similarity, with counts, per language."""
    sections = []
    for code, texts in sorted(unanswered_questions(db).items()):
        groups = group_similar(texts)
        shown = groups[:limit] if limit else groups
        sections.append((code, len(texts), [(g.count, g.example) for g in shown], len(groups)))
    return _reply(lang, "admin_gaps.html.j2", sections=sections)


def admin_reply(db: Database, view: str, lang: Lang, limit: int | None = None) -> Reply | None:
    """One of ADMIN_VIEWS, or None for another name."""
    if view == "stats":
        return stats_reply(db, lang)
    if view == "feedback":
        return feedback_reply(db, lang)
    if view == "gaps":
        return gaps_reply(db, lang, limit)
    return None
