"""Simplified <-> Traditional Chinese conversion with OpenCC (converters built lazily)."""

from functools import cache

import opencc


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    """Convert 简体 text to 繁體 as written in Taiwan (phrases included)."""
    return str(_converter("s2twp").convert(text)) if text else text


def to_simplified(text: str) -> str:
    """Convert 繁體 text (any region) to 简体."""
    return str(_converter("t2s").convert(text)) if text else text


def traditional_only_count(text: str) -> int:
    """Count characters that exist only in the Traditional script."""
    simplified = to_simplified(text)
    return sum(1 for a, b in zip(text, simplified, strict=False) if a != b)


def simplified_only_count(text: str) -> int:
    """Count characters that exist only in the Simplified script."""
    traditional = str(_converter("s2t").convert(text))
    return sum(1 for a, b in zip(text, traditional, strict=False) if a != b)


def to_mainland_simplified(text: str) -> str:
    """Convert 繁體 to 简体 with mainland vocabulary (計畫 → 计划, 軟體 → 软件), for search."""
    return str(_converter("tw2sp").convert(text)) if text else text
