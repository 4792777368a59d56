"""Menus that page: a list of buttons cut into pages, with previous, next and back."""

from bot.engine.reply import Button
from bot.i18n.lang import Lang
from bot.i18n.text import t

PAGE_SIZE = 8  # the most follow-up buttons a keyboard shows
AREAS_MENU = "areas"
SETTINGS_MENU = "settings"


def page_action(menu: str, page: int) -> str:
    """The action that shows one page of a menu, in place of the menu pressed."""
    return f"page:{menu}:{page}"


def parse_page_action(action: str) -> tuple[str, int] | None:
    """(menu, page) of a `page:<menu>:<n>` action, or None."""
    kind, _, rest = action.partition(":")
    menu, _, number = rest.rpartition(":")
    if kind != "page" or not menu or not number.isdigit():
        return None
    return menu, int(number)


def page_count(items: int) -> int:
    """How many pages a list of `items` buttons takes (at least one)."""
    return max(1, -(-items // PAGE_SIZE))


def paged(
    buttons: list[Button], menu: str, page: int, lang: Lang, back: str | None = None
) -> tuple[list[Button], int]:
    """One page of `buttons` followed by the navigation buttons; and the page shown
    (a page past the end shows the last one)."""
    last = page_count(len(buttons)) - 1
    page = min(max(page, 0), last)
    shown = buttons[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    nav = []
    if page > 0:
        nav.append(Button("‹ " + t(lang, "Previous"), page_action(menu, page - 1), nav=True))
    if page < last:
        nav.append(Button(t(lang, "Next") + " ›", page_action(menu, page + 1), nav=True))
    if back is not None:
        nav.append(Button("« " + t(lang, "Back"), back, nav=True))
    return shown + nav, page
