"""The `pillarbot` command: chat, ask and content check (Telegram's `run` comes later)."""

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from bot.i18n.lang import Lang, parse_lang

if TYPE_CHECKING:
    from bot.engine import Engine, Reply

LANG_CHOICES = ("auto", "en", "zh-Hans", "zh-Hant")


def _engine() -> "Engine":
    from bot.engine import Engine

    return Engine()


def _lang_option(value: str) -> Lang | None:
    return None if value == "auto" else parse_lang(value)


def _write_json(reply: "Reply", out: TextIO) -> None:
    from bot.charts_store import save_chart

    save_chart(reply)
    out.write(json.dumps(reply.to_json(), ensure_ascii=False) + "\n")
    out.flush()


def _ask(args: argparse.Namespace) -> int:
    from bot.engine import Message

    engine = _engine()
    lang = _lang_option(args.lang)
    text = " ".join(args.text)
    if text == "-":
        for line in sys.stdin:
            _write_json(engine.handle(Message(line.rstrip("\n"), lang)), sys.stdout)
        return 0
    reply = engine.handle(Message(text, lang))
    from bot.charts_store import save_chart
    from bot.chat import format_for_terminal

    if args.json:
        _write_json(reply, sys.stdout)
    else:
        save_chart(reply)
        print(format_for_terminal(reply))
    return 0


def _chat(args: argparse.Namespace) -> int:
    from bot.chat import run_chat

    return run_chat(_engine(), _lang_option(args.lang), sys.stdin, sys.stdout)


def _run(args: argparse.Namespace) -> int:
    from bot.config import SettingsError, load_settings

    try:
        settings = load_settings(webhook=args.webhook)
    except SettingsError as exc:
        print(f"pillarbot: {exc}", file=sys.stderr)
        return 2
    from bot.tg.run import run

    return run(settings, verbose=args.verbose)


def _content_check(_: argparse.Namespace) -> int:
    from bot.knowledge.check import check_content
    from bot.knowledge.content import content_root, load_content
    from bot.knowledge.errors import ContentError

    try:
        content = load_content(content_root())
    except ContentError as exc:
        print(f"content error: {exc}", file=sys.stderr)
        return 1
    problems = check_content(content)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(
        f"{len(content.topics)} topics, {len(content.figures)} figures, "
        f"{len(content.scope)} scope entries, {len(content.glossary)} glossary terms: "
        + ("OK" if not problems else f"{len(problems)} problems")
    )
    return 0 if not problems else 1


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="pillarbot", description="A bilingual bot that explains retirement systems."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    commands = parser.add_subparsers(dest="command", required=True)

    chat = commands.add_parser("chat", help="talk with the bot in the terminal")
    chat.add_argument("--lang", choices=LANG_CHOICES, default="auto")
    chat.set_defaults(handler=_chat)

    ask = commands.add_parser("ask", help="one reply (TEXT '-' reads questions from stdin)")
    ask.add_argument("--lang", choices=LANG_CHOICES, default="auto")
    ask.add_argument("--json", action="store_true", help="print the reply as one JSON object")
    ask.add_argument("text", nargs="+", metavar="TEXT")
    ask.set_defaults(handler=_ask)

    run = commands.add_parser("run", help="run on Telegram (needs TELEGRAM_BOT_TOKEN)")
    run.add_argument("--webhook", action="store_true", help="serve a webhook instead of polling")
    run.set_defaults(handler=_run)

    content = commands.add_parser("content", help="work with the curated content")
    content_commands = content.add_subparsers(dest="content_command", required=True)
    check = content_commands.add_parser("check", help="validate every content file")
    check.set_defaults(handler=_content_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `pillarbot` console script."""
    args = build_parser().parse_args(argv)
    if args.command == "run":
        return int(args.handler(args))
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not args.verbose:
        logging.getLogger().handlers[0].setFormatter(_NoTracebackFormatter())
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130


class _NoTracebackFormatter(logging.Formatter):
    """One line per record: the terminal user never sees a traceback."""

    def __init__(self) -> None:
        super().__init__("%(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        record.exc_text = None
        saved, record.exc_info = record.exc_info, None
        try:
            return super().format(record)
        finally:
            record.exc_info = saved


if __name__ == "__main__":
    sys.exit(main())
