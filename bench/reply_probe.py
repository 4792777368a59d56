"""Run a bot with its HTTP calls noted: when each getUpdates answer came back, and when each
reply call (sendMessage, sendPhoto, answerCallbackQuery, answerInlineQuery) started.

Usage: python bench/reply_probe.py OUT.json -- python-args...   (e.g. `-m bot.cli run`)

Like bench/phase_probe.py, but it keeps what is needed to pair every reply with the update it
answers: the raw getUpdates answers (parsed only at exit, so the probe's own work is not
counted as the bot's) and the chat or query id of each reply. For bench/bot_time.py.
"""

import atexit
import json
import sys
import time
from pathlib import Path
from typing import Any

from phase_probe import run_as_python  # this script runs from bench/, beside it
from telegram.request import HTTPXRequest

from bot.tg.request import JsonHTTPXRequest

REPLY_KEYS = {
    "sendMessage": "chat_id",
    "sendPhoto": "chat_id",
    "answerCallbackQuery": "callback_query_id",
    "answerInlineQuery": "inline_query_id",
}
FETCHED: list[tuple[float, bytes]] = []
REPLIES: list[tuple[float, str, str]] = []  # (started, method, chat or query id)


def _probe(cls: Any) -> None:
    original = cls.do_request

    async def do_request(self: Any, url: str, *args: Any, **kwargs: Any) -> Any:
        method = url.rsplit("/", 1)[-1]
        if method in REPLY_KEYS:
            data = kwargs.get("request_data") or (args[1] if len(args) > 1 else None)
            key = str(data.parameters.get(REPLY_KEYS[method])) if data is not None else ""
            REPLIES.append((time.perf_counter(), method, key))
        result = await original(self, url, *args, **kwargs)
        if method == "getUpdates" and b'"update_id"' in result[1]:
            FETCHED.append((time.perf_counter(), result[1]))
        return result

    cls.do_request = do_request


def _write(out: str) -> None:
    arrivals: list[tuple[float, str, str]] = []  # (arrived, kind, chat or query id)
    for arrived, body in FETCHED:
        for update in json.loads(body).get("result", []):
            for kind in ("message", "callback_query", "inline_query"):
                if kind in update:
                    item = update[kind]
                    key = item["chat"]["id"] if kind == "message" else item["id"]
                    arrivals.append((arrived, kind, str(key)))
    Path(out).write_text(json.dumps({"arrivals": arrivals, "replies": REPLIES}))


def main() -> None:
    """Probe, then run the bot as `python ARGS` would."""
    out, _, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    for cls in (HTTPXRequest, JsonHTTPXRequest):
        _probe(cls)
    atexit.register(_write, out)
    run_as_python(args)


if __name__ == "__main__":
    main()
