"""Run a bot with its HTTP calls timed: when each update arrived, when each reply left.

Usage: python bench/phase_probe.py OUT.json -- python-args...   (e.g. `-m bot.cli run`)

Wraps `do_request` of PTB's request classes (and pillarbot's) to note perf_counter() when a
getUpdates answer holding a message has come back and when a sendMessage starts; writes both
lists to OUT.json at exit. perf_counter is the system's monotonic clock, so the benchmark can
line these up with its own timestamps. For bench/telegram_phases.py only.
"""

import atexit
import json
import runpy
import sys
import time
from pathlib import Path
from typing import Any

from telegram.request import HTTPXRequest

from bot.tg.request import JsonHTTPXRequest

ARRIVED: list[float] = []
SENDING: list[float] = []


def _probe(cls: Any) -> None:
    original = cls.do_request

    async def do_request(self: Any, url: str, *args: Any, **kwargs: Any) -> Any:
        if url.endswith("/sendMessage"):
            SENDING.append(time.perf_counter())
        result = await original(self, url, *args, **kwargs)
        if url.endswith("/getUpdates") and b'"message"' in result[1]:
            ARRIVED.append(time.perf_counter())
        return result

    cls.do_request = do_request


def main() -> None:
    """Probe, then run the bot as `python ARGS` would."""
    out, _, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    for cls in (HTTPXRequest, JsonHTTPXRequest):
        _probe(cls)
    atexit.register(
        lambda: Path(out).write_text(json.dumps({"arrived": ARRIVED, "sending": SENDING}))
    )
    run_as_python(args)


def run_as_python(args: list[str]) -> None:
    """Run `python ARGS` in this process (`-m module …` or `script.py …`)."""
    if args[0] == "-m":
        sys.argv = [args[1], *args[2:]]
        runpy.run_module(args[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = args
        sys.path.insert(0, str(Path(args[0]).parent))
        runpy.run_path(args[0], run_name="__main__")


if __name__ == "__main__":
    main()
