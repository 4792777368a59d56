"""Charts arrive as PNGs, labelled in the user's language when a CJK font exists."""

import pytest

from bot.engine import Engine, Message
from bot.render import charts

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def chart_engine(engine: Engine) -> Engine:
    return Engine(engine.content, charts=True, today=engine.today)


@pytest.mark.parametrize(
    "question",
    [
        "I'm 40, salary $120k, 12% into my 401k, how much at 65?",
        "If 401(k) plans put 2% into crypto, how much flows in?",
    ],
)
def test_projection_and_inflow_replies_carry_a_png(chart_engine: Engine, question: str) -> None:
    reply = chart_engine.handle(Message(question))
    assert reply.kind == "calc"
    assert reply.chart_png is not None and reply.chart_png.startswith(PNG_MAGIC)
    assert len(reply.chart_png) > 10_000


def test_replies_without_a_picture_carry_no_chart(chart_engine: Engine) -> None:
    reply = chart_engine.handle(Message("月薪8000社保交多少"))
    assert reply.kind == "calc" and reply.chart_png is None


def test_chinese_labels_need_a_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    assert charts.chart_lang("zh-Hans") == "en"
    monkeypatch.setattr(charts, "cjk_font", lambda: "WenQuanYi Micro Hei")
    assert charts.chart_lang("zh-Hant") == "zh-Hant"


def test_chart_without_cjk_font_still_renders_in_english(
    chart_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    reply = chart_engine.handle(Message("如果401k把2%配置到加密货币会流入多少"))
    assert reply.lang == "zh-Hans"
    assert reply.chart_png is not None and reply.chart_png.startswith(PNG_MAGIC)
