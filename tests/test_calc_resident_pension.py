"""The urban-rural residents' pension (城乡居民基本养老保险) as a user asks for it: routing away
from the employee pension, the reply's figures against hand arithmetic, what was read, the
questions it asks back and the inputs it refuses."""

import pytest

from bot.engine import Engine, Message
from bot.i18n.script import to_traditional
from bot.knowledge.content import Content
from calc import cn_resident_pension
from calc.errors import CalcInputError

# The national figures of content/figures.yaml the references below are worked from; a test
# checks they are still what the content says, so a new figure changes them in one place.
BASIC_MINIMUM = 163.0  # yuan a month, 2026
PAYOUT_MONTHS = 139
SUBSIDY_LOW, SUBSIDY_HIGH, HIGH_GRADE = 30.0, 60.0, 500.0  # yuan a year
ASSUMED_INTEREST = 0.02
MINIMUM_YEARS = 15


def _monthly(yearly: float, subsidy: float, years: int, rate: float, basic: float) -> float:
    """The closed form: an annuity's future value (payments at each year's end) / 139 + basic."""
    paid = yearly + subsidy
    balance = paid * years if rate == 0 else paid * ((1 + rate) ** years - 1) / rate
    return basic + balance / PAYOUT_MONTHS


@pytest.fixture(scope="module")
def calc_engine(engine: Engine) -> Engine:
    return Engine(engine.content, charts=False, today=engine.today)


def test_the_references_use_the_contents_figures(content: Content) -> None:
    figures = content.figures
    assert figures["cn_resident_basic_min_2026"].number == BASIC_MINIMUM
    assert figures["cn_resident_payout_months"].number == PAYOUT_MONTHS
    assert figures["cn_resident_subsidy_min"].number == SUBSIDY_LOW
    assert figures["cn_resident_subsidy_min_high"].number == SUBSIDY_HIGH
    assert figures["cn_resident_subsidy_high_grade"].number == HIGH_GRADE
    assert figures["cn_resident_assumed_interest"].number / 100 == ASSUMED_INTEREST
    assert figures["cn_resident_assumed_interest"].confidence == "D"  # an assumption
    assert figures["cn_resident_min_years"].number == MINIMUM_YEARS
    assert figures["cn_resident_age"].number == 60


ROUTES = [
    ("农村老人每年交100元养老保险，交15年，一个月能领多少", 100, 15),
    ("居民养老按最高档一年交6000，交15年，以后每个月领多少", 6000, 15),
    (
        "If I pay 500 rmb a year into the residents' pension for fifteen years,"
        " what do I get a month from 60?",
        500,
        15,
    ),
    ("新农保每年缴300元，缴了20年，每月能拿多少钱", 300, 20),
    ("城乡居民养老保险一年交2000，交25年，退休每个月领多少", 2000, 25),
]


@pytest.mark.parametrize(("text", "yearly", "years"), ROUTES)
@pytest.mark.parametrize("script", ["as written", "traditional"])
def test_residents_requests_are_calculated_with_the_national_defaults(
    calc_engine: Engine, text: str, yearly: float, years: int, script: str
) -> None:
    asked = to_traditional(text) if script == "traditional" else text
    reply = calc_engine.handle(Message(asked))
    assert reply.kind == "calc", reply.text
    assert reply.result is not None
    assert reply.result["calculator"] == "cn_resident_pension"
    assert float(reply.result["read"]["annual_contrib"]) == yearly
    assert float(reply.result["read"]["years"]) == years
    subsidy = SUBSIDY_HIGH if yearly >= HIGH_GRADE else SUBSIDY_LOW
    want = _monthly(yearly, subsidy, years, ASSUMED_INTEREST, BASIC_MINIMUM)
    assert reply.result["total"] == pytest.approx(want, abs=0.01)
    assert reply.result["basic"] == BASIC_MINIMUM
    assert reply.result["months_divisor"] == PAYOUT_MONTHS
    if script == "traditional" and asked != text:
        assert reply.lang == "zh-Hant"
        assert "繳費年限" in reply.text and "缴费" not in reply.text  # the script is kept


