"""Calculation requests as a user types them: routing, replies, follow-ups, errors."""

import datetime as dt

import pytest

from bot.calcs.registry import CALCULATORS
from bot.chat import ChatSession
from bot.engine import Engine, Message, Reply
from bot.i18n.formatting import format_usd
from bot.i18n.script import to_traditional
from bot.i18n.text import t


@pytest.fixture(scope="module")
def calc_engine(engine: Engine) -> Engine:
    return Engine(engine.content, charts=False, today=engine.today)


ROUTES = [
    (
        "I'm 35, I make $95,000 and put 8% into my 401k, the company matches 100% of the"
        " first 4%. What will I have at 67?",
        "us401k",
    ),
    ("If I deposit $300 a month for 25 years at 7% a year, how much will I have?", "us401k"),
    ("What if 401(k) plans put 3% into bitcoin, how much money would flow in?", "inflow"),
    ("如果401k拿出百分之三买比特币，会有多少钱流入加密市场", "inflow"),
    ("1980年3月出生的女工人，社平工资8000，缴费25年，退休能领多少养老金", "cn_pension"),
    ("月薪12000，社保个人和公司每月各交多少", "cn_contrib"),
    ("年薪40万，买个人养老金12000能省多少税", "cn_personal_pension"),
    # Asked outright ("帮我算", "calculate"), without the usual question words.
    ("帮我算养老金：女干部，1978年生，缴费30年，月工资1万2，当地平均工资9000。", "cn_pension"),
    (
        "My monthly salary is 15k RMB. What are the employee and employer"
        " social insurance contributions?",
        "cn_contrib",
    ),
    ("帮我算一下社保缴费，月工资5000块，缴费基数下限4500", "cn_contrib"),
    ("如果我每年存6000美元到401k，存30年，年化回报7%，最后有多少钱？", "us401k"),
    ("算算我的401k能有多少", "us401k"),
    ("401k试算一下：40岁，年薪10万美元，缴8%，60岁退休", "us401k"),
    # "social security" in a message about China only is its 社保
    ("I earn 8000 yuan a month in Beijing, how much social security is deducted?", "cn_contrib"),
    ("How much social security should Chengdu deduct for a monthly salary of 5500?", "cn_contrib"),
    ("太原社保基数6000社保缴费多少", "cn_contrib"),
    # what social insurance takes off the pay is told; the pension is what is asked
    ("现在每月扣完五险一金到手7000，交了25年，退休能领多少退休金？", "cn_pension"),
    (
        "I paid social security in Shanghai for 20 years, how much can I get when I retire?",
        "cn_pension",
    ),
]


@pytest.mark.parametrize(("question", "calculator"), ROUTES)
@pytest.mark.parametrize("script", ["as written", "traditional"])
def test_requests_reach_the_right_calculator(
    calc_engine: Engine, question: str, calculator: str, script: str
) -> None:
    text = to_traditional(question) if script == "traditional" else question
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "calc", reply.text
    assert reply.result is not None and reply.result["calculator"] == calculator
    if script == "traditional" and question != to_traditional(question):
        assert reply.lang == "zh-Hant"


@pytest.mark.parametrize(
    "text",
    [
        # how a sum is worked out, asked as a rule, or the asker's own sum ("I calculate that")
        "how do taxes and penalties calculate on a defaulted 401k loan of $20k?",
        "养老金是怎么计算的？我交了20年",
        "I calculate that I can pay off my $25k card debt with one of my 401(k)s.",
    ],
)
def test_asking_how_something_is_calculated_is_a_question(calc_engine: Engine, text: str) -> None:
    assert calc_engine.handle(Message(text)).kind != "calc"


@pytest.mark.parametrize(
    "text",
    [
        "I make $5000 a month, how much social security do I pay?",
        "I paid social security for 20 years, how much can I get when I retire?",
    ],
)
def test_american_social_security_is_not_chinas(calc_engine: Engine, text: str) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.result is None or not str(reply.result["calculator"]).startswith("cn_")


# Questions that mention a pension and "how much" but ask for facts, not a calculation:
# a quantity word ("一年") is not an input, the personal pension and the residents' scheme
# are not the employee-pension calculator's subject.
NOT_CALCULATIONS = [
    ("个人养老金一年最多能存多少钱", {"cn_personal_pension_basics", "cn_personal_pension_tax"}),
    ("养老金一年大概能涨多少钱", {"cn_pension_adjustment"}),
    ("我爸是农村的，六十岁了能领多少养老金", {"cn_resident_pension"}),
    ("2026年401k最多能存多少", {"k401_contribution_limits"}),
]


@pytest.mark.parametrize(("question", "topics"), NOT_CALCULATIONS)
def test_fact_questions_about_pensions_get_answers_not_calculations(
    calc_engine: Engine, question: str, topics: set[str]
) -> None:
    for text in (question, to_traditional(question)):
        reply = calc_engine.handle(Message(text))
        assert reply.kind == "answer" and reply.topic in topics, (text, reply.kind, reply.topic)


