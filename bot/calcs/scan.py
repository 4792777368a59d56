"""One scanner for calculation requests: every quantity in a text, with its span and kind.

Kinds: `money` (an amount, with the period it is paid in when the text says one), `percent`,
`age` ("45岁", "45-year-old"), `duration` (years: "20 yrs", "20年后"), `calendar` (a year
such as 1975 in "1975年出生") and `count` (any other bare number, e.g. "retire at 62").
Slot tables (`bot.calcs.slots`) then give each quantity at most one meaning.
"""

import re
from dataclasses import dataclass

from bot.calcs.numbers import Number, find_numbers

MONEY_FLOOR = 100  # a bare number this large is an amount, not a count


@dataclass(frozen=True)
class Quantity:
    """A number in the text and what sort of quantity it is."""

    value: float
    start: int
    end: int
    kind: str
    # money only, when stated: "year", "quarter", "month", "semimonthly", "biweekly" or "week"
    period: str | None = None


_AGE_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:years?[- ]old|yrs?[- ]old|years? of age|yo\b|y/o|y\.o\b|岁|歲)"
)
_AGE_BEFORE = re.compile(r"\b(?:age|aged|ages of|age of)\s*$")
_CALENDAR_AFTER = re.compile(
    r"\s*年\s*(?:\d{1,2}\s*月)?\s*(?:份)?\s*(?:出生|生|参加工作|参保|开始|底|末|初)"
)
_CALENDAR_BEFORE = re.compile(r"(?:born|since|in|出生于?|从)\s*(?:in\s*)?(?:[a-z]{3,9}\.?,?\s*)?$")
_DURATION_AFTER = re.compile(
    r"\s*(?:more\s+|full\s+)?(?:years?|yrs?)\b(?![- ]old)|\s*年(?![薪收龄初底中末度次]|了)"
)
_CURRENCY_WORD = r"(?:\s*(?:bucks|dollars|usd|rmb|yuan|刀|美元|美金|元|块钱?))?"
# "8.5w刀 每月定投1.5k", "35w 每年存满": a period word that opens the next clause (its verb or
# its amount follows) is that clause's
_NOT_NEXT = (
    r"(?!\s*(?:都|也|还|能|要|会)?\s*(?:定投|存|放|投|交|缴|扣|供|涨|加)|"
    r"\s*(?:大概|大约|约)?\s*\d)"
)
_PER_YEAR_AFTER = re.compile(
    _CURRENCY_WORD
    + r"\s*(?:(?:a|per|each|every)\s+(?:year|yr)\b|/\s*(?:yr|year)\b|annually|yearly|"
    r"(?:一年|每年)" + _NOT_NEXT + r"|for the (?:whole |full |entire )?year\b)"
)
_PER_MONTH_AFTER = re.compile(
    _CURRENCY_WORD
    + r"\s*(?:(?:(?:on|at) the (?:first|1st|last|end|beginning|start)(?: day)? of )?"
    + r"(?:a|per|each|every)\s+mo(?:nth)?\b|/\s*mo(?:nth)?\b|monthly|(?:一个?月|每个?月)"
    + _NOT_NEXT
    + r")"
)
_BIWEEKLY_AFTER = re.compile(
    _CURRENCY_WORD
    + r"\s*(?:gross\s+|net\s+|pre-?tax\s+)?(?:in\s+)?"
    + r"(?:every (?:two|2|other) weeks?|every fortnight|fortnightly|bi-?weekly|每两周)"
)
_SEMIMONTHLY_AFTER = re.compile(
    _CURRENCY_WORD + r"\s*(?:in\s+)?(?:semi-?monthly|twice a month|每半个月|一个月两次)"
)
_QUARTERLY_AFTER = re.compile(
    _CURRENCY_WORD + r"\s*(?:(?:a|per|each|every)\s+quarter\b|quarterly|每季度?|每个季度|一个季度)"
)
# An amount per pay ("$200 from every paycheck", "$350 each pay period", 每次扣250): as often as
# the text says pay comes, every two weeks when it does not say.
_PER_PAY_AFTER = re.compile(
    _CURRENCY_WORD
    + r"\s*(?:(?:gross|pre-?tax|before tax) )?"  # "$3,600 gross each time"
    + r"(?:(?:comes?|goes|is taken|taken) )?(?:(?:from|out of|off|of) )?(?:a|per|each|every) "
    + r"(?:(?:bi-?weekly|weekly|semi-?monthly|monthly) )?"
    + r"(?:pay ?check|check|pay period|payday|time\b|one\b|1\b)"
)
_PER_PAY_BEFORE = re.compile(
    r"(?:每次|每期|每个\s*pay ?check|每张\s*pay ?check)(?:发薪|发工资)?"
    r"(?:[^，,。；;.!?\d]|40[13][kb]){0,16}?"
    r"(?:扣|扣除|存|放|投入?|提拨)?\s*$"
)
# "一次税前3400刀" after the pay's frequency: one pay (not 一次性, a lump sum)
_ONE_PAY_BEFORE = re.compile(r"(?<![第这那每])一次(?!性)\s*(?:税前|税后|发|扣)?\s*$")
_PAID = (
    (
        "semimonthly",
        r"semi-?monthly|twice a month|一个月(?:发)?两次|每?半个?月|\b24(?= pay)|"
        r"on the (?:1st|first|15th) and (?:the )?(?:15th|last(?: day)?|30th|end)",
    ),
    (
        "biweekly",
        r"bi-?weekly|every (?:two|2|other) weeks?|fortnightly|双周|两周|每两周|两个(?:礼拜|星期)|"
        r"\b26(?= pay)",
    ),
    ("week", r"\bweekly\b|every week|每周"),
    ("month", r"\bmonthly\b|every month|once a month|每个?月"),
)
_PAY_FREQUENCY = tuple(
    (
        name,
        re.compile(
            r"(?:paid|pay(?:check)?s? (?:come|comes|is)|get paid)\s*(?:" + words + r")|"
            r"(?:" + words + r")\s*(?:发(?:一次)?)?\s*"
            r"(?:发薪|发工资|发薪水|薪水|工资|薪|paid|paychecks?|checks?|pay)|"
            r"(?:" + words + r")\s*发一次"  # (半月发一次) after a paycheck's amount
        ),
    )
    for name, words in _PAID
)
_WEEKLY_AFTER = re.compile(
    _CURRENCY_WORD
    + r"\s*(?:comes? out of (?:my|his|her|their) pay ?check )?"
    + r"(?:(?:a|per|each|every)\s+(?:week|wk)\b|/\s*(?:wk|week)\b|weekly|每周|每星期|一周)"
)
_PUT = (
    r"(?:(?:[^，,。；;.!?\d]|40[13][kb]){0,10}?"
    r"(?:扣除|放|存|投入?|交|缴|定投|挣|赚|提拨|自提|储蓄|扣|供|摆))?"
)
_PER_YEAR_BEFORE = re.compile(
    r"(?:年薪|年收入|年工资|每年|一年|全年|年存|年交|年缴|annual(?:ly)?|yearly)"
    + _PUT
    + r"\s*(?:大概|大约|约|是|为|有)?\s*$"
)
_PER_MONTH_BEFORE = re.compile(
    r"(?:月薪|月收入|月工资|每个?月|一个月|月存|月交|月缴|monthly)"
    + _PUT
    + r"\s*(?:大概|大约|约|是|为|有|一共|合计|总共)?\s*$"
)
_BIWEEKLY_BEFORE = re.compile(
    r"(?:每两周|每2周)(?:从(?:薪水|工资|薪资)(?:里|中)?)?\s*(?:扣|扣除|存|放|投入?|提拨)?"
    + _PUT
    + r"\s*(?:添加|新增)?\s*$"
)
_WEEKLY_BEFORE = re.compile(r"(?:每周|每星期|每个星期|一周|weekly)" + _PUT + r"\s*$")
_QUARTERLY_BEFORE = re.compile(r"(?:每季度?|每个季度|quarterly)" + _PUT + r"\s*$")


