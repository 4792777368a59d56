"""Subscriptions and the digest outbox in SQLite.

A digest run first *plans*: in one transaction it writes a `pending` outbox row for every
(subscriber, update) due and moves each subscriber's `next_at` on. Then it sends, marking
rows `sent` after each message. A crash between the two leaves `pending` rows, which the
next run sends: nobody is missed, and only the message in flight at the crash can arrive
twice. The unique (chat_id, update_id) index makes a second copy of a row impossible.
"""

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError, Table

from bot.digest.schedule import next_due
from bot.knowledge.updates import TOPIC_AREAS, UPDATE_TOPICS, PolicyUpdate

WELCOME_ITEMS = 3
AREA_TOPICS: dict[str, frozenset[str]] = {
    "us": frozenset(t for t, areas in TOPIC_AREAS.items() if "us" in areas),
    "cn": frozenset(t for t, areas in TOPIC_AREAS.items() if "cn" in areas),
    "all": frozenset(UPDATE_TOPICS),
}


def area_topics(area: str) -> frozenset[str] | None:
    """The update topics of an area (`us`, `cn`, `all`) or of one topic; None if unknown."""
    if area in AREA_TOPICS:
        return AREA_TOPICS[area]
    return frozenset({area}) if area in UPDATE_TOPICS else None


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Subscription:
    """One chat's digest settings."""

    chat_id: int
    user_id: int
    topics: frozenset[str]
    cadence: str
    hour: int
    minute: int
    weekday: int
    tz: str
    lang: str
    active: bool
    next_at: dt.datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Subscription":
        """A subscription from its table row."""
        return cls(
            chat_id=int(row["chat_id"]),
            user_id=int(row["user_id"]),
            topics=frozenset(str(row["topics"]).split(",")),
            cadence=str(row["cadence"]),
            hour=int(row["hour"]),
            minute=int(row["minute"]),
            weekday=int(row["weekday"]),
            tz=str(row["tz"]),
            lang=str(row["lang"]),
            active=bool(row["active"]),
            next_at=dt.datetime.fromisoformat(str(row["next_at"])),
        )

    def wants(self, update: PolicyUpdate) -> bool:
        """Whether a digest of this subscription carries the update."""
        return update.matches(self.topics) and (self.cadence != "instant" or update.high)


@dataclass(frozen=True)
class DigestStatus:
    """Counts for `pillarbot digest status`."""

    subscribers: int
    unsubscribed: int
    pending: int
    sent: int
    blocked: int
    run_total: int | None  # the running broadcast's planned rows, if one runs
    run_done: int


