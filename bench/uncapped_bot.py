"""`pillarbot run` with its rate limiter's overall cap lifted, for bench/telegram_load.py.

pillarbot sends through PTB's AIORateLimiter, which holds the whole bot to Telegram's ~30
messages a second; the echo bot it is compared with has no such cap, so under load the cap
alone would decide the comparison. This runs the same application with `overall_max_rate=0`
(the limiter's documented "no overall limit") in place of `bot.tg.limits.digest_rate_limiter`;
everything else is `pillarbot run`.
"""

from typing import Any

from telegram.ext import AIORateLimiter

import bot.tg.app
from bot.config import load_settings
from bot.tg.run import run


def _uncapped(_settings: Any, max_retries: int = 0) -> AIORateLimiter:
    return AIORateLimiter(overall_max_rate=0, max_retries=max_retries)


def main() -> None:
    """Run pillarbot with no overall rate cap."""
    bot.tg.app.digest_rate_limiter = _uncapped  # type: ignore[assignment]
    run(load_settings())


if __name__ == "__main__":
    main()
