"""pillarbot with its answers computed in advance: the Telegram door's cost without the engine.

The same application as `pillarbot run` (builder, defaults, rate limiter, handlers, stores,
JSON requests, the same replies and buttons), but the engine returns each reply from a memo
filled before polling starts. The round-trip benchmark runs it beside the echo bot and
pillarbot, which splits pillarbot's overhead into the door's share and the engine's.
"""

from collections.abc import Callable

from telegram import Update

from bot.config import load_settings
from bot.engine import Engine, Message, Reply
from bot.tg.app import build_application
from bot.tg.redact import configure_logging


class MemoEngine(Engine):
    """An engine that answers from replies it computed once, per text, language and hint."""

    def __init__(self, questions: tuple[str, ...]) -> None:
        super().__init__(charts=False)
        self._memo: dict[tuple[str, str | None, str | None], Reply] = {}
        for text in questions:
            for hint in ("en", "zh-Hans", None):
                message = Message(text, None, None, hint)
                self._memo[(text, None, hint)] = super().handle(message)

    def route(self, message: Message) -> Reply | Callable[[], Reply]:
        """The memo's reply, or the real engine's for anything not in it."""
        memo = self._memo.get((message.text, message.lang, message.hint))
        return memo if memo is not None else super().route(message)


def main() -> None:
    """Poll like `pillarbot run`, with the memo engine."""
    from telegram_roundtrip import QUESTIONS  # the benchmark's own questions (bench/)

    settings = load_settings()
    configure_logging(settings.token, verbose=False)
    application = build_application(settings, engine=MemoEngine(QUESTIONS))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
