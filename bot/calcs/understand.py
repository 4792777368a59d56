"""Understand a calculation request written in English or Chinese (or `key=value`).

Every extractor works on normalised text (lower case, NFKC, 简体) and returns canonical
parameters as strings: percent points ("6"), dollars or yuan ("80000"), years ("30"),
ages ("65"), match tiers ("50@6+25@2").
"""

import re

from bot.calcs.numbers import Number, chinese_numeral, digits_for_words, find_numbers
from bot.calcs.readers.cn_contrib import read_cn_contrib
from bot.calcs.readers.cn_personal_pension import read_cn_personal_pension
from bot.calcs.readers.us401k import read_us401k
from bot.calcs.request import (
    CALCULATOR_KEYS,
    CalcRequest,
    explicit_calculator,
    fmt,
    parse_key_values,
)
from bot.knowledge.focus import asking_text
from bot.knowledge.tokens import normalize

_CRYPTO = re.compile(r"crypto|bitcoin|btc|ether|ethereum|加密|比特币|数字货币|虚拟货币|以太坊")
_PLANS = re.compile(r"401k|403b|dc plan|retirement|退休|养老|计划")
_FLOW = re.compile(r"%|percent|inflow|flow|how much|allocat|put|invest|流入|多少|配置|投")
_PERSONAL_PENSION = re.compile(r"个人养老金|personal pension|private pension")
_TAX = re.compile(r"税|tax|省|抵扣|deduct|扣除|节")
_SOCIAL = re.compile(
    r"社保|五险|social insurance|社会保险|养老保险|(?:china|chinese|china's) social security"
)
_PAY_CUE = re.compile(
    r"交多少|缴多少|扣多少|交是多少|缴是多少|扣了?|到手|take.?home|单位交|公司交|个人交|个人缴|单位缴|"
    r"how much (?:do|will|would) (?:i|we|my employer) pay|contributions? (?:on|for)|"
    r"employee and employer|employer and employee|my contributions|the contributions|deductions?"
)
_PENSION = re.compile(r"养老金|退休金|退休工资|pension|退休|缴费指数|社平工资|社平|缴费年限")
_GET_CUE = re.compile(
    r"领多少|能领|拿多少|能拿|领取多少|每月多少|多少钱|大概多少|估计多少|有多少|养老金多少|退休金多少|退休工资多少|"
    r"how much (?:pension|will i get|would i get)|how much (?:will|would) my .{0,30}pension|"
    r"how much .{0,20}pension will i|estimate"
)
_SAVINGS = re.compile(
    r"401k|403b|ira|retirement (?:account|savings|plan)|deposit|invest|\bsav(?:e|ed|ing)\b|"
    r"contribut|\bput(?:ting)? in\b|\badding\b|\bfund\b|存|攒|贡献|供款"
)
_PROJECTION = re.compile(
    r"will (?:i|you|he|she|we) have|would (?:i|you|he|she|we) have|how much (?:will|would|money)|"
    r"grow|project|end up|future value|what (?:does|will|would) (?:that|it|this) (?:come|add up) to|(?:after|in|for) \d+ (?:more )?years|get to|retire with|by (?:age )?\d\d|"
    r"how much (?:at|by) |"
    r"until (?:he |she |i )?(?:hits?|reach|turn)|能攒|会有多少|攒多少|变成多少|存到|退休时有|"
    r"能有多少|最后有多少|有多少钱|能到\s*\d|能达到|(?:岁|年后|年以后)\s*时?\s*(?:能|会)?有多少|购买力|退休[^，。？?]{0,6}能存多少|能存到多少|(?:be|is) worth (?:at|by|in|when)|will i hit|would i have|will i have"
)
_MATCH = re.compile(
    r"match|匹配|配比|配对|配捐|相对提拨|for (?:every|each) \$?(?:1\b|dollar)|on the dollar"
)
# The employee-pension calculator does not fit the residents' scheme (its own rules).
_RESIDENTS_SCHEME = re.compile(r"农民|农村|城乡居民|居民养老|新农保|没有单位|无业")


def _has_input(numbers: list[Number]) -> bool:
    """A number that can be a calculator input: "一年" or "一个月" alone is a quantity word."""
    return any(n.percent or n.value >= 2 for n in numbers)


def _has_amount(numbers: list[Number]) -> bool:
    return any(not n.percent and (n.currency or n.scaled or n.value >= 100) for n in numbers)


