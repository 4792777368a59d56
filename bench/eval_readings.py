"""Read every request of the readings corpus; print field-exact rates per half and script.

A request is field-exact when the bot picks its calculator and reads every input exactly as
labelled, with nothing extra. `--show-failures` lists the tune half's failures only.

Usage: python bench/eval_readings.py [--show-failures]
"""

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.readings import exact, load_requests, read_request, same_value

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
    if "--show-failures" in argv:
        for request in failures:
            calculator, params = read_request(request)
            print(f"\n{request.id} [{request.lang}] want {request.calculator} {request.read}")
            print(f"    got {calculator} {params}\n    {request.text[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
