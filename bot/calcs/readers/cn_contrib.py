"""Read a social-insurance contribution request: wage (the base), a city's figures, and the
special additional deductions the income tax on that wage takes off."""

from bot.calcs.readers.cn_personal_pension import DEDUCTION_SLOTS, yearly_deductions
from bot.calcs.request import fmt
from bot.calcs.scan import scan
from bot.calcs.slots import Slot, assign, slot, yearly_value

TABLE: tuple[Slot, ...] = (
    slot(
        "avg_wage",
        "money",
        before=r"社平工资|社平|社会平均工资|平均工资|average (?:monthly )?wage|average salary|"
        r"(?:local|city) (?:average|avg)(?: wage)?(?: of| is)?(?: still)?|"
        r"\bavg wage(?: is)?(?: still)?",
        window=8,
        monthly=True,
    ),
    slot(
        "floor",
        "money",
        before=r"下限|最低基数|floor(?:ed)?(?: at| of| is)?|"
        r"\bmin(?:imum)?\b(?: contribution)?(?: base)?(?: is| of)?",
        window=8,
    ),
    slot(
        "cap",
        "money",
        before=r"上限|最高基数|最高|\bcap(?:ped)?(?: at)?|ceiling(?: is| of)?|"
        r"\bmax(?:imum)?\b(?: contribution)?(?: base)?(?: is| of)?",
        window=10,
    ),
    slot(
        "wage",
        "money",
        before=r"月薪|工资|税前|月收入|缴费基数|社保基数|salary|wage|收入|contribution base|"
        r"\bearn\w*|\bmake|\bon|gross|月入|薪水|工资是|人工|\bpaying\b|\bpays\b|\boffer\b[^.?!;\d]{0,12}",
        after=r"\s*(?:元|块|rmb|yuan)?\s*(?:的)?\s*"
        r"(?:月薪|月工资|工资|a month|per month|monthly|gross)",
        window=8,
        fallback=True,
        monthly=True,
    ),
    *DEDUCTION_SLOTS,
)
_MONTHLY = ("avg_wage", "floor", "cap", "wage")


def read_cn_contrib(text: str) -> dict[str, str]:
    """Parameters of a social-insurance contribution breakdown (monthly yuan; the special
    additional deductions yearly, as the income tax counts them)."""
    filled = assign(text, scan(text), TABLE)
    rows = {row.name: row for row in TABLE}
    params = {
        name: fmt(yearly_value(rows[name], filled[name])) for name in _MONTHLY if name in filled
    }
    deductions = yearly_deductions(filled, filled.get("wage"), text)
    if deductions is not None:
        params["deductions"] = fmt(deductions)
    return params
