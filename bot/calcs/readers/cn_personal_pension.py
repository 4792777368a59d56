"""Read a personal-pension tax request: yearly pay or taxable income, contribution, deductions."""

from bot.calcs.request import fmt
from bot.calcs.scan import scan
from bot.calcs.slots import Slot, assign, slot, yearly_value

TABLE: tuple[Slot, ...] = (
    slot(
        "taxable",
        "money",
        before=r"应纳税所得额|taxable income|应税收入|应税所得",
        window=6,
    ),
    slot(
        "deductions",
        "money",
        before=r"专项附加扣除|专项扣除|其他扣除|附加扣除|deductions?",
        window=8,
        yearly=True,
    ),
    slot(
        "contribution",
        "money",
        before=r"存满?|交|缴|投|买|contribut(?:e|ing|ion)|put in|deposit|个人养老金",
        after=r"\s*(?:元|块)?\s*(?:到|进|买)?\s*个人养老金",
        window=6,
        high=1e6,
    ),
    slot(
        "salary",
        "money",
        before=r"年薪|年收入|annual salary|annual income|income of|"
        r"一年挣|一年赚|每年挣|每年赚|年挣|年赚|"
        r"月薪|月收入|工资|收入|monthly|salary|earn\w*|\bmake",
        after=r"\s*(?:yuan|rmb|元)?\s*(?:a|per) (?:year|month)",
        window=6,
        yearly=True,
    ),
)
_BY_NAME = {row.name: row for row in TABLE}
# Pay stated without a period is a month's pay when it is below this (yuan): in Chinese,
# 工资 and 收入 alone mean monthly pay.
MONTHLY_PAY_BELOW = 100_000


def read_cn_personal_pension(text: str) -> dict[str, str]:
    """Parameters of the personal-pension tax saving (yearly yuan)."""
    filled = assign(text, scan(text), TABLE)
    params = {name: fmt(yearly_value(_BY_NAME[name], q)) for name, q in filled.items()}
    pay = filled.get("salary")
    if pay is not None and pay.period is None and pay.value < MONTHLY_PAY_BELOW:
        params["salary"] = fmt(pay.value * 12)  # "工资2万" is a month's pay
    if "taxable" in params:
        params.pop("salary", None)
    return params
