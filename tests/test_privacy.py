"""Issue 10, privacy: /forget leaves nothing tied to the user, its confirmation works once,
what editors keep is masked, old rows are pruned on a schedule, /privacy says all this."""

import datetime as dt
import time
from pathlib import Path
from typing import Any

from bot.tg.send import CHARTS_KEY
from bot.tg.services import SERVICES_KEY
from tests.fake_telegram import FakeTelegram
from tests.test_telegram_handlers import feed

USER = 7_350_113_801  # distinctive, so a scan of every value cannot match by accident
OTHER = 7_350_113_802
PERSONAL_QUESTION = (
    "My ID is 11010519491231002X, phone 13812345678, mail zhang.wei@example.com,"
    " call (415) 555-0123, card 6222 0200 1234 5678: how do I renew my passport?"
)
CALCULATION = (
    "I'm 30, salary ${salary}, 10% into my 401k with a 100% match of the first 3%"
    " and 50% of the next 2%, how much at 65?"
)


def _buttons(sent: Any) -> list[dict[str, Any]]:
    markup = sent.params.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


async def _use_everything(
    app: Any, fake: FakeTelegram, user: int, question: str, salary: int
) -> None:
    """What a user leaves behind: settings, a calculation (with stored buttons and a chart),
    a waiting calculation, an unanswered question and a vote."""
    fake.push_text(user, "/lang zh-Hans")
    fake.push_text(user, "/settings tz Asia/Shanghai")
    fake.push_text(user, question)
    fake.push_text(user, CALCULATION.format(salary=salary))
    fake.push_text(user, "What is a target date fund?")
    await feed(app, fake)
    answer = next(s for s in fake.sent_to(user) if any(_buttons(s)) and "fb:" in str(s.params))
    thumbs = next(b for b in _buttons(answer) if b["callback_data"].startswith("fb:up:"))
    fake.push_callback(user, answer, thumbs["callback_data"])
    fake.push_text(user, "/calc cn_contrib")
    await feed(app, fake)


def _every_value(db: Any) -> list[str]:
    """Every value of every row of every table, as text."""
    values: list[str] = []
    for name in db.table_names():
        for row in db[name].rows:
            values.extend(str(value) for value in row.values())
    return values


async def test_forget_leaves_no_row_tied_to_the_user(door: tuple[Any, FakeTelegram]) -> None:
    app, fake = door
    svc = app.bot_data[SERVICES_KEY]
    await _use_everything(app, fake, USER, PERSONAL_QUESTION, salary=123457)
    await _use_everything(app, fake, OTHER, "How do I renew my passport in Beijing?", 98765)
    pseudonym = svc.pseudonyms.of(USER)
    (flush,) = app.job_queue.get_jobs_by_name("flush events")
    await flush.run(app)
    events = svc.db["events"].count
    assert svc.db["events"].count_where("user_key = ?", [pseudonym]) > 0
    before = _every_value(svc.db)
    assert any(pseudonym in value for value in before)  # the scan can see what it looks for
    assert any("123457" in value for value in before)  # the calculation's stored buttons
    assert svc.pending.get(USER) and app.chat_data[USER].get(CHARTS_KEY)

    fake.push_text(USER, "/forget")
    await feed(app, fake)
    confirm = fake.sent_to(USER)[-1]
    yes = next(b for b in _buttons(confirm) if b["callback_data"].startswith("fg:yes:"))
    fake.push_callback(USER, confirm, yes["callback_data"])
    await feed(app, fake)

    after = _every_value(svc.db)
    for needle in (str(USER), pseudonym, "123457", "renew my passport?"):
        assert not [value for value in after if needle in value], needle
    assert svc.users.lang(USER) is None and svc.pending.get(USER) is None
    assert svc.users.timezone(USER) is None  # kept in memory since issue 10: dropped too
    assert USER not in app.user_data and not app.chat_data.get(USER, {}).get(CHARTS_KEY)
    # Other users keep theirs; the vote still counts, with nobody behind it.
    assert any(str(OTHER) in value for value in after)
    assert any("Beijing" in value for value in after)
    assert any("98765" in value for value in after)
    assert svc.feedback.count() == 2 and svc.db["events"].count >= events
    done = fake.sent_to(USER)[-1]
    assert done.method == "editMessageText" and "删除" in done.text
    assert not done.params.get("reply_markup")


