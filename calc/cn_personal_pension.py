"""个人养老金 tax saving: tax before minus tax after the deduction, and the 3% on withdrawal."""

from dataclasses import dataclass

from calc.errors import CalcInputError, require_range


@dataclass(frozen=True)
class TaxBracket:
    """Taxable income above `lower` (yuan a year) is taxed at `rate`."""

    lower: float
    rate: float


@dataclass(frozen=True)
class PersonalPensionRules:
    """The comprehensive-income brackets, the yearly cap and the withdrawal rate."""

    brackets: tuple[TaxBracket, ...]
    cap: float  # 12,000 a year
    withdrawal_rate: float  # 0.03


@dataclass(frozen=True)
class PersonalPensionResult:
    """What the deduction saves now and costs later."""

    taxable_income: float
    contribution: float
    tax_before: float
    tax_after: float
    tax_saved: float
    withdrawal_tax: float
    net_benefit: float
    marginal_rate: float
    low_rate_warning: bool


def income_tax(taxable: float, brackets: tuple[TaxBracket, ...]) -> float:
    """Tax on annual taxable comprehensive income, bracket by bracket."""
    tax = 0.0
    for i, bracket in enumerate(brackets):
        upper = brackets[i + 1].lower if i + 1 < len(brackets) else float("inf")
        if taxable > bracket.lower:
            tax += (min(taxable, upper) - bracket.lower) * bracket.rate
    return tax


def marginal_rate(taxable: float, brackets: tuple[TaxBracket, ...]) -> float:
    """The rate on the last yuan of taxable income (0 when nothing is taxable)."""
    rate = 0.0
    for bracket in brackets:
        if taxable > bracket.lower:
            rate = bracket.rate
    return rate


def personal_pension_saving(
    taxable_income: float, contribution: float, rules: PersonalPensionRules
) -> PersonalPensionResult:
    """Tax saved = tax(income) - tax(income - contribution); withdrawal taxed at 3%."""
    require_range("taxable_income", taxable_income, 0, 1e10)
    require_range("contribution", contribution, 0, 1e9)
    if contribution > rules.cap:
        raise CalcInputError("contribution", "out_of_range", 0, rules.cap)
    before = income_tax(taxable_income, rules.brackets)
    after = income_tax(max(taxable_income - contribution, 0.0), rules.brackets)
    saved = before - after
    withdrawal = contribution * rules.withdrawal_rate
    rate = marginal_rate(taxable_income, rules.brackets)
    return PersonalPensionResult(
        taxable_income=taxable_income,
        contribution=contribution,
        tax_before=before,
        tax_after=after,
        tax_saved=saved,
        withdrawal_tax=withdrawal,
        net_benefit=saved - withdrawal,
        marginal_rate=rate,
        low_rate_warning=rate <= rules.withdrawal_rate,
    )