# "Work it out for me": with a subject, a request for a calculation even before any number.
_CALC_VERB = re.compile(
    r"帮我算|帮忙算|帮我计算|算一下|算算|计算一下|估算|测算|试算|\bcalculate\b|\bcalculator\b|"
    r"\bestimate my\b|\bproject my\b|what would my\s+401k\s+be worth|how much (?:would|will) i have in my\s+401k"
)
# What a question asks when it wants a sum worked out.
_AMOUNT_ASKED = re.compile(
    r"多少|几年|几岁|能省|能领|能拿|划算|how much|how many|how long|what (?:will|would|is|are) (?:i|my|the)|"
    r"what(?:'ll|'d| will| would| do| does)\s+(?:i|it|that|this|my)\b|\btotal\b|gets? me|=\s*\?|"
    r"\bmath\b|\bestimate|\bproject|calculat|算|\bworth\b|\bend up\b|\bget\b"
)
# Asking for advice rather than for a number.
_ADVICE = re.compile(
    r"\bshould (?:i|we)\b|\b(?:is|would) it (?:be )?(?:worth|wise|smart|better|a good idea)|"
    r"\bdo (?:i|we) need to\b|\bam i on track\b|\bwhat should\b|\badvi[cs]e\b|\bmakes? sense\b|"
    r"\bbetter off\b|\bpros and cons\b|要不要|该不该|应不应该|值不值|划算吗|合不合适|好不好|是否应该"
)
# "Am I on track?", "can I retire at 62 with…?", "够不够": whether the asker's own numbers
# reach retirement, which a projection of those numbers answers.
_ENOUGH = re.compile(
    r"\bon track\b|\benough\b|\bcan (?:i|we|he|she) (?:still )?retire\b|\b(?:able|afford) to retire\b|"
    r"\bdoable\b|\bam i (?:gonna|going to) be (?:ok|okay|fine)\b|\bbehind\b|"
    r"够不够|够用|够吗|来得及|能不能退休|能退休|可以退休|退休.{0,6}(?:行吗|可以吗|行不行|能行吗)|"
    r"正常进度|有可能吗|能行吗"
)
_CHINA = re.compile(r"china|chinese|mainland|rmb|yuan|人民币|元|社保|养老保险|大陆|内地|国内")
_US_PLAN = re.compile(r"401k|403b|\bira\b|美元|\$")


def _subject(text: str) -> str | None:
    """The calculator a text's subject points to, when it asks for a calculation outright."""
    if _CRYPTO.search(text) and _PLANS.search(text):
        return "inflow"
    if _PERSONAL_PENSION.search(text):
        return "cn_personal_pension"
    if _US_PLAN.search(text):
        return "us401k"
    if (
        _SOCIAL.search(text)
        and re.search(r"缴费|交|缴|contribut|扣", text)
        and not _PENSION.search(text.replace("养老保险", ""))
    ):
        return "cn_contrib"
    if (
        _PENSION.search(text)
        and (_CHINA.search(text) or re.search(r"[\u3400-\u9fff]", text))
        and not _RESIDENTS_SCHEME.search(text)
    ):
        return "cn_pension"
    return None


PLAIN_REQUEST_LENGTH = 300  # characters


def _states_a_projection(text: str) -> bool:
    """Whether a text gives what a 401(k) projection needs (a horizon, money going in or
    already there, and pay or a return): then its calculator answers, however it asks."""
    if len(text) > PLAIN_REQUEST_LENGTH:
        return False  # a long story mentions many figures, often of several people and plans
    found = read_us401k(text)
    horizon = {"age", "years", "retire_age"} & found.keys()
    money = {"contrib_pct", "contrib_amount", "balance"} & found.keys()
    return bool(horizon and money and {"salary", "return"} & found.keys() and len(found) >= 4)


_MONEY_OUT = re.compile(
    r"withdraw|take (?:it |money |some )?out|took out|come out|cash(?:ing)? out|\bloan|borrow|"
    r"penalt|\btax|取出|提取|取钱|贷款|借|罚|税"
)


def _projects_own_numbers(text: str, asked: str) -> bool:
    """Whether a short text gives its own savings (money in or already there) and a horizon,
    and asks what they come to or whether they are enough: a projection answers that."""
    if len(text) > PLAIN_REQUEST_LENGTH or _CRYPTO.search(text):
        return False
    if not (
        _US_PLAN.search(text)
        or ((_SAVINGS.search(text) or _MATCH.search(text)) and not _PENSION.search(text))
    ):
        return False
    if _CHINA.search(text) and not _US_PLAN.search(text):
        return False
    found = read_us401k(text)
    horizon = {"age", "years", "retire_age"} & found.keys()
    money = {"contrib_pct", "contrib_amount", "balance"} & found.keys()
    if not (horizon and money):
        return False
    if _MONEY_OUT.search(asked):
        return False  # what comes out (a withdrawal, a loan, tax) is not a projection
    if _ENOUGH.search(asked) or _PROJECTION.search(asked):
        return True
    return not _ADVICE.search(asked) and (bool(_AMOUNT_ASKED.search(asked)) or len(found) >= 4)


