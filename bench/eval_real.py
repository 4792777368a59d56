"""Run the real-question corpus through the engine; print right rates per half and script.

A question is right when the reply answers with one of its labelled topics, runs a labelled
calculator, or declines (a fallback) when it is out of scope or names only subjects no topic
covers. A clarifying "did you mean" is counted apart, never as right.

The held-out half is for measuring only: `--show-failures` lists failures of the tune half,
never of the held-out half.

Usage: python bench/eval_real.py [--show-failures] [--csv PATH]
"""

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.engine import Engine, Message
from bot.i18n.script import to_traditional
from tests.real_corpus import HALVES, SCRIPTS, Outcome, load_corpus, report, score


def run_corpus(engine: Engine) -> list[Outcome]:
    """Every corpus question through the engine, scored."""
    topics = engine.content.topics.keys()
    return [score(q, engine.handle(Message(q.question)), topics) for q in load_corpus()]


def converted_to_traditional(engine: Engine) -> list[Outcome]:
    """The real 简体 questions converted to 繁體 (OpenCC), and the reply must be in 繁體.

    Few questions written in 繁體 could be found, so this supplementary row checks that a 繁體
    reader asking the same things is answered the same way. It is not a measure of how people
    write in 繁體.
    """
    topics = engine.content.topics.keys()
    outcomes = []
    for q in load_corpus():
        if q.lang != "zh-Hans":
            continue
        reply = engine.handle(Message(to_traditional(q.question)))
        scored = score(q, reply, topics)
        outcomes.append(replace(scored, right=scored.right and reply.lang == "zh-Hant"))
    return outcomes


def print_report(outcomes: list[Outcome]) -> None:
    """The table of right rates per half, then how the rest went."""
    cells = report(outcomes)
    sizes = {h: sum(o.question.half == h for o in outcomes) for h in HALVES}
    print(f"real questions: {len(outcomes)} (tune {sizes['tune']}, held-out {sizes['held']})")
    print(f"{'':24}{'tune':>18}{'held-out':>18}")
    rows = [(f"{script} right", script) for script in SCRIPTS]
    rows.append(("out of scope declined", "decline"))
    for label, row in rows:
        print(f"{label:24}" + "".join(f"{cells.get((h, row), '-')!s:>18}" for h in HALVES))
    for half in HALVES:
        missed = Counter(
            o.kind if o.kind in ("clarify", "fallback") else "wrong answer"
            for o in outcomes
            if o.question.half == half and not o.right
        )
        helpful = sum(
            1
            for o in outcomes
            if o.question.half == half and o.kind == "clarify" and set(o.options) & o.accepted
        )
        print(
            f"{half}: not right = {dict(missed)}; 'did you mean' offering a right topic: {helpful}"
        )


def main(argv: list[str]) -> int:
    """Print the report (and the tune half's failures when asked)."""
    engine = Engine(charts=False)
    outcomes = run_corpus(engine)
    print_report(outcomes)
    converted = report(converted_to_traditional(engine))
    print(
        f"{'简体 -> 繁體 converted':24}"
        + "".join(f"{converted.get((h, 'zh-Hans'), '-')!s:>18}" for h in HALVES)
        + "  (supplementary)"
    )
    if "--show-failures" in argv:
        for o in outcomes:
            if o.question.half == "tune" and not o.right:
                q = o.question
                print(f"\n{q.id} [{q.lang}] expect={list(q.expect)} got={o.got} {o.options}")
                print("   ", q.question[:300].replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
