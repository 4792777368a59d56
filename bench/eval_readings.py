"""Read every request of the readings corpus; print field-exact rates per half and script.

A request is field-exact when the bot picks its calculator and reads every input exactly as
labelled, with nothing extra. `--show-failures` lists the tune half's failures only.

Usage: python bench/eval_readings.py [--show-failures]
"""

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.readings import Request, exact, load_requests, read_request, same_value

HALVES = ("tune", "held")
SCRIPTS = ("en", "zh-Hans", "zh-Hant")


def main(argv: list[str]) -> int:
    """Print the table (and the tune half's failures when asked)."""
    requests = load_requests()
    if not requests:
        print("readings corpus: none yet")
        return 0
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for request in requests:
        ok = exact(request)
        cell = cells[(request.half, request.lang)]
        cell[0] += ok
        cell[1] += 1
        if not ok and request.half == "tune":
            failures.append(request)
    print(f"readings: {len(requests)} requests")
    print(f"{'':24}{'tune':>18}{'held-out':>18}")
    for script in SCRIPTS:
        row = ""
        for half in HALVES:
            right, total = cells[(half, script)]
            row += f"{f'{right}/{total} = {right / total:.1%}' if total else '-':>18}"
        print(f"{script + ' field-exact':24}{row}")
    for half in HALVES:
        mine = [r for r in requests if r.half == half]
        routed = [(r, read_request(r)[1]) for r in mine if read_request(r)[0] == r.calculator]
        fields = sum(len(r.read) for r, _ in routed)
        right = sum(
            key in got and same_value(key, got[key], want)
            for r, got in routed
            for key, want in r.read.items()
        )
        print(
            f"{half}: the labelled calculator in {len(routed)}/{len(mine)}; "
            f"fields read right when it is: {right}/{fields}"
        )
    _print_by_ask(requests)
    if "--show-failures" in argv:
        for request in failures:
            calculator, params = read_request(request)
            print(f"\n{request.id} [{request.lang}] want {request.calculator} {request.read}")
            print(f"    got {calculator} {params}\n    {request.text[:200]}")
    return 0


def _print_by_ask(requests: list[Request]) -> None:
    """Rows that ask for a calculation, field-exact; rows that ask something else (or
    nothing), left to the answers: the `asks` label, given blind to the bot."""
    if not any(r.asks for r in requests):
        return
    print(f"\n{'':24}{'tune':>18}{'held-out':>18}")
    for script in SCRIPTS:
        row = ""
        for half in HALVES:
            mine = [r for r in requests if r.half == half and r.lang == script]
            asking = [r for r in mine if r.asks == "calculation"]
            right = sum(exact(r) for r in asking)
            row += f"{f'{right}/{len(asking)} = {right / len(asking):.1%}' if asking else '-':>18}"
        print(f"{script + ' asks, exact':24}{row}")
    row = ""
    for half in HALVES:
        other = [r for r in requests if r.half == half and r.asks == "other"]
        left = sum(read_request(r)[0] is None for r in other)
        row += f"{f'{left}/{len(other)} = {left / len(other):.1%}' if other else '-':>18}"
    print(f"{'other, not calculated':24}{row}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
