"""US 401(k) savings projection: monthly contributions, employer match, IRS limits, fees,
inflation, and a Monte Carlo range."""

import math
from dataclasses import dataclass, field

import numpy as np

from calc.errors import CalcInputError, require_range
from calc.montecarlo import simulate_paths

MAX_SALARY = 1e8
BAND_STRIDE = 5
MAX_BALANCE = 1e10


@dataclass(frozen=True)
class MatchTier:
    """The employer adds `rate` of each dollar you defer within the next `width` of pay."""

    rate: float  # 0.5 = 50 cents per dollar
    width: float  # 0.06 = the next 6% of pay


@dataclass(frozen=True)
class Us401kRules:
    """IRS limits for one base year, indexed for later years."""

    base_year: int
    deferral_limit: float  # 402(g)
    catch_up_limit: float  # age 50+
    super_catch_up_limit: float  # ages 60-63 (SECURE 2.0), instead of the regular catch-up
    total_additions_limit: float  # 415(c), excludes catch-ups
    compensation_limit: float  # 401(a)(17)
    roth_catch_up_wage_threshold: float
    catch_up_age: int = 50
    super_catch_up_ages: tuple[int, int] = (60, 63)
    deferral_rounding: float = 500.0
    total_additions_rounding: float = 1000.0
    compensation_rounding: float = 5000.0


@dataclass(frozen=True)
class Us401kInputs:
    """What the user told us, with stated defaults for the rest."""

    years: float  # horizon
    salary: float = 0.0
    current_age: float | None = None
    contribution_rate: float | None = None  # share of pay, 0.10 = 10%
    contribution_amount: float | None = None  # dollars a year
    contribute_max: bool = False  # the IRS maximum each year (catch-ups included by age)
    match: tuple[MatchTier, ...] = ()
    current_balance: float = 0.0
    annual_return: float = 0.06
    expense_ratio: float = 0.005
    inflation: float = 0.025
    salary_growth: float = 0.03
    volatility: float = 0.15
    target_balance: float | None = None
    start_year: int = 2026
    paths: int = 10_000
    seed: int = 2025


@dataclass(frozen=True)
class YearLimits:
    """The IRS limits that apply in one calendar year."""

    year: int
    deferral: float
    catch_up: float
    total_additions: float
    compensation: float


@dataclass(frozen=True)
class Us401kResult:
    """A projection and the assumptions it rests on."""

    inputs: Us401kInputs
    months: int
    balance: float  # nominal, deterministic path at the assumed return
    balance_today: float  # in today's dollars
    employee_total: float
    employer_total: float
    growth: float
    binding_years: list[int]  # years the deferral limit cut the requested contribution
    p10: float
    p50: float
    p90: float
    yearly_balance: np.ndarray  # deterministic, end of each year
    yearly_contributions: np.ndarray  # cumulative employee + employer, end of each year
    yearly_p10: np.ndarray
    yearly_p90: np.ndarray
    monthly_needed_for_target: float | None
    months_to_target: int | None  # months until the balance first reaches the target, if it does
    roth_catch_up_applies: bool
    limits_first_year: YearLimits
    notes: list[str] = field(default_factory=list)


def indexed_limit(base: float, years: int, inflation: float, step: float) -> float:
    """A limit indexed for inflation and rounded down to a multiple of `step`, as the IRS does.

    The base year keeps its published value, and a limit never falls below it.
    """
    if years <= 0:
        return base
    return max(base, math.floor(base * (1 + inflation) ** years / step) * step)


def limits_for_year(
    rules: Us401kRules, year: int, age: float | None, inflation: float
) -> YearLimits:
    """The limits for a year and, when the age is known, the catch-up the person may add."""
    k = year - rules.base_year
    deferral = indexed_limit(rules.deferral_limit, k, inflation, rules.deferral_rounding)
    catch_up = 0.0
    if age is not None and age >= rules.catch_up_age:
        low, high = rules.super_catch_up_ages
        base = rules.super_catch_up_limit if low <= age <= high else rules.catch_up_limit
        catch_up = indexed_limit(base, k, inflation, rules.deferral_rounding)
    return YearLimits(
        year=year,
        deferral=deferral,
        catch_up=catch_up,
        total_additions=indexed_limit(
            rules.total_additions_limit, k, inflation, rules.total_additions_rounding
        ),
        compensation=indexed_limit(
            rules.compensation_limit, k, inflation, rules.compensation_rounding
        ),
    )


def employer_match(deferral_share: float, pay: float, tiers: tuple[MatchTier, ...]) -> float:
    """The match on a year's pay when the employee defers `deferral_share` of it."""
    matched, lower = 0.0, 0.0
    for tier in tiers:
        in_band = min(max(deferral_share - lower, 0.0), tier.width)
        matched += tier.rate * in_band * pay
        lower += tier.width
    return matched


def validate(inputs: Us401kInputs) -> None:
    """Raise CalcInputError for anything a projection cannot use."""
    require_range("years", inputs.years, 1 / 12, 80)
    require_range("salary", inputs.salary, 0, MAX_SALARY)
    require_range("current_balance", inputs.current_balance, 0, MAX_BALANCE)
    if inputs.current_age is not None:
        require_range("current_age", inputs.current_age, 14, 100)
        require_range("retirement_age", inputs.current_age + inputs.years, 15, 110)
    if inputs.contribution_rate is not None:
        require_range("contribution_rate", inputs.contribution_rate, 0, 1)
    if inputs.contribution_amount is not None:
        require_range("contribution_amount", inputs.contribution_amount, 0, MAX_SALARY)
    # A long-run average beyond ±20% a year is a typo or a hope, not a planning assumption.
    require_range("annual_return", inputs.annual_return, -0.2, 0.2)
    require_range("expense_ratio", inputs.expense_ratio, 0, 0.1)
    require_range("inflation", inputs.inflation, -0.05, 0.3)
    require_range("salary_growth", inputs.salary_growth, -0.2, 0.5)
    require_range("volatility", inputs.volatility, 0, 1)
    if inputs.target_balance is not None:
        require_range("target_balance", inputs.target_balance, 0, MAX_BALANCE * 10)
    for tier in inputs.match:
        require_range("match_rate", tier.rate, 0, 5)
        require_range("match_width", tier.width, 0, 1)
    if inputs.salary == 0 and inputs.match:
        raise CalcInputError("salary", "missing")


