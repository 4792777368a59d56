"""PTB's AIORateLimiter set to the configured rates, without bursts."""

from telegram.ext import AIORateLimiter

from bot.config import Settings

# The limiter is a leaky bucket: it lets a message go when the bucket, which drains at
# `drain` messages a second, has room for one more below its `capacity`. In any one-second
# window at most capacity + drain messages go out. A capacity of 1.2 gives a fifth of a
# message of slack, so a late timer or a slow send (a few ms) does not lose time for good,
# and a drain of rate - 1 keeps capacity + drain at rate + 0.2: never more than `rate` whole
# messages in any second (for a whole-number rate), with room for about 25 ms of network
# jitter before the server could see one more. (At 1.5, a 10,000-message run once showed 31
# arrivals in one second at the server.)
CAPACITY = 1.2
MARGIN = 1.0


def _bucket(rate: float) -> tuple[float, float]:
    """(capacity, time period) of a bucket that drains at `rate` - 1 a second."""
    drain = max(rate - MARGIN, rate / 2)
    return CAPACITY, CAPACITY / drain


def digest_rate_limiter(settings: Settings, max_retries: int = 0) -> AIORateLimiter:
    """At most `send_rate` messages a second overall and `group_rate` a minute per group."""
    overall_capacity, overall_period = _bucket(settings.send_rate)
    group_capacity, group_period = _bucket(settings.group_rate)
    return AIORateLimiter(
        overall_max_rate=overall_capacity,
        overall_time_period=overall_period,
        group_max_rate=group_capacity,
        group_time_period=group_period * 60,
        max_retries=max_retries,
    )
