"""Build the Telegram application: builder, defaults, services, handlers in one place."""

from typing import Any

from telegram import BotCommand, BotCommandScopeDefault, LinkPreviewOptions, Message, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.config import Settings
from bot.engine import Engine
from bot.engine.command_list import command_descriptions
from bot.i18n.lang import Lang
from bot.store import open_database
from bot.tg import (
    admin,
    digest_job,
    failures,
    feedback,
    flood_control,
    handlers,
    privacy,
    publish,
    review,
    subscribe,
)
from bot.tg.groups import welcome_to_group
from bot.tg.housekeeping import schedule_housekeeping
from bot.tg.limits import digest_rate_limiter
from bot.tg.request import JsonHTTPXRequest
from bot.tg.services import SERVICES_KEY, Services
from bot.tg.unknown import unknown_command

# Connections for the request that sends replies (polling uses a separate one). Telegram
# takes about 30 messages a second from a bot, a few connections' worth even at 100 ms a
# call; more only cost time (bench/telegram_load.py: 8 answered more per second than 16, 32
# or PTB's default 256). Calls beyond them wait in JsonHTTPXRequest.
REPLY_CONNECTIONS = 8


class AddressedToBot(filters.MessageFilter):
    """Private chats always; in groups, only replies to the bot and mentions of it."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        return handlers.addressed_in_group(message, bot.id, bot.username)


def door_engine(warm: bool = False) -> Engine:
    """The engine as the Telegram door uses it: charts are left to the handlers, which draw
    them in a worker thread so a chart never holds up another user's reply."""
    engine = Engine(charts=False)
    if warm:
        engine.warm_up()
    return engine


def command_list(lang: Lang) -> list[BotCommand]:
    """The command menu in a language (names stay ASCII)."""
    return [BotCommand(name, description) for name, description in command_descriptions(lang)]


def build_application(
    settings: Settings,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
    engine: Engine | None = None,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The application for polling or a webhook; nothing happens until it runs."""

    async def post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        db = open_database(settings.db_path)
        application.bot_data[SERVICES_KEY] = Services.create(
            engine or door_engine(), db, settings.admins
        )
        bot = application.bot
        await bot.set_my_commands(command_list("en"), scope=BotCommandScopeDefault())
        await bot.set_my_commands(command_list("en"), language_code="en")
        await bot.set_my_commands(command_list("zh-Hans"), language_code="zh")
        digest_job.schedule(application)

    async def post_shutdown(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        svc = application.bot_data.get(SERVICES_KEY)
        if isinstance(svc, Services):
            svc.events.flush()
            svc.replies.flush()
            svc.db.close()

    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(f"{settings.api_base}/bot")
        .base_file_url(f"{settings.api_base}/file/bot")
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
            )
        )
        .rate_limiter(digest_rate_limiter(settings, max_retries=3))
        .concurrent_updates(True)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    builder = builder.request(request or JsonHTTPXRequest(connection_pool_size=REPLY_CONNECTIONS))
    if updates_request is not None:
        builder = builder.get_updates_request(updates_request)
    application = builder.build()
    register_handlers(application)
    schedule_housekeeping(application)
    return application


def register_handlers(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Every handler, in order. Note: order matters within a group."""
    # Group -1 runs first for every update: flood control may stop the update here.
    application.add_handler(TypeHandler(Update, flood_control.flood_guard), group=-1)
    # An admin's /publish flow takes their next messages in that chat (and its /cancel).
    in_publish_flow = publish.InPublishFlow(publish.publish_sessions(application.bot_data))

    # Commands (in groups too: a command is addressed to the bot by definition).
    application.add_handler(CommandHandler("start", handlers.start))
    application.add_handler(CommandHandler("help", handlers.help_command))
    application.add_handler(CommandHandler("topics", handlers.topics_command))
    application.add_handler(CommandHandler("calc", handlers.calc_command))
    application.add_handler(CommandHandler("cancel", publish.publish_cancel, in_publish_flow))
    application.add_handler(CommandHandler("cancel", handlers.cancel_command))
    application.add_handler(CommandHandler(["lang", "language"], handlers.lang_command))
    application.add_handler(CommandHandler("settings", handlers.settings_command))
    application.add_handler(CommandHandler("privacy", privacy.privacy_command))
    application.add_handler(CommandHandler("forget", privacy.forget_command))
    application.add_handler(CommandHandler("updates", handlers.updates_command))
    application.add_handler(CommandHandler("subscribe", subscribe.subscribe_command))
    application.add_handler(CommandHandler("unsubscribe", subscribe.unsubscribe_command))
    application.add_handler(CommandHandler("mysubs", subscribe.mysubs_command))
    # Admins only (others get the unknown-command reply); not in the command menu.
    application.add_handler(CommandHandler("admin", admin.admin_command))
    application.add_handler(CommandHandler("review", review.review_command))
    application.add_handler(CommandHandler("publish", publish.publish_command))
    # Any other command: say so and point to /help (after every command above).
    application.add_handler(MessageHandler(filters.COMMAND, unknown_command))

    # Buttons and inline queries; buttons with their own handler come before the general one.
    application.add_handler(CallbackQueryHandler(privacy.forget_button, pattern=r"^fg:"))
    application.add_handler(CallbackQueryHandler(feedback.feedback_button, pattern=r"^fb:"))
    application.add_handler(
        CallbackQueryHandler(review.review_button, pattern=review.CALLBACK_PATTERN)
    )
    application.add_handler(
        CallbackQueryHandler(publish.publish_button, pattern=publish.CALLBACK_PATTERN)
    )
    application.add_handler(CallbackQueryHandler(handlers.button))
    application.add_handler(InlineQueryHandler(handlers.inline_query))

    # The file or typed answer an admin's /publish flow waits for, before questions (the
    # flow is asked first: it rules out every other message at once).
    application.add_handler(
        MessageHandler(
            in_publish_flow & (filters.TEXT | filters.Document.ALL) & ~filters.COMMAND,
            publish.publish_input,
        )
    )

    # Plain text last: questions and calculations, only when addressed in groups.
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & AddressedToBot(), handlers.text_message)
    )

    # A photo or file with a caption: the caption is read as a question (in groups, when
    # it is addressed to the bot), before the note for messages without text below.
    application.add_handler(
        MessageHandler(filters.CAPTION & ~filters.COMMAND & AddressedToBot(), handlers.text_message)
    )

    # Added to a group: a short welcome.
    application.add_handler(ChatMemberHandler(welcome_to_group, ChatMemberHandler.MY_CHAT_MEMBER))

    # Anything else a user sends in a private chat (voice, photo, sticker, file, location):
    # a short note instead of silence. Service messages (joins, pins) are not answered.
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE
            & ~filters.TEXT
            & ~filters.COMMAND
            & ~filters.StatusUpdate.ALL
            & filters.UpdateType.MESSAGE,
            handlers.not_text,
        )
    )

    application.add_error_handler(failures.error_handler)