def _contribution_schedule(
    inputs: Us401kInputs, rules: Us401kRules
) -> tuple[np.ndarray, np.ndarray, list[int], YearLimits]:
    """Monthly employee and employer contributions, the binding years, first-year limits."""
    months = max(1, round(inputs.years * 12))
    employee = np.zeros(months)
    employer = np.zeros(months)
    binding: list[int] = []
    first: YearLimits | None = None
    for k in range(math.ceil(months / 12)):
        year = inputs.start_year + k
        age = None if inputs.current_age is None else inputs.current_age + k
        limits = limits_for_year(rules, year, age, inputs.inflation)
        first = first or limits
        pay = inputs.salary * (1 + inputs.salary_growth) ** k
        allowed = limits.deferral + limits.catch_up
        if inputs.contribute_max:
            wanted = allowed
        elif inputs.contribution_amount is not None:
            wanted = inputs.contribution_amount
        else:
            wanted = (inputs.contribution_rate or 0.0) * pay
        if wanted > allowed:
            binding.append(year)
        deferral = min(wanted, allowed)
        capped_pay = min(pay, limits.compensation)
        share = deferral / capped_pay if capped_pay else 0.0
        match = employer_match(share, capped_pay, inputs.match)
        regular = min(deferral, limits.deferral)
        match = max(0.0, min(match, limits.total_additions - regular))
        span = slice(k * 12, min((k + 1) * 12, months))
        employee[span] = deferral / 12
        employer[span] = match / 12
    assert first is not None
    return employee, employer, binding, first


def project_401k(inputs: Us401kInputs, rules: Us401kRules) -> Us401kResult:
    """Project a 401(k) balance month by month, with a Monte Carlo range around it."""
    validate(inputs)
    employee, employer, binding, first = _contribution_schedule(inputs, rules)
    months = len(employee)
    contributions = employee + employer
    net = inputs.annual_return - inputs.expense_ratio
    monthly_growth = (1 + net) ** (1 / 12)
    growth_factors = monthly_growth ** np.arange(months, 0, -1)  # from month m+1 to the end
    balance = float(
        inputs.current_balance * monthly_growth**months
        + contributions @ (growth_factors / monthly_growth)
    )
    deterministic = _path(inputs.current_balance, contributions, monthly_growth)
    year_ends = np.minimum(np.arange(12, months + 12, 12), months) - 1
    paths = simulate_paths(
        start=inputs.current_balance,
        contributions=contributions,
        annual_return=net,
        volatility=inputs.volatility,
        paths=inputs.paths,
        seed=inputs.seed,
        checkpoints=year_ends,
    )
    terminal = np.percentile(paths[:, -1], [10, 50, 90])
    # The chart's yearly band needs less precision than the headline range: every fifth path.
    bands = np.percentile(np.ascontiguousarray(paths[::BAND_STRIDE].T), [10, 90], axis=1)
    deflator = (1 + inputs.inflation) ** (months / 12)
    needed = None
    reached = None
    if inputs.target_balance is not None:
        needed = _monthly_needed(
            inputs.target_balance, inputs.current_balance, monthly_growth, months
        )
        reached = _months_to(inputs.target_balance, inputs.current_balance, deterministic)
    age_now = inputs.current_age
    roth_catch_up = bool(
        age_now is not None
        and age_now + months / 12 >= rules.catch_up_age
        and inputs.salary > rules.roth_catch_up_wage_threshold
    )
    employee_total = float(employee.sum())
    employer_total = float(employer.sum())
    return Us401kResult(
        inputs=inputs,
        months=months,
        balance=balance,
        balance_today=balance / deflator,
        employee_total=employee_total,
        employer_total=employer_total,
        growth=balance - inputs.current_balance - employee_total - employer_total,
        binding_years=binding,
        p10=float(terminal[0]),
        p50=float(terminal[1]),
        p90=float(terminal[2]),
        yearly_balance=deterministic[year_ends],
        yearly_contributions=inputs.current_balance + np.cumsum(contributions)[year_ends],
        yearly_p10=bands[0],
        yearly_p90=bands[1],
        monthly_needed_for_target=needed,
        months_to_target=reached,
        roth_catch_up_applies=roth_catch_up,
        limits_first_year=first,
    )


def _path(start: float, contributions: np.ndarray, growth: float) -> np.ndarray:
    """Balance at the end of every month: grow, then add that month's contribution."""
    months = len(contributions)
    powers = growth ** np.arange(1, months + 1)
    return powers * (start + np.cumsum(contributions / powers))


def _months_to(target: float, start: float, path: np.ndarray) -> int | None:
    """Months until the balance first reaches `target` (0 when it already does), or None."""
    if start >= target:
        return 0
    above = np.flatnonzero(path >= target)
    return int(above[0]) + 1 if len(above) else None


def _monthly_needed(target: float, start: float, growth: float, months: int) -> float:
    """The level monthly contribution that reaches `target` at the assumed return."""
    shortfall = target - start * growth**months
    if shortfall <= 0:
        return 0.0
    factor = months if abs(growth - 1) < 1e-12 else (growth**months - 1) / (growth - 1)
    return shortfall / factor
