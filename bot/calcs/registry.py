"""Every calculator in one place: its name, the keys it takes, its reader and its run.

The engine finds a calculator here by name; adding one is a reader module, a run function
and a line in CALCULATORS.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from bot.calcs import run as runs
from bot.calcs.readers.cn_contrib import read_cn_contrib
from bot.calcs.readers.cn_pension import read_cn_pension
from bot.calcs.readers.cn_personal_pension import read_cn_personal_pension
from bot.calcs.readers.cn_resident_pension import read_cn_resident_pension
from bot.calcs.readers.inflow import read_inflow
from bot.calcs.readers.us401k import read_us401k
from bot.calcs.request import CALCULATOR_KEYS, NOT_INPUTS, CalcRequest
from bot.calcs.rules import CalcRules
from calc.errors import CalcInputError


@dataclass(frozen=True)
class Calculator:
    """One calculator: what it takes, how a message is read for it, and how it runs."""

    name: str
    keys: tuple[str, ...]  # the `key=value` names it reads, in the order replies show them
    currency: str  # "USD" or "CNY": how its amounts are written back
    read: Callable[[str], dict[str, str]]  # normalised text -> canonical inputs
    run: Callable[[CalcRequest, CalcRules, dt.date], runs.CalcOutcome]
    notes: str  # the topic that explains what the calculator models (a button under results)


def _undated(
    run: Callable[[CalcRequest, CalcRules], runs.CalcOutcome],
) -> Callable[[CalcRequest, CalcRules, dt.date], runs.CalcOutcome]:
    return lambda request, rules, _today: run(request, rules)


CALCULATORS: dict[str, Calculator] = {
    calculator.name: calculator
    for calculator in (
        Calculator(
            "us401k",
            CALCULATOR_KEYS["us401k"],
            "USD",
            read_us401k,
            _undated(runs.run_us401k),
            "k401_how_much_to_save",
        ),
        Calculator(
            "inflow",
            CALCULATOR_KEYS["inflow"],
            "USD",
            read_inflow,
            _undated(runs.run_inflow),
            "crypto_inflow_math",
        ),
        Calculator(
            "cn_pension",
            CALCULATOR_KEYS["cn_pension"],
            "CNY",
            read_cn_pension,
            runs.run_cn_pension,
            "cn_pension_formula",
        ),
        Calculator(
            "cn_resident_pension",
            CALCULATOR_KEYS["cn_resident_pension"],
            "CNY",
            read_cn_resident_pension,
            _undated(runs.run_cn_resident_pension),
            "cn_resident_pension",
        ),
        Calculator(
            "cn_contrib",
            CALCULATOR_KEYS["cn_contrib"],
            "CNY",
            read_cn_contrib,
            _undated(runs.run_cn_contrib),
            "cn_contribution_rates",
        ),
        Calculator(
            "cn_personal_pension",
            CALCULATOR_KEYS["cn_personal_pension"],
            "CNY",
            read_cn_personal_pension,
            _undated(runs.run_cn_personal_pension),
            "cn_personal_pension_worth_it",
        ),
    )
}


def run(request: CalcRequest, rules: CalcRules, today: dt.date) -> runs.CalcOutcome:
    """Run the calculator a request names; a key it does not take is refused, not ignored
    (`/calc cn_pension years=20 foo=3`)."""
    calculator = CALCULATORS[request.calculator]
    for key in request.params:
        if key not in calculator.keys and key not in NOT_INPUTS:
            raise CalcInputError(key, "unknown")
    return calculator.run(request, rules, today)