async def test_a_used_or_replaced_forget_confirmation_does_nothing(
    door: tuple[Any, FakeTelegram],
) -> None:
    app, fake = door
    svc = app.bot_data[SERVICES_KEY]
    fake.push_text(USER, "/forget")
    await feed(app, fake)
    first = fake.sent_to(USER)[-1]
    fake.push_text(USER, "/forget")
    await feed(app, fake)
    second = fake.sent_to(USER)[-1]
    first_yes = next(b["callback_data"] for b in _buttons(first) if "yes" in b["callback_data"])
    second_yes = next(b["callback_data"] for b in _buttons(second) if "yes" in b["callback_data"])

    fake.push_callback(USER, second, second_yes)
    await feed(app, fake)
    fake.push_text(USER, "/lang zh-Hant")  # new data after the deletion
    await feed(app, fake)
    for message, data in ((second, second_yes), (first, first_yes)):
        fake.push_callback(USER, message, data)  # pressed again, or the replaced one
        await feed(app, fake)
        assert "確認已失效" in fake.callback_answers[-1]["text"]  # in the new language
    assert svc.users.lang(USER) == "zh-Hant"
    assert fake.sent_to(USER)[-1].method == "editMessageText"
    assert not fake.sent_to(USER)[-1].params.get("reply_markup")


async def test_someone_else_pressing_a_group_confirmation_deletes_nothing(
    door: tuple[Any, FakeTelegram],
) -> None:
    app, fake = door
    group = {"id": -4242, "type": "group", "title": "Family"}
    fake.push_text(USER, "/settings tz Asia/Shanghai", chat=group)
    fake.push_text(USER, "/forget", chat=group)
    await feed(app, fake)
    confirm = fake.sent_to(-4242)[-1]
    yes = next(b["callback_data"] for b in _buttons(confirm) if "yes" in b["callback_data"])
    fake.push_callback(OTHER, confirm, yes)
    await feed(app, fake)
    assert "no longer valid" in fake.callback_answers[-1]["text"]
    assert fake.sent_to(-4242)[-1] is confirm  # the asker's buttons stay
    fake.push_callback(USER, confirm, yes)
    await feed(app, fake)
    assert app.bot_data[SERVICES_KEY].users.timezone(USER) is None


async def test_a_confirmation_from_before_single_use_buttons_deletes_nothing(
    door: tuple[Any, FakeTelegram],
) -> None:
    app, fake = door
    svc = app.bot_data[SERVICES_KEY]
    fake.push_text(USER, "/lang en")
    await feed(app, fake)
    legacy = f"a:{svc.actions.token('forget:yes')}"  # how old confirm buttons were stored
    fake.push_callback(USER, fake.sent_to(USER)[-1], legacy)
    await feed(app, fake)
    assert "no longer valid" in fake.sent_to(USER)[-1].text
    assert svc.users.lang(USER) == "en"


async def test_no_keeps_the_data_and_removes_the_buttons(
    door: tuple[Any, FakeTelegram],
) -> None:
    app, fake = door
    fake.push_text(USER, "/lang en")
    fake.push_text(USER, "/forget")
    await feed(app, fake)
    confirm = fake.sent_to(USER)[-1]
    no = next(
        b["callback_data"] for b in _buttons(confirm) if b["callback_data"].startswith("fg:no")
    )
    fake.push_callback(USER, confirm, no)
    await feed(app, fake)
    edited = fake.sent_to(USER)[-1]
    assert "Nothing was deleted" in edited.text and not edited.params.get("reply_markup")
    assert app.bot_data[SERVICES_KEY].users.lang(USER) == "en"


