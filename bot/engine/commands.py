"""Slash commands and button actions that do not need search."""

from collections.abc import Hashable
from functools import lru_cache

from bot.calcs.request import CALCULATOR_KEYS
from bot.engine.answers import topic_button
from bot.engine.areas import AREA_ORDER, area_title
from bot.engine.command_list import command_descriptions
from bot.engine.menus import AREAS_MENU, SETTINGS_MENU, page_action, page_count, paged
from bot.engine.reply import Button, Reply
from bot.i18n.lang import LANGS, Lang, parse_lang
from bot.i18n.text import N_, t
from bot.knowledge.content import Content
from bot.render.environment import render_html
from bot.render.plain import html_to_text
from bot.store.retention import RETENTION

LANG_LABELS: dict[Lang, str] = {"en": "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文"}
# The same few command replies (/start, /help, menus, settings) are asked for over and over;
# a reply's text depends only on its language, template and values, so renderings are kept
# (rendering /help took about 0.2 ms of every /help).
RENDERINGS_KEPT = 512


def _command_reply(lang: Lang, template: str, buttons: list[Button], **context: object) -> Reply:
    if all(isinstance(value, Hashable) for value in context.values()):
        html, text = _rendering(lang, template, tuple(sorted(context.items())))
    else:
        html, text = _render(lang, template, context)
    return Reply(lang=lang, kind="command", html=html, text=text, buttons=buttons)


@lru_cache(maxsize=RENDERINGS_KEPT)
def _rendering(
    lang: Lang, template: str, context: tuple[tuple[str, object], ...]
) -> tuple[str, str]:
    return _render(lang, template, dict(context))


def _render(lang: Lang, template: str, context: dict[str, object]) -> tuple[str, str]:
    """Telegram-HTML and plain text of a command reply."""
    html = render_html(lang, template, **context)
    return html, html_to_text(html)


def area_buttons(lang: Lang) -> list[Button]:
    """One button per content area."""
    return [Button(label=area_title(area, lang), action=f"area:{area}") for area in AREA_ORDER]


def menu_buttons(lang: Lang) -> list[Button]:
    """The main menu: ask, calculate, subscribe, language, topics."""
    return [
        Button(label=t(lang, "Ask a question"), action="menu:ask"),
        Button(label=t(lang, "Calculate"), action="menu:calc"),
        Button(label=t(lang, "Policy updates"), action="menu:sub"),
        Button(label=t(lang, "Language"), action="menu:lang"),
        Button(label=t(lang, "Browse topics"), action="menu:topics"),
    ]


def start_reply(lang: Lang) -> Reply:
    """The welcome message with the main menu."""
    return _command_reply(lang, "start.html.j2", menu_buttons(lang))


def menu_reply(content: Content, lang: Lang, item: str) -> Reply:
    """Follow a main-menu button."""
    if item == "calc":
        return calc_menu_reply(lang)
    if item == "sub":
        return subscriptions_reply(lang)
    if item == "lang":
        return lang_reply(lang, "")
    if item == "topics":
        return topics_reply(content, lang)
    return help_reply(lang)


def help_reply(lang: Lang) -> Reply:
    """What the bot does, with examples."""
    return _command_reply(
        lang, "help.html.j2", area_buttons(lang), commands=tuple(command_descriptions(lang))
    )


def topics_reply(content: Content, lang: Lang, area: str | None = None, page: int = 0) -> Reply:
    """The list of areas, or one page of the topics of an area (with paging and a back
    button); buttons that move within the menu show the next menu in place."""
    if area is None or area not in AREA_ORDER:
        buttons = [
            Button(label=area_title(name, lang), action=page_action(name, 0)) for name in AREA_ORDER
        ]
        shown, _ = paged(buttons, AREAS_MENU, page, lang)
        return _command_reply(lang, "topics.html.j2", shown, area_title=None, pages=1, page=1)
    topics = [topic_button(topic, lang) for topic in content.topics.values() if topic.area == area]
    shown, page = paged(topics, area, page, lang, back=page_action(AREAS_MENU, 0))
    return _command_reply(
        lang,
        "topics.html.j2",
        shown,
        area_title=area_title(area, lang),
        page=page + 1,
        pages=page_count(len(topics)),
    )


def menu_page_reply(content: Content, lang: Lang, menu: str, page: int) -> Reply:
    """A page of the areas menu or of one area's topics (`page:<menu>:<n>` buttons)."""
    return topics_reply(content, lang, None if menu == AREAS_MENU else menu, page)


AUTOMATIC = ("auto", "automatic", "自动", "自動")


def lang_buttons(lang: Lang) -> list[Button]:
    """One button per reply language, and "automatic" (follow each message)."""
    buttons = [Button(label=LANG_LABELS[code], action=f"lang:{code}") for code in LANGS]
    return [*buttons, Button(label=t(lang, "Automatic"), action="lang:auto")]


