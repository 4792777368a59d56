"""Handlers in process: the PTB application with a recording BaseRequest, no network."""

import asyncio
import datetime as dt
import logging
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.config import Settings
from bot.engine import Engine
from bot.engine import core as engine_core
from bot.i18n.lang import detect_lang
from bot.render.split import MESSAGE_LIMIT, split_html, visible_length
from bot.tg.app import build_application
from bot.tg.services import SERVICES_KEY
from tests.fake_telegram import FakeTelegram
from tests.recording_request import RecordingRequest
from tests.telegram_html import problems

TOKEN = "5151:handler-test-token-xyz"


def _application(engine: Engine, fake: FakeTelegram, db_path: Path) -> Any:
    settings = Settings(
        token=TOKEN, api_base="http://unused.invalid", db_path=db_path, admins=frozenset({999})
    )
    return build_application(
        settings,
        request=RecordingRequest(fake),
        updates_request=RecordingRequest(fake),
        engine=Engine(engine.content, charts=False, today=engine.today),
    )


@pytest.fixture
async def harness(engine: Engine, tmp_path: Path) -> AsyncIterator[tuple[Any, FakeTelegram]]:
    fake = FakeTelegram(token=TOKEN)
    app = _application(engine, fake, tmp_path / "h.db")
    async with app:
        assert app.post_init is not None
        await app.post_init(app)
        yield app, fake
        assert app.post_shutdown is not None
        await app.post_shutdown(app)
    assert fake.violations == []


async def feed(app: Any, fake: FakeTelegram) -> None:
    """Process every update the fake holds."""
    pending, fake.updates = list(fake.updates), []
    for data in pending:
        await app.process_update(Update.de_json(data, app.bot))


async def test_deep_links_open_a_topic_and_a_calculator(harness: tuple[Any, FakeTelegram]) -> None:
    app, fake = harness
    fake.push_text(1, "/start t_k401_rollover")
    fake.push_text(2, "/start c_cn_pension", language_code="zh")
    fake.push_text(3, "/start %%%bad")
    await feed(app, fake)
    assert "60" in fake.sent_to(1)[0].text and "rollover" in fake.sent_to(1)[0].text.lower()
    assert "缴费" in fake.sent_to(2)[0].text
    assert fake.sent_to(3)[0].text


async def test_language_choice_is_saved_per_user(harness: tuple[Any, FakeTelegram]) -> None:
    app, fake = harness
    fake.push_text(4, "/lang zh-Hant")
    fake.push_text(4, "What is vesting?")
    await feed(app, fake)
    replies = fake.sent_to(4)
    assert "繁體" in replies[0].text
    assert "資訊截至" in replies[1].text
    assert app.bot_data[SERVICES_KEY].users.lang(4) == "zh-Hant"


async def test_client_language_code_decides_when_the_text_cannot(
    harness: tuple[Any, FakeTelegram],
) -> None:
    app, fake = harness
    fake.push_text(5, "/help", language_code="zh")
    fake.push_text(6, "/help", language_code="zh-hant")
    fake.push_text(7, "/help", language_code=None)
    await feed(app, fake)
    assert fake.sent_to(5)[0].text.startswith("<b>我能做什么")
    assert fake.sent_to(6)[0].text.startswith("<b>我能做什麼")
    assert fake.sent_to(7)[0].text.startswith("<b>What I can do")


async def test_a_follow_up_answer_completes_a_pending_calculation(
    harness: tuple[Any, FakeTelegram],
) -> None:
    app, fake = harness
    fake.push_text(8, "养老保险缴费基数3800退休能领多少")
    await feed(app, fake)
    fake.push_text(8, "30年")
    await feed(app, fake)
    texts = [s.text for s in fake.sent_to(8)]
    assert "多少年" in texts[0]
    assert "基础养老金" in texts[1]


