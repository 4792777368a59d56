"""China social-insurance contributions: each side's monthly amounts and take-home pay."""

from dataclasses import dataclass

from calc.errors import CalcInputError, require_range

INSURANCES = ("pension", "medical", "unemployment", "injury", "maternity")


@dataclass(frozen=True)
class Rates:
    """Employee and employer rates for one insurance (shares of the base)."""

    employee: float
    employer: float


@dataclass(frozen=True)
class ContribInputs:
    """A monthly wage, the local base floor and cap, and the rates."""

    wage: float
    base_floor: float
    base_cap: float
    rates: dict[str, Rates]


@dataclass(frozen=True)
class ContribResult:
    """Per-insurance amounts, totals and take-home pay (before income tax)."""

    inputs: ContribInputs
    base: float
    employee: dict[str, float]
    employer: dict[str, float]
    employee_total: float
    employer_total: float
    take_home: float
    base_clamped: str | None  # "floor" | "cap" | None


MAX_WAGE = 1e7  # yuan a month: the largest wage the calculator takes


def validate(inputs: ContribInputs) -> None:
    """Raise CalcInputError for anything the arithmetic cannot use."""
    require_range("wage", inputs.wage, 0, MAX_WAGE)
    require_range("base_floor", inputs.base_floor, 0, 1e6)
    require_range("base_cap", inputs.base_cap, 0, 1e7)
    if inputs.base_cap < inputs.base_floor:
        raise CalcInputError("base_cap", "order")
    for name, rates in inputs.rates.items():
        require_range(f"{name}_employee_rate", rates.employee, 0, 0.5)
        require_range(f"{name}_employer_rate", rates.employer, 0, 0.5)


def contributions(inputs: ContribInputs) -> ContribResult:
    """Base = wage kept within [floor, cap]; each amount = base x rate."""
    validate(inputs)
    base = min(max(inputs.wage, inputs.base_floor), inputs.base_cap)
    clamped = (
        "floor"
        if inputs.wage < inputs.base_floor
        else "cap"
        if inputs.wage > inputs.base_cap
        else None
    )
    employee = {name: base * r.employee for name, r in inputs.rates.items()}
    employer = {name: base * r.employer for name, r in inputs.rates.items()}
    employee_total = sum(employee.values())
    return ContribResult(
        inputs=inputs,
        base=base,
        employee=employee,
        employer=employer,
        employee_total=employee_total,
        employer_total=sum(employer.values()),
        take_home=inputs.wage - employee_total,
        base_clamped=clamped,
    )
