"""`pillarbot run`: long polling, or a webhook behind a proxy."""

import gc

from telegram import Update

from bot.config import Settings
from bot.tg.app import build_application, door_engine
from bot.tg.lifecycle import run_until_stopped
from bot.tg.redact import configure_logging


def run(settings: Settings, verbose: bool = False) -> int:
    """Run until SIGINT or SIGTERM, stopping within a few seconds of either; the exit status."""
    configure_logging(settings.token, verbose)
    # Warmed before polling: the first user after a start gets replies as fast as the rest.
    application = build_application(settings, engine=door_engine(warm=True))
    # The content, index and catalogs live as long as the process: leave them out of every
    # garbage collection. A full collection walks them in about 100 ms, holding up every
    # reply in flight; after the freeze it takes microseconds.
    gc.freeze()
    hook = settings.webhook
    if hook is None:
        return run_until_stopped(
            application,
            lambda updater: updater.start_polling(
                allowed_updates=Update.ALL_TYPES, drop_pending_updates=False
            ),
        )
    return run_until_stopped(
        application,
        lambda updater: updater.start_webhook(
            listen=hook.listen,
            port=hook.port,
            url_path=hook.path,
            webhook_url=hook.url,
            secret_token=hook.secret,
            allowed_updates=Update.ALL_TYPES,
        ),
    )
