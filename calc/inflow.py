"""If retirement plans put X% into crypto: how much money flows in, and against what."""

import datetime as dt
from dataclasses import dataclass

import numpy as np

from calc.errors import require_range

TABLE_ALLOCATIONS = (0.01, 0.02, 0.03, 0.04, 0.05)


@dataclass(frozen=True)
class InflowInputs:
    """The base of assets, the share moved, how many plans do it and how fast."""

    base_usd: float
    base_name: str  # "401k" | "dc" | "all_retirement" | "custom"
    base_as_of: dt.date | None
    allocation: float  # 0.02 = 2%
    adoption: float = 1.0  # share of plans that offer it and participants that choose it
    phase_in_years: int = 1
    yearly_contributions_usd: float | None = None
    compare_usd: float | None = None  # US spot bitcoin + ether ETF assets
    compare_as_of: dt.date | None = None


@dataclass(frozen=True)
class InflowResult:
    """The flows and the comparison."""

    inputs: InflowInputs
    one_off_usd: float
    yearly_from_contributions_usd: float | None
    schedule_usd: np.ndarray  # inflow in each phase-in year
    table: list[tuple[float, float]]  # (allocation, one-off) for 1-5%
    share_of_compare: float | None  # one-off / comparison assets


def validate(inputs: InflowInputs) -> None:
    """Raise CalcInputError for anything the arithmetic cannot use."""
    require_range("base_usd", inputs.base_usd, 1e6, 1e15)
    require_range("allocation", inputs.allocation, 0, 1)
    require_range("adoption", inputs.adoption, 0, 1)
    require_range("phase_in_years", inputs.phase_in_years, 1, 30)
    if inputs.yearly_contributions_usd is not None:
        require_range("yearly_contributions_usd", inputs.yearly_contributions_usd, 0, 1e14)


def crypto_inflow(inputs: InflowInputs) -> InflowResult:
    """One-off reallocation = base x allocation x adoption, spread over the phase-in years."""
    validate(inputs)
    one_off = inputs.base_usd * inputs.allocation * inputs.adoption
    yearly = None
    if inputs.yearly_contributions_usd is not None:
        yearly = inputs.yearly_contributions_usd * inputs.allocation * inputs.adoption
    years = int(inputs.phase_in_years)
    schedule = np.full(years, one_off / years) + (yearly or 0.0)
    table = [(a, inputs.base_usd * a * inputs.adoption) for a in TABLE_ALLOCATIONS]
    share = one_off / inputs.compare_usd if inputs.compare_usd else None
    return InflowResult(
        inputs=inputs,
        one_off_usd=one_off,
        yearly_from_contributions_usd=yearly,
        schedule_usd=schedule,
        table=table,
        share_of_compare=share,
    )
