"""Per-user flood control: a token bucket per user, so one flood does not slow the others."""

import time
from dataclasses import dataclass, field

BURST = 5
PER_SECOND = 1.0
MAX_TRACKED = 10_000  # past this, buckets that have refilled are dropped


@dataclass
class _Bucket:
    tokens: float
    stamp: float
    warned: bool = False


@dataclass
class FloodGuard:
    """Allow a burst of BURST updates per user, refilled at PER_SECOND."""

    burst: int = BURST
    rate: float = PER_SECOND
    max_tracked: int = MAX_TRACKED
    _buckets: dict[int, _Bucket] = field(default_factory=dict)

    @property
    def tracked(self) -> int:
        """How many users the guard currently remembers."""
        return len(self._buckets)

    def allow(self, user_id: int, now: float | None = None) -> bool:
        """Whether this update from the user may be processed now."""
        now = time.monotonic() if now is None else now
        if len(self._buckets) > self.max_tracked:
            self._prune(now)
        bucket = self._buckets.get(user_id)
        if bucket is None:
            bucket = self._buckets[user_id] = _Bucket(tokens=self.burst, stamp=now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
        bucket.stamp = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.warned = False
            return True
        return False

    def _prune(self, now: float) -> None:
        """Forget users whose bucket would be full again: they are indistinguishable from new."""
        refill = self.burst / self.rate
        self._buckets = {u: b for u, b in self._buckets.items() if now - b.stamp < refill}

    def should_warn(self, user_id: int) -> bool:
        """True once per flood, so the user learns why replies stopped."""
        bucket = self._buckets.get(user_id)
        if bucket is None or bucket.warned:
            return False
        bucket.warned = True
        return True
