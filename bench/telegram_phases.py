"""Where each bot's round trip goes (medians, ms), measured like bench/telegram_roundtrip.py:
1. server -> bot: from the server holding the message to the bot having its getUpdates answer;
2. in the bot: from there to the bot starting its sendMessage request;
3. bot -> server: from there to the server having the whole request.
Every bot runs under bench/phase_probe.py, which notes the bot-side times.

Usage: python bench/telegram_phases.py [messages per bot]
"""

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from telegram_roundtrip import BOTS, WARM_UP, measure

PROBE = Path(__file__).resolve().parent / "phase_probe.py"
SETTLE = 1.0  # seconds for the bots' exit hooks to write their times


def main(argv: list[str]) -> int:
    """Print the three phases per bot."""
    messages = int(argv[0]) if argv else 60
    with tempfile.TemporaryDirectory() as folder:
        outs = {name: Path(folder) / f"{index}.json" for index, name in enumerate(BOTS)}
        probed = {
            name: [command[0], str(PROBE), str(outs[name]), "--", *command[1:]]
            for name, command in BOTS.items()
        }
        samples = measure(probed, messages)
        time.sleep(SETTLE)
        print(f"{'':32} {'server->bot':>12} {'in the bot':>12} {'bot->server':>12} {'total':>8}")
        for name, times in samples.items():
            probe = json.loads(outs[name].read_text())
            arrived = probe["arrived"][WARM_UP:]
            sending = probe["sending"][WARM_UP:]
            phases = [
                (got - pushed, send - got, received - send, received - pushed)
                for (pushed, received), got, send in zip(times, arrived, sending, strict=True)
            ]
            medians = [statistics.median(column) * 1000 for column in zip(*phases, strict=True)]
            print(
                f"{name:32} " + " ".join(f"{m:12.3f}" for m in medians[:3]) + f" {medians[3]:8.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