# "Each month he deposits $75", "every month you put in 200": the period said before the verb.
_PER_MONTH_CLAUSE = re.compile(
    r"(?<!twice )(?<!two times )\b(?:each|every|per|a)\s+month\b[^.?!;$\d]{0,25}?"
    r"\b(?:deposit|contribut|put|sav|invest|add)\w*(?:\s+(?:in|away|aside))?\s*\$?\s*$"
)


_YEAR_PAY_BEFORE = re.compile(
    r"(?:年薪|年收入|年工资|年包)\s*(?:税前)?\s*(?:人民币)?\s*(?:大概|大约|约|是|为|有)?\s*$"
)
# "$250 into my 401k each month": the account named between an amount and its period.
_INTO_ACCOUNT = re.compile(
    r"\s*(?:(?:into|in) (?:it|that)\b|(?:of (?:that|it|this)\s+)?"
    r"(?:goes |go |going |went )?(?:into|in|to)\s+"
    r"(?:(?:my|his|her|their|our|your|the|an?)\s+)?"
    r"(?:(?:roth|traditional|rollover)\s+)?(?:401k|403b|457b|ira|tsp|account|plan)s?(?![a-z0-9]))"
)


# "每个paycheck往 401k 放300刀": the words from "each paycheck" to the amount may run longer
PER_PAY_REACH = 24


