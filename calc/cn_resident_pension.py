"""China's urban-rural residents' basic pension (城乡居民基本养老保险): the basic pension
plus the personal account divided by the scheme's payout months."""

from dataclasses import dataclass

from calc.errors import require_range

# Sanity bounds for what a request can mean, not policy: local grades reach several thousand
# yuan a year, a residents' basic pension a few thousand a month, and nobody pays for more
# than the years between 16 and 75.
MAX_YEARLY_CONTRIBUTION = 20_000.0
MAX_BASIC_PENSION = 10_000.0
MAX_SUBSIDY = 10_000.0
MAX_YEARS = 60.0
MIN_INTEREST, MAX_INTEREST = -0.05, 0.10


@dataclass(frozen=True)
class ResidentPensionRules:
    """The scheme's national rules and the calculator's stated defaults."""

    pension_age: int  # 60
    minimum_years: float  # 15
    payout_months: float  # 139
    basic_minimum: float  # national minimum basic pension a month (the default)
    basic_year: int  # the year that minimum is for
    subsidy_minimum: float  # national minimum yearly subsidy (lowest grade)
    subsidy_minimum_high: float  # national minimum from the higher grade on
    high_grade: float  # the yearly grade from which the higher minimum applies
    assumed_interest: float  # a share (0.02): an assumption, not an official rate

    def subsidy_for(self, yearly_contribution: float) -> float:
        """The national minimum subsidy for a grade (local subsidies are often higher)."""
        if yearly_contribution >= self.high_grade:
            return self.subsidy_minimum_high
        return self.subsidy_minimum


@dataclass(frozen=True)
class ResidentPensionInputs:
    """What the estimate needs, every amount in yuan."""

    yearly_contribution: float  # the 缴费档次 paid each year
    yearly_subsidy: float  # the government's 入口补贴 credited to the account each year
    years: float  # years of contributions
    basic_pension: float  # 基础养老金 a month (national minimum or the local amount)
    interest: float  # yearly interest credited to the account (a share: 0.02)
    payout_months: float  # 计发月数 of the scheme (139)
    minimum_years: float  # years needed for a monthly pension (15)


@dataclass(frozen=True)
class ResidentPensionResult:
    """The monthly pension and how it was reached."""

    inputs: ResidentPensionInputs
    account_balance: float
    own_paid: float
    subsidy_paid: float
    personal: float
    total: float
    meets_minimum: bool


def validate(inputs: ResidentPensionInputs) -> None:
    """Raise CalcInputError for anything the formula cannot use."""
    require_range("annual_contrib", inputs.yearly_contribution, 0, MAX_YEARLY_CONTRIBUTION)
    require_range("subsidy", inputs.yearly_subsidy, 0, MAX_SUBSIDY)
    require_range("years", inputs.years, 1, MAX_YEARS)
    require_range("basic", inputs.basic_pension, 0, MAX_BASIC_PENSION)
    require_range("account_interest", inputs.interest, MIN_INTEREST, MAX_INTEREST)


def account_after(yearly: float, years: float, interest: float) -> float:
    """Balance after `years` of equal yearly payments, each credited at the end of its year
    and earning `interest` from the next year on (a part year pays a part payment)."""
    whole = int(years)
    balance = 0.0
    for _ in range(whole):
        balance = balance * (1 + interest) + yearly
    part = years - whole
    return balance * (1 + interest) ** part + yearly * part


def estimate_resident_pension(inputs: ResidentPensionInputs) -> ResidentPensionResult:
    """Monthly pension = basic pension + account balance / payout months."""
    validate(inputs)
    yearly = inputs.yearly_contribution + inputs.yearly_subsidy
    balance = account_after(yearly, inputs.years, inputs.interest)
    personal = balance / inputs.payout_months
    return ResidentPensionResult(
        inputs=inputs,
        account_balance=balance,
        own_paid=inputs.yearly_contribution * inputs.years,
        subsidy_paid=inputs.yearly_subsidy * inputs.years,
        personal=personal,
        total=inputs.basic_pension + personal,
        meets_minimum=inputs.years >= inputs.minimum_years,
    )
