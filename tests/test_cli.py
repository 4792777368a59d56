"""The terminal door as other tools use it: `pillarbot ask --json`, stdin streaming, chat."""

import json
import subprocess
import sys

import pytest

CONTRACT_KEYS = {"lang", "kind", "topic", "text", "html", "sources", "buttons"}
KINDS = {"answer", "clarify", "calc", "fallback", "error", "command"}


def pillarbot(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed console script's module the way a user would."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _check_contract(obj: dict) -> None:
    assert obj.keys() >= CONTRACT_KEYS
    assert obj["lang"] in {"en", "zh-Hans", "zh-Hant"}
    assert obj["kind"] in KINDS
    assert isinstance(obj["text"], str) and obj["text"]
    assert isinstance(obj["html"], str) and obj["html"]
    for source in obj["sources"]:
        assert set(source) == {"title", "url", "date"}
    for button in obj["buttons"]:
        assert set(button) == {"label", "action"}


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("How much can I put in my 401(k) in 2026?", "en"),
        ("公司让我签自愿放弃社保的协议，有效吗", "zh-Hans"),
        ("公司讓我簽自願放棄社保的協議，有效嗎", "zh-Hant"),
    ],
)
def test_ask_json_keeps_the_contract_in_three_scripts(question: str, lang: str) -> None:
    result = pillarbot("ask", "--json", question)
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    _check_contract(obj)
    assert obj["lang"] == lang
    assert obj["kind"] == "answer"
    assert obj["topic"]
    assert obj["sources"] and all(s["url"].startswith("http") and s["date"] for s in obj["sources"])
    assert all(b["action"].startswith("topic:") for b in obj["buttons"])


def test_ask_lang_option_overrides_detection() -> None:
    obj = json.loads(pillarbot("ask", "--json", "--lang", "zh-Hant", "what is a 401k").stdout)
    assert obj["lang"] == "zh-Hant"
    assert "僱主" in obj["text"] or "雇主" in obj["text"]


def test_ask_stdin_streams_one_json_object_per_line() -> None:
    questions = ["What is a Roth 401(k)?", "", "个人养老金每年最多存多少", "Should I buy Nvidia?"]
    result = pillarbot("ask", "-", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(questions)
    objects = [json.loads(line) for line in lines]
    for obj in objects:
        _check_contract(obj)
    assert [o["kind"] for o in objects] == ["answer", "error", "answer", "fallback"]


def test_ask_stdin_flushes_each_reply_before_the_next_question() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "ask", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdin and process.stdout
        process.stdin.write("what is vesting\n")
        process.stdin.flush()
        first = json.loads(process.stdout.readline())
        assert first["kind"] == "answer"
        process.stdin.write("退休年龄是多少\n")
        process.stdin.flush()
        second = json.loads(process.stdout.readline())
        assert second["lang"] == "zh-Hans"
        process.stdin.close()
        assert process.wait(timeout=30) == 0


@pytest.mark.parametrize(
    "hostile",
    [
        "x" * 10_000,
        "🙂🙂🙂",
        "<script>alert(1)</script><b>bold</b>",
        "'; DROP TABLE users; --",
        "\x1b[31mred\x07\u202e\ufeff",
        "401k 提前取款 penalty 罰款?",
        "   ",
    ],
)
def test_bad_input_gets_a_sensible_reply_never_a_traceback(hostile: str) -> None:
    result = pillarbot("ask", "--json", hostile)
    assert result.returncode == 0
    assert "Traceback" not in result.stdout + result.stderr
    obj = json.loads(result.stdout)
    _check_contract(obj)
    assert "<script>" not in obj["html"]


def test_control_characters_on_stdin_are_harmless() -> None:
    result = pillarbot("ask", "-", stdin="what is\x00 a 401k\x1b[0m\n\x00\x00\n")
    assert result.returncode == 0
    kinds = [json.loads(line)["kind"] for line in result.stdout.splitlines()]
    assert kinds == ["answer", "error"]


def test_chat_follows_a_numbered_topic_and_switches_language() -> None:
    session = "/topics\n1\n1\n/lang zh-Hant\nwhat is vesting\n/quit\n"
    result = pillarbot("chat", stdin=session)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[1]" in out
    assert "Sources" in out
    assert "繁體中文" in out
    assert "歸屬" in out or "歸屬" in out.replace("归属", "歸屬")


def test_content_check_command_passes() -> None:
    result = pillarbot("content", "check")
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout
