"""China's income tax on pay (综合所得): the yearly brackets, and the tax on a year's pay."""

import math
from dataclasses import dataclass

from calc.errors import require_range


@dataclass(frozen=True)
class TaxBracket:
    """Taxable income above `lower` (yuan a year) is taxed at `rate`."""

    lower: float
    rate: float


@dataclass(frozen=True)
class PayTax:
    """The year's taxable income and income tax on a year's pay."""

    taxable: float
    tax: float


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


def monthly_average(yearly_tax: float) -> float:
    """A twelfth of a year's tax in whole yuan (halves up), as replies show it: an average of
    cumulative withholding, which is lower early in the year and higher later."""
    return float(math.floor(yearly_tax / 12 + 0.5))


def taxable_pay(
    yearly_pay: float, social: float, deductions: float, basic_deduction: float
) -> float:
    """A year's pay minus the basic deduction, the employee's social insurance and the special
    additional deductions (never below zero)."""
    require_range("salary", yearly_pay, 0, 1e10)
    require_range("deductions", deductions, 0, 1e9)
    return max(0.0, yearly_pay - basic_deduction - social - deductions)


def tax_on_pay(
    yearly_pay: float,
    social: float,
    deductions: float,
    basic_deduction: float,
    brackets: tuple[TaxBracket, ...],
) -> PayTax:
    """The year's income tax on a year's pay, from its taxable income."""
    taxable = taxable_pay(yearly_pay, social, deductions, basic_deduction)
    return PayTax(taxable=taxable, tax=income_tax(taxable, brackets))
