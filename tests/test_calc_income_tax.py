"""The income tax on pay, asked as such ("工资2万扣多少税", issue 9): the personal-pension
calculator works it out, and its reply leads with the tax before the personal pension."""

import pytest

from bot.engine import Engine, Message
from bot.engine.commands import calc_menu_reply

# 个人所得税法, 税率表一 (comprehensive income, yearly): the lower edge of each band and its rate.
IIT_BANDS = (
    (0, 0.03),
    (36_000, 0.10),
    (144_000, 0.20),
    (300_000, 0.25),
    (420_000, 0.30),
    (660_000, 0.35),
    (960_000, 0.45),
)
BASIC_DEDUCTION = 60_000
# Employee social insurance: pension 8%, medical 2%, unemployment 0.5% of pay (the pays below
# lie between the contribution base's floor and cap, so the base is the pay itself).
EMPLOYEE_SOCIAL_RATE = 0.105
IIT_LAW_URL = "https://faluji.com/flgw/falv/8v86rr.html"


def iit_on_pay(yearly_pay: float, deductions: float = 0.0) -> float:
    """The year's income tax on pay, band by band, as the law's table reads."""
    taxable = max(
        0.0, yearly_pay - BASIC_DEDUCTION - yearly_pay * EMPLOYEE_SOCIAL_RATE - deductions
    )
    tax = 0.0
    uppers = (*(lower for lower, _ in IIT_BANDS[1:]), float("inf"))
    for (lower, rate), upper in zip(IIT_BANDS, uppers, strict=True):
        tax += max(0.0, min(taxable, upper) - lower) * rate
    return tax


@pytest.fixture(scope="module")
def calc_engine(engine: Engine) -> Engine:
    return Engine(engine.content, charts=False, today=engine.today)


# (request, language, yearly pay, yearly deductions, words of the first line)
TAX_REQUESTS = [
    (
        "工资2万扣多少税",
        "zh-Hans",
        240_000,
        0,
        ("按年薪240,000元估算", "全年个人所得税约14,040元", "平均每月约1,170元"),
    ),
    (
        "月收入10000交多少稅?",
        "zh-Hant",
        120_000,
        0,
        ("按年薪120,000元估算", "全年個人所得稅約2,220元", "平均每月約185元"),
    ),
    (
        "工资2w一个月，房贷加赡养老人专项附加扣除一年4.8万，要交多少税？",
        "zh-Hans",
        240_000,
        48_000,
        ("全年个人所得税约8,160元", "平均每月约680元"),
    ),
    (
        "每个月九千块，专项附加扣除每月2000，一年交多少个税？",
        "zh-Hans",
        108_000,
        24_000,
        ("全年个人所得税约379.80元",),
    ),
    (
        "月薪三萬，房貸每月1000，贍養老人每月3000，個稅要交多少？",
        "zh-Hant",
        360_000,
        48_000,
        ("按年薪360,000元估算",),
    ),
    (
        "I earn 20,000 yuan a month in Shanghai, how much income tax do I pay?",
        "en",
        240_000,
        0,
        ("On a yearly pay of ¥240,000", "about ¥14,040 a year", "about ¥1,170 a month"),
    ),
    # Whether any tax is due: the amount answers it.
    (
        "月薪1万要交税吗",
        "zh-Hans",
        120_000,
        0,
        ("按年薪120,000元估算", "全年个人所得税约2,220元"),
    ),
    (
        "工資一萬五交不交稅",
        "zh-Hant",
        180_000,
        0,
        ("按年薪180,000元估算", "全年個人所得稅約7,590元"),
    ),
    (
        "I earn 15,000 yuan a month in Shenzhen, do I have to pay income tax?",
        "en",
        180_000,
        0,
        ("On a yearly pay of ¥180,000", "about ¥7,590 a year"),
    ),
]
READ_AS = {"en": "Read as:", "zh-Hans": "我读到的是", "zh-Hant": "我讀到的是"}
PENSION_PART = {
    "en": "Personal pension (个人养老金)",
    "zh-Hans": "个人养老金：",
    "zh-Hant": "個人養老金：",
}
ANNUAL_NOTE = {"en": "cumulative withholding", "zh-Hans": "累计预扣法", "zh-Hant": "累計預扣法"}


