"""个人养老金 tax saving: tax before minus tax after the deduction, and the 3% on withdrawal."""

from dataclasses import dataclass

from calc.cn_income_tax import TaxBracket, income_tax, marginal_rate
from calc.errors import CalcInputError, require_range


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
