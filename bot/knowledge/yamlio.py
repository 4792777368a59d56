"""YAML reading with the C loader when available."""

import datetime as dt
from typing import Any

import yaml

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse YAML text safely."""
    return yaml.load(text, Loader=_Loader)


def as_date(value: Any) -> dt.date | None:
    """A YAML date (or YYYY-MM-DD string) as a date; None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