def lang_reply(lang: Lang, argument: str) -> Reply:
    """Show the language choices, switch to the one named, or go back to automatic."""
    if argument.strip().lower() in AUTOMATIC:
        reply = _command_reply(lang, "lang.html.j2", area_buttons(lang), changed=True, auto=True)
        reply.forget_lang = True
        return reply
    chosen = parse_lang(argument)
    if chosen is None:
        return _command_reply(lang, "lang.html.j2", lang_buttons(lang), changed=False, auto=False)
    reply = _command_reply(chosen, "lang.html.j2", area_buttons(chosen), changed=True, auto=False)
    reply.set_lang = chosen
    return reply


def error_reply(lang: Lang, message: str, hint: str | None = None) -> Reply:
    """A short error in the user's language."""
    html = render_html(lang, "error.html.j2", message=message, hint=hint)
    return Reply(lang=lang, kind="error", html=html, text=html_to_text(html))


def unknown_command_reply(lang: Lang) -> Reply:
    """An unknown slash command."""
    return error_reply(
        lang, t(lang, "I don't know that command."), t(lang, "Type /help to see what I can do.")
    )


def empty_reply(lang: Lang) -> Reply:
    """Nothing was typed."""
    return error_reply(
        lang, t(lang, "Please type a question."), t(lang, "Type /help to see what I can do.")
    )


def internal_error_reply(lang: Lang) -> Reply:
    """Something failed inside the bot."""
    return error_reply(
        lang,
        t(lang, "Sorry, something went wrong on my side. Please try again, or ask in other words."),
    )


CALC_EXAMPLES = (
    (
        "us401k",
        N_("401(k) projection"),
        N_("I'm 30, salary $80k, 10% with a 50% match up to 6%, how much at 65?"),
    ),
    ("inflow", N_("Crypto inflow"), N_("If 401(k) plans put 2% into crypto, how much flows in?")),
    (
        "cn_pension",
        N_("China basic pension"),
        N_(
            "Man born May 1975, average wage 10,000, index 1.2,"
            " 30 years of contributions: what pension?"
        ),
    ),
    (
        "cn_resident_pension",
        N_("China urban-rural residents' pension"),
        N_("Residents' pension, 500 yuan a year for 15 years: how much a month from 60?"),
    ),
    (
        "cn_contrib",
        N_("China social-insurance contributions"),
        N_("Monthly wage 8,000: how much social insurance do I pay?"),
    ),
    (
        "cn_personal_pension",
        N_("Personal-pension tax saving"),
        N_("Salary 300,000 a year, 12,000 into the personal pension: how much tax do I save?"),
    ),
)


def calc_menu_reply(lang: Lang) -> Reply:
    """The calculators, with an example request for each."""
    examples = tuple(
        (t(lang, title), t(lang, example), name, ", ".join(CALCULATOR_KEYS[name]))
        for name, title, example in CALC_EXAMPLES
    )
    buttons = [
        Button(label=t(lang, title), action=f"calc {name}") for name, title, _ in CALC_EXAMPLES
    ]
    return _command_reply(lang, "calc_menu.html.j2", buttons, examples=examples)


def cancel_reply(lang: Lang, was_waiting: bool) -> Reply:
    """`/cancel`: the calculation that waited for an answer is dropped (or there was none)."""
    return _command_reply(lang, "cancel.html.j2", [], was_waiting=was_waiting)


COMMON_TIMEZONES = (
    "Asia/Shanghai",
    "Asia/Taipei",
    "Asia/Hong_Kong",
    "America/New_York",
    "America/Los_Angeles",
    "Europe/London",
    "UTC",
)


def settings_reply(
    lang: Lang, saved_lang: Lang | None, timezone: str | None, page: int = 0
) -> Reply:
    """The user's settings, with a paged list of buttons to change them."""
    buttons = lang_buttons(lang)
    buttons += [
        Button(label=zone.replace("_", " "), action=f"tz:{zone}") for zone in COMMON_TIMEZONES
    ]
    shown, page = paged(buttons, SETTINGS_MENU, page, lang)
    return _command_reply(
        lang,
        "settings.html.j2",
        shown,
        language=LANG_LABELS[saved_lang] if saved_lang else None,
        timezone=timezone,
        page=page + 1,
        pages=page_count(len(buttons)),
    )


def timezone_reply(lang: Lang, zone: str | None) -> Reply:
    """After a time-zone change (None: the zone was not recognised)."""
    if zone is None:
        return error_reply(
            lang,
            t(lang, "I don't know that time zone."),
            t(lang, "Use a name like Asia/Shanghai or America/New_York."),
        )
    return _command_reply(lang, "timezone.html.j2", [], zone=zone)