def _period(text: str, number: Number) -> str | None:
    if _YEAR_PAY_BEFORE.search(text, max(0, number.start - 12), number.start):
        return "year"  # 年薪8万美金 每月存500刀: the 每月 is the next clause's
    into = _INTO_ACCOUNT.match(text, number.end)
    after = text[into.end() if into else number.end :][:40]
    before = text[max(0, number.start - 12) : number.start]
    if _PER_MONTH_CLAUSE.search(text, max(0, number.start - 50), number.start):
        return "month"
    if _PER_PAY_AFTER.match(after) or _PER_PAY_BEFORE.search(
        text, max(0, number.start - PER_PAY_REACH), number.start
    ):
        return _pay_frequency(text)
    if _ONE_PAY_BEFORE.search(text, max(0, number.start - 8), number.start) and any(
        pattern.search(text) for _, pattern in _PAY_FREQUENCY
    ):
        return _pay_frequency(text)  # "每两周发一次工资，一次税前3400刀": one pay's worth
    wider = text[max(0, number.start - 20) : number.start]
    paid = _PAID_JUST_BEFORE.search(text, max(0, number.start - 40), number.start)
    if paid:  # "I get paid weekly, $1,450 gross"
        return _FREQUENCY_WORDS.get(paid.group(1).replace("-", ""), "biweekly")
    if _SEMIMONTHLY_AFTER.match(after) or re.search(r"(?:twice a month|semi-?monthly)\s*$", wider):
        return "semimonthly"
    if _QUARTERLY_AFTER.match(after) or _QUARTERLY_BEFORE.search(before):
        return "quarter"
    if _BIWEEKLY_AFTER.match(after) or _BIWEEKLY_BEFORE.search(before):
        return "biweekly"
    if _WEEKLY_AFTER.match(after) or _WEEKLY_BEFORE.search(before):
        return "week"
    if _PER_MONTH_AFTER.match(after) or _PER_MONTH_BEFORE.search(before):
        return "month"
    if _PER_YEAR_AFTER.match(after) or _PER_YEAR_BEFORE.search(before):
        return "year"
    return None


_PAID_JUST_BEFORE = re.compile(
    r"\b(?:paid|pay ?checks?(?: come| are)?)\s+"
    r"(weekly|bi-?weekly|semi-?monthly|monthly|once a month|twice a month|"
    r"every (?:two weeks|other week))"
    r"\s*,?\s*\$?\s*$"
)
_FREQUENCY_WORDS = {
    "weekly": "week",
    "biweekly": "biweekly",
    "semimonthly": "semimonthly",
    "monthly": "month",
    "once a month": "month",
    "twice a month": "semimonthly",
    "every two weeks": "biweekly",
    "every other week": "biweekly",
}


def _pay_frequency(text: str) -> str:
    """How often the text says pay comes ("I get paid semi-monthly", 双周发薪); every two weeks
    when it does not say."""
    for name, pattern in _PAY_FREQUENCY:
        if pattern.search(text):
            return name
    return "biweekly"


