"""What issue 10's bookkeeping costs: recording an event per update, masking an unanswered
question, and /forget's erase on a database with many users. Prints figures."""

import statistics
import sys
import tempfile
import time
from pathlib import Path

from bot.store import EventStore, Pseudonyms, erase_user, open_database
from bot.store.personal import mask_personal_data

QUESTION = (
    "My ID is 11010519491231002X, phone 13812345678, mail zhang.wei@example.com, card"
    " 6222 0200 1234 5678: how do I move my social insurance from Shenzhen to Beijing?"
)


def _per_call(run: object, count: int) -> float:
    start = time.perf_counter()
    for index in range(count):
        run(index)  # type: ignore[operator]
    return (time.perf_counter() - start) / count


def main(users: int = 20_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db")
        events, pseudonyms = EventStore(db), Pseudonyms(db)
        per_event = _per_call(
            lambda i: events.add(pseudonyms.of(i % users), "message", "answer", "k401", "en"),
            users * 5,
        )
        events.flush()
        per_mask = _per_call(lambda i: mask_personal_data(QUESTION), 20_000)
        erase_times = []
        for user in range(0, users, users // 50):
            start = time.perf_counter()
            erase_user(db, user, pseudonyms.of(user))
            erase_times.append(time.perf_counter() - start)
        print(f"event per update (pseudonym + buffered write): {per_event * 1e6:.1f} µs")
        print(f"masking a 150-character question: {per_mask * 1e6:.1f} µs")
        print(
            f"/forget erase with {users * 5:,} events of {users:,} users:"
            f" median {statistics.median(erase_times) * 1e3:.2f} ms,"
            f" max {max(erase_times) * 1e3:.2f} ms"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
