"""Flood control over the local Bot API server: it stops floods and nothing else (issue 10)."""

import time

from tests.fake_telegram import BOT_USERNAME, FakeTelegram
from tests.test_telegram_e2e import TOKEN, RunningBot, bot, server  # noqa: F401 (fixtures)

GROUP_ID = -100777
GROUP = {"id": GROUP_ID, "type": "supergroup", "title": "Retirement chat"}
FLOOD_NOTICE = "skipping"  # a word of the English flood notice
SLOW_DOWN = "Too many taps"  # the start of the English toast for taps over the budget


def test_typing_an_inline_query_gets_the_finished_query_answered(
    server: FakeTelegram,  # noqa: F811
    bot: RunningBot,  # noqa: F811
) -> None:
    finished = "rollover 60 days"
    for length in range(1, len(finished) + 1):
        server.push_inline(51, finished[:length], query_id=f"typing-{length}")
    last = f"typing-{len(finished)}"
    answer = server.wait_for(
        lambda: next((a for a in server.inline_answers if a["inline_query_id"] == last), None)
    )
    assert answer["results"]
    assert all(r["input_message_content"]["message_text"] for r in answer["results"])


def test_rapid_taps_are_all_answered_some_with_a_slow_down_toast(
    server: FakeTelegram,  # noqa: F811
    bot: RunningBot,  # noqa: F811
) -> None:
    server.push_text(52, "How does 401k vesting work?")
    answer = server.wait_sent(52, 1)[0]
    topic = answer.params["reply_markup"]["inline_keyboard"][0][0]
    taps = 20
    for _ in range(taps):
        server.push_callback(52, answer, topic["callback_data"])
    answered = server.wait_for(
        lambda: (
            len({a["callback_query_id"] for a in server.callback_answers}) >= taps
            and server.callback_answers
        )
    )
    assert len(answered) == taps
    slowed = [a for a in answered if SLOW_DOWN in str(a.get("text"))]
    assert 1 <= len(slowed) < taps


def test_group_chatter_uses_no_budget_and_the_mention_after_it_is_answered(
    server: FakeTelegram,  # noqa: F811
    bot: RunningBot,  # noqa: F811
) -> None:
    for index in range(30):
        server.push_text(61 + index % 2, f"lunch at noon? message {index}", chat=GROUP)
    server.push_text(61, f"@{BOT_USERNAME} what is a roth 401k", chat=GROUP)
    answer = server.wait_sent(GROUP_ID, 1)[0]
    assert "Roth" in answer.text
    server.push_text(62, "/help", chat=GROUP)
    sent = server.wait_sent(GROUP_ID, 2)
    assert "What I can do" in sent[1].text
    assert len(server.sent_to(GROUP_ID)) == 2


def test_a_member_flooding_a_group_with_mentions_gets_no_public_notice(
    server: FakeTelegram,  # noqa: F811
    bot: RunningBot,  # noqa: F811
) -> None:
    for index in range(15):
        server.push_text(63, f"@{BOT_USERNAME} what is a 401k {index}", chat=GROUP)
    server.wait_sent(GROUP_ID, 1)
    server.push_text(64, "/help", chat=GROUP)
    server.wait_for(lambda: any("What I can do" in s.text for s in server.sent_to(GROUP_ID)))
    in_group = server.sent_to(GROUP_ID)
    assert len(in_group) < 15 + 1
    assert not any(FLOOD_NOTICE in s.text for s in in_group)


def test_a_private_flooder_is_told_plainly_that_skipped_messages_get_no_answer(
    server: FakeTelegram,  # noqa: F811
    bot: RunningBot,  # noqa: F811
) -> None:
    questions = 20
    for _ in range(questions):
        server.push_text(81, "what is a 401k")
    notice = server.wait_for(
        lambda: next((s for s in server.sent_to(81) if FLOOD_NOTICE in s.text), None)
    )
    assert "not be answered later" in notice.text
    time.sleep(2.0)  # the flooder pauses; their budget refills (drives the scenario only)
    server.push_text(81, "/help")
    server.wait_for(lambda: any("What I can do" in s.text for s in server.sent_to(81)))
    replies = server.sent_to(81)
    answers = [s for s in replies if FLOOD_NOTICE not in s.text and "What I can do" not in s.text]
    # The skipped questions stay unanswered, as the notice says: one notice, no late answers.
    assert sum(FLOOD_NOTICE in s.text for s in replies) == 1
    assert 1 <= len(answers) < questions
    assert len(replies) == len(answers) + 2


def test_many_users_asking_at_once_all_get_their_answer(
    server: FakeTelegram,  # noqa: F811
    bot: RunningBot,  # noqa: F811
) -> None:
    users = range(900, 960)  # far more than the bot's reply connections
    for user in users:
        server.push_text(user, "what is a 401k")
    server.wait_for(lambda: all(server.sent_to(user) for user in users), timeout=60)
    assert all("401(k)" in server.sent_to(user)[0].text for user in users)