@pytest.mark.parametrize("start", ["/calc cn_contrib", "/start c_cn_contrib"])
async def test_a_calculator_started_by_command_or_link_waits_for_its_answer(
    harness: tuple[Any, FakeTelegram], start: str
) -> None:
    """Issue 9: a calculator started from /calc or a deep link knew nothing of its question."""
    app, fake = harness
    fake.push_text(15, start, language_code="zh")
    await feed(app, fake)
    fake.push_text(15, "8000", language_code="zh")
    await feed(app, fake)
    asked, result = fake.sent_to(15)[0].text, fake.sent_to(15)[1].text
    assert "月工资" in asked
    assert "8,000" in result and "养老" in result


async def test_a_calculator_started_from_a_button_waits_for_its_answer(
    harness: tuple[Any, FakeTelegram],
) -> None:
    app, fake = harness
    fake.push_text(16, "/calc", language_code="zh")
    await feed(app, fake)
    menu = fake.sent_to(16)[0]
    assert "wage" in menu.text  # the key names each calculator takes
    rows = menu.params["reply_markup"]["inline_keyboard"]
    contrib = next(b for row in rows for b in row if "社保" in b["text"])
    fake.push_callback(16, menu, contrib["callback_data"])
    await feed(app, fake)
    fake.push_text(16, "8000", language_code="zh")
    await feed(app, fake)
    assert "8,000" in fake.sent_to(16)[-1].text and "养老" in fake.sent_to(16)[-1].text


def _button(message: Any, text: str) -> dict[str, str]:
    rows = message.params["reply_markup"]["inline_keyboard"]
    return next(b for row in rows for b in row if text in b["text"])


async def test_a_misread_value_is_changed_with_a_button_and_one_typed_value(
    harness: tuple[Any, FakeTelegram],
) -> None:
    """Issue 9: a misreading is one tap (and the right value) from fixed."""
    app, fake = harness
    fake.push_text(17, "I'm 35, make 95k, put in 8%, 6% return. How much at 67?")
    await feed(app, fake)
    result = fake.sent_to(17, "sendMessage")[-1]  # the chart follows as a photo
    assert "return 6%" in result.text
    fake.push_callback(17, result, _button(result, "Change a value")["callback_data"])
    await feed(app, fake)
    menu = fake.sent_to(17, "sendMessage")[-1]
    assert "Which value" in menu.text
    fake.push_callback(17, menu, _button(menu, "return")["callback_data"])
    await feed(app, fake)
    assert "(now 6%)" in fake.sent_to(17, "sendMessage")[-1].text
    fake.push_text(17, "4%")  # a reader alone would take "4%" for a contribution rate
    await feed(app, fake)
    fixed = fake.sent_to(17, "sendMessage")[-1].text
    assert "return 4%" in fixed and "contribution rate 8%" in fixed and "age 35" in fixed


@pytest.mark.parametrize("slow", ["sending", "thinking"])
async def test_a_question_edited_while_its_answer_is_on_its_way_is_answered_once(
    harness: tuple[Any, FakeTelegram], monkeypatch: pytest.MonkeyPatch, slow: str
) -> None:
    """An edit that arrives while the question is still being worked out or its answer sent
    must edit that answer when it exists, not send a second one."""
    app, fake = harness
    if slow == "sending":
        original = RecordingRequest.do_request

        async def slow_sends(self: RecordingRequest, url: str, *args: Any, **kw: Any) -> Any:
            if url.endswith("/sendMessage"):
                await asyncio.sleep(0.2)
            return await original(self, url, *args, **kw)

        monkeypatch.setattr(RecordingRequest, "do_request", slow_sends)
    else:
        from bot.tg import handlers

        think = handlers._engine_reply

        async def slow_thinking(svc: Any, request: Any, *args: Any) -> Any:
            if request.text == "What is vesting?":
                await asyncio.sleep(0.2)
            return await think(svc, request, *args)

        monkeypatch.setattr(handlers, "_engine_reply", slow_thinking)
    fake.push_text(18, "What is vesting?")
    asked = fake.last_user_message(18)
    fake.push_edit(18, asked["message_id"], "What is a Roth 401(k)?")
    updates, fake.updates = list(fake.updates), []
    await asyncio.gather(*(app.process_update(Update.de_json(u, app.bot)) for u in updates))
    assert [s.method for s in fake.sent_to(18)] == ["sendMessage", "editMessageText"]
    assert "Roth" in fake.sent_to(18)[-1].text


