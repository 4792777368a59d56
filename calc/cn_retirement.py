"""China's 2025 retirement-age reform: statutory retirement month, minimum contribution
years, and the payout-month divisor (计发月数) for an age given in years and months."""

from dataclasses import dataclass
from enum import Enum

from calc.errors import CalcInputError, require_range


class Category(Enum):
    """Who the person is under the reform."""

    MALE = "male"
    FEMALE_50 = "female_50"  # women workers, originally 50
    FEMALE_55 = "female_55"  # women in managerial/technical posts, originally 55


@dataclass(frozen=True)
class ReformSchedule:
    """One category's path: original age, first birth month affected, pace and cap."""

    original_age: int
    first_birth: tuple[int, int]  # (year, month) of the first cohort that waits longer
    months_per_step: int  # one extra month per this many months of birth date
    max_delay_months: int


@dataclass(frozen=True)
class RetirementRules:
    """The reform's schedules, the minimum-years path and the 计发月数 table."""

    schedules: dict[Category, ReformSchedule]
    min_years_before: float  # 15
    min_years_after: float  # 20
    min_years_start_year: int  # 2030
    min_years_step: float  # 0.5 a year
    payout_months: dict[int, float]  # whole age -> months


@dataclass(frozen=True)
class Retirement:
    """When someone reaches statutory retirement age."""

    age_months: int
    year: int
    month: int
    delay_months: int


def _months(year: int, month: int) -> int:
    return year * 12 + (month - 1)


def statutory_retirement(
    birth_year: int, birth_month: int, category: Category, rules: RetirementRules
) -> Retirement:
    """The retirement age and month under the reform (the month the age is reached)."""
    require_range("birth_year", birth_year, 1930, 2010)
    require_range("birth_month", birth_month, 1, 12)
    schedule = rules.schedules[category]
    since = _months(birth_year, birth_month) - _months(*schedule.first_birth)
    delay = (
        0 if since < 0 else min(schedule.max_delay_months, since // schedule.months_per_step + 1)
    )
    age_months = schedule.original_age * 12 + delay
    when = _months(birth_year, birth_month) + age_months
    return Retirement(
        age_months=age_months, year=when // 12, month=when % 12 + 1, delay_months=delay
    )


def minimum_years(retirement_year: int, rules: RetirementRules) -> float:
    """Minimum contribution years for someone retiring in a year (15 → 20 from 2030)."""
    if retirement_year < rules.min_years_start_year:
        return rules.min_years_before
    steps = retirement_year - rules.min_years_start_year + 1
    return min(rules.min_years_after, rules.min_years_before + rules.min_years_step * steps)


def payout_months(age_months: int, rules: RetirementRules) -> float:
    """计发月数 for an age in months: the table's whole-age rows, linear in between.

    No official rule for month-level ages was found; linear interpolation between the
    whole-age rows is what open-source calculators do, and the result says so.
    """
    table = rules.payout_months
    low_age, high_age = min(table), max(table)
    age = age_months / 12
    if not low_age <= age <= high_age:
        raise CalcInputError("retirement_age", "out_of_range", low_age, high_age)
    whole = int(age)
    if whole == high_age:
        return float(table[high_age])
    fraction = age - whole
    return float(table[whole] + (table[whole + 1] - table[whole]) * fraction)