async def test_unanswered_questions_are_kept_masked_without_a_user_id(
    door: tuple[Any, FakeTelegram],
) -> None:
    app, fake = door
    fake.push_text(USER, PERSONAL_QUESTION)
    fake.push_text(USER, "我的身份证号110105194912310021，手机138-1234-5678，怎么办护照？")
    await feed(app, fake)
    rows = list(app.bot_data[SERVICES_KEY].db["unanswered"].rows)
    assert len(rows) == 2
    stored = " ".join(row["text"] for row in rows)
    for personal in (
        "11010519491231002X",
        "110105194912310021",
        "13812345678",
        "138-1234-5678",
        "zhang.wei@example.com",
        "555-0123",
        "6222 0200",
    ):
        assert personal not in stored
    assert {"[id]", "[phone]", "[email]", "[number]"} <= set(stored.replace("]", "] ").split())
    assert "renew my passport" in stored and "怎么办护照" in stored
    assert all(str(USER) not in str(value) for row in rows for value in row.values())


def test_masking_keeps_ordinary_figures() -> None:
    from bot.store.personal import mask_personal_data

    text = "Salary $80,000, 12000000 yuan, 2026 limit 23500, age 30, 401(k) at 10%"
    assert mask_personal_data(text) == text


async def test_expired_rows_and_chart_maps_are_pruned_on_a_schedule(
    door: tuple[Any, FakeTelegram],
) -> None:
    app, fake = door
    svc = app.bot_data[SERVICES_KEY]
    (job,) = app.job_queue.get_jobs_by_name("prune")
    assert job.job.trigger.interval == dt.timedelta(hours=6)
    fake.push_text(USER, CALCULATION.format(salary=123457))
    fake.push_text(USER, PERSONAL_QUESTION)
    fake.push_text(OTHER, "/calc cn_contrib")  # waits for a number, and keeps waiting
    await feed(app, fake)
    old = "2000-01-01T00:00:00+00:00"
    svc.db.execute("UPDATE pending SET updated = ?", [old])
    for table in ("actions", "unanswered", "events"):
        fresh = svc.db[table].count
        svc.db.execute(f"INSERT INTO {table} (created) VALUES (?)", [old])
        assert svc.db[table].count == fresh + 1
    charts = app.chat_data[USER][CHARTS_KEY]
    charts[1] = (2, time.time() - 61 * 86400)
    kept = len(charts) - 1

    await job.run(app)

    for table in ("actions", "unanswered", "events"):
        rows = list(svc.db[table].rows)
        assert rows and all(row["created"] != old for row in rows)
    assert 1 not in charts and len(charts) == kept
    assert svc.db["pending"].count == 0
    assert app.bot_data[SERVICES_KEY].pending.get(OTHER) is None  # memory follows the table


async def test_privacy_says_what_is_stored_and_how_to_delete_it(
    door: tuple[Any, FakeTelegram],
) -> None:
    app, fake = door
    fake.push_text(USER, "/privacy")
    fake.push_text(OTHER, "/privacy", language_code="zh")
    await feed(app, fake)
    english, chinese = fake.sent_to(USER)[0].text, fake.sent_to(OTHER)[0].text
    assert "180 days" in english and "/forget" in english and "masked" in english
    assert "180" in chinese and "/forget" in chinese and "天" in chinese


def test_a_database_from_before_issue_10_is_migrated(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from bot.store import ActionStore, open_database
    from bot.store.db import migrations

    path = tmp_path / "old.db"
    before = Database(path)
    migrations.apply(before, stop_before="m006_secret_key")
    before.table("actions").insert({"action": "calc us401k age=30", "created": "2026-11-30"})
    before.table("unanswered").insert(
        {"text": "old question", "lang": "en", "created": "2026-11-30"}
    )
    before.close()

    db = open_database(path)
    assert {"owner"} <= db["actions"].columns_dict.keys()
    assert {"voter", "reason"} <= db["feedback"].columns_dict.keys()
    assert "asker" in db["unanswered"].columns_dict and "events" in db.table_names()
    actions = ActionStore(db)
    assert actions.action(1) == "calc us401k age=30"  # old buttons keep working
    assert actions.token("calc us401k age=30") == 1
    assert actions.token("calc us401k age=30", owner="someone") != 1
