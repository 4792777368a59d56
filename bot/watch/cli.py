"""`pillarbot updates watch | sources | review`: the watcher from the terminal (for editors)."""

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from sqlite_utils import Database

from bot.config import default_db_path
from bot.store import open_database
from bot.store.watch import Candidate, CandidateStore
from bot.watch.config import WatchConfig, WatchConfigError, load_watch_config
from bot.watch.health import source_health
from bot.watch.review import ReviewError, dismiss_candidate, draft_candidate
from bot.watch.watcher import SourceRun, watch

PROMPT = "draft N, dismiss N (x N), or quit (q): "


def add_watch_commands(commands: Any) -> None:
    """Add watch, sources and review to the `updates` subcommands."""
    watch_cmd = commands.add_parser("watch", help="poll official sources for new candidates")
    watch_cmd.add_argument("--config", type=Path, help="watch configuration (YAML)")
    watch_cmd.add_argument("--force", action="store_true", help="also poll sources in backoff")
    watch_cmd.set_defaults(handler=_watch)

    sources = commands.add_parser("sources", help="the health of every watched source")
    sources.add_argument("--config", type=Path, help="watch configuration (YAML)")
    sources.set_defaults(handler=_sources)

    review = commands.add_parser("review", help="list candidates; draft or dismiss one")
    action = review.add_mutually_exclusive_group()
    action.add_argument("--draft", type=int, metavar="ID", help="write a draft update")
    action.add_argument("--dismiss", type=int, metavar="ID", help="never offer it again")
    review.add_argument("--out", type=Path, help="folder for drafts (default: updates/drafts)")
    review.set_defaults(handler=_review)


def _database() -> Database:
    return open_database(default_db_path())


def _config(args: argparse.Namespace) -> WatchConfig | None:
    """The watch configuration, or None after saying what is wrong with it."""
    try:
        return load_watch_config(args.config)
    except WatchConfigError as exc:
        print(f"watch configuration error: {exc}", file=sys.stderr)
        return None


def _watch(args: argparse.Namespace) -> int:
    config = _config(args)
    if config is None:
        return 2
    db = _database()
    runs = watch(db, config, force=args.force)
    for run in runs:
        print(_run_line(run))
    added = sum(run.candidates for run in runs)
    failed = sum(run.outcome == "failed" for run in runs)
    print(
        f"{_count(added, 'new candidate', 'new candidates')}, "
        f"{failed} of {len(runs)} sources failed; "
        f"{CandidateStore(db).count_open()} waiting for review (pillarbot updates review)"
    )
    return 0


def _run_line(run: SourceRun) -> str:
    name = f"{run.source.id:<18}"
    if run.outcome == "failed":
        return f"{name} FAILED     {run.error} (next try after {run.next_try})"
    if run.outcome == "waiting":
        return f"{name} waiting    backing off until {run.next_try}"
    if run.outcome == "unchanged":
        return f"{name} unchanged  (not modified since the last run)"
    return f"{name} read       {_count(run.entries, 'entry', 'entries')}, " + _count(
        run.candidates, "new candidate", "new candidates"
    )


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def _sources(args: argparse.Namespace) -> int:
    config = _config(args)
    if config is None:
        return 2
    for health in source_health(_database(), config):
        line = f"{health.id:<18} {health.health:<8} last ok: {health.last_ok or '-'}"
        if health.failures:
            line += (
                f"; {_count(health.failures, 'failure', 'failures')} in a row, "
                f"last at {health.error_at}: "
                f"{health.last_error}; next try after {health.next_try}"
            )
        print(line)
    return 0


def _review(args: argparse.Namespace) -> int:
    db = _database()
    try:
        if args.draft is not None:
            decision = draft_candidate(db, args.draft, args.out)
            print(f"draft written: {decision.draft}")
            return 0
        if args.dismiss is not None:
            dismiss_candidate(db, args.dismiss)
            print(f"candidate {args.dismiss} dismissed")
            return 0
    except ReviewError as exc:
        print(f"pillarbot: {_review_problem(exc)}", file=sys.stderr)
        return 1
    print_candidates(CandidateStore(db).open(), sys.stdout)
    if sys.stdin.isatty():
        return review_loop(db, args.out, sys.stdin, sys.stdout)
    return 0


def print_candidates(candidates: list[Candidate], out: TextIO) -> None:
    """One block per candidate: id, date, title, link, source and topics."""
    if not candidates:
        out.write("no candidates waiting for review\n")
    for candidate in candidates:
        date = candidate.published or candidate.found[:10]
        out.write(
            f"#{candidate.id}  {date}  {candidate.title}\n"
            f"     {candidate.url}\n"
            f"     {candidate.source} · {', '.join(candidate.topics)}\n"
        )


def review_loop(db: Database, out_dir: Path | None, lines: TextIO, out: TextIO) -> int:
    """Ask for decisions until the editor quits or the input ends."""
    while True:
        out.write(PROMPT)
        out.flush()
        line = lines.readline()
        command, _, number = line.strip().partition(" ")
        if not line or command in ("q", "quit"):
            return 0
        if not number.strip().isdigit() or command not in ("d", "draft", "x", "dismiss"):
            out.write("type d 12 to draft #12, x 12 to dismiss it, q to quit\n")
            continue
        try:
            if command in ("d", "draft"):
                out.write(f"draft written: {draft_candidate(db, int(number), out_dir).draft}\n")
            else:
                dismiss_candidate(db, int(number))
                out.write(f"candidate {number.strip()} dismissed\n")
        except ReviewError as exc:
            out.write(_review_problem(exc) + "\n")


def _review_problem(exc: ReviewError) -> str:
    if exc.reason == "unknown":
        return f"there is no candidate {exc.candidate_id}"
    return f"candidate {exc.candidate_id} was already {exc.reason}"
