"""Take-home pay after social insurance and income tax ("税前15000到手多少", issue 9): the
contributions calculator adds the month's income tax, a monthly average of the year's."""

from decimal import ROUND_HALF_UP, Decimal

import pytest

from bot.engine import Engine, Message
from bot.i18n.formatting import format_cny
from tests.test_calc_income_tax import (
    BASIC_DEDUCTION,
    EMPLOYEE_SOCIAL_RATE,
    IIT_BANDS,
    IIT_LAW_URL,
)


def yearly_tax(taxable: float) -> float:
    """The year's tax on taxable comprehensive income, band by band, as the law's table reads."""
    uppers = (*(lower for lower, _ in IIT_BANDS[1:]), float("inf"))
    return sum(
        max(0.0, min(taxable, upper) - lower) * rate
        for (lower, rate), upper in zip(IIT_BANDS, uppers, strict=True)
    )


def monthly_tax(wage: float, base: float, deductions: float = 0.0) -> float:
    """A month's average of the tax on twelve months of a wage, its social insurance taken on
    `base` (the wage itself between the base's floor and cap), in whole yuan (halves up)."""
    social = 12 * base * EMPLOYEE_SOCIAL_RATE
    yearly = yearly_tax(max(0.0, 12 * wage - BASIC_DEDUCTION - social - deductions))
    return float(Decimal(yearly / 12).quantize(Decimal(1), ROUND_HALF_UP))


@pytest.fixture(scope="module")
def calc_engine(engine: Engine) -> Engine:
    return Engine(engine.content, charts=False, today=engine.today)


BEFORE_TAX = {"en": "Take-home before income tax", "zh-Hans": "个税前到手", "zh-Hant": "個稅前到手"}
TAX_LINE = {
    "en": "Income tax: about {tax} a month, so take-home after social insurance and income tax: "
    "about {net}.",
    "zh-Hans": "个税平均每月约{tax}，扣除社保和个税后到手约{net}。",
    "zh-Hant": "個稅平均每月約{tax}，扣除社保和個稅後到手約{net}。",
}
WITHHOLDING = {"en": "cumulative withholding", "zh-Hans": "累计预扣法", "zh-Hant": "累計預扣法"}
HOUSING_FUND = {"en": "住房公积金", "zh-Hans": "住房公积金", "zh-Hant": "住房公積金"}

# (request, language, monthly wage, yearly special additional deductions)
TAKE_HOME_REQUESTS = [
    ("税前15000到手多少", "zh-Hans", 15_000, 0),
    ("月薪1万到手多少钱", "zh-Hans", 10_000, 0),
    ("月薪兩萬，扣完社保和個稅到手多少？", "zh-Hant", 20_000, 0),
    ("I make 20k RMB a month in Beijing, what's my take-home?", "en", 20_000, 0),
    ("月薪2万，房贷每月1000，赡养老人每月3000，到手多少", "zh-Hans", 20_000, 48_000),
]


@pytest.mark.parametrize(("text", "lang", "wage", "deductions"), TAKE_HOME_REQUESTS)
def test_the_take_home_after_income_tax_follows_the_one_before_it(
    calc_engine: Engine, text: str, lang: str, wage: float, deductions: float
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "calc" and reply.lang == lang, reply.text
    assert reply.result is not None and reply.result["calculator"] == "cn_contrib"
    social = wage * EMPLOYEE_SOCIAL_RATE
    tax = monthly_tax(wage, wage, deductions)
    assert reply.result["employee_total"] == pytest.approx(social, abs=0.01)
    assert reply.result["income_tax_monthly"] == pytest.approx(tax, abs=0.01)
    assert reply.result["take_home_after_tax"] == pytest.approx(wage - social - tax, abs=0.01)
    lines = reply.text.splitlines()
    before = next(i for i, line in enumerate(lines) if BEFORE_TAX[lang] in line)
    assert lines[before + 1] == TAX_LINE[lang].format(
        tax=format_cny(tax, lang), net=format_cny(wage - social - tax, lang)
    )
    assert WITHHOLDING[lang] in reply.text and HOUSING_FUND[lang] in reply.text
    assert IIT_LAW_URL in {source.url for source in reply.sources}


def test_stated_deductions_are_read_and_named(calc_engine: Engine) -> None:
    reply = calc_engine.handle(Message("月薪2万，房贷每月1000，赡养老人每月3000，到手多少"))
    assert reply.result is not None
    assert {k: float(v) for k, v in reply.result["read"].items()} == {
        "wage": 20_000,
        "deductions": 48_000,
    }
    assert "专项附加扣除48,000元" in reply.text
    assert "没有提到专项附加扣除" not in reply.text
    plain = calc_engine.handle(Message("税前15000到手多少"))
    assert "没有提到专项附加扣除" in plain.text


def test_the_tax_is_on_the_capped_base_and_none_below_the_deduction(calc_engine: Engine) -> None:
    capped = calc_engine.handle(Message("/calc cn_contrib wage=40000 cap=30000"))
    assert capped.result is not None
    tax = monthly_tax(40_000, 30_000)
    assert capped.result["income_tax_monthly"] == pytest.approx(tax, abs=0.01)
    assert capped.result["take_home_after_tax"] == pytest.approx(
        40_000 - 30_000 * EMPLOYEE_SOCIAL_RATE - tax, abs=0.01
    )
    low = calc_engine.handle(Message("/calc cn_contrib wage=5000 floor=4000"))
    assert low.result is not None and low.result["income_tax_monthly"] == 0
    assert low.result["take_home_after_tax"] == low.result["take_home"]


@pytest.mark.parametrize(
    ("text", "wage"),
    [
        ("税前15000到手多少", 15_000),
        ("月薪1万到手多少钱", 10_000),
        ("I make 20k RMB a month in Beijing, what's my take-home?", 20_000),
        ("工资12000税后多少", 12_000),
        ("月薪8000扣完五险一金实发多少", 8_000),
        ("月薪8000社保交多少", 8_000),  # the contributions alone, as before
        ("年薪30万到手多少", 25_000),  # a year's pay, read as twelve equal months
    ],
)
def test_a_monthly_pay_and_what_is_left_asked_is_a_contributions_calculation(
    calc_engine: Engine, text: str, wage: float
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.result is not None and reply.result["calculator"] == "cn_contrib", reply.text
    assert float(reply.result["read"]["wage"]) == wage


@pytest.mark.parametrize(
    "text",
    [
        "到手工资怎么算",  # no pay stated: a question
        "How is take-home pay calculated in China?",
        "起征点5000，到手怎么算",  # a threshold, not pay
        "I earn $5000 a month, what's my take-home after tax?",  # not China's
        "到手1万税前要多少",  # the pay a take-home needs: the other way round
        "年终奖3万到手多少",  # a bonus is taxed on its own
    ],
)
def test_what_the_take_home_does_not_answer_is_no_such_calculation(
    calc_engine: Engine, text: str
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.result is None or reply.result.get("calculator") != "cn_contrib", reply.text
    if "$" not in text:
        assert reply.kind in {"answer", "fallback", "clarify"}, (reply.kind, reply.text)
