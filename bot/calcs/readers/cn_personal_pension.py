"""Read a personal-pension tax request: yearly pay or taxable income, contribution, deductions;
and whether what was asked is the income tax on pay itself (`focus=tax`)."""

import re

from bot.calcs.readers.zero import blank
from bot.calcs.request import fmt
from bot.calcs.scan import Quantity, scan
from bot.calcs.slots import Slot, assign, slot, yearly_value

# Special additional deductions (专项附加扣除), named as a whole or one by one: each named one is
# its own slot, and the reading is their sum ("房贷每月1000，赡养老人每月3000" is ¥48,000 a year).
DEDUCTION_SLOTS: tuple[Slot, ...] = (
    slot(
        "deductions",
        "money",
        before=r"专项附加扣除|专项附加|专项扣除|其他扣除|附加扣除|deductions?",
        after=r"\s*(?:yuan|rmb)?\s*(?:(?:a|per) (?:month|year)|/\s*mo(?:nth)?) (?:in|of) "
        r"(?:special )?(?:additional )?deductions?",
        window=8,
        yearly=True,
    ),
    slot(
        "deduct_housing",
        "money",
        before=r"房贷(?:利息)?|住房贷款利息|住房租金|房租|租房|租屋|housing loan interest|"
        r"mortgage interest(?: deduction)?(?: is| of)?|\brent",
        after=r"\s*(?:/\s*mo(?:nth)?|a month|per month)?\s*for (?:my |the |our )?mortgage interest|"
        r"\s*(?:/\s*mo(?:nth)?|a month|per month)?\s*(?:housing )?rent(?:al)? deduction",
        window=6,
        yearly=True,
    ),
    slot(
        "deduct_elderly",
        "money",
        before=r"赡养老人|赡养父母|elderly[- ](?:parents?|care)|"
        r"\bsupporting (?:my |our )?(?:elderly )?parents?(?: i get| i claim| is)?",
        after=r"\s*(?:/\s*mo(?:nth)?|a month|per month)?\s*for (?:supporting )?(?:my |our )?"
        r"(?:elderly )?parents?|"
        r"\s*(?:/\s*mo(?:nth)?|a month|per month)?\s*elderly[- ](?:care|parents?) deduction",
        window=12,
        yearly=True,
    ),
    slot(
        "deduct_children",
        "money",
        before=r"子女教育|孩子教育|孩子上学|小孩上学|孩子上(?:小学|中学|幼儿园)|"
        r"(?:娃|小孩|孩子|儿子|女儿|细路|细佬哥)[^，,。\d]{0,4}(?:上|读)(?:紧)?"
        r"(?:幼儿园|幼稚园|小学|初中|高中|大学|学)(?:的)?|"
        r"children'?s? education(?: deduction)?(?: for (?:two|2|three|3|one|1|my|our) "
        r"(?:kids|children))?\s*\(?",
        after=r"\s*(?:/\s*mo(?:nth)?|a month|per month)?\s*(?:for )?children'?s? education|"
        r"\s*(?:/\s*mo(?:nth)?|a month|per month)?\s*(?:per )?child(?:ren)?'?s? (?:education )?"
        r"deduction|"
        r"\s*(?:/\s*mo(?:nth)?|a month|per month)?\s*for (?:my |our )?"
        r"(?:son|daughter|child|kids?|children)(?:'s)? (?:schooling|education)|"
        r"\s*(?:/\s*mo(?:nth)?|a month|per month)?\s*for (?:my |our )?kids?'?s? education|"
        r"\s*(?:元|块)?\s*的?\s*(?:子女教育|孩子教育)(?:扣除)?|"
        r"\s*(?:/\s*mo(?:nth)?|a month|per month)?\s*for (?:my |our )?(?:toddler|baby|infant)|"
        r"\s*(?:/\s*mo(?:nth)?|a month|per month)?\s*infant[- ]care deduction",
        window=6,
        yearly=True,
    ),
    # 婴幼儿照护 (a child under three) is its own deduction beside 子女教育
    slot(
        "deduct_infant",
        "money",
        before=r"婴幼儿照护|婴幼儿|3岁以下(?:婴幼儿)?照护",
        window=6,
        yearly=True,
    ),
    slot(
        "deduct_study",
        "money",
        before=r"继续教育|大病医疗|continuing ed(?:ucation)?|serious illness",
        window=16,
        yearly=True,
    ),
)
# Social insurance and housing fund the asker pays (专项扣除) also come off taxable pay: a
# deduction here (the contributions calculator works them out itself).
INSURANCE_SLOT = slot(
    "deduct_insurance",
    "money",
    before=r"(?:五险一金|三险一金|社保(?:和|加)?公积金|社保|"
    r"social insurance(?: (?:and|plus|\+|&) (?:the )?housing (?:provident )?fund)?"
    r"(?: withholding| contributions?| deductions?)?"
    r"(?: (?:comes?|come|add|adds) (?:up )?to| (?:is|are|total|totals))?)"
    r"(?:的?个人(?:部分|缴纳|交|扣)的?(?:部分)?)?\s*(?:一年|每年|每月|一个月|全年)?\s*"
    r"(?:要|大概|大约)?(?:交|缴|扣)?(?:了)?",
    window=4,
    yearly=True,
)
TABLE: tuple[Slot, ...] = (
    slot(
        "taxable",
        "money",
        before=r"应纳税所得额|taxable income[^.?!;\d$¥]{0,30}"
        r"(?: about| around)?\s*[:：]?|"
        r"应税收入|应税所得|(?:课税|纳税|缴税|交税|计税)的?(?:所得|收入)(?:额)?(?:是|有)?",
        window=6,
    ),
    *DEDUCTION_SLOTS,
    INSURANCE_SLOT,
    slot(
        "contribution",
        "money",
        before=r"存满?|存足|放足?|交|缴|投|买|摆|contribut(?:e|ing|ion)|put in(?: the full)?|"
        r"\bput(?: in)?(?: the full)?|deposit|"
        r"个人养老金|"
        r"(?:personal|private|individual) pension",
        after=r"\s*(?:元|块)?\s*(?:到|进|买)?\s*个人养老金|"
        r"\s*(?:yuan |rmb )?(?:personal|private|individual) pension contribution|"
        r"\s*(?:yuan |rmb )?into (?:the |my |a )?(?:personal|private|individual) pension|"
        r"\s*(?:yuan|rmb)?\s*(?:a|per|each) month into",
        window=6,
        high=1e6,
        yearly=True,
    ),
    slot(
        "salary",
        "money",
        before=r"年薪|年收入|annual salary|annual income|income of|"
        r"一年挣|一年赚|每年挣|每年赚|年挣|年赚|"
        r"月薪|月收入|月入|税前|薪水|薪资|工资|收入|人工|monthly|salary|earn\w*|\bmake|\bpay\b|\bwage|"
        r"\bi'?m on",
        after=r"\s*(?:yuan|rmb|元)?\s*(?:a|per) (?:year|month)|"
        r"\s*(?:yuan |rmb )?(?:/\s*mo(?:nth)?|a month|per month|monthly)?\s*salary\b",
        window=6,
        yearly=True,
    ),
)
_BY_NAME = {row.name: row for row in TABLE}
# Pay stated without a period is a month's pay when it is below this (yuan): in Chinese,
# 工资 and 收入 alone mean monthly pay.
MONTHLY_PAY_BELOW = 100_000
# A deduction stated without a period beside a month's pay is a month's worth when below this
# (the monthly standards: 赡养老人 3,000, 子女教育 2,000 a child, 房贷 1,000, …).
MONTHLY_DEDUCTIONS_BELOW = 10_000
# An amount alone is taken for pay only from this much (yuan, a month's pay at the least).
MIN_BARE_PAY = 1_000