async def test_cancel_ends_the_wait(harness: tuple[Any, FakeTelegram]) -> None:
    app, fake = harness
    fake.push_text(17, "/calc cn_contrib", language_code="zh")
    fake.push_text(17, "/cancel", language_code="zh")
    fake.push_text(17, "/cancel", language_code="zh")
    await feed(app, fake)
    replies = [s.text for s in fake.sent_to(17)]
    assert "不再等" in replies[1] and "没有需要取消" in replies[2]
    assert app.bot_data[SERVICES_KEY].pending.get(17) is None


async def test_a_pending_calculation_and_a_language_survive_a_restart(
    engine: Engine, tmp_path: Path
) -> None:
    fake = FakeTelegram(token=TOKEN)
    for turn in ("/lang zh-Hant", "养老保险缴费基数3800退休能领多少", "30年"):
        app = _application(engine, fake, tmp_path / "r.db")  # a new process each turn
        async with app:
            assert app.post_init is not None and app.post_shutdown is not None
            await app.post_init(app)
            fake.push_text(12, turn)
            await feed(app, fake)
            await app.post_shutdown(app)
    asked, result = fake.sent_to(12)[1].text, fake.sent_to(12)[2].text
    assert "多少年" in asked
    # The waiting calculation finished with both inputs, in the saved script.
    assert "估算養老金" in result and "3,800" in result and "× 30 ×" in result


