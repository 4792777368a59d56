"""Slash commands and button actions that do not need search."""

from bot.calcs.request import CALCULATOR_KEYS
from bot.engine.answers import topic_button
from bot.engine.areas import AREA_ORDER, area_title
from bot.engine.reply import Button, Reply
from bot.i18n.lang import LANGS, Lang, parse_lang
from bot.i18n.text import N_, t
from bot.knowledge.content import Content
from bot.render.environment import render_html
from bot.render.plain import html_to_text

LANG_LABELS: dict[Lang, str] = {"en": "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文"}


def _command_reply(lang: Lang, template: str, buttons: list[Button], **context: object) -> Reply:
    html = render_html(lang, template, **context)
    return Reply(lang=lang, kind="command", html=html, text=html_to_text(html), buttons=buttons)


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
    return _command_reply(lang, "help.html.j2", area_buttons(lang))


def topics_reply(content: Content, lang: Lang, area: str | None = None) -> Reply:
    """The list of areas, or the topics of one area."""
    if area is None or area not in AREA_ORDER:
        return _command_reply(lang, "topics.html.j2", area_buttons(lang), area_title=None)
    topics = [topic for topic in content.topics.values() if topic.area == area]
    buttons = [topic_button(topic, lang) for topic in topics]
    return _command_reply(lang, "topics.html.j2", buttons, area_title=area_title(area, lang))


def lang_reply(lang: Lang, argument: str) -> Reply:
    """Show the language choices, or switch to the one named."""
    chosen = parse_lang(argument)
    if chosen is None:
        buttons = [Button(label=LANG_LABELS[code], action=f"lang:{code}") for code in LANGS]
        return _command_reply(lang, "lang.html.j2", buttons, changed=False)
    reply = _command_reply(chosen, "lang.html.j2", area_buttons(chosen), changed=True)
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
    examples = [
        (t(lang, title), t(lang, example), name, ", ".join(CALCULATOR_KEYS[name]))
        for name, title, example in CALC_EXAMPLES
    ]
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


def settings_reply(lang: Lang, saved_lang: Lang | None, timezone: str | None) -> Reply:
    """The user's settings, with buttons to change them."""
    buttons = [Button(label=LANG_LABELS[code], action=f"lang:{code}") for code in LANGS]
    buttons += [
        Button(label=zone.replace("_", " "), action=f"tz:{zone}") for zone in COMMON_TIMEZONES
    ]
    return _command_reply(
        lang,
        "settings.html.j2",
        buttons,
        language=LANG_LABELS[saved_lang] if saved_lang else None,
        timezone=timezone,
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


def forget_confirm_reply(lang: Lang) -> Reply:
    """Ask before deleting everything stored about the user."""
    buttons = [
        Button(label=t(lang, "Yes, delete my data"), action="forget:yes"),
        Button(label=t(lang, "No, keep it"), action="forget:no"),
    ]
    return _command_reply(lang, "forget.html.j2", buttons, done=None)


def forget_done_reply(lang: Lang, deleted: bool) -> Reply:
    """After /forget was confirmed or cancelled."""
    return _command_reply(lang, "forget.html.j2", [], done=deleted)


def feedback_thanks(lang: Lang) -> str:
    """The short toast after a 👍 / 👎 / outdated vote."""
    return t(lang, "Thanks, noted for review.")


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


def admin_error_reply(error_name: str) -> Reply:
    """What admins are told when an update fails (no user data, no token)."""
    return error_reply("en", t("en", "pillarbot error: {name}").format(name=error_name))


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
    """Policy digests are not offered yet: say so plainly."""
    return _command_reply(lang, "subscriptions.html.j2", area_buttons(lang))