# The income tax on pay asked as such ("工资2万扣多少税", "个税要交多少", "how much income
# tax"), not what a deduction saves ("能少交多少税", "省多少税") nor a refund (退税).
_INCOME_TAX_ASKED = re.compile(
    r"(?<![少省退补])(?:扣|交|缴|纳|付)(?:纳|了|掉)?(?:多少|几多)(?:钱)?的?(?:个人所得|个|所得)?税|"
    r"(?:个税|个人所得税|所得税|扣税|交税|缴税)[^,.?!;。？！；]{0,8}?(?:多少|几多|怎么算|如何计算)|"
    r"(?<![少省退补])税(?:要|需要|得|应该)?(?:交|缴|扣)多少|"
    r"\bhow much\b[^.?!]{0,40}\b(?:income )?tax\b(?! (?:saving|break|deduction|refund))|"
    r"\b(?:income|iit|individual income|personal income) tax\b[^.?!]{0,30}\b(?:how much|what)\b|"
    r"\bwhat(?:'s| is| would be| will be)? (?:my |the )?(?:income |iit )?tax\b|\biit\b|"
    # whether any tax is due: the amount answers it, zero included ("月薪8000要交税吗")
    r"(?<![少省退补])(?:要|需要|用|得|会)(?:交|缴|扣|纳)(?:个人所得|个|所得)?税(?:吗|嘛|么|不)|"
    r"(?:交|缴|扣)不(?:交|缴|扣)(?:个人所得|个|所得)?税|"
    r"是否(?:需要|要)?(?:缴纳|交纳|交|缴)(?:个人所得|个|所得)?税|"
    r"\b(?:do|does|will|would) (?:i|we|he|she|they) (?:have to |need to )?pay "
    r"(?:any )?(?:income )?tax"
)
# Whose tax would be the wrong calculation: other income (a bonus, a pension, rent, a sale),
# a refund or settling up, another country's tax.
_NOT_PAY_TAX = re.compile(
    r"年终奖|奖金|劳务|稿酬|特许权|经营所得|分红|股息|(?<!贷款)(?<!房贷)利息|出租|转让|卖房|房产税|契税|"
    r"印花税|增值税|遗产|赠与|中奖|彩票|(?<!个人)养老金|退休|年金|一次性|补偿金|退税|补税|汇算|"
    r"美国|香港|台湾|新加坡|日本|韩国|加拿大|英国|澳洲|澳大利亚|美元|美金|港币|港元|台币|综所税|"
    r"bonus|dividend|capital gains|rental|(?<!personal )(?<!private )pension|retire|refund|"
    r"401k|403b|\bira\b|[\d千万kw]\s*刀|"
    r"\$|usd|hkd|twd|ntd|sgd"
)
# An English request is about China's tax only when it says so.
_CHINA_WORDS = re.compile(
    r"china|chinese|mainland|\brmb\b|yuan|\bcny\b|¥|\biit\b|beijing|shanghai|shenzhen|guangzhou|"
    r"hangzhou|chengdu|wuhan|nanjing|tianjin|chongqing|suzhou|xiamen|qingdao|changsha|xi'?an"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_INCOME_TAX = re.compile(r"个税|个人所得税|所得税|income tax|\biit\b")
# What a deduction saves, asked ("能省多少", "个税能少多少"): the personal pension's reply leads
# with that. (省 alone is also a province: 广东省.)
_SAVING_ASKED = re.compile(
    r"省(?:多少|下|了|钱|税|几个?钱)|节省|少交|少缴|少扣|少多少|少了多少|节税|抵扣|减少|\bsav(?:e|es|ing)\b"
)
# A question about the rules themselves: its amounts are thresholds and rates, not pay.
_RULE_WORDS = re.compile(r"起征点|免征额|税率|扣除标准|threshold|bracket")


def in_china(text: str) -> bool:
    """Whether a normalised text is about pay taxed in China (not a bonus, a pension, another
    country's tax)."""
    return not _NOT_PAY_TAX.search(text) and bool(_CJK.search(text) or _CHINA_WORDS.search(text))


def asks_income_tax(text: str) -> bool:
    """Whether a normalised text asks what the income tax on pay comes to, in China."""
    asked = _INCOME_TAX_ASKED.search(text) and not _SAVING_ASKED.search(text)
    return bool(asked) and in_china(text)


def names_income_tax(text: str) -> bool:
    """Whether a normalised text is about China's income tax on pay (its subject)."""
    return bool(_INCOME_TAX.search(text)) and in_china(text)


def _tax_first(text: str) -> bool:
    """Whether the reply should lead with the income tax: it is what was asked."""
    return (asks_income_tax(text) or names_income_tax(text)) and not _SAVING_ASKED.search(text)


def yearly_deductions(
    filled: dict[str, Quantity],
    pay: Quantity | None,
    text: str,
    rows: tuple[Slot, ...] = DEDUCTION_SLOTS,
) -> float | None:
    """The yearly deductions: the sum of those named (a child's, times the children when it
    is said to be each one's)."""
    total_stated = filled.get("deductions")
    bracket = _bracket_after(text, total_stated.end) if total_stated else None
    parts = [(row, filled[row.name]) for row in rows if row.name in filled]
    if not parts:
        return None
    if parts[0][0].name == "deductions" and len(parts) > 1 and bracket is not None:
        # "专项附加扣除每月3000（房贷1000+孩子2000）": the total, then its parts in brackets
        parts = [p for p in parts if not bracket[0] <= p[1].start < bracket[1]]
    monthly_pay = pay is not None and (
        pay.period == "month" or (pay.period is None and pay.value < MONTHLY_PAY_BELOW)
    )
    total = 0.0
    for row, quantity in parts:
        times = _children(text, quantity) if row.name == "deduct_children" else 1
        if quantity.period is None and _a_months_worth(row.name, quantity.value, monthly_pay):
            total += quantity.value * 12 * times  # "月薪2万，专项附加扣除2000": a month's worth
        else:
            total += yearly_value(row, quantity) * times
    return total


# Deductions whose standards are monthly (赡养老人 3,000, 子女教育 and 婴幼儿 2,000 a child,
# 房贷 1,000, 租金 up to 1,500): an amount up to this named for one of them is a month's.
_MONTHLY_STANDARDS = frozenset(
    {"deduct_housing", "deduct_elderly", "deduct_children", "deduct_infant"}
)
MONTHLY_STANDARD_MOST = 3_000
# Continuing education is 400 a month for a degree, 3,600 once for a certificate (大病医疗 is
# yearly): above 400 it is a year's.
MONTHLY_STUDY_MOST = 400


def _a_months_worth(name: str, value: float, monthly_pay: bool) -> bool:
    """Whether a deduction stated with no period is a month's worth."""
    if name == "deduct_study":
        return value <= MONTHLY_STUDY_MOST
    if name in _MONTHLY_STANDARDS and value <= MONTHLY_STANDARD_MOST:
        return True
    return monthly_pay and value < MONTHLY_DEDUCTIONS_BELOW


# "两个小孩…每人每月2000", "two kids, 2,000 each": a child's amount, said to be each one's
_EACH = re.compile(
    r"每人|每个(?:孩子|小孩|娃|人)|每个(?=每|一个?月)|一个(?:孩子|小孩|娃)|一个\s*(?=\d)|各(?:扣|算|是)|"
    r"\beach\b|\bper (?:child|kid)\b|\ba (?:child|kid)\b"
)
_CHILD_COUNT = re.compile(
    r"([两二三四俩仨2-4])\s*(?:个|位)?\s*(?:小孩|孩子|娃|子女|儿女)|"
    r"\b([2-4]|two|three|four) (?:kids|children|sons|daughters)\b"
)
_COUNTS = {"两": 2, "二": 2, "俩": 2, "仨": 3, "三": 3, "四": 4, "two": 2, "three": 3, "four": 4}


def _children(text: str, quantity: Quantity) -> int:
    """How many children a child's deduction counts for: one, unless the amount is said to be
    each one's and their number is given."""
    near = text[max(0, quantity.start - 12) : quantity.end + 20]
    count = _CHILD_COUNT.search(text)
    if not count or not _EACH.search(near):
        return 1
    said = count.group(1) or count.group(2)
    return _COUNTS.get(said) or int(said)


_BRACKET_AFTER = re.compile(r"\s*(?:元|块)?\s*[(（][^)）]*[)）]")


def _bracket_after(text: str, end: int) -> tuple[int, int] | None:
    """The span of a bracket that opens right after a number ("3000（房贷1000+孩子2000）")."""
    found = _BRACKET_AFTER.match(text, end)
    return found.span() if found else None


def _bare_pay(
    text: str, quantities: list[Quantity], filled: dict[str, Quantity]
) -> Quantity | None:
    """The one amount a tax question leaves unclaimed ("九千块钱交个人所得税多少"): the pay."""
    if _RULE_WORDS.search(text):
        return None
    taken = {q.start for q in filled.values()}
    alike = [
        q
        for q in quantities
        if q.kind == "money" and q.value >= MIN_BARE_PAY and q.start not in taken
    ]
    return alike[0] if len(alike) == 1 else None


# "没有专项附加扣除", "no special deductions": the deductions are stated as none
NO_DEDUCTIONS = re.compile(
    r"(?:没有|沒有|无|冇)(?:任何)?(?:专项)?(?:附加)?扣除|(?:没有|无)(?:任何)?专项附加|专项(?:附加)?扣除\s*(?:我)?\s*(?:一[项样]都|完全)(?:没有|冇)|"
    r"\b(?:no|zero) (?:special |extra )?(?:additional )?deductions\b|"
    r"\b(?:don'?t|do not|won'?t|will not) claim any (?:special )?(?:additional )?deductions\b"
)


def read_cn_personal_pension(text: str) -> dict[str, str]:
    """Parameters of the personal-pension tax saving (yearly yuan)."""
    none_stated = NO_DEDUCTIONS.search(text)
    if none_stated:
        text = blank(text, none_stated.span())
    quantities = scan(text)
    filled = assign(text, quantities, TABLE)
    tax_first = _tax_first(text)
    if tax_first and "salary" not in filled and "taxable" not in filled:
        pay = _bare_pay(text, quantities, filled)
        if pay is not None:
            filled["salary"] = pay
    params = {
        name: fmt(yearly_value(_BY_NAME[name], q))
        for name, q in filled.items()
        if name in ("taxable", "contribution", "salary")
    }
    pay = filled.get("salary")
    if pay is not None and pay.period is None and pay.value < MONTHLY_PAY_BELOW:
        params["salary"] = fmt(pay.value * 12)  # "工资2万" is a month's pay
    deductions = yearly_deductions(filled, pay, text, (*DEDUCTION_SLOTS, INSURANCE_SLOT))
    if deductions is not None:
        params["deductions"] = fmt(deductions)
    if none_stated and "deductions" not in params:
        params["deductions"] = "0"
    if "taxable" in params:
        params.pop("salary", None)
    if tax_first:
        params["focus"] = "tax"
    return params
