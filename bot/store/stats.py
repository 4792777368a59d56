"""Counts for the admin's view, read from the events, feedback and unanswered tables."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlite_utils import Database

from bot.store.retention import cutoff

ACTIVE_DAYS = (1, 7, 30)
QUESTION_OUTCOMES = ("answer", "clarify", "fallback", "calc", "error")
STATS_DAYS = 30


@dataclass(frozen=True)
class UsageStats:
    """Active users, questions by outcome and language, and the most answered topics."""

    active: dict[int, int]  # days -> distinct users
    questions: dict[str, dict[str, int]]  # outcome -> lang -> count
    top_topics: list[tuple[str, int]]
    days: int = STATS_DAYS


@dataclass
class TopicFeedback:
    """Votes on one topic, and the reasons given with 👎."""

    topic: str
    verdicts: dict[str, int] = field(default_factory=dict)  # up / down / old -> count
    reasons: dict[str, int] = field(default_factory=dict)


def usage_stats(db: Database, now: dt.datetime | None = None, top: int = 10) -> UsageStats:
    """The figures of `pillarbot admin stats` over the last STATS_DAYS days; questions are
    typed messages and commands (/calc), counted by outcome (other commands have their own)."""
    active = {
        days: int(
            next(
                db.query(
                    "select count(distinct user_key) as n from events"
                    " where user_key is not null and created >= ?",
                    [cutoff(days, now)],
                )
            )["n"]
        )
        for days in ACTIVE_DAYS
    }
    since = cutoff(STATS_DAYS, now)
    questions: dict[str, dict[str, int]] = {outcome: {} for outcome in QUESTION_OUTCOMES}
    for row in db.query(
        "select outcome, lang, count(*) as n from events where source in ('message', 'command')"
        " and created >= ? group by outcome, lang",
        [since],
    ):
        if row["outcome"] in questions:
            questions[row["outcome"]][row["lang"]] = int(row["n"])
    top_topics = [
        (str(row["topic"]), int(row["n"]))
        for row in db.query(
            "select topic, count(*) as n from events where outcome = 'answer'"
            " and topic is not null and created >= ? group by topic order by n desc, topic"
            " limit ?",
            [since, top],
        )
    ]
    return UsageStats(active=active, questions=questions, top_topics=top_topics)


def feedback_by_topic(db: Database) -> list[TopicFeedback]:
    """Votes per topic, the most 👎 first."""
    topics: dict[str, TopicFeedback] = {}
    for row in db.query(
        "select topic, verdict, reason, count(*) as n from feedback group by topic, verdict, reason"
    ):
        entry = topics.setdefault(row["topic"], TopicFeedback(row["topic"]))
        entry.verdicts[row["verdict"]] = entry.verdicts.get(row["verdict"], 0) + int(row["n"])
        if row["reason"]:
            entry.reasons[row["reason"]] = int(row["n"])
    return sorted(
        topics.values(),
        key=lambda e: (-e.verdicts.get("down", 0) - e.verdicts.get("old", 0), e.topic),
    )


def unanswered_questions(db: Database) -> dict[str, list[str]]:
    """The kept (masked) unanswered questions, newest first, per language."""
    texts: dict[str, list[str]] = defaultdict(list)
    for row in db.query("select text, lang from unanswered order by created desc, id desc"):
        texts[str(row["lang"])].append(str(row["text"]))
    return dict(texts)
