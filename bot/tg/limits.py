"""PTB's AIORateLimiter set to the configured rates, without bursts."""

from telegram.ext import AIORateLimiter

from bot.config import Settings


def digest_rate_limiter(settings: Settings, max_retries: int = 0) -> AIORateLimiter:
    """At most `send_rate` messages a second overall and `group_rate` a minute per group.

    The limiter is a leaky bucket; a bucket of one message leaking at the rate spaces the
    messages evenly, so no one-second window ever holds more than the rate (a bucket as big
    as the rate would let a burst of 30 go out at once, then 30 more within the second).
    """
    return AIORateLimiter(
        overall_max_rate=1,
        overall_time_period=1 / settings.send_rate,
        group_max_rate=1,
        group_time_period=60 / settings.group_rate,
        max_retries=max_retries,
    )
