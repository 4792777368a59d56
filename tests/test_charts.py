"""Charts arrive as PNGs, labelled in the user's language when a CJK font exists."""

import pytest

from bot.engine import Engine, Message
from bot.i18n.lang import Lang
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
        "1975年5月出生的男职工，社平工资1万，缴费指数1.2，缴费30年，能领多少",
        "年薪30万，个人养老金存12000能省多少税",
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


def test_the_shipped_chart_font_holds_every_label_in_every_script() -> None:
    """Issue 9: Chinese charts need no system font: the package ships the glyphs."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(charts.CHART_FONT_PATH).getBestCmap()
    missing = sorted(ch for ch in charts.chart_characters() if ord(ch) not in cmap)
    assert missing == [], "rebuild the chart font: python deploy/build_chart_font.py …"
    assert charts.chart_lang("zh-Hant") == "zh-Hant"


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
@pytest.mark.parametrize(
    "request_text",
    [
        "/calc us401k age=30 salary=80000 contrib_pct=10 years=1",
        "/calc inflow alloc=3 adoption=50",
        "/calc cn_pension birth=1975-05 gender=female_55 years=25",
        "/calc cn_resident_pension annual_contrib=500 years=15",
        "/calc cn_personal_pension salary=300000",
    ],
)
def test_chinese_charts_draw_every_glyph(
    chart_engine: Engine, lang: Lang, request_text: str
) -> None:
    # A glyph missing from the font is a matplotlib warning, an error under this test config.
    reply = chart_engine.handle(Message(request_text, lang))
    assert reply.kind == "calc" and reply.lang == lang
    assert reply.chart_png is not None and reply.chart_png.startswith(PNG_MAGIC)


def test_chart_without_the_chart_font_still_renders_in_english(
    chart_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    reply = chart_engine.handle(Message("如果401k把2%配置到加密货币会流入多少"))
    assert reply.lang == "zh-Hans"
    assert reply.chart_png is not None and reply.chart_png.startswith(PNG_MAGIC)
