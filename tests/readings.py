"""The readings corpus: calculation requests as people write them, with the inputs a right
reading gives (`tests/data/readings/requests.yaml`), split by source page like the real
questions, and scored field by field."""

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.calcs.request import NOT_INPUTS
from bot.calcs.understand import understand

READINGS = Path(__file__).parent / "data" / "readings" / "requests.yaml"


@dataclass(frozen=True)
class Request:
    """One request and what reading it right gives."""

    id: str
    lang: str
    source: str  # real | variant
    url: str
    calculator: str
    text: str
    read: dict[str, str]
    asks: str | None = None  # calculation | other: labelled blind to the bot (README)

    @property
    def half(self) -> str:
        """`tune` or `held`, by the source page (variants follow their original)."""
        return "held" if hashlib.sha256(self.url.encode("utf-8")).digest()[0] % 2 else "tune"


def load_requests(path: Path = READINGS) -> list[Request]:
    """Every request of the corpus (none when the file does not exist yet)."""
    if not path.exists():
        return []
    raw: list[dict[str, Any]] = yaml.safe_load(path.read_text("utf-8")) or []
    return [
        Request(
            id=str(item["id"]),
            lang=str(item["lang"]),
            source=str(item.get("source", "real")),
            url=str(item["url"]),
            calculator=str(item["calculator"]),
            text=str(item["text"]),
            read={str(k): str(v) for k, v in (item.get("read") or {}).items()},
            asks=str(item["asks"]) if "asks" in item else None,
        )
        for item in raw
    ]


def same_value(key: str, got: str, want: str) -> bool:
    """Two readings of one input agree (numbers compared as numbers, tiers tier by tier)."""
    if key == "match":
        return [tuple(map(float, t.split("@"))) for t in got.split("+") if "@" in t] == [
            tuple(map(float, t.split("@"))) for t in want.split("+") if "@" in t
        ]
    try:
        return abs(float(got) - float(want)) < 1e-6
    except ValueError:
        return got == want


# The day the rows were labelled: "born in 1985" and "until 2040" are read against it.
LABELLED_ON = dt.date(2026, 12, 7)


def read_request(request: Request) -> tuple[str | None, dict[str, str]]:
    """What the bot reads: the calculator and the inputs (without the keys that only steer
    the reply: the 'missing' marker, the focus)."""
    found = understand(request.text, today=LABELLED_ON)
    if found is None:
        return None, {}
    return found.calculator, {k: v for k, v in found.params.items() if k not in NOT_INPUTS}


def exact(request: Request) -> bool:
    """Whether the bot reads the calculator and every input exactly, and nothing more."""
    calculator, params = read_request(request)
    if calculator != request.calculator or params.keys() != request.read.keys():
        return False
    return all(same_value(k, params[k], request.read[k]) for k in params)
