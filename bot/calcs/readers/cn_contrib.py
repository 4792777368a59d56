"""Read a social-insurance contribution request: wage (the base), a city's figures, and the
special additional deductions the income tax on that wage takes off."""

import re

from bot.calcs.readers.cn_personal_pension import (
    DEDUCTION_SLOTS,
    NO_DEDUCTIONS,
    yearly_deductions,
)
from bot.calcs.request import fmt
from bot.calcs.scan import scan
from bot.calcs.slots import Slot, assign, slot, yearly_value

# An average wage this large is a year's ("the average wage last year was 133,200 yuan"): no
# city's monthly average comes near it.
YEARLY_AVERAGE_WAGE = 40_000
_LISTED_AS = r"(?: (?:listed|given|quoted|set|put))?(?: (?:as|at))?"  # "is listed as 10,750"
TABLE: tuple[Slot, ...] = (
    slot(
        "avg_wage",
        "money",
        before=r"社平工资|社平|社会平均工资|平均工资|average salary|"
        r"average (?:monthly )?wage(?: (?:is|was))?" + _LISTED_AS + "|"
        r"(?:local|city) (?:average|avg)(?: wage)?(?:,? which is| of| is)?(?: still)?|"
        r"\b[a-z]+'s average(?: monthly)?(?: wage| salary)?(?: last year| this year)?"
        r"(?: is| was| of| works out to| comes to)?" + _LISTED_AS + "|"
        r"\bavg wage(?: there)?(?: is| was)?(?: still)?",
        window=8,
        monthly=True,
        yearly_above=YEARLY_AVERAGE_WAGE,
    ),
    slot(
        "floor",
        "money",
        before=r"下限|最低基数|最低(?:是|为)?|不低于|floor(?:ed)?(?: at| of| is)?|"
        r"\b(?:go |be )?below\b|"
        r"\bno less than\b|"
        r"\bmin(?:imum)?\b(?: contribution)?(?: base)?(?: is| of)?",
        window=8,
    ),
    slot(
        "cap",
        "money",
        before=r"上限|最高基数|最高|不高于|\bcap(?:ped)?(?: at)?|ceiling(?: is| of)?|"
        r"\b(?:go |be )?above\b|"
        r"\bno more than\b|"
        r"\bmax(?:imum)?\b(?: contribution)?(?: base)?(?: is| of)?",
        window=10,
    ),
    slot(
        "wage",
        "money",
        before=r"月薪|年薪|年包|年收入|工资|税前|月收入|缴费基数|社保基数|salary|wage|收入|"
        r"contribution base|"
        r"\bearn\w*|\bmake|\bon|gross|月入|薪水|工资是|人工|\bpaying\b|\bpays\b|\boffer\b[^.?!;\d]{0,12}|"
        r"\bjob (?:in [a-z']+ )?at",
        after=r"\s*(?:元|块|rmb|yuan)?\s*(?:的)?\s*"
        r"(?:月薪|月工资|工资|a month|per month|monthly|gross|/\s*mo(?:nth)?\b)",
        window=8,
        fallback=True,
        monthly=True,
    ),
    *DEDUCTION_SLOTS,
)
_MONTHLY = ("avg_wage", "floor", "cap", "wage")


# "base range there is 4,287-21,435", 基数范围4287-21435: the floor and the cap at once
_BASE_RANGE = re.compile(
    r"(?:base range|range of the base|基数范围|基数区间|基数|\bbase\b[^\d.]{0,25}?)[^\d]{0,15}?"
    r"(\d[\d,]*(?:\.\d+)?)\s*(?:-|–|~|到|至|to)\s*(\d[\d,]*(?:\.\d+)?)"
)


def read_cn_contrib(text: str) -> dict[str, str]:
    """Parameters of a social-insurance contribution breakdown (monthly yuan; the special
    additional deductions yearly, as the income tax counts them)."""
    filled = assign(text, scan(text), TABLE)
    rows = {row.name: row for row in TABLE}
    params = {
        name: fmt(yearly_value(rows[name], filled[name])) for name in _MONTHLY if name in filled
    }
    base_range = _BASE_RANGE.search(text)
    if base_range and not {"floor", "cap"} & params.keys():
        low, high = (float(g.replace(",", "")) for g in base_range.groups())
        if low < high:
            params["floor"], params["cap"] = fmt(low), fmt(high)
    deductions = yearly_deductions(filled, filled.get("wage"), text)
    if deductions is not None:
        params["deductions"] = fmt(deductions)
    elif NO_DEDUCTIONS.search(text):
        params["deductions"] = "0"  # "no special deductions"
    return params
