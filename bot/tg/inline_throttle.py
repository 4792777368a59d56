"""Inline queries come one per keystroke: answer each user's latest query, at most one per pause.

A query is answered at once if the user's previous answer went out at least `interval` ago;
otherwise it waits until then and is answered only if no newer query from the same user came
in meanwhile. So a single query is answered immediately, typing costs at most one answer per
`interval`, and the finished query (the last one typed) always gets its results.
"""

import asyncio
import time
from dataclasses import dataclass, field

INTERVAL = 0.3  # seconds between two answers to the same user
MAX_TRACKED = 10_000  # past this, users idle for longer than an interval are forgotten


@dataclass
class _Typist:
    latest: int = 0
    next_free: float = 0.0


@dataclass
class InlineThrottle:
    """Per-user trailing throttle for inline queries."""

    interval: float = INTERVAL
    max_tracked: int = MAX_TRACKED
    _typists: dict[int, _Typist] = field(default_factory=dict)
    _last_number: int = 0

    @property
    def tracked(self) -> int:
        """How many users the throttle currently remembers."""
        return len(self._typists)

    async def turn(self, user_id: int) -> bool:
        """Wait for this query's turn; False if a newer query from the user replaced it."""
        now = time.monotonic()
        if len(self._typists) > self.max_tracked:
            self._prune(now)
        typist = self._typists.setdefault(user_id, _Typist())
        self._last_number += 1
        number = typist.latest = self._last_number
        wait = typist.next_free - now
        if wait > 0:
            await asyncio.sleep(wait)
            if typist.latest != number:
                return False
        typist.next_free = max(now, typist.next_free) + self.interval
        return True

    def _prune(self, now: float) -> None:
        """Forget users with nothing waiting: they are indistinguishable from new."""
        self._typists = {u: t for u, t in self._typists.items() if t.next_free > now}