def test_the_reply_says_what_it_read_and_names_its_defaults(calc_engine: Engine) -> None:
    reply = calc_engine.handle(Message("农村老人每年交100元养老保险，交15年，一个月能领多少"))
    assert reply.kind == "calc" and reply.lang == "zh-Hans"
    first = reply.text.strip().splitlines()[0]
    assert first.startswith("我读到的是") and "100元" in first and "15年" in first
    # ¥163 + 130 a year for 15 years at 2% (2,248.14) / 139 = ¥179.17
    assert "179.17元" in reply.text
    assert "2,248.14元" in reply.text or "2,248元" in reply.text
    assert "139个月" in reply.text
    assert "全国最低标准" in reply.text  # the basic pension used is named as the minimum
    assert "使用了默认值" in reply.text
    for default in ("每年政府补贴", "当地基础养老金", "个人账户利率"):
        assert default in reply.text
    assert "职工" in reply.text  # the reform's minimum years are the employees', it says so


def test_given_local_amounts_replace_the_defaults(calc_engine: Engine) -> None:
    reply = calc_engine.handle(
        Message(
            "I pay 1000 yuan a year into the rural pension for 20 years, basic pension 250,"
            " subsidy 100, interest 3%: how much a month do I get?"
        )
    )
    assert reply.kind == "calc" and reply.result is not None, reply.text
    assert reply.result["read"] == {
        "annual_contrib": "1000",
        "years": "20",
        "basic": "250",
        "subsidy": "100",
        "return": "3",
    }
    assert reply.result["total"] == pytest.approx(_monthly(1000, 100, 20, 0.03, 250), abs=0.01)
    assert "Defaults used" not in reply.text
    assert reply.text.startswith("Read as: yearly contribution ¥1,000; years of contributions")


def test_a_current_age_alone_means_paying_until_sixty(calc_engine: Engine) -> None:
    reply = calc_engine.handle(Message("我今年45岁，农村养老保险每年交1000元，每月能领多少"))
    assert reply.kind == "calc" and reply.result is not None, reply.text
    assert reply.result["inputs"]["years"] == 15
    assert reply.result["total"] == pytest.approx(
        _monthly(1000, SUBSIDY_HIGH, 15, ASSUMED_INTEREST, BASIC_MINIMUM), abs=0.01
    )
    assert "缴费年限" in reply.text.split("使用了默认值")[1]


def test_below_fifteen_years_there_is_no_monthly_pension_yet(calc_engine: Engine) -> None:
    reply = calc_engine.handle(Message("居民养老每年交500元，交了10年，每月能领多少"))
    assert reply.kind == "calc" and reply.result is not None
    assert reply.result["meets_minimum"] is False
    assert reply.result["total_at_minimum"] == pytest.approx(
        _monthly(500, SUBSIDY_HIGH, 15, ASSUMED_INTEREST, BASIC_MINIMUM), abs=0.01
    )
    assert "⚠️" in reply.text and "15年" in reply.text