async def test_a_slow_chart_does_not_hold_up_another_users_answer(
    harness: tuple[Any, FakeTelegram], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, fake = harness
    released = threading.Event()
    draw = engine_core.CHARTS["us401k"]

    def slow_chart(data: Any, lang: Any) -> bytes:
        released.wait(timeout=10)  # drawn in the event loop, this would stall everyone
        return draw(data, lang)

    monkeypatch.setitem(engine_core.CHARTS, "us401k", slow_chart)
    fake.push_text(14, "I'm 30, salary $80k, 10% into my 401k, how much at 65?")
    fake.push_text(15, "What is vesting?")
    calculation, question = (Update.de_json(data, app.bot) for data in fake.updates)
    fake.updates = []
    charted = asyncio.create_task(app.process_update(calculation))
    await asyncio.wait_for(app.process_update(question), timeout=5)
    assert "vesting" in fake.sent_to(15)[0].text.lower()
    assert not charted.done() and fake.sent_to(14, "sendPhoto") == []
    released.set()
    await asyncio.wait_for(charted, timeout=30)
    assert fake.sent_to(14, "sendPhoto")[0].photo is not None


async def test_calculations_run_off_the_event_loop(
    harness: tuple[Any, FakeTelegram], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 9: the Monte Carlo ran inside the event loop (10-20 ms for every user)."""
    app, fake = harness
    loop_thread = threading.current_thread()
    ran_in: list[threading.Thread] = []
    run = engine_core.run

    def recording_run(*args: Any) -> Any:
        ran_in.append(threading.current_thread())
        return run(*args)

    monkeypatch.setattr(engine_core, "run", recording_run)
    fake.push_text(18, "/calc us401k age=30 salary=80000 contrib_pct=10")
    fake.push_text(18, "I'm 40, salary $120k, 12% into my 401k, how much at 65?")
    await feed(app, fake)
    assert len(ran_in) == 2 and all(thread is not loop_thread for thread in ran_in)
    assert all("401(k)" in sent.text for sent in fake.sent_to(18, "sendMessage"))


async def test_a_voice_note_gets_a_text_only_note_in_private_and_silence_in_groups(
    harness: tuple[Any, FakeTelegram],
) -> None:
    app, fake = harness
    fake.push_voice(16, language_code="zh-hans")
    fake.push_voice(17, chat={"id": -500, "type": "group", "title": "Family"})
    await feed(app, fake)
    assert "文字" in fake.sent_to(16)[0].text and "/help" in fake.sent_to(16)[0].text
    assert fake.sent_to(-500) == []


async def test_feedback_is_stored_with_the_topic_and_no_user(
    harness: tuple[Any, FakeTelegram],
) -> None:
    app, fake = harness
    fake.push_text(9, "What is a target date fund?")
    await feed(app, fake)
    answer = fake.sent_to(9)[0]
    rows = answer.params["reply_markup"]["inline_keyboard"]
    outdated = next(b for row in rows for b in row if b["callback_data"].startswith("fb:old:"))
    fake.push_callback(9, answer, outdated["callback_data"])
    await feed(app, fake)
    svc = app.bot_data[SERVICES_KEY]
    topic = outdated["callback_data"].split(":", 2)[2]
    assert svc.feedback.count(topic) == 1
    row = next(svc.db["feedback"].rows)
    assert row["verdict"] == "old" and dt.date.fromisoformat(row["created"][:10])
    assert "user" not in " ".join(row)


async def test_did_you_mean_offers_buttons_that_open_the_topic(
    harness: tuple[Any, FakeTelegram],
) -> None:
    app, fake = harness
    fake.push_text(12, "社保")
    await feed(app, fake)
    question = fake.sent_to(12)[0]
    assert "请选一个" in question.text
    rows = question.params["reply_markup"]["inline_keyboard"]
    options = [b for row in rows for b in row]
    assert len(options) >= 2
    fake.push_callback(12, question, options[0]["callback_data"])
    await feed(app, fake)
    opened = fake.sent_to(12)[-1]
    assert options[0]["text"] in opened.text and "信息截至" in opened.text
    assert app.bot_data[SERVICES_KEY].db["unanswered"].count == 1


async def test_buttons_under_a_traditional_answer_open_in_traditional_every_time(
    harness: tuple[Any, FakeTelegram],
) -> None:
    """Issue 10: the script of the message under a button is kept (under a digest of its
    text) once read; a later tap on the same answer still opens in 繁體."""
    app, fake = harness
    fake.push_text(13, "公司讓我簽自願放棄社保的協議有效嗎")
    await feed(app, fake)
    answer = fake.sent_to(13)[0]
    rows = answer.params["reply_markup"]["inline_keyboard"]
    topic = next(b for row in rows for b in row if b["callback_data"].startswith("t:"))
    for _ in range(2):
        fake.push_callback(13, answer, topic["callback_data"])
        await feed(app, fake)
        assert detect_lang(fake.sent_to(13)[-1].text) == "zh-Hant"


async def test_flood_from_one_user_is_cut_and_told_once(harness: tuple[Any, FakeTelegram]) -> None:
    app, fake = harness
    for _ in range(20):
        fake.push_text(10, "what is a 401k")
    fake.push_text(11, "what is a 401k")
    await feed(app, fake)
    flooded = fake.sent_to(10)
    assert 5 <= len(flooded) <= 7
    assert sum("fast" in s.text for s in flooded) == 1
    assert len(fake.sent_to(11)) == 1


async def test_failures_get_an_apology_and_the_admins_are_told(
    harness: tuple[Any, FakeTelegram], caplog: pytest.LogCaptureFixture
) -> None:
    app, fake = harness
    fake.fail_methods.add("sendPhoto")
    fake.push_text(12, "If 401(k) plans put 2% into crypto, how much flows in?")
    with caplog.at_level(logging.ERROR):
        await feed(app, fake)
    texts = [s.text for s in fake.sent_to(12)]
    assert any("Sorry" in text for text in texts)
    assert any("error" in s.text for s in fake.sent_to(999))
    assert TOKEN not in caplog.text


async def test_inline_queries_answer_with_at_most_five_results(
    harness: tuple[Any, FakeTelegram],
) -> None:
    app, fake = harness
    fake.push_inline(13, "401k early withdrawal penalty")
    fake.push_inline(14, "个人养老金", language_code="zh")
    await feed(app, fake)
    first, second = fake.inline_answers
    assert 1 <= len(first["results"]) <= 5
    assert "个人养老金" in second["results"][0]["title"]


async def test_inline_calculations_come_first_and_searches_skip_the_worker_thread(
    harness: tuple[Any, FakeTelegram], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 10: only an inline query that asks for a calculation goes to a worker thread;
    a plain search is answered in the loop, with the same results."""
    app, fake = harness
    threads: list[object] = []

    async def counted(work: Any, *args: Any) -> Any:
        threads.append(work)
        return work(*args)

    monkeypatch.setattr(asyncio, "to_thread", counted)
    fake.push_inline(16, "月薪8000社保交多少", language_code="zh")
    await feed(app, fake)
    assert len(threads) == 1
    assert "8,000" in fake.inline_answers[-1]["results"][0]["title"]  # the calculation
    fake.push_inline(17, "rollover 60 days")
    await feed(app, fake)
    assert len(threads) == 1 and fake.inline_answers[-1]["results"]


async def test_long_callback_actions_are_stored_behind_short_ids(
    harness: tuple[Any, FakeTelegram],
) -> None:
    app, fake = harness
    fake.push_text(
        15,
        "I'm 30, salary $80k, 10% into my 401k with a 100% match of the first 3%"
        " and 50% of the next 2%, how much at 65?",
    )
    await feed(app, fake)
    text = fake.sent_to(15, "sendMessage")[0]
    data = [
        b["callback_data"] for row in text.params["reply_markup"]["inline_keyboard"] for b in row
    ]
    assert all(len(d.encode()) <= 64 for d in data)
    # the calculation's inputs are too long for a button and stored; the notes button is short
    assert all(d.startswith("a:") for d in data if not d.startswith("t:"))
    assert "t:k401_how_much_to_save" in data


def test_long_replies_split_at_paragraphs_with_balanced_tags() -> None:
    paragraph = "<b>Rule</b> " + "word " * 120 + "&amp; <i>note</i>"
    html = "\n\n".join([paragraph] * 30)
    parts = split_html(html)
    assert len(parts) > 1
    for part in parts:
        assert problems(part, MESSAGE_LIMIT) == []
        assert visible_length(part) <= MESSAGE_LIMIT
    assert sum(visible_length(p) for p in parts) >= visible_length(html) - 2 * len(parts)


def test_flood_guard_limits_a_burst_and_forgets_idle_users() -> None:
    from bot.tg.flood import FloodGuard

    guard = FloodGuard(burst=2, rate=1.0, max_tracked=3)
    assert guard.allow(1, now=0.0) and guard.allow(1, now=0.0)
    assert not guard.allow(1, now=0.1)
    assert guard.should_warn(1) and not guard.should_warn(1)
    assert guard.allow(1, now=1.2)
    for user in range(2, 6):
        guard.allow(user, now=2.0)
    assert guard.tracked == 5
    guard.allow(99, now=100.0)
    assert guard.tracked == 1


def test_old_button_actions_are_pruned(tmp_path: Path) -> None:
    from bot.store import ActionStore, open_database

    db = open_database(tmp_path / "a.db")
    actions = ActionStore(db)
    old = actions.token("calc us401k years=10")
    db.execute("UPDATE actions SET created = '2000-01-01T00:00:00+00:00' WHERE id = ?", [old])
    fresh = actions.token("calc us401k years=20")
    assert actions.prune() == 1
    assert actions.action(old) is None and actions.action(fresh) == "calc us401k years=20"
