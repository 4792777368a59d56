"""A minimal python-telegram-bot echo bot: the baseline for the round-trip benchmark.

`--concurrent` handles updates concurrently (as pillarbot does) instead of PTB's default of
one at a time: the stronger baseline for bench/telegram_load.py.
"""

import os
import sys

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the text back."""
    if update.effective_message and update.effective_message.text:
        await update.effective_message.reply_text(update.effective_message.text)


def main() -> None:
    """Poll the Bot API server named in TELEGRAM_API_BASE."""
    base = os.environ["TELEGRAM_API_BASE"].rstrip("/")
    application = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(f"{base}/bot")
        .base_file_url(f"{base}/file/bot")
        .concurrent_updates("--concurrent" in sys.argv[1:])
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling()


if __name__ == "__main__":
    main()