def test_a_grade_named_without_its_amount_is_asked_for(calc_engine: Engine) -> None:
    reply = calc_engine.handle(Message("居民养老最高档交15年，每月领多少"))
    assert reply.kind == "calc" and reply.result is not None
    assert reply.result["missing"] == ["annual_contrib"]
    assert "各省" in reply.text  # the top grade differs by province: no guess
    follow_up = calc_engine.handle(Message("3000", pending=reply.pending))
    assert follow_up.kind == "calc" and follow_up.result is not None
    assert follow_up.result["total"] == pytest.approx(
        _monthly(3000, SUBSIDY_HIGH, 15, ASSUMED_INTEREST, BASIC_MINIMUM), abs=0.01
    )


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("农村养老保险交200年，每年交100元，能领多少", "zh-Hans", "1到60"),
        ("居民养老每年交-100元，交15年，每月能领多少", "zh-Hans", "年缴费额"),
        ("居民養老每年繳-100元，繳15年，每月能領多少", "zh-Hant", "年繳費額"),
        ("calc cn_resident_pension annual_contrib=500 years=15 return=30", "en", "10%"),
        ("calc cn_resident_pension annual_contrib=500 years=15 basic=-5", "en", "basic pension"),
    ],
)
def test_unusable_inputs_are_refused_with_the_field_and_its_range(
    calc_engine: Engine, text: str, lang: str, words: str
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "error", reply.text
    assert reply.lang == lang
    assert words in reply.text


# Employee-pension requests stay with the employee calculator, and questions about the
# residents' scheme that state nothing paid are answered from the notes.
@pytest.mark.parametrize(
    ("text", "kind", "where"),
    [
        (
            "1975年5月出生的男职工，社平工资1万，缴费指数1.2，缴费30年，能领多少",
            "calc",
            "cn_pension",
        ),
        ("农民工交职工养老保险15年，社平工资8000，退休能领多少", "calc", "cn_pension"),
        ("交六年职工社保退休能领多少钱", "calc", "cn_pension"),
        ("我爸是农村的，六十岁了能领多少养老金", "answer", "cn_resident_pension"),
        ("农民到了60岁能拿多少养老金", "answer", "cn_resident_pension"),
        ("城乡居民基础养老金最低标准是多少", "answer", "cn_resident_pension"),
    ],
)
def test_each_scheme_keeps_its_own_route(
    calc_engine: Engine, text: str, kind: str, where: str
) -> None:
    for asked in (text, to_traditional(text)):
        reply = calc_engine.handle(Message(asked))
        assert reply.kind == kind, (asked, reply.text)
        if kind == "calc":
            assert reply.result is not None and reply.result["calculator"] == where
        else:
            assert reply.topic == where


def test_the_calc_menu_lists_the_residents_pension(calc_engine: Engine) -> None:
    reply = calc_engine.handle(Message("/calc", lang="zh-Hans"))
    assert "城乡居民养老保险" in reply.text and "cn_resident_pension" in reply.text
    assert "annual_contrib, years, age, retire_age, basic, subsidy, return" in reply.text


def test_the_account_grows_like_an_annuity_paid_at_each_years_end() -> None:
    assert cn_resident_pension.account_after(100, 3, 0.1) == pytest.approx(100 + 110 + 121)
    assert cn_resident_pension.account_after(100, 2.5, 0) == pytest.approx(250)


def test_the_formula_refuses_a_negative_basic_pension() -> None:
    inputs = cn_resident_pension.ResidentPensionInputs(
        yearly_contribution=100,
        yearly_subsidy=30,
        years=15,
        basic_pension=-1,
        interest=0.02,
        payout_months=PAYOUT_MONTHS,
        minimum_years=MINIMUM_YEARS,
    )
    with pytest.raises(CalcInputError) as refused:
        cn_resident_pension.estimate_resident_pension(inputs)
    assert refused.value.field == "basic" and refused.value.reason == "negative"


def test_the_reply_carries_the_chart_of_pension_by_years_paid(engine: Engine) -> None:
    charted = Engine(engine.content, today=engine.today)
    reply = charted.handle(Message("農村老人每年繳100元養老保險，繳了15年，一個月能領多少？"))
    assert reply.kind == "calc"
    assert reply.chart_png is not None and reply.chart_png.startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "I'm 45 and pay 1000 yuan a year into the rural pension, what do I get a month at 60?",
            {"annual_contrib": "1000", "age": "45", "retire_age": "60"},
        ),
        (
            "my parents are farmers and pay 300 yuan a year into the rural pension, they have"
            " paid 15 years, how much will they get monthly?",
            {"annual_contrib": "300", "years": "15"},
        ),
        (
            "城乡居民养老保险每年交3000元档，交30年，当地基础养老金是260元，每月能领多少？",
            {"annual_contrib": "3000", "years": "30", "basic": "260"},
        ),
        ("居民养老每月交50元，交了15年，每月能领多少", {"annual_contrib": "600", "years": "15"}),
    ],
)
def test_requests_are_read_as_written(calc_engine: Engine, text: str, read: dict[str, str]) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "calc" and reply.result is not None, reply.text
    assert reply.result["read"] == read
    assert "Not used" not in reply.text and "没有用到" not in reply.text
