"""Where the terminal door saves chart PNGs (the JSON reply carries the path)."""

import hashlib
import os
from pathlib import Path

from bot.engine.reply import Reply


def charts_dir() -> Path:
    """$PILLARBOT_CHARTS, else the user's cache folder."""
    override = os.environ.get("PILLARBOT_CHARTS")
    if override:
        return Path(override)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "pillarbot" / "charts"


def save_chart(reply: Reply) -> Path | None:
    """Write the reply's chart, if any, and record its path in the result."""
    if reply.chart_png is None:
        return None
    folder = charts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(reply.chart_png).hexdigest()[:16]}.png"
    path.write_bytes(reply.chart_png)
    if reply.result is not None:
        reply.result["chart"] = str(path)
    return path
