"""Run the dev question set through the engine and print pass rates per language and kind.

A question passes when
- faq: the reply is an answer and contains one alternative of every `must_contain` group
  (case, separators and 简/繁 folded);
- calc: the reply is a calculation (and, if groups are given, contains them);
- out_of_scope: the reply is a fallback.
Script match: the reply's language equals the question's language.

Usage: python bench/eval_dev.py [path/to/questions.json] [--show-failures]
"""

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from bot.engine import Engine, Message
from bot.i18n.script import to_simplified

DEFAULT_SET = Path(__file__).resolve().parents[2] / "shared" / "eval" / "questions.dev.json"
_SEPARATORS = re.compile(r"[\s,，_\-‐‑–—·]+")


def fold(text: str) -> str:
    """Lower case, 简体, no separators."""
    return _SEPARATORS.sub("", to_simplified(text.lower()))


def passes(question: dict, kind: str, text: str) -> bool:
    """Whether a reply passes the question's check."""
    expected = question["kind"]
    if expected == "out_of_scope":
        return kind == "fallback"
    wanted_kind = "calc" if expected == "calc" else "answer"
    if kind != wanted_kind:
        return False
    haystack = fold(text)
    return all(
        any(fold(alternative) in haystack for alternative in group)
        for group in question.get("must_contain") or []
    )


def main(argv: list[str]) -> int:
    """Print the pass table."""
    show = "--show-failures" in argv
    paths = [a for a in argv if not a.startswith("--")]
    questions = json.loads(Path(paths[0] if paths else DEFAULT_SET).read_text(encoding="utf-8"))
    engine = Engine()
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    script_ok = 0
    failures = []
    for question in questions:
        reply = engine.handle(Message(question["question"]))
        ok = passes(question, reply.kind, reply.text)
        cell = totals[(question["lang"], question["kind"])]
        cell[0] += ok
        cell[1] += 1
        script_ok += reply.lang == question["lang"]
        if not ok:
            failures.append((question["id"], question["kind"], reply.kind, reply.topic))
    print(f"{'lang':8} {'kind':13} {'pass':>6} {'of':>4} {'rate':>7}")
    for (lang, kind), (passed, n) in sorted(totals.items()):
        print(f"{lang:8} {kind:13} {passed:6} {n:4} {passed / n:7.1%}")
    for kind in ("faq", "calc", "out_of_scope"):
        passed = sum(v[0] for (_, k), v in totals.items() if k == kind)
        n = sum(v[1] for (_, k), v in totals.items() if k == kind)
        if n:
            print(f"{'all':8} {kind:13} {passed:6} {n:4} {passed / n:7.1%}")
    print(f"script match: {script_ok}/{len(questions)} = {script_ok / len(questions):.1%}")
    if show:
        for failure in failures:
            print("FAIL", *failure)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