@pytest.mark.parametrize(("text", "lang", "pay", "deductions", "first_words"), TAX_REQUESTS)
def test_the_tax_on_pay_is_the_first_line_then_what_was_read(
    calc_engine: Engine,
    text: str,
    lang: str,
    pay: float,
    deductions: float,
    first_words: tuple[str, ...],
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "calc" and reply.lang == lang, reply.text
    assert reply.result is not None and reply.result["calculator"] == "cn_personal_pension"
    assert reply.result["income_tax"] == pytest.approx(iit_on_pay(pay, deductions), abs=0.01)
    assert reply.result["income_tax_monthly"] == pytest.approx(
        iit_on_pay(pay, deductions) / 12, abs=0.01
    )
    expected_read = {"salary": pay} | ({"deductions": deductions} if deductions else {})
    assert {k: float(v) for k, v in reply.result["read"].items()} == expected_read
    first, second = reply.text.splitlines()[:2]
    assert all(words in first for words in first_words), first
    assert second.startswith(READ_AS[lang]), second
    # The tax and its assumptions come before the personal pension, which is a second part.
    assert ANNUAL_NOTE[lang] in reply.text
    assert reply.text.index(ANNUAL_NOTE[lang]) < reply.text.index(PENSION_PART[lang])


def test_a_tax_reply_keeps_its_sources_buttons_and_focus(calc_engine: Engine) -> None:
    reply = calc_engine.handle(
        Message("工资2w一个月，房贷加赡养老人专项附加扣除一年4.8万，要交多少税？")
    )
    assert IIT_LAW_URL in {source.url for source in reply.sources}
    assert "每年专项附加扣除 48,000元" in reply.text.splitlines()[1]
    assert "基本减除费用60,000元" in reply.text and "住房公积金" in reply.text
    labels = [button.label for button in reply.buttons]
    assert "✏️ 修改一项" in labels
    # A button re-runs the calculation with the choice kept: the tax still leads.
    contribution = next(b for b in reply.buttons if b.action.startswith("calc "))
    assert "focus=tax" in contribution.action and "deductions=48000" in contribution.action
    again = calc_engine.handle(Message(contribution.action, "zh-Hans"))
    assert again.kind == "calc" and again.text.startswith("按年薪240,000元估算")


def test_calc_lists_the_focus_key_and_takes_it(calc_engine: Engine) -> None:
    assert "focus" in calc_menu_reply("en").text
    reply = calc_engine.handle(Message("/calc cn_personal_pension salary=240000 focus=tax"))
    assert reply.text.startswith("On a yearly pay of ¥240,000, income tax comes to about ¥14,040")
    plain = calc_engine.handle(Message("/calc cn_personal_pension salary=240000"))
    assert plain.text.startswith("Read as: yearly pay ¥240,000 (¥20,000 a month).")
    assert calc_engine.handle(Message("/calc cn_personal_pension salary=1 focus=x")).kind == "error"


@pytest.mark.parametrize(
    "text", ["年薪40万，买个人养老金12000能省多少税", "月薪2万，个人养老金存满，个税能少多少"]
)
def test_a_personal_pension_question_still_leads_with_the_saving(
    calc_engine: Engine, text: str
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.kind == "calc" and reply.text.startswith("我读到的是"), reply.text
    assert "今年可少缴个税" in reply.text.split("\n\n")[2]


def test_a_tax_reply_without_deductions_says_none_were_counted(calc_engine: Engine) -> None:
    reply = calc_engine.handle(Message("工资3万，两个孩子上学，个税交多少"))
    assert reply.result is not None and "deductions" not in reply.result["read"]
    assert "没有提到专项附加扣除" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "退休后再就业的收入按什么项目交个税",  # a tax rule asked, no pay stated
        "個人所得稅怎麼算",
        "退休金5000要交多少税",  # a pension, not pay
        "个人所得税起征点5000，交多少税",  # a threshold, not pay
        "How much income tax do I pay on a $100k salary?",  # a US question
        "401k取出来10万要交多少税",
        "年终奖3万交多少税",  # taxed on its own, not as a month's pay
    ],
)
def test_a_tax_question_without_pay_in_china_is_no_calculation(
    calc_engine: Engine, text: str
) -> None:
    reply = calc_engine.handle(Message(text))
    assert reply.result is None or reply.result.get("calculator") != "cn_personal_pension", (
        reply.text
    )
    if "$" not in text and "401k" not in text:
        assert reply.kind in {"answer", "fallback", "clarify"}, (reply.kind, reply.text)


def test_changing_the_pay_keeps_the_tax_first(calc_engine: Engine) -> None:
    reply = calc_engine.handle(Message("工资2万扣多少税"))
    fix = next(b for b in reply.buttons if b.label.startswith("✏️"))
    menu = calc_engine.action(fix.action, "zh-Hans")
    # the focus is no input: only the pay can be changed
    assert [b.label for b in menu.buttons] == ["年收入: 240,000元（每月20,000元）"]
    ask = calc_engine.action(menu.buttons[0].action, "zh-Hans")
    again = calc_engine.handle(Message("360000", "zh-Hans", pending=ask.pending))
    assert again.text.startswith("按年薪360,000元估算，全年个人所得税约")
    assert again.result is not None
    assert again.result["income_tax"] == pytest.approx(iit_on_pay(360_000), abs=0.01)