def detect_calculator(text: str) -> str | None:
    """Which calculator a normalised text asks for, or None for a question.

    A story with figures that asks for advice ("should I cash out?", "is it worth it?",
    "要不要…") is a question, not a calculation, unless what it asks is itself a sum.
    """
    asked = asking_text(text)
    if _CALC_VERB.search(asked) and (subject := _subject(text)) is not None:
        return subject
    if _projects_own_numbers(text, asked):
        return "us401k"
    if _ADVICE.search(asked) and not (_PROJECTION.search(asked) or _GET_CUE.search(asked)):
        return None
    if asked != text and not _AMOUNT_ASKED.search(asked) and not _states_a_projection(text):
        return None  # a story with figures whose question asks for no amount ("can I borrow?")
    numbers = find_numbers(text)
    if not numbers:
        return None
    if _CRYPTO.search(text) and _PLANS.search(text) and _FLOW.search(text):
        return "inflow"
    if _PERSONAL_PENSION.search(text) and _TAX.search(text) and _has_amount(numbers):
        return "cn_personal_pension"
    if _SOCIAL.search(text) and _PAY_CUE.search(text) and _has_amount(numbers):
        return "cn_contrib"
    if (
        _PENSION.search(text)
        and _GET_CUE.search(text)
        and _has_input(numbers)
        and not re.search(r"401k|ira|\$|美元", text)
        and not _PERSONAL_PENSION.search(text)
        and not _RESIDENTS_SCHEME.search(text)
    ):
        return "cn_pension"
    saving, matched = bool(_SAVINGS.search(text)), bool(_MATCH.search(text))
    if (
        _has_amount(numbers)
        and not _MONEY_OUT.search(asked)
        and (((saving or matched) and _PROJECTION.search(text)) or (saving and matched))
        and (_US_PLAN.search(text) or not _CHINA.search(text))
    ):
        # A projection asked of savings or of a match ("10% with a 50% match, how much at
        # 65?"), or savings with a match stated: a match explained alone is a question.
        return "us401k"
    return None


def understand(text: str, context: CalcRequest | None = None) -> CalcRequest | None:
    """A calculation request from a message (and a pending request it may complete)."""
    normalized = digits_for_words(normalize(text))
    values = parse_key_values(normalized)
    name = explicit_calculator(normalized) or detect_calculator(normalized)
    if name is None and context is not None and find_numbers(normalized):
        name = context.calculator
    if name is None:
        return None
    continuing = context is not None and context.calculator == name
    params = dict(context.params) if continuing and context is not None else {}
    missing = params.pop("missing", None)
    found = EXTRACTORS[name](normalized)
    params.update(found)
    if not explicit_calculator(normalized):
        # "= ?" in a sentence is not an input: typed keys count only when they are the
        # calculator's own (in a `/calc` command every key counts, so a wrong one is refused).
        values = {k: v for k, v in values.items() if k in CALCULATOR_KEYS[name]}
    params.update(values)
    if missing and missing not in params and not found and not values:
        # A bare answer to the question we asked ("30", "30年", "$80k"): it fills that gap.
        numbers = find_numbers(normalized)
        if numbers:
            params[missing] = fmt(numbers[0].value)
        elif missing == "gender" and (gender := _gender(normalized)):
            params["gender"] = gender
    return CalcRequest(name, params)


def _after(pattern: str, text: str, window: int = 8, percent: bool | None = None) -> Number | None:
    """The first number that starts within `window` characters after a keyword."""
    for match in re.finditer(pattern, text):
        for number in find_numbers(text[match.end() : match.end() + window + 24]):
            if number.start <= window and (percent is None or number.percent == percent):
                return number
    return None


def _before(pattern: str, text: str, window: int = 6, percent: bool | None = None) -> Number | None:
    """The last number that ends within `window` characters before a keyword."""
    for match in re.finditer(pattern, text):
        start = max(0, match.start() - window - 24)
        candidates = [
            n
            for n in find_numbers(text[start : match.start()])
            if match.start() - (start + n.end) <= window
            and (percent is None or n.percent == percent)
        ]
        if candidates:
            return candidates[-1]
    return None


