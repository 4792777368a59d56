"""China basic pension estimate (职工基本养老保险): 基础养老金 + 个人账户养老金."""

from dataclasses import dataclass

from calc.cn_retirement import RetirementRules, minimum_years, payout_months
from calc.errors import require_range


@dataclass(frozen=True)
class PensionInputs:
    """What the estimate needs; the account is given or built from a wage."""

    avg_wage: float  # 计发基数: the local average monthly wage used for benefits
    index: float  # average contribution index (本人平均缴费指数), within the base floor and cap
    years: float  # contribution years (incl. deemed years)
    retirement_age_months: int
    retirement_year: int
    index_floor: float  # the contribution base floor and cap as shares of the average wage
    index_cap: float
    account_rate: float  # share of the contribution wage credited to the account
    crediting_rate: float  # 记账利率 assumed for every year
    account_balance: float | None = None
    monthly_wage: float | None = None  # to build the account when the balance is unknown


@dataclass(frozen=True)
class PensionResult:
    """The monthly pension and how it was reached."""

    inputs: PensionInputs
    basic: float
    personal: float
    total: float
    months_divisor: float
    account_balance: float
    account_built: bool
    minimum_years: float
    meets_minimum: bool


def validate(inputs: PensionInputs) -> None:
    """Raise CalcInputError for anything the formula cannot use."""
    require_range("avg_wage", inputs.avg_wage, 100, 1e6)
    require_range("index", inputs.index, inputs.index_floor, inputs.index_cap)
    require_range("years", inputs.years, 0, 60)
    if inputs.account_balance is not None:
        require_range("account_balance", inputs.account_balance, 0, 1e9)
    if inputs.monthly_wage is not None:
        require_range("monthly_wage", inputs.monthly_wage, 0, 1e7)
    require_range("crediting_rate", inputs.crediting_rate, -0.1, 0.3)


def build_account(monthly_wage: float, years: float, share: float, rate: float) -> float:
    """Balance after `years` of contributions of `share` of the wage, credited yearly."""
    yearly = monthly_wage * 12 * share
    whole = int(years)
    balance = 0.0
    for _ in range(whole):
        balance = balance * (1 + rate) + yearly
    return balance * (1 + rate) ** (years - whole) + yearly * (years - whole)


def estimate_pension(
    inputs: PensionInputs, rules: RetirementRules, accrual: float
) -> PensionResult:
    """Basic = avg wage x (1 + index)/2 x years x accrual; personal = balance / 计发月数."""
    validate(inputs)
    basic = inputs.avg_wage * (1 + inputs.index) / 2 * inputs.years * accrual
    divisor = payout_months(inputs.retirement_age_months, rules)
    built = inputs.account_balance is None
    if inputs.account_balance is not None:
        balance = inputs.account_balance
    else:
        wage = (
            inputs.monthly_wage
            if inputs.monthly_wage is not None
            else inputs.avg_wage * inputs.index
        )
        balance = build_account(wage, inputs.years, inputs.account_rate, inputs.crediting_rate)
    personal = balance / divisor
    needed = minimum_years(inputs.retirement_year, rules)
    return PensionResult(
        inputs=inputs,
        basic=basic,
        personal=personal,
        total=basic + personal,
        months_divisor=divisor,
        account_balance=balance,
        account_built=built,
        minimum_years=needed,
        meets_minimum=inputs.years >= needed,
    )