def forget_confirm_reply(lang: Lang, confirm_id: str) -> Reply:
    """Ask before deleting everything stored about the user; the buttons carry `confirm_id`,
    so only the latest confirmation works, and only once."""
    buttons = [
        Button(label=t(lang, "Yes, delete my data"), action=f"forget:yes:{confirm_id}"),
        Button(label=t(lang, "No, keep it"), action=f"forget:no:{confirm_id}"),
    ]
    return _command_reply(lang, "forget.html.j2", buttons, done=None)


def forget_done_reply(lang: Lang, deleted: bool) -> Reply:
    """After /forget was confirmed or cancelled."""
    return _command_reply(lang, "forget.html.j2", [], done=deleted)


def forget_expired_reply(lang: Lang) -> Reply:
    """A /forget confirmation pressed after it was used, replaced or the bot restarted."""
    return error_reply(
        lang,
        t(lang, "This confirmation is no longer valid; nothing more was deleted."),
        t(lang, "Send /forget again to delete your data."),
    )


def privacy_reply(lang: Lang) -> Reply:
    """What is stored, for how long, and how to delete it."""
    days = {table: kept for table, (_, kept) in RETENTION.items()}
    return _command_reply(lang, "privacy.html.j2", [], days=days)


def feedback_thanks(lang: Lang) -> str:
    """The short toast after a 👍 / 👎 / outdated vote."""
    return t(lang, "Thanks, noted for review.")


FEEDBACK_REASONS = (
    ("topic", N_("Wrong topic")),
    ("old", N_("Outdated")),
    ("unclear", N_("Unclear")),
    ("other", N_("Other")),
)


def feedback_reasons(lang: Lang) -> list[tuple[str, str]]:
    """What a 👎 can mean: (reason code, label)."""
    return [(code, t(lang, label)) for code, label in FEEDBACK_REASONS]


def feedback_reason_reply(lang: Lang, chosen: str | None = None) -> Reply:
    """After a 👎: "what was wrong?" (the door adds the reasons as buttons), or, once one
    was picked, the thanks that replaces the question."""
    label = dict(feedback_reasons(lang)).get(chosen or "")
    return _command_reply(lang, "feedback_reason.html.j2", [], chosen=label)


def flood_notice_reply(lang: Lang) -> Reply:
    """Told once, in a private chat, when a user sends faster than the bot answers."""
    return error_reply(
        lang,
        t(
            lang,
            "You're sending messages faster than I can answer, so I'm skipping some of them,"
            " this one included. Skipped messages will not be answered later.",
        ),
        t(lang, "Wait a few seconds, then send again what you still need."),
    )


def slow_down_toast(lang: Lang) -> str:
    """The toast for a button tapped faster than the bot follows taps."""
    return t(lang, "Too many taps at once; wait a moment, then tap again.")


def admin_error_reply(error_name: str, handler: str, update_kind: str, trace_id: str) -> Reply:
    """What admins are told when an update fails (no user data, no token): the error type,
    the handler, the kind of update and the trace id that is also in the log line."""
    return error_reply(
        "en",
        t("en", "pillarbot error {trace}: {name} in {handler} ({kind} update)").format(
            trace=trace_id, name=error_name, handler=handler, kind=update_kind
        ),
        t("en", "Search the log for the trace id."),
    )


def text_only_reply(lang: Lang) -> Reply:
    """A voice note, photo, sticker or file: the bot reads typed text only."""
    return error_reply(
        lang,
        t(lang, "I can only read typed text."),
        t(lang, "Type your question, or /help to see what I can do."),
    )


def deep_link_unknown(lang: Lang) -> Reply:
    """A /start link the bot does not recognise."""
    return error_reply(
        lang,
        t(lang, "That link is not valid any more."),
        t(lang, "Type /help to see what I can do."),
    )


def subscriptions_reply(lang: Lang) -> Reply:
    """The first step of /subscribe (imported here: the flow builds on this module)."""
    from bot.engine.subscribe_flow import areas_step

    return areas_step(lang)


def telegram_only_reply(lang: Lang) -> Reply:
    """A subscription button pressed outside Telegram (the terminal)."""
    return error_reply(
        lang,
        t(lang, "Digests are delivered on Telegram."),
        t(lang, "Type /updates to read the latest updates here."),
    )


def not_your_answer_notice(lang: Lang) -> str:
    """The toast when someone presses the buttons of another member's answer in a group."""
    return t(lang, "Only the person who asked can change this. Ask me yourself to get your own.")


def group_welcome_reply(lang: Lang, username: str | None) -> Reply:
    """A short hello when the bot is added to a group."""
    return _command_reply(lang, "group_welcome.html.j2", [], username=username)
