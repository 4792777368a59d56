"""The `pillarbot` command: chat, ask, run, admin and content check."""

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
    from bot.knowledge.updates import check_updates, load_updates

    try:
        content = load_content(content_root())
    except ContentError as exc:
        print(f"content error: {exc}", file=sys.stderr)
        return 1
    try:
        updates = load_updates(content.root)
    except ContentError as exc:
        print(f"content error: {exc}", file=sys.stderr)
        return 1
    problems = check_content(content) + check_updates(updates, set(content.topics))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(
        f"{len(content.topics)} topics, {len(content.figures)} figures, "
        f"{len(content.scope)} scope entries, {len(content.glossary)} glossary terms, "
        f"{len(updates)} updates: " + ("OK" if not problems else f"{len(problems)} problems")
    )
    return 0 if not problems else 1


def _admin(args: argparse.Namespace) -> int:
    from bot.engine.admin import admin_reply
    from bot.store.readonly import DatabaseNotReadyError, open_readonly

    try:
        db = open_readonly(args.db)
    except DatabaseNotReadyError as exc:
        print(f"pillarbot: {exc}", file=sys.stderr)
        return 1
    try:
        reply = admin_reply(db, args.view, _lang_option(args.lang) or "en")
    finally:
        db.close()
    assert reply is not None  # argparse allowed only the known views
    print(reply.text)
    return 0


def _digest_send(args: argparse.Namespace) -> int:
    from bot.config import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"pillarbot: {exc}", file=sys.stderr)
        return 2
    from bot.tg.digest_cli import send_digests

    report = send_digests(settings, everyone=args.now, verbose=args.verbose)
    print(
        f"queued {report.queued}, sent {report.messages} messages, "
        f"blocked {report.blocked}, failed {report.failed}"
    )
    return 0


def _digest_status(_: argparse.Namespace) -> int:
    from bot.config import default_db_path
    from bot.digest.outbox import DigestOutbox
    from bot.store import open_database

    status = DigestOutbox(open_database(default_db_path())).status()
    print(
        f"subscribers {status.subscribers}, unsubscribed {status.unsubscribed}, "
        f"blocked {status.blocked}, pending {status.pending}, sent {status.sent}"
    )
    if status.run_total:
        width = 30
        filled = width * status.run_done // status.run_total
        print(
            f"broadcast [{'#' * filled}{'.' * (width - filled)}] "
            f"{status.run_done}/{status.run_total}"
        )
    return 0


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

    admin = commands.add_parser(
        "admin", help="usage, feedback and unanswered questions from the bot's database"
    )
    admin.add_argument("view", choices=("stats", "feedback", "gaps"))
    admin.add_argument("--lang", choices=LANG_CHOICES, default="en")
    admin.add_argument("--db", help="the database (default: $PILLARBOT_DB, else the data folder)")
    admin.set_defaults(handler=_admin)

    content = commands.add_parser("content", help="work with the curated content")
    content_commands = content.add_subparsers(dest="content_command", required=True)
    check = content_commands.add_parser("check", help="validate every content file")
    check.set_defaults(handler=_content_check)

    updates = commands.add_parser("updates", help="policy updates: watch official sources")
    updates_commands = updates.add_subparsers(dest="updates_command", required=True)
    from bot.watch.cli import add_watch_commands

    add_watch_commands(updates_commands)
    digest = commands.add_parser("digest", help="policy-update digests")
    digest_commands = digest.add_subparsers(dest="digest_command", required=True)
    send = digest_commands.add_parser("send", help="deliver every pending digest once, then exit")
    send.add_argument("--now", action="store_true", help="treat every active subscriber as due")
    send.set_defaults(handler=_digest_send)
    status = digest_commands.add_parser("status", help="subscribers, pending, sent, blocked")
    status.set_defaults(handler=_digest_status)
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
    except BrokenPipeError:  # the reader went away (`pillarbot ask … | head`): stop quietly
        sys.stderr.close()
        return 0


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