def test_401k_reply_states_assumptions_range_and_sources(calc_engine: Engine) -> None:
    reply = calc_engine.handle(
        Message(
            "I'm 30, salary $80k, I put 10% in my 401k with a 50% match up to 6%."
            " How much will I have at 65?"
        )
    )
    result = reply.result or {}
    assert result["calculator"] == "us401k"
    assert result["p10"] < result["p50"] < result["p90"]
    # 50% of the first 6% = 3% of pay, on pay rising by the stated growth each year.
    growth = 1 + result["inputs"]["salary_growth_pct"] / 100
    assert result["employer_total"] == pytest.approx(
        0.03 * 80_000 * sum(growth**k for k in range(35))
    )
    assert result["inputs"]["match"] == [{"rate_pct": 50.0, "up_to_pct": 6.0}]
    assert "Assumptions" in reply.text and "$24,500" in reply.text
    assert reply.sources and all(s.url.startswith("http") for s in reply.sources)
    assert any(b.label.startswith("Return") for b in reply.buttons)


def test_adjustment_button_reruns_with_the_changed_input(calc_engine: Engine) -> None:
    first = calc_engine.handle(Message("I'm 30, salary $80k, 10% into my 401k, how much at 65?"))
    higher = next(
        b for b in first.buttons if b.label.endswith("+1%") and b.label.startswith("Return")
    )
    second = calc_engine.action(higher.action, "en")
    assert second.result and first.result
    assert second.result["inputs"]["annual_return_pct"] == pytest.approx(
        first.result["inputs"]["annual_return_pct"] + 1
    )
    assert second.result["balance"] > first.result["balance"]


def test_inflow_says_which_base_it_used(calc_engine: Engine) -> None:
    reply = calc_engine.handle(
        Message("If 401(k) plans moved 2% of their $8.7 trillion into crypto, how much flows in?")
    )
    assert reply.result and reply.result["inflow_usd"] == pytest.approx(174e9)
    assert "$174 billion" in reply.text
    default = calc_engine.handle(Message("If 401k plans put 2% into crypto how much flows in?"))
    assert default.result and default.result["base_as_of"]
    assert "401(k) assets" in default.text


def test_chinese_pension_reply_is_in_chinese_with_the_reform_date(calc_engine: Engine) -> None:
    reply = calc_engine.handle(
        Message("1975年5月出生的男职工，社平工资1万，缴费指数1.2，缴费30年，能领多少养老金")
    )
    assert reply.lang == "zh-Hans"
    assert reply.result and reply.result["retirement_date"] == "2038-01"
    assert reply.result["basic"] == pytest.approx(10_000 * 2.2 / 2 * 30 * 0.01)
    assert "2038年1月" in reply.text and "基础养老金" in reply.text


def test_a_missing_input_is_asked_for_and_the_answer_completes_it(calc_engine: Engine) -> None:
    ask = calc_engine.handle(Message("养老保险缴费基数3800退休能领多少"))
    assert ask.kind == "calc" and ask.result and ask.result["missing"] == ["years"]
    assert ask.pending and "缴费" in ask.text
    done = calc_engine.handle(Message("30年", pending=ask.pending))
    assert done.result and done.result["calculator"] == "cn_pension"
    assert done.result["inputs"]["years"] == 30 and done.result["inputs"]["monthly_wage"] == 3800


def test_contributions_mention_that_skipping_them_is_void(calc_engine: Engine) -> None:
    reply = calc_engine.handle(Message("月薪8000社保交多少"))
    assert reply.result and reply.result["employee_total"] > 0
    assert "无效" in reply.text and "法释〔2025〕12号" in reply.text