class DigestOutbox:
    """Subscriptions, planning of due digests and the outbox rows."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _table(self, name: str) -> Table:
        return cast(Table, self.db[name])

    # ----- subscriptions -----
    def subscription(self, chat_id: int) -> Subscription | None:
        """A chat's subscription (active or not)."""
        try:
            return Subscription.from_row(self._table("subscriptions").get(chat_id))
        except NotFoundError:
            return None

    def subscribe(
        self,
        chat_id: int,
        user_id: int,
        topics: frozenset[str],
        cadence: str,
        hour: int,
        minute: int,
        weekday: int,
        tz: str,
        lang: str,
        updates: list[PolicyUpdate],
        now: dt.datetime,
    ) -> Subscription:
        """Save a subscription; queue the latest WELCOME_ITEMS updates for it at once and
        mark older ones as not to be sent, so later digests hold only what is new."""
        due = next_due(cadence, hour, minute, weekday, tz, now)
        matching = [u for u in updates if u.matches(topics)]
        with self.db.conn:
            self._table("subscriptions").upsert(
                {
                    "chat_id": chat_id,
                    "user_id": user_id,
                    "topics": ",".join(sorted(topics)),
                    "cadence": cadence,
                    "hour": hour,
                    "minute": minute,
                    "weekday": weekday,
                    "tz": tz,
                    "lang": lang,
                    "active": 1,
                    "stopped": None,
                    "next_at": _iso(due),
                    "created": _iso(now),
                    "updated": _iso(now),
                },
                pk="chat_id",
            )
            rows = [
                self._row(chat_id, u.id, "pending" if i < WELCOME_ITEMS else "skipped", now)
                for i, u in enumerate(matching)
            ]
            self._table("outbox").insert_all(rows, ignore=True)
        found = self.subscription(chat_id)
        assert found is not None
        return found

    def unsubscribe(self, chat_id: int) -> bool:
        """Stop a chat's digests; whether it had an active subscription."""
        sub = self.subscription(chat_id)
        if sub is None or not sub.active:
            return False
        self.deactivate(chat_id, "unsubscribed")
        return True

    def deactivate(self, chat_id: int, reason: str = "blocked") -> None:
        """No more digests to a chat (it unsubscribed, blocked the bot or is gone); its
        queue is dropped."""
        with self.db.conn:
            self.db.execute(
                "update subscriptions set active = 0, stopped = ? where chat_id = ?",
                [reason, chat_id],
            )
            self.db.execute(
                "update outbox set status = 'blocked' where chat_id = ? and status = 'pending'",
                [chat_id],
            )

    def migrate(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup: its subscription and outbox move to the new id."""
        with self.db.conn:
            self.db.execute(
                "update subscriptions set chat_id = ? where chat_id = ?", [new_chat_id, old_chat_id]
            )
            self.db.execute(
                "update or ignore outbox set chat_id = ? where chat_id = ?",
                [new_chat_id, old_chat_id],
            )

    def forget(self, chat_id: int) -> None:
        """Delete a chat's subscription and outbox rows (/forget)."""
        with self.db.conn:
            self._table("subscriptions").delete_where("chat_id = ?", [chat_id])
            self._table("outbox").delete_where("chat_id = ?", [chat_id])

    def received(self, chat_id: int) -> int:
        """How many updates a chat has been sent."""
        return self._table("outbox").count_where("chat_id = ? and status = 'sent'", [chat_id])

    # ----- planning -----
    def plan(self, updates: list[PolicyUpdate], now: dt.datetime, everyone: bool = False) -> int:
        """Queue what is due at `now` (every active subscriber with `everyone`) in one
        transaction, moving each due subscriber's next time on; returns the rows queued."""
        where = "active = 1" if everyone else "active = 1 and next_at <= ?"
        params = [] if everyone else [_iso(now)]
        queued = 0
        with self.db.conn:
            run_id = self._start_run(now)
            subs = [
                Subscription.from_row(r)
                for r in self.db.query(f"select * from subscriptions where {where}", params)
            ]
            known = self._known_rows([s.chat_id for s in subs])
            for sub in subs:
                rows = []
                for update in updates:
                    if (sub.chat_id, update.id) in known or not update.matches(sub.topics):
                        continue
                    status = "pending" if sub.wants(update) else "skipped"
                    queued += status == "pending"
                    rows.append(self._row(sub.chat_id, update.id, status, now, run_id))
                self._table("outbox").insert_all(rows, ignore=True)
                due = next_due(sub.cadence, sub.hour, sub.minute, sub.weekday, sub.tz, now)
                self._table("subscriptions").update(sub.chat_id, {"next_at": _iso(due)})
            total = self._table("outbox").count_where("status = 'pending'")
            if total:
                self._table("digest_runs").update(run_id, {"total": total})
            else:  # nothing to send: a minute tick leaves no trace
                self._table("digest_runs").delete(run_id)
        return queued

    def audience(self, update: PolicyUpdate) -> list[int]:
        """The active chats whose areas the update touches, whatever their cadence."""
        return [
            sub.chat_id
            for sub in map(
                Subscription.from_row, self.db.query("select * from subscriptions where active = 1")
            )
            if update.matches(sub.topics)
        ]

    def queue_broadcast(self, update: PolicyUpdate, now: dt.datetime) -> list[int]:
        """Queue one update at once for its whole audience (`/publish` of a high-importance
        update), as a run `digest status` can follow; the chats that now wait for it."""
        with self.db.conn:
            run_id = self._start_run(now)
            rows = [
                self._row(chat, update.id, "pending", now, run_id) for chat in self.audience(update)
            ]
            if rows:
                self._table("outbox").insert_all(rows, ignore=True)
            waiting = [
                int(row["chat_id"])
                for row in self.db.query(
                    "select o.chat_id from outbox o join subscriptions s on s.chat_id = o.chat_id"
                    " where o.update_id = ? and o.status = 'pending' and s.active = 1"
                    " order by o.chat_id",
                    [update.id],
                )
            ]
            total = self._table("outbox").count_where("status = 'pending'")
            if total:
                self._table("digest_runs").update(run_id, {"total": total})
            else:
                self._table("digest_runs").delete(run_id)
        return waiting

    def _known_rows(self, chat_ids: list[int]) -> set[tuple[int, str]]:
        if not chat_ids:
            return set()
        wanted = set(chat_ids)
        return {
            (int(r["chat_id"]), str(r["update_id"]))
            for r in self.db.query("select chat_id, update_id from outbox")
            if int(r["chat_id"]) in wanted
        }

    @staticmethod
    def _row(
        chat_id: int, update_id: str, status: str, now: dt.datetime, run_id: int | None = None
    ) -> dict[str, Any]:
        return {
            "chat_id": chat_id,
            "update_id": update_id,
            "status": status,
            "run_id": run_id,
            "created": _iso(now),
            "sent_at": None,
        }

    def _start_run(self, now: dt.datetime) -> int:
        run_id = (
            self._table("digest_runs")
            .insert({"started": _iso(now), "finished": None, "total": 0, "pid": os.getpid()})
            .last_pk
        )
        assert run_id is not None
        return int(run_id)

    def finish_runs(self, now: dt.datetime) -> None:
        """Mark this process's runs finished."""
        self.db.execute(
            "update digest_runs set finished = ? where finished is null and pid = ?",
            [_iso(now), os.getpid()],
        )
        self.db.conn.commit()

    # ----- sending -----
    def pending(self, chat_id: int | None = None) -> dict[int, list[str]]:
        """Update ids waiting to be sent, per active chat (one chat if given), oldest first."""
        sql = (
            "select o.chat_id, o.update_id from outbox o join subscriptions s"
            " on s.chat_id = o.chat_id where o.status = 'pending' and s.active = 1"
        )
        params: list[Any] = []
        if chat_id is not None:
            sql += " and o.chat_id = ?"
            params.append(chat_id)
        waiting: dict[int, list[str]] = {}
        for row in self.db.query(sql + " order by o.chat_id, o.id", params):
            waiting.setdefault(int(row["chat_id"]), []).append(str(row["update_id"]))
        return waiting

    def mark(self, chat_id: int, update_ids: Iterable[str], status: str, now: dt.datetime) -> None:
        """Mark rows after a send (`sent`) or a permanent failure (`failed`)."""
        ids = list(update_ids)
        with self.db.conn:
            self.db.execute(
                "update outbox set status = ?, sent_at = ? where chat_id = ? and update_id in"
                f" ({','.join('?' * len(ids))})",
                [status, _iso(now), chat_id, *ids],
            )

    def status(self) -> DigestStatus:
        """Subscribers, queue and delivery counts, and the running broadcast's progress."""
        outbox = self._table("outbox")
        subs = self._table("subscriptions")
        run = next(
            iter(
                self.db.query(
                    "select * from digest_runs where finished is null order by id desc limit 1"
                )
            ),
            None,
        )
        total, done = None, 0
        if run is not None and _alive(int(run["pid"])):
            total = int(run["total"] or 0)
            pending = outbox.count_where("status = 'pending'")
            done = max(0, total - pending)
        return DigestStatus(
            subscribers=subs.count_where("active = 1"),
            unsubscribed=subs.count_where("active = 0 and stopped = 'unsubscribed'"),
            pending=outbox.count_where("status = 'pending'"),
            sent=outbox.count_where("status = 'sent'"),
            blocked=subs.count_where("active = 0 and stopped = 'blocked'"),
            run_total=total,
            run_done=done,
        )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