def _near(pattern: str, text: str, percent: bool | None = None) -> Number | None:
    return _after(pattern, text, percent=percent) or _before(pattern, text, percent=percent)


def _whole(raw: str) -> float | None:
    return float(raw) if raw.isdigit() else chinese_numeral(raw)


# ---------- crypto inflow ----------


def extract_inflow(text: str) -> dict[str, str]:
    """Parameters of the crypto-inflow arithmetic."""
    params: dict[str, str] = {}
    percents = [n for n in find_numbers(text) if n.percent]
    # "20% of plans adopt it", "adoption of 30%", "30%的计划采用": a share of plans or savers.
    adoption = _before(
        r"of (?:the |all )?(?:plans|participants|savers|accounts)|的(?:计划|参与者)|计划中",
        text,
        window=2,
        percent=True,
    ) or _after(
        r"adopt\w*(?: rate)?(?: of| is| was)?(?: only| just)?|采用率?|参与率", text, percent=True
    )
    for number in percents:
        if adoption is not None and number.start == adoption.start:
            continue
        params["alloc"] = fmt(number.value)
        break
    if adoption is not None:
        params["adoption"] = fmt(adoption.value)
    amounts = [
        n
        for n in find_numbers(text)
        if not n.percent
        and n.value >= 1e9
        and not re.search("inflow|流入", text[n.end : n.end + 14])
    ]  # "$168B of inflows" is a result someone quotes, not an input
    flow = _yearly_flow(text, amounts)
    yearly = flow[0] if flow else None
    base = next((n for n in amounts if n.value >= 1e11 and n is not yearly), None)
    if base is not None:
        params["base"] = fmt(base.value)
    elif re.search(r"all dc|defined contribution|dc plans|所有dc|dc计划|全部dc", text):
        params["base_name"] = "dc"
    elif re.search(r"all (?:us )?retirement|total retirement|全部退休资产|所有退休资产", text):
        params["base_name"] = "all"
    phase = re.search(r"over (\d{1,2}) years|(\d{1,2})\s*年内|分(\d{1,2})年", text)
    if phase:
        params["phase"] = next(g for g in phase.groups() if g)
    if flow is not None:
        params["yearly"] = fmt(flow[0].value * flow[1])
    elif re.search(r"new contributions|each year|annual contributions|每年新增|新增缴款", text):
        params["yearly"] = "1"  # the default yearly contributions figure
    return params


_FLOW_CUE = re.compile(
    r"contributions?|new money|take in|coming in|flowing in|added|新增|添加|流入|缴款|供款"
)
_PERIODS = (
    (r"every (?:two|2) weeks|every fortnight|fortnightly|biweekly|每两周|每2周", 26),
    (r"a month|per month|monthly|每月|每个月", 12),
    (r"a year|per year|annually|each year|every year|每年|一年", 1),
)
FLOW_WINDOW = 40  # characters around an amount where its period and flow words may stand


def _nearest_period(before: str, after: str) -> int | None:
    """How many times a year the period word nearest an amount says it comes in."""
    best: tuple[int, int] | None = None
    for pattern, times in _PERIODS:
        for match in re.finditer(pattern, after):
            best = min(best or (match.start(), times), (match.start(), times))
        for match in re.finditer(pattern, before):
            best = min(
                best or (len(before) - match.end(), times), (len(before) - match.end(), times)
            )
    return best[1] if best else None


def _yearly_flow(text: str, amounts: list[Number]) -> tuple[Number, int] | None:
    """A stated flow of new money into plans ("~$1.3T a year", "$50B every two weeks",
    "每两周新增500亿"), and how many times a year it comes in. Each amount's surroundings
    stop at its neighbours; when two amounts qualify, the flow is the smaller (the other is
    the stock of assets)."""
    found: list[tuple[Number, int]] = []
    for i, number in enumerate(amounts):
        low = amounts[i - 1].end if i else 0
        high = amounts[i + 1].start if i + 1 < len(amounts) else len(text)
        before = text[max(low, number.start - 12) : number.start]
        after = text[number.end : min(high, number.end + FLOW_WINDOW)]
        if not _FLOW_CUE.search(before + after):
            continue
        times = _nearest_period(before, after)
        if times is not None:
            found.append((number, times))
    return min(found, key=lambda flow: flow[0].value) if found else None


# ---------- China basic pension ----------

