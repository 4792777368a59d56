"""Reply buttons as inline keyboards; actions that do not fit 64 bytes are stored."""

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.engine import Button, Reply
from bot.engine.calc_replies import FIX, FIX_ASK
from bot.i18n.lang import Lang
from bot.i18n.text import t
from bot.store import ActionStore

CALLBACK_LIMIT = 64
MAX_BUTTONS = 8
_PREFIXES = {
    "topic:": "t:",
    "area:": "ar:",
    "lang:": "l:",
    "menu:": "m:",
    "forget:": "fg:",
    "page:": "p:",
    "update:": "u:",
    "updates:": "us:",
    "sub:": "s:",
    "tz:": "tz:",
}
# Calculation actions embed the user's inputs: stored under their pseudonym for /forget.
PERSONAL_ACTIONS = ("calc ", FIX, FIX_ASK)


class SerialisedKeyboard(InlineKeyboardMarkup):
    """An inline keyboard serialised once, when built.

    An answer's keyboard is built once per topic and language and then sent with every
    answer; PTB would otherwise serialise each of its buttons again on every send (about
    0.2 ms). The buttons cannot change after construction: PTB objects are frozen.
    """

    __slots__ = ("_rows",)

    def __init__(self, inline_keyboard: Sequence[Sequence[InlineKeyboardButton]]) -> None:
        super().__init__(inline_keyboard)
        with self._unfrozen():
            self._rows = super().to_dict()["inline_keyboard"]

    def to_dict(self, recursive: bool = True) -> dict[str, Any]:
        """The same dict as InlineKeyboardMarkup.to_dict, copied from the one made at build."""
        return {"inline_keyboard": [[dict(button) for button in row] for row in self._rows]}


def encode_action(action: str, actions: ActionStore, owner: str = "") -> str:
    """callback_data for an engine action: short forms, else a stored id (owned by the user
    whose inputs it embeds)."""
    data = _short_form(action)
    if data is not None:
        return data
    owner = owner if action.startswith(PERSONAL_ACTIONS) else ""
    return f"a:{actions.token(action, owner)}"


def _short_form(action: str) -> str | None:
    """callback_data that holds the action itself, if one fits."""
    for long, short in _PREFIXES.items():
        if action.startswith(long):
            data = short + action.removeprefix(long)
            if len(data.encode()) <= CALLBACK_LIMIT:
                return data
    return None


def decode_action(data: str, actions: ActionStore) -> str | None:
    """The engine action behind callback_data (None for other kinds of button)."""
    for long, short in _PREFIXES.items():
        if data.startswith(short):
            return long + data.removeprefix(short)
    if data.startswith("a:") and data[2:].isdigit():
        return actions.action(int(data[2:]))
    return None


def feedback_row(topic: str, lang: Lang, chosen: str | None = None) -> list[InlineKeyboardButton]:
    """👍 / 👎 / outdated, stored for review with the topic; the chosen one is ticked."""
    row = []
    for verdict, label in (("up", "👍"), ("down", "👎"), ("old", t(lang, "Outdated?"))):
        data = f"fb:{verdict}:{topic}"
        if len(data.encode()) <= CALLBACK_LIMIT:
            shown = f"✓ {label}" if verdict == chosen else label
            row.append(InlineKeyboardButton(shown, callback_data=data))
    return row


def reply_keyboard(
    reply: Reply, actions: ActionStore, owner: str = ""
) -> InlineKeyboardMarkup | None:
    """One button per row for follow-ups; a feedback row under answers. Answers' keyboards
    are kept, and so are keyboards whose buttons all hold their action in full."""
    if reply.kind == "answer" and reply.topic:
        key = (reply.topic, reply.lang, tuple(b.action for b in reply.buttons))
        if key not in _ANSWER_KEYBOARDS:
            _ANSWER_KEYBOARDS[key] = _build_keyboard(reply.buttons, actions, "", reply)
        return _ANSWER_KEYBOARDS[key]
    buttons = tuple(reply.buttons)
    if all(_short_form(button.action) is not None for button in buttons):
        return _plain_keyboard(buttons, actions)
    return _build_keyboard(reply.buttons, actions, owner)


# A topic answer's buttons depend on the topic, the language and a recent update, if any.
_ANSWER_KEYBOARDS: dict[tuple[str, str, tuple[str, ...]], InlineKeyboardMarkup | None] = {}
# Menus and command replies: the same few keyboards go out again and again (building the
# /settings one took 0.4 ms). With every action held in the button itself, nothing in a
# kept keyboard depends on the action store or on who it is sent to.
PLAIN_KEYBOARDS_KEPT = 512


@lru_cache(maxsize=PLAIN_KEYBOARDS_KEPT)
def _plain_keyboard(
    buttons: tuple[Button, ...], actions: ActionStore
) -> InlineKeyboardMarkup | None:
    return _build_keyboard(list(buttons), actions, "")


def _build_keyboard(
    buttons: list[Button], actions: ActionStore, owner: str, answer: Reply | None = None
) -> InlineKeyboardMarkup | None:
    """The rows of a reply's buttons; an `answer` gets its feedback row under them."""
    items = [button for button in buttons if not button.nav]
    rows = [[_inline_button(button, actions, owner)] for button in items[:MAX_BUTTONS]]
    if _pairs(items):
        rows = _pair_rows(rows)
    nav = [_inline_button(button, actions, owner) for button in buttons if button.nav]
    if nav:
        rows.append(nav)
    if answer is not None and answer.topic:
        rows.append(feedback_row(answer.topic, answer.lang))
    return SerialisedKeyboard(rows) if rows else None


def _inline_button(button: Button, actions: ActionStore, owner: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        button.label[:60], callback_data=encode_action(button.action, actions, owner)
    )


def _pairs(buttons: list[Button]) -> bool:
    """Short adjustment buttons (Return +1%) sit two to a row."""
    return bool(buttons) and all(b.action.startswith("calc ") for b in buttons)


def _pair_rows(rows: list[list[InlineKeyboardButton]]) -> list[list[InlineKeyboardButton]]:
    flat = [row[0] for row in rows]
    return [flat[i : i + 2] for i in range(0, len(flat), 2)]


def simple_keyboard(buttons: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """A keyboard of (label, callback_data) rows."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data)] for label, data in buttons]
    )
