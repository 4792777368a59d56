"""The /subscribe conversation as replies: areas, cadence, time, time zone, confirmation.

Each step's buttons carry the choices made so far (`sub:c:us`, `sub:t:us:daily`, …), so the
flow needs no state of its own; the door saves the subscription at the last step.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from bot.engine.commands import COMMON_TIMEZONES, error_reply
from bot.engine.reply import Button, Reply
from bot.i18n.formatting import format_date
from bot.i18n.lang import Lang
from bot.i18n.text import N_, t
from bot.knowledge.updates import UPDATE_TOPICS
from bot.render.environment import render_html
from bot.render.plain import html_to_text

AREA_LABELS = {"us": N_("United States"), "cn": N_("China"), "all": N_("Both")}
TOPIC_LABELS = {
    "us401k": N_("US 401(k)"),
    "us-pensions": N_("US pensions and Social Security"),
    "crypto-retirement": N_("Crypto in retirement plans"),
    "cn-social-insurance": N_("China social insurance"),
    "cn-pension": N_("China pensions"),
    "three-pillars": N_("Three pillars"),
}
CADENCE_LABELS = {
    "instant": N_("Right away (important changes only)"),
    "daily": N_("Daily digest"),
    "weekly": N_("Weekly digest (Mondays)"),
}
HOURS = (7, 9, 12, 18, 21)
DEFAULT_HOUR = 9
MONDAY = 0


def _reply(lang: Lang, template: str, buttons: list[Button], **context: object) -> Reply:
    html = render_html(lang, template, **context)
    return Reply(lang=lang, kind="command", html=html, text=html_to_text(html), buttons=buttons)


def area_label(area: str, lang: Lang) -> str:
    """An area or a topic as the user sees it."""
    return t(lang, AREA_LABELS.get(area) or TOPIC_LABELS.get(area, area))


def areas_step(lang: Lang) -> Reply:
    """Step 1: which updates."""
    buttons = [Button(area_label(a, lang), f"sub:c:{a}") for a in AREA_LABELS]
    buttons.append(Button(t(lang, "Pick one topic…"), "sub:f"))
    return _reply(lang, "subscribe.html.j2", buttons, step="areas")


def topics_step(lang: Lang) -> Reply:
    """Step 1b: one finer topic."""
    buttons = [Button(area_label(topic, lang), f"sub:c:{topic}") for topic in UPDATE_TOPICS]
    return _reply(lang, "subscribe.html.j2", buttons, step="areas")


def cadence_step(lang: Lang, area: str) -> Reply:
    """Step 2: how often."""
    buttons = [Button(t(lang, label), f"sub:t:{area}:{c}") for c, label in CADENCE_LABELS.items()]
    return _reply(lang, "subscribe.html.j2", buttons, step="cadence")


def time_step(lang: Lang, area: str, cadence: str) -> Reply:
    """Step 3: at what time of day."""
    buttons = [Button(f"{hour:02d}:00", f"sub:z:{area}:{cadence}:{hour}") for hour in HOURS]
    return _reply(lang, "subscribe.html.j2", buttons, step="time")


def zone_step(lang: Lang, area: str, cadence: str, hour: int, saved: str | None) -> Reply:
    """Step 4: in which time zone (buttons, or any IANA name typed)."""
    zones = [saved] if saved else []
    zones += [zone for zone in COMMON_TIMEZONES if zone != saved]
    buttons = [
        Button(zone.replace("_", " "), f"sub:ok:{area}:{cadence}:{hour}:{zone}") for zone in zones
    ]
    return _reply(lang, "subscribe.html.j2", buttons, step="zone")


def subscribed_reply(
    lang: Lang, area: str, cadence: str, hour: int, zone: str, next_at: dt.datetime
) -> Reply:
    """The confirmation: what, how often, when next."""
    local = next_at.astimezone(ZoneInfo(zone))
    return _reply(
        lang,
        "subscribed.html.j2",
        [Button(t(lang, "Unsubscribe"), "sub:off")],
        area=area_label(area, lang),
        cadence=t(lang, CADENCE_LABELS[cadence]),
        instant=cadence == "instant",
        time=f"{hour:02d}:00",
        zone=zone,
        next=f"{format_date(local.date(), lang)} {local:%H:%M}",
    )


def unsubscribed_reply(lang: Lang, was_active: bool) -> Reply:
    """After /unsubscribe."""
    return _reply(
        lang,
        "unsubscribed.html.j2",
        [Button(t(lang, "Subscribe again"), "sub:start")],
        was_active=was_active,
    )


def my_subscription_reply(
    lang: Lang,
    topics: list[str] | None,
    cadence: str | None = None,
    hour: int = 0,
    minute: int = 0,
    zone: str = "UTC",
    next_at: dt.datetime | None = None,
    received: int = 0,
) -> Reply:
    """/mysubs: the active subscription, or how to start one."""
    if topics is None or cadence is None or next_at is None:
        return _reply(
            lang, "mysubs.html.j2", [Button(t(lang, "Subscribe"), "sub:start")], active=False
        )
    local = next_at.astimezone(ZoneInfo(zone))
    return _reply(
        lang,
        "mysubs.html.j2",
        [Button(t(lang, "Change"), "sub:start"), Button(t(lang, "Unsubscribe"), "sub:off")],
        active=True,
        areas=", ".join(area_label(topic, lang) for topic in topics),
        cadence=t(lang, CADENCE_LABELS[cadence]),
        instant=cadence == "instant",
        time=f"{hour:02d}:{minute:02d}",
        zone=zone,
        next=f"{format_date(local.date(), lang)} {local:%H:%M}",
        received=received,
    )


def subscribe_usage_reply(lang: Lang) -> Reply:
    """A /subscribe line that could not be read."""
    return error_reply(
        lang,
        t(lang, "I could not read that subscription."),
        t(lang, "Use /subscribe us daily, /subscribe cn weekly, or just /subscribe."),
    )


def parse_subscribe_args(args: list[str]) -> tuple[str, str] | None:
    """`/subscribe [us|cn|all] [daily|weekly]`: (area, cadence), None if unreadable."""
    area, cadence = "all", "daily"
    for word in (w.lower() for w in args):
        if word in AREA_LABELS or word in UPDATE_TOPICS:
            area = word
        elif word in ("daily", "weekly", "instant"):
            cadence = word
        else:
            return None
    return area, cadence
