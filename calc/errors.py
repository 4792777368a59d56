"""Input errors, as codes the engine turns into messages in the user's language."""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class CalcInputError(ValueError):
    """An input a calculator cannot use: which field, why, and the allowed range if any."""

    field: str
    reason: str  # "not_finite" | "negative" | "out_of_range" | "order" | "missing" | "unknown"
    low: float | None = None
    high: float | None = None

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


def require_range(field: str, value: float, low: float, high: float) -> float:
    """Return `value` if it is a finite number within [low, high], else raise."""
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise CalcInputError(field, "not_finite")
    if value < low or value > high:
        reason = "negative" if value < 0 <= low else "out_of_range"
        raise CalcInputError(field, reason, low, high)
    return float(value)