_CN_NUM = r"(\d+(?:\.\d+)?|[零一二两三四五六七八九十]+)"
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _gender(text: str) -> str | None:
    if re.search(r"(?<![子妇])女(?![儿婿])", text) or re.search(r"\b(?:woman|female)\b", text):
        return "female_55" if re.search(r"干部|管理|技术|专业|cadre|manag", text) else "female_50"
    if re.search(r"男", text) or re.search(r"\b(?:man|male)\b", text):
        return "male"
    return None


def extract_cn_pension(text: str) -> dict[str, str]:
    """Parameters of a China basic-pension estimate."""
    params: dict[str, str] = {}
    birth = re.search(
        r"(19\d\d|20[01]\d)\s*年\s*(?:(\d{1,2})\s*月)?\s*(?:份)?\s*(?:出生|生)", text
    ) or re.search(r"(?:born|出生于?)\s*(?:in\s*)?(19\d\d|20[01]\d)(?:[-/年](\d{1,2}))?", text)
    named = re.search(
        r"born (?:in )?(" + "|".join(_MONTHS) + r")[a-z]*\.?,? (19\d\d|20[01]\d)", text
    )
    if birth:
        params["birth"] = f"{birth.group(1)}-{int(birth.group(2) or 1):02d}"
    elif named:
        params["birth"] = f"{named.group(2)}-{_MONTHS.index(named.group(1)) + 1:02d}"
    if gender := _gender(text):
        params["gender"] = gender
    retire = re.search(
        r"(\d{2}|[五六][十][一二三四五六七八九]?)\s*岁\s*(?:(\d{1,2})\s*个?月)?\s*(?:时)?\s*退休",
        text,
    )
    # An age stated on its own ("retire at 62", "退休年龄63岁"), whatever it is: a wrong one is
    # refused by the calculator, never dropped.
    stated = re.search(r"retire at (\d{2})|退休年龄\s*(?:是|为|按)?\s*(\d{1,3})(?=\s*岁)", text)
    if retire:
        years_old = _whole(retire.group(1))
        months = int(retire.group(2)) if retire.group(2) else 0
        if years_old:
            params["retire_age"] = fmt(years_old + months / 12)
    elif stated:
        params["retire_age"] = stated.group(1) or stated.group(2)
    avg = _after(
        r"社平工资|社平|社会平均工资|平均工资|计发基数|average wage", text, window=6, percent=False
    )
    if avg is not None:
        params["avg_wage"] = fmt(avg.value)
    index = re.search(r"(?:缴费指数|指数|index)\s*(?:是|为|按)?\s*(\d(?:\.\d+)?)", text)
    pct_level = re.search(r"按\s*(\d{2,3})\s*%\s*(?:档|的?基数|缴费|缴纳)?", text)
    if index:
        params["index"] = index.group(1)
    elif pct_level:
        params["index"] = fmt(float(pct_level.group(1)) / 100)
    elif "最低档" in text:
        params["index"] = "0.6"
    elif re.search(r"at the average wage|按社平|按平均工资", text):
        params["index"] = "1"
    years = (
        re.search(
            r"(?:缴费|交了?|缴了?|交满|缴满|交够|工龄|累计缴费|参保|上了?)\s*" + _CN_NUM + r"\s*年",
            text,
        )
        or re.search(_CN_NUM + r"\s*年\s*(?:的)?(?:工龄|缴费|社保|养老保险)", text)
        or re.search(r"(\d+) years? (?:of )?(?:contribut|service|paying)", text)
        or re.search(r"缴费年限\s*(?:是|为|有)?\s*" + _CN_NUM + r"\s*年?", text)
    )
    if years and (
        value := _whole(years.group(1))
        if not re.match(r"\d+\.\d", years.group(1))
        else float(years.group(1))
    ):
        params["years"] = fmt(value)
    balance = _after(
        r"个人账户(?:余额|里有|有|储存额|存了)?|account balance", text, window=4, percent=False
    )
    if balance is not None:
        params["balance"] = fmt(balance.value)
    wage = _after(
        r"月薪|工资|缴费基数|基数|月收入|monthly wage|wage|salary(?: is)?|contribution base",
        text,
        window=4,
        percent=False,
    )
    if wage is not None and fmt(wage.value) != params.get("avg_wage"):
        params["wage"] = fmt(wage.value)
    yearly = _after(r"年交|每年交|一年交|每年缴|年缴", text, window=4, percent=False)
    if yearly is not None:
        params["annual_contrib"] = fmt(yearly.value)
    return params


EXTRACTORS = {
    "us401k": read_us401k,
    "inflow": extract_inflow,
    "cn_pension": extract_cn_pension,
    "cn_contrib": read_cn_contrib,
    "cn_personal_pension": read_cn_personal_pension,
}