# "管理费一年0.45%", "一年5000": a year as the period of the number after it, not a horizon
_PERIOD_OF_NEXT = re.compile(r"\s*年\s*(?:大概|大约|约)?\s*(?:[\d.]|涨|增|加|调)")


# "72年的，", 85年生: a two-digit birth year, as Chinese speakers say it
_BORN_SHORT_AFTER = re.compile(r"\s*年(?:的(?=[,，\s。])|生人|生(?![活意日产])|出生)")
# "50岁以上", "50 and over", "50 or older": an age a rule starts at, not a person's
_THRESHOLD_AFTER = re.compile(
    r"\s*(?:以上|以下|及以上|及以下|\+|and over|or over|and older|or older|and up)"
)


def _names_a_year(before: str, after: str) -> bool:
    return bool(_CALENDAR_AFTER.match(after) or _CALENDAR_BEFORE.search(before))


def _kind(text: str, number: Number, period: str | None) -> str:
    after = text[number.end : number.end + 40]
    before = text[max(0, number.start - 12) : number.start]
    if number.percent:
        return "percent"
    plain = not number.currency and not number.scaled
    # "put in 2,000/month", "in 2000 a year": a comma or a period makes it an amount
    dated = period is None and "," not in text[number.start : number.end]
    if plain and dated and number.value in range(1900, 2101) and _names_a_year(before, after):
        return "calendar"
    if before.rstrip().endswith("民国"):
        return "calendar"  # 民国80年次: Taiwan's calendar, a year of birth
    if plain and number.value > 0:
        if _BORN_SHORT_AFTER.match(after) and 10 <= number.value <= 99:
            return "born"  # "我老公72年的": a birth year (read apart), no horizon
        unit = _AGE_AFTER.match(after)
        if unit or _AGE_BEFORE.search(before):
            if _THRESHOLD_AFTER.match(after, unit.end() if unit else 0):
                return "threshold"  # "50岁以上那个补缴", "50 and over": a rule's age
            return "age"
        if re.match(r"\s*年了", after):
            return "elapsed"  # "工作快二十年了": time gone by, no horizon and no age
        ordinal = before.endswith("第")  # "工作第五年": which year, not how many
        if _DURATION_AFTER.match(after) and not _PERIOD_OF_NEXT.match(after) and not ordinal:
            return "duration"
    if number.currency or number.scaled or abs(number.value) >= MONEY_FLOOR:
        return "money"
    return "money" if period is not None else "count"


# "33M, 401k 200k…", "45f": an age and a sex, as forum posts open, not 33 million. Only a
# two-digit age glued to the letter, with no dollar sign and no word of money around it.
_AGE_AND_SEX = re.compile(
    r"(\d{2})[mf](?![a-z0-9]|\.\d)(?!\s*(?:account|in\b|saved|balance|401k|ira|portfolio|dollars|usd))"
)
_MONEY_BEFORE = re.compile(
    r"(?:have|has|had|saved|with|balance|worth|want|need|reach|hit|of)[\s$~]*$"
)
AGE_AND_SEX_RANGE = range(16, 91)


def _age_and_sex(text: str, number: Number) -> float | None:
    """The age of "33m" / "45f", or None when the number is something else."""
    glued = _AGE_AND_SEX.match(text, number.start)
    if number.currency or glued is None or glued.end() < number.end:
        return None
    if _MONEY_BEFORE.search(text, max(0, number.start - 12), number.start):
        return None
    age = int(glued.group(1))
    return float(age) if age in AGE_AND_SEX_RANGE else None


def _quantity(text: str, number: Number) -> Quantity:
    age = _age_and_sex(text, number)
    if age is not None:
        return Quantity(value=age, start=number.start, end=number.end, kind="age")
    period = _period(text, number)
    kind = _kind(text, number, period)
    return Quantity(
        value=number.value,
        start=number.start,
        end=number.end,
        kind=kind,
        period=period if kind == "money" else None,
    )


def scan(text: str) -> list[Quantity]:
    """Every quantity in a normalised text, in order."""
    return [_quantity(text, number) for number in find_numbers(text)]
