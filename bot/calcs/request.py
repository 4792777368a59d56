"""A calculation request: which calculator, and the parameters understood so far.

Requests round-trip through a plain `key=value` form ("calc us401k age=30 salary=80000"):
users may type it, adjustment buttons carry it, and a follow-up question merges into it.
"""

import re
from dataclasses import dataclass, field

CALCULATORS = (
    "us401k",
    "inflow",
    "cn_pension",
    "cn_resident_pension",
    "cn_contrib",
    "cn_personal_pension",
)
# The `key=value` names each calculator reads (what `/calc` lists and buttons carry).
CALCULATOR_KEYS: dict[str, tuple[str, ...]] = {
    "us401k": (
        "age",
        "salary",
        "contrib_pct",
        "contrib_amount",
        "max",
        "match",
        "balance",
        "retire_age",
        "years",
        "return",
        "fee",
        "inflation",
        "raise",
        "target",
    ),
    "inflow": ("alloc", "adoption", "base", "phase", "yearly"),
    "cn_pension": (
        "birth",
        "gender",
        "wage",
        "avg_wage",
        "index",
        "years",
        "balance",
        "annual_contrib",
        "retire_age",
    ),
    "cn_resident_pension": (
        "annual_contrib",
        "years",
        "age",
        "retire_age",
        "basic",
        "subsidy",
        "return",
    ),
    "cn_contrib": ("wage", "avg_wage", "floor", "cap", "deductions"),
    "cn_personal_pension": ("salary", "taxable", "deductions", "contribution", "focus"),
}
# Keys that steer the reply, not inputs read from the message: the field a follow-up answer
# fills, and what the reply leads with (`focus=tax`: the income tax on pay was asked).
NOT_INPUTS = frozenset({"missing", "focus"})
# A reader's note of the numbers an input was worked out from ("85年参加工作，2026年退休" gives
# 41 years): they are used, though no input holds them. Never a parameter.
DERIVED_FROM = "_derived_from"
_KEY_VALUE = re.compile(r"([a-z_]+)\s*=\s*([^\s,;，；]+)")


@dataclass
class CalcRequest:
    """What the user asked for, in canonical units (percent points, dollars, yuan, years)."""

    calculator: str
    params: dict[str, str] = field(default_factory=dict)
    # Numbers in the message that no input took, as written ("$150,000", "4%"): the reply
    # names them so that a number read nowhere is visible too.
    unused: tuple[str, ...] = ()

    def as_text(self) -> str:
        """The `calc <name> key=value ...` form of this request."""
        pairs = " ".join(f"{key}={value}" for key, value in sorted(self.params.items()))
        return f"calc {self.calculator} {pairs}".strip()

    def with_param(self, key: str, value: str) -> "CalcRequest":
        """A copy with one parameter set."""
        return CalcRequest(self.calculator, {**self.params, key: value}, self.unused)


def parse_key_values(text: str) -> dict[str, str]:
    """`age=30 salary=80000 match=50@6` → {"age": "30", ...}."""
    if "=" not in text:
        return {}
    return {key: value for key, value in _KEY_VALUE.findall(text.lower())}


def explicit_calculator(text: str) -> str | None:
    """A calculator named in the text (`calc us401k …`, `/calc cn_pension`). A name that is
    also a word ("inflow") counts only as a command: after "calc" or before typed keys ("what
    is the yearly inflow?" names no calculator)."""
    lowered = text.lower()
    for name in CALCULATORS:
        if re.search(r"[_\d]", name):
            if re.search(rf"(?<![a-z_]){name}(?![a-z_])", lowered):
                return name
        elif re.search(rf"\bcalc\s+{name}\b|(?<![a-z_]){name}\s+[a-z_]+\s*=", lowered):
            return name
    return None


def fmt(value: float) -> str:
    """A compact string for a parameter value, exact to the cent ("90894.36", "1502555.42")."""
    return f"{round(value, 4):.15g}" if abs(value) < 1e15 else f"{value:.0f}"