def test_personal_pension_tax_example(calc_engine: Engine) -> None:
    reply = calc_engine.handle(Message("应纳税所得额31万，个人养老金存12000能省多少税"))
    assert reply.result and reply.result["tax_saved"] == pytest.approx(2900)
    assert "2,900" in reply.text


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("my salary is -$50,000, I save 10%, how much will I have in 20 years?", "en", "salary"),
        (
            "I contribute 500% of my $80k salary to my 401k, how much will I have after 30 years?",
            "en",
            "100%",
        ),
        ("I'm 200 years old, salary $80k, 10% into my 401k, how much at 250?", "en", "age"),
        (
            "I'm 70 and will retire at 65, salary $80k, 10% in my 401k, how much will I have?",
            "en",
            "retirement age",
        ),
        ("缴费指数5，缴费30年，能领多少养老金", "zh-Hans", "缴费指数"),
        ("繳費指數5，繳費30年，能領多少養老金", "zh-Hant", "繳費指數"),
        ("calc us401k years=nan salary=80000", "en", "number"),
        ("calc us401k salary=1e308 years=10", "en", "salary"),
        ("calc cn_contrib wage=abc", "en", "wage"),
        # Issue 9: read and refused, never dropped or accepted.
        ("I'm 30, salary 1e308, 10% to my 401k, how much at 65?", "en", "salary"),
        (
            "1970年出生的男职工，退休年龄200岁，缴费30年，社平工资1万，能领多少养老金",
            "zh-Hans",
            "退休年龄",
        ),
        ("calc us401k age=30 salary=80000 contrib_pct=10 return=50", "en", "20%"),
    ],
)
def test_invalid_inputs_get_a_clear_error_in_the_users_language(
    calc_engine: Engine, text: str, lang: str, words: str
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "error"
    assert reply.lang == lang
    assert words in reply.text
    assert "Traceback" not in reply.text


def test_below_the_minimum_years_the_reply_leads_with_the_rule(calc_engine: Engine) -> None:
    reply = calc_engine.handle(Message("交六年职工社保退休能领多少钱"))
    assert reply.kind == "calc" and reply.result is not None
    assert reply.result["meets_minimum"] is False
    assert reply.result["total_at_minimum"] > reply.result["total"]
    first_lines = reply.text.split("\n")[:6]  # after what was read and the title
    assert any("15年" in line and "最低" in line for line in first_lines)


@pytest.mark.parametrize(
    ("text", "wage"),
    [
        ("月薪一万二，社保交多少", 12_000),
        ("月薪2万4500社保交多少", 24_500),
        ("月薪3万5社保扣多少", 35_000),
    ],
)
def test_colloquial_chinese_amounts_are_read_whole(
    calc_engine: Engine, text: str, wage: float
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.result is not None and reply.result["inputs"]["wage"] == wage


# What a user typed, and what the calculator must have read from it.
READINGS = [
    (  # the percentage goes to the nearest keyword, not the first one listed
        "How much will my 401k be worth? I'm 45, earn 120k, contribute 15%,"
        " have 250k saved, retire at 67",
        {"contribution_pct": 15.0, "annual_return_pct": 6.0, "current_balance": 250000.0},
    ),
    (
        "I'm 35, salary $95k, contributing 8%, employer matches 100% up to 3%,"
        " grow to by 60 with 1% fees",
        {"expense_ratio_pct": 1.0, "annual_return_pct": 6.0, "retirement_age": 60.0},
    ),
    (
        "401k calculator: age 33, income 110k, contribute 7%, employer matches 6%,"
        " 0.5% expense ratio",
        {"match": [{"rate_pct": 100.0, "up_to_pct": 6.0}], "expense_ratio_pct": 0.5},
    ),
    (
        "我今年30岁，年薪8万美元，401k缴10%，公司匹配50%最高6%，65岁退休时能有多少钱？",
        {"contribution_pct": 10.0, "match": [{"rate_pct": 50.0, "up_to_pct": 6.0}]},
    ),
    (
        "年薪十万美元，401k存百分之六，雇主一比一匹配到4%，存25年能攒多少？",
        {"years": 25.0, "match": [{"rate_pct": 100.0, "up_to_pct": 4.0}]},
    ),
    (
        "Female worker born March 1972, 20 years of contributions at the average wage:"
        " how much pension will I get?",
        {"category": "female_50", "index": 1.0, "years": 20.0},
    ),
    (
        "Personal pension tax saving for annual income of 150k RMB contributing 6000 yuan",
        {"salary": 150000.0, "contribution": 6000.0},
    ),
    ("个人养老金能帮我省多少税？我一年挣50万。", {"salary": 500000.0}),
    (  # monthly pay is pay, not a contribution; "at 7%" is a return
        "I earn $4,000 a month and put $400 a month into my 401k at 7%. I'm 30. How much at 65?",
        {"salary": 48000.0, "contribution_usd_per_year": 4800.0, "annual_return_pct": 7.0},
    ),
    (
        "If 401(k) plans put half a percent into bitcoin and 40% of plans adopt it,"
        " how much flows in?",
        {"allocation_pct": 0.5, "adoption_pct": 40.0},
    ),
]


@pytest.mark.parametrize(("text", "expected"), READINGS)
def test_inputs_are_read_from_plain_words(
    calc_engine: Engine, text: str, expected: dict[str, object]
) -> None:
    for variant in (text, to_traditional(text)):
        reply = calc_engine.handle(Message(variant))
        assert reply.kind == "calc" and reply.result is not None, reply.text
        inputs = reply.result["inputs"]
        read = {key: inputs.get(key) for key in expected}
        assert read == {
            key: pytest.approx(value) if isinstance(value, float) else value
            for key, value in expected.items()
        }, variant


@pytest.mark.parametrize(
    ("text", "lang", "shown"),
    [
        (
            "I'm 30, salary $80k, 10% with a 50% match up to 6%, how much at 65?",
            "en",
            ["Read as:", "age 30", "$80,000", "10%", "50% up to 6% of pay"],
        ),
        ("月薪一万二，社保交多少", "zh-Hans", ["我读到的是", "月工资 12,000元"]),
        ("月薪一萬二，社保交多少", "zh-Hant", ["我讀到的是", "月工資 12,000元"]),
    ],
)
def test_a_result_starts_with_what_was_read(
    calc_engine: Engine, text: str, lang: str, shown: list[str]
) -> None:
    """Issue 9: a misreading must be visible, so every result says what it read first."""
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "calc" and reply.lang == lang
    first = reply.text.split("\n")[0]
    assert all(piece in first for piece in shown), first
    assert reply.result is not None and "missing" not in reply.result["read"]


@pytest.mark.parametrize(
    ("text", "read"),
    [  # issue 9: words for zero, a percentage going "to my 401k", a horizon beside an age
        (
            "I'm 30, salary $80k, 10% to my 401k, no raises, how much at 65?",
            {"raise": "0", "contrib_pct": "10"},
        ),
        (
            "I'm 30, salary $80k, 10% to my 401k, 0 fees, zero return, how much at 65?",
            {"fee": "0", "return": "0", "contrib_pct": "10"},
        ),
        (
            "I'm 30, salary $80k, 10% to my 401k, 7% return, how much at 65?",
            {"return": "7", "contrib_pct": "10"},
        ),
        (
            "I'm 30, salary $80k, 10% to my 401k for 30 years, 7% annual return, how much?",
            {"years": "30", "return": "7", "contrib_pct": "10"},
        ),
        (
            "我30岁，年薪8万美元，存10%到401k，工资不涨，没有费用，到65岁有多少",
            {"raise": "0", "fee": "0", "contrib_pct": "10", "retire_age": "65"},
        ),
        # Chinese match phrases were read as returns and fees
        ("月薪1万，存10%到401k，公司匹配50%最多到6%，20年后有多少", {"match": "50@6"}),
        ("公司100%匹配到4%，年薪10万美元，存6%，30年后401k有多少", {"match": "100@4"}),
        (
            "my employer puts $2 for every $1 up to 3%, I make 60k and put in 5%, I'm 25, "
            "how much at 60?",
            {"match": "200@3", "contrib_pct": "5", "retire_age": "60"},
        ),
        # a balance stated in Chinese, or equal to the pay
        (
            "我已经有30万美元在401k，年薪20万美元，存10%，我现在40岁，到65岁有多少",
            {"balance": "300000", "salary": "200000"},
        ),
        (
            "I earn $80,000 and have $80,000 in my 401k, I'm 40, I put in 10%, how much at 65?",
            {"balance": "80000", "salary": "80000"},
        ),
        # a stated flow of new money, with its period; adoption said plainly
        (
            "401(k) assets ~$12T, new contributions ~$1.3T a year. If 3% of new money goes to "
            "BTC, what's the yearly inflow?",
            {"alloc": "3", "base": "12000000000000", "yearly": "1300000000000"},
        ),
        (
            "401(k)s hold ~$12T and take in $50B every two weeks. If 2% goes to bitcoin and "
            "only 40% of plans offer it, how much flows in per year?",
            {"alloc": "2", "adoption": "40", "yearly": "1300000000000"},
        ),
        (
            "$12 trillion in 401ks, 1% BTC allocation across all of them, how much flows in "
            "if adoption is only 25%?",
            {"alloc": "1", "adoption": "25"},
        ),
        ("月薪三千五，社保交多少", {"wage": "3500"}),
        ("社保缴费基数一万二，个人每月扣多少？", {"wage": "12000"}),
        ("工资4万一个月，当地平均工资1.1万，社保按上限交是多少？", {"wage": "40000"}),
        ("3万5的月薪社保交多少", {"wage": "35000"}),
        ("月薪一千零五，社保交多少", {"wage": "1005"}),
        (
            "我有两个子女，1975年出生的男职工，社平工资1万，缴费30年，能领多少养老金",
            {"gender": "male"},
        ),
        # Issue 9, read through the slot tables: cue words in any order, periods, scripts.
        (
            "我30歲，年薪6萬美元，401k每個月存500，公司配對50%到6%，65歲退休時有多少？",
            {"age": "30", "salary": "60000", "contrib_amount": "6000", "match": "50@6"},
        ),
        (
            "401k現在有10萬美元，每年再存1萬，報酬率6%，20年後會變多少？",
            {"balance": "100000", "contrib_amount": "10000", "return": "6", "years": "20"},
        ),
        (
            "I put $300 a paycheck into my 401k, paid biweekly, 7% return, 35 years. How much?",
            {"contrib_amount": "7800", "return": "7", "years": "35"},
        ),
        (
            "Wife and I are 50, 401k balance 600k, adding 30k/yr. At 6%, what do we have at 62?",
            {"age": "50", "balance": "600000", "contrib_amount": "30000", "retire_age": "62"},
        ),
        (
            "Will I have $1 million by 60 if I'm 30 now and save $1,000 a month?",
            {"age": "30", "retire_age": "60", "contrib_amount": "12000", "target": "1000000"},
        ),
        (
            "I'm forty and have seventy-five thousand in my 401k. Am I on track?",
            {"age": "40", "balance": "75000"},
        ),
        (
            "10k sitting in an old 401k, no more contributions. what's it worth in 20 yrs at 7%?",
            {"balance": "10000", "contrib_amount": "0", "years": "20", "return": "7"},
        ),
        (
            "广州社平工资2092，经理月薪1万，社保个人每月扣多少？",
            {"wage": "10000", "avg_wage": "2092"},
        ),
        ("连续缴纳社保25年，按照60%的基数，退休工资大概多少", {"years": "25", "index": "0.6"}),
        ("1980年出生男性，交社保35年，平均缴费指数1.2，养老金大概多少？", {"years": "35"}),
        ("养老保险交够15年每月能领多少", {"years": "15"}),
        (
            "Maria is 25 and earns $48,000 per year. She contributes 6% of her salary, and her "
            "employer matches 50% of her contributions up to 6% of salary. Assuming a 7% "
            "annual return, how much will she have when she retires at 65?",
            {"age": "25", "salary": "48000", "contrib_pct": "6", "match": "50@6"},
        ),
        (
            "Calculate the future value of $200 monthly deposits into a 401k for 35 years at 8%.",
            {"contrib_amount": "2400", "years": "35", "return": "8"},
        ),
        (
            "若每年投入6000美元到401k，年報酬率8%，30年後帳戶價值為何？",
            {"contrib_amount": "6000", "years": "30", "return": "8"},
        ),
        (
            "小王今年30岁，年薪8万美元，每年往401k存10%，公司匹配5%，年回报7%，60岁时大约有多少钱？",
            {"age": "30", "retire_age": "60", "match": "100@5", "contrib_pct": "10"},
        ),
        (
            "if i max my 401k at $18.5k a yr for 30 yrs at 7%, no match, do I end up w/ 1.75M?",
            {"contrib_amount": "18500", "years": "30", "match": "0", "target": "1750000"},
        ),
        (
            "turning 40, zero saved so far. if I put $23,500 in my 401k every year till 67, "
            "will I be ok?",
            {"age": "40", "retire_age": "67", "contrib_amount": "23500", "balance": "0"},
        ),
        (
            "employer matches 25% of what I put in, up to 6% of pay. salary about $90.9k gross",
            {"match": "25@6", "salary": "90900"},
        ),
        (
            "I'm 59 w/ 400k in my 401k, want out at 62. if I keep putting in 20k/yr, what then?",
            {"age": "59", "balance": "400000", "retire_age": "62", "contrib_amount": "20000"},
        ),
        ("我50岁，手上有400万美元，每年再存3万，55岁退休时大概有多少？", {"balance": "4000000"}),
        (
            "每月往401k放1000刀，放15年，年化10%，最后能有多少？",
            {"contrib_amount": "12000", "years": "15", "return": "10"},
        ),
        (
            "25歲開始每年投5000美元到401(k)，年報酬8%，68歲退休時會有多少？",
            {"age": "25", "retire_age": "68", "contrib_amount": "5000"},
        ),
        (
            "40歲才開始每年存滿401K（19500），年報酬5%，存到55歲真的有75萬嗎？",
            {"age": "40", "retire_age": "55", "target": "750000"},
        ),
        (
            "我43岁，家里年收入13万美元，两个人的401k加起来35万，每年一共存2.8万，55岁能退休吗？",
            {"balance": "350000", "contrib_amount": "28000"},
        ),
        (
            "男，繳了20年養老保險，一直按社平工資的2倍繳，個人帳戶有20萬，全省平均工資5000，"
            "退休每月能領多少？",
            {"index": "2", "years": "20", "balance": "200000", "avg_wage": "5000"},
        ),
        (
            "if a third of 401k plans put 2% into bitcoin, how much flows in?",
            {"adoption": "33.3", "alloc": "2"},
        ),
        (
            "假如四分之一的计划把3%配置到比特币，会流入多少钱？",
            {"adoption": "25", "alloc": "3"},
        ),
        (
            "Americans hold $40T in stocks. if 1% of that moved into bitcoin, how much is it?",
            {"alloc": "1", "base": "40000000000000"},
        ),
        (
            "52, $300k in a Roth IRA and $150k in my 401k. retiring in 8 years, what do I have?",
            {"balance": "450000", "age": "52", "years": "8"},
        ),
        (
            "我有20万美元IRA和8万美元401k，再过12年退休，年化5%能有多少？",
            {"balance": "280000", "years": "12", "return": "5"},
        ),
        (
            "I'm 45, putting in $23,000 this year and doing catch-up contributions starting at"
            " age 50. How much by 65?",
            {"age": "45", "contrib_amount": "23000", "retire_age": "65"},
        ),
        (
            "Say you're 28 and plan to retire at 60, contributing $12,000 a year."
            " How much will I have?",
            {"age": "28", "retire_age": "60", "contrib_amount": "12000"},
        ),
        (
            # Taiwan's words: 投報率 (return), 通膨 (inflation), 內扣費用 (fund fees)
            "我30歲，每年存1萬美金到401k，投報率6%，通膨2%，內扣費用0.5%，65歲退休時有多少？",
            {"age": "30", "contrib_amount": "10000", "return": "6", "inflation": "2", "fee": "0.5"},
        ),
        (
            "我45歲，401k裡現在有30萬美金，不再繼續存了，投報率5%，60歲時會有多少？",
            {"age": "45", "balance": "300000", "contrib_amount": "0", "return": "5"},
        ),
        (
            "如果只有三成的計畫開放，401k配置2%到加密貨幣，流入多少？",
            {"adoption": "30", "alloc": "2"},
        ),
        (
            "I'm 41 and have 0 in retirement savings. If I start putting $1,000/month away,"
            " where will I be at 67?",
            {"age": "41", "balance": "0", "contrib_amount": "12000", "retire_age": "67"},
        ),
        (
            "I'm 35 with $100k and I max out my 401k. What will I have at 60?",
            {"age": "35", "balance": "100000", "max": "1", "retire_age": "60"},
        ),
        (
            "我40岁，每年存满401k，55岁退休能有多少？",
            {"age": "40", "max": "1", "retire_age": "55"},
        ),
        (
            "I earn 20,000 RMB a month in Shanghai. How much social insurance do I and my"
            " employer pay?",
            {"wage": "20000"},
        ),
        (
            "I'm a woman born 1985, worker, paid social insurance for 18 years."
            " What pension will I get?",
            {"gender": "female_50", "years": "18"},
        ),
        (
            "女职工，1975年3月生，缴费20年，缴费基数一直是社平的60%，退休金大概多少",
            {"birth": "1975-03", "gender": "female_50", "years": "20", "index": "0.6"},
        ),
        (
            "我65年10月出生，女干部，工龄35年，个人账户12万，当地平均工资9000，能拿多少退休金？",
            {"birth": "1965-10", "gender": "female_55", "years": "35", "balance": "120000"},
        ),
        (
            # years at school are not years of contributions; 工龄 says which are
            "我大学上了4年，毕业后一直工作，工龄31年，退休能领多少养老金",
            {"years": "31"},
        ),
        (
            "我30岁，年薪12万美元，401k存6%，公司匹配50%到6%，年化7%，65岁能有多少？",
            {"age": "30", "salary": "120000", "contrib_pct": "6", "retire_age": "65"},
        ),
        (
            "我35岁，打算存到55岁，每年存满401k，收益率6%，能存多少？",
            {"age": "35", "max": "1", "retire_age": "55", "return": "6"},
        ),
        (
            "如果401k计划拿出5%买比特币，每年新增资金1.3万亿美元，一年流入多少？",
            {"alloc": "5", "yearly": "1300000000000"},
        ),
        (
            "I want $2 million by 65. I'm 35 with $50k. How much should I put in each month?",
            {"age": "35", "balance": "50000", "retire_age": "65", "target": "2000000"},
        ),
        (
            "What would $10,000 grow to in 25 years at 7%?",
            {"balance": "10000", "years": "25", "return": "7"},
        ),
        (
            "If I stop contributing now at 40 with $150k, what will it be at 65?",
            {"age": "40", "balance": "150000", "contrib_amount": "0", "retire_age": "65"},
        ),
        (
            "I'm 30, put in 10% of 80k. How much at 65?",
            {"age": "30", "contrib_pct": "10", "salary": "80000", "retire_age": "65"},
        ),
        (
            "earning 62k, putting 9% a year in, 25 years to go. what will I have?",
            {"salary": "62000", "contrib_pct": "9", "years": "25"},
        ),
        (
            "5万美元一次性放在指数基金里，年化6%，20年后还剩多少？",
            {"balance": "50000", "return": "6", "years": "20"},
        ),
        (
            # A statement of one's own numbers, asking nothing: its projection is shown.
            "I'm 50 with $400k in my 401(k), maxing it out at $31,000 a year until 62.",
            {"age": "50", "balance": "400000", "contrib_amount": "31000", "retire_age": "62"},
        ),
        (
            "60k salary, 6% in, employer matches 4%. after 15 yrs at 6%, is it really ~120k?",
            {"salary": "60000", "contrib_pct": "6", "years": "15", "target": "120000"},
        ),
        (
            "35, maxing the 401k at 23.5k a year till I retire at 65, 7% return. how much?",
            {"age": "35", "retire_age": "65", "contrib_amount": "23500", "return": "7"},
        ),
        (
            "I'm 30 with $40k in my 401k. Can I reach $1.5 million by age 62 at 7%?",
            {"age": "30", "retire_age": "62", "target": "1500000", "balance": "40000"},
        ),
        (
            "Is $500k enough to retire at 60 if I'm 50 now?",
            {"age": "50", "retire_age": "60", "balance": "500000"},
        ),
        (
            "My company contributes 1,125 a year; I save 4,500 a year at 7 percent."
            " How much in 20 years?",
            {"contrib_amount": "4500", "return": "7", "years": "20"},
        ),
    ],
)
def test_plain_requests_are_read_right(
    calc_engine: Engine, text: str, read: dict[str, str]
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "calc" and reply.result is not None
    assert reply.result["read"].items() >= read.items(), reply.result["read"]


@pytest.mark.parametrize(
    "text",
    [
        "How much can I contribute if I max out my 401k at 52?",
        "My employer matches 50% up to 6%.",
        "I have $300k in my 401(k).",
        "I rolled my $80k 401(k) into an IRA at 45.",
        "I took a $20,000 401k loan at 40 and left my job at 42.",
    ],
)
def test_a_statement_without_savings_and_a_horizon_is_not_projected(
    calc_engine: Engine, text: str
) -> None:
    assert calc_engine.handle(Message(text)).kind != "calc"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "I'm 45, make $155,000 a year, have $165,000 in savings and $125,000 in a 401(k)."
            " Can I retire in 10 years?",
            "$165,000",
        ),
        ("我45岁，存款30万美元，401k有12.5万美元，年薪15万美元，十年后能退休吗", "30万"),
    ],
)
def test_a_number_the_calculation_did_not_use_is_named(
    calc_engine: Engine, text: str, number: str
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "calc" and reply.result is not None
    first_line = reply.text.splitlines()[0]
    assert number in first_line
    assert t(reply.lang, "Not used: %(numbers)s.").split("%")[0] in first_line


@pytest.mark.parametrize(
    "text",
    [
        "starting my 401k at 25, want 2 mil by 65, figure 6% return. how much a month??",
        "25岁开始存401k，想65岁时有200万美元，年回报6%，每月要存多少？",
    ],
)
def test_a_target_with_nothing_put_in_yet_is_answered_with_the_monthly_amount(
    calc_engine: Engine, text: str
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "calc" and reply.result is not None
    assert reply.result["read"]["target"] == "2000000"
    monthly = reply.result["monthly_needed_for_target"]
    assert monthly > 0
    headline = "\n".join(reply.text.splitlines()[:6])  # the answer comes first, not last
    assert format_usd(monthly, reply.lang) in headline


def _session_after(calc_engine: Engine, request: str, lang: str) -> tuple[ChatSession, Reply]:
    """A terminal session that asked for a calculation, then chose "change a value"."""
    session = ChatSession(calc_engine, lang)  # type: ignore[arg-type]
    result = session.respond(request)
    fix = next(i for i, b in enumerate(result.buttons, 1) if b.action.startswith("fix "))
    return session, session.respond(str(fix))


def test_changing_one_value_keeps_the_others_and_recalculates(calc_engine: Engine) -> None:
    session, menu = _session_after(
        calc_engine, "我35岁，每月存5000美元到401k，年化7%，65岁退休有多少？", "zh-Hans"
    )
    assert "要改哪一项" in menu.text
    labels = [b.label for b in menu.buttons]
    assert any("年龄" in label and "35" in label for label in labels)
    age = next(i for i, b in enumerate(menu.buttons, 1) if b.action.startswith("fixask age "))
    assert "35" in session.respond(str(age)).text
    fixed = session.respond("40岁")
    assert fixed.kind == "calc" and fixed.result is not None
    assert fixed.result["read"] == {
        "age": "40",
        "contrib_amount": "60000",
        "retire_age": "65",
        "return": "7",
    }


def test_a_new_question_instead_of_the_value_is_answered_as_a_question(
    calc_engine: Engine,
) -> None:
    session, menu = _session_after(calc_engine, "I'm 30, put in 10% of 80k. How much at 65?", "en")
    salary = next(i for i, b in enumerate(menu.buttons, 1) if "salary" in b.action.split()[1])
    session.respond(str(salary))
    reply = session.respond("what is the 401(k) contribution limit this year?")
    assert reply.kind == "answer" and reply.topic == "k401_contribution_limits"


@pytest.mark.parametrize(
    "request_text",
    [
        "I'm 40 and have $75,000 in my 401(k). Am I on track?",
        "1975年5月出生的男职工，社平工资1万，缴费指数1.2，缴费30年，能领多少养老金",
        "月薪12000社保交多少",
        "If 401(k) plans put 2% into crypto, how much flows in?",
    ],
)
def test_a_result_offers_the_notes_it_rests_on(engine: Engine, request_text: str) -> None:
    reply = engine.handle(Message(request_text))
    assert reply.kind == "calc"
    notes = [b.action for b in reply.buttons if b.action.startswith("topic:")]
    assert len(notes) == 1
    opened = engine.action(notes[0], reply.lang)
    assert opened.kind == "answer" and opened.topic == notes[0].removeprefix("topic:")


def test_every_calculator_names_notes_that_exist(engine: Engine) -> None:
    assert {c.notes for c in CALCULATORS.values()} <= set(engine.content.topics)


def test_a_projection_without_pay_says_no_contributions_are_included(engine: Engine) -> None:
    bare = engine.handle(Message("I'm 40 and have $75,000 in my 401(k). Am I on track?"))
    assert bare.kind == "calc" and "No new contributions are included" in bare.text
    paid = engine.handle(
        Message("I'm 40 and have $75,000 in my 401(k), salary 80k, 10% into my 401k. On track?")
    )
    assert paid.kind == "calc" and "No new contributions" not in paid.text
    stopped = engine.handle(Message("I'm 40, $75k in my 401k, I stopped contributing. What at 65?"))
    assert stopped.kind == "calc" and "No new contributions" not in stopped.text


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("1985年参加工作，2026年退休能拿多少退休金", "41"),
        ("我是92年开始交社保的，2031年退休，能领多少养老金", "39"),
    ],
)
def test_the_years_from_first_job_to_retirement_are_the_years_paid(
    calc_engine: Engine, text: str, years: str
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "calc" and reply.result is not None
    assert reply.result["read"].get("years") == years
    assert "没有用到" not in reply.text.splitlines()[0]  # both years went into it


def test_a_question_mark_typed_as_a_value_in_a_sentence_asks_for_it(calc_engine: Engine) -> None:
    # "years = ?" in a request is what is asked, not an unreadable input; in a /calc command
    # it is refused, naming the field.
    text = "Salary $60,000, I put in 5%, match 50% up to 6%, 7% return. years = ? to reach $1M"
    reply = calc_engine.handle(Message(text))
    assert reply.kind != "error", reply.text
    assert calc_engine.handle(Message("/calc us401k years=?")).kind == "error"


def test_a_key_the_calculator_does_not_take_is_refused_by_name(calc_engine: Engine) -> None:
    reply = calc_engine.handle(Message("/calc cn_pension years=20 foo=3"))
    assert reply.kind == "error" and "foo" in reply.text
    chinese = calc_engine.handle(Message("/calc cn_pension years=20 foo=3", "zh-Hans"))
    assert chinese.kind == "error" and "没有名为“foo”的输入项" in chinese.text
    assert calc_engine.handle(Message("/calc cn_pension years=20")).kind == "calc"


@pytest.mark.parametrize(
    "text",
    [
        "I'm 40, 401k has $260k, I put in $23,000 a year at 6% a year with 0 fees. "
        "I want a million dollars, when will I get there?",
        "我40岁，401k有26万美元，每年存2万3，年回报6%，没有费用，想存到100万，哪年能到？",
    ],
)
def test_a_target_within_reach_is_answered_with_the_year_it_is_reached(
    calc_engine: Engine, text: str
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "calc" and reply.result is not None
    # Worked out here month by month: grow at 6% a year (monthly compounding), then add
    # $23,000 / 12, until the balance reaches $1,000,000.
    balance, months, growth = 260_000.0, 0, 1.06 ** (1 / 12)
    while balance < 1_000_000:
        balance = balance * growth + 23_000 / 12
        months += 1
    years = -(-months // 12)
    assert reply.result["months_to_target"] == months
    start_year = reply.result["inputs"]["start_year"]
    lines = reply.text.splitlines()[1:]  # past the reading, which names the target too
    line = next(x for x in lines if format_usd(1_000_000, reply.lang) in x)
    assert str(start_year + years) in line and str(40 + years) in line


def test_a_target_out_of_reach_says_so_with_the_monthly_amount(calc_engine: Engine) -> None:
    reply = calc_engine.handle(
        Message("I'm 50 with $20k in my 401k, I add $100 a month. I want $2 million by 60.")
    )
    assert reply.kind == "calc" and reply.result is not None
    assert reply.result["months_to_target"] is None
    monthly = format_usd(reply.result["monthly_needed_for_target"], reply.lang)
    line = next(x for x in reply.text.splitlines() if monthly in x)
    assert "not reach" in line


@pytest.mark.parametrize(("year", "month"), [(2027, 3), (2031, 11)])
def test_a_birth_year_and_a_calendar_year_are_read_against_the_engines_date(
    calc_engine: Engine, year: int, month: int
) -> None:
    dated = Engine(calc_engine.content, charts=False, today=dt.date(year, month, 1))
    reply = dated.handle(
        Message("Born in 1985, I put $500 a month in my 401k until 2045. What will I have?")
    )
    assert reply.kind == "calc" and reply.result is not None
    assert reply.result["read"]["age"] == str(year - 1985)
    assert reply.result["read"]["years"] == str(2045 - year)
    assert reply.text.splitlines()[0].count(str(year - 1985)) >= 1  # the reading says so


@pytest.mark.parametrize(
    ("text", "mine", "theirs"),
    [
        (
            "My husband and I are comparing. He's 39, earns $118k and puts in 6%. I'm 37, I make "
            "$64,500 and contribute 9%, with $33k saved. What will MY account be at 62?",
            {"age": "37", "salary": "64500", "contrib_pct": "9", "balance": "33000"},
            ["$118k", "39"],
        ),
        (
            "我和老公都在美国上班。他年薪14万刀，存10%；我年薪8万8，存6%，账户里有5万2千刀。"
            "我今年34，我自己的401k到60岁能有多少？",
            {"age": "34", "salary": "88000", "contrib_pct": "6", "balance": "52000"},
            ["14万"],
        ),
    ],
)
def test_two_peoples_numbers_read_the_asker_and_name_the_others_as_not_used(
    calc_engine: Engine, text: str, mine: dict[str, str], theirs: list[str]
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "calc" and reply.result is not None
    read = reply.result["read"]
    assert {k: read.get(k) for k in mine} == mine
    first = reply.text.splitlines()[0]  # the reading, and the numbers it did not use
    assert all(number in first for number in theirs), first
