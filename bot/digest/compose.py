"""Compose a subscriber's digest: messages under Telegram's limit, one button per item."""

from dataclasses import dataclass, field

from bot.engine.reply import Button
from bot.engine.updates import update_button, update_item
from bot.i18n.lang import Lang
from bot.knowledge.body import topic_title
from bot.knowledge.topics import Topic
from bot.knowledge.updates import PolicyUpdate
from bot.render.environment import render_html
from bot.render.split import MESSAGE_LIMIT, split_html, visible_length


@dataclass
class DigestMessage:
    """One message of a digest and the outbox rows it delivers."""

    html: str
    update_ids: list[str]
    buttons: list[Button] = field(default_factory=list)


def item_button(update: PolicyUpdate, topics: dict[str, Topic], lang: Lang) -> Button:
    """The button under an item: its first related topic, else the update itself."""
    for topic_id in update.related:
        if topic_id in topics:
            return Button(label=topic_title(topics[topic_id], lang), action=f"topic:{topic_id}")
    return update_button(update, lang)


def compose_digest(
    updates: list[PolicyUpdate],
    topics: dict[str, Topic],
    lang: Lang,
    limit: int = MESSAGE_LIMIT,
) -> list[DigestMessage]:
    """The messages of a digest, oldest item first; items are packed whole into messages
    under `limit` characters (an item longer than a message is split over several)."""
    messages: list[DigestMessage] = []
    current: DigestMessage | None = None
    for update in sorted(updates, key=lambda u: (u.date, u.id)):
        item = render_html(lang, "digest_item.html.j2", item=update_item(update, lang))
        button = item_button(update, topics, lang)
        if current is not None:
            joined = f"{current.html}\n\n{item}"
            if visible_length(joined) <= limit:
                current.html = joined
                current.update_ids.append(update.id)
                current.buttons.append(button)
                continue
        header = render_html(lang, "digest_header.html.j2", first=not messages)
        html = f"{header}\n\n{item}"
        parts = split_html(html, limit) if visible_length(html) > limit else [html]
        for part in parts[:-1]:
            messages.append(DigestMessage(part, []))
        current = DigestMessage(parts[-1], [update.id], [button])
        messages.append(current)
    return messages
