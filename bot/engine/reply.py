"""What the engine returns: one reply, independent of the door it goes out of."""

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from bot.i18n.lang import Lang

ReplyKind = Literal["answer", "clarify", "calc", "fallback", "error", "command"]


@dataclass(frozen=True)
class Button:
    """A follow-up the user can pick: a topic, a language, a command."""

    label: str
    action: str
    nav: bool = False  # a menu's previous / next / back: shown together on the last row


@dataclass(frozen=True)
class SourceRef:
    """A dated source shown under an answer."""

    title: str
    url: str
    date: str | None


@dataclass
class Reply:
    """One reply: Telegram-HTML, the same as plain text, and its metadata."""

    lang: Lang
    kind: ReplyKind
    html: str
    text: str
    topic: str | None = None
    sources: list[SourceRef] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)
    result: dict[str, Any] | None = None
    chart_png: bytes | None = None
    chart_data: Any = field(default=None, repr=False, compare=False)  # drawn later if wanted
    set_lang: Lang | None = None
    forget_lang: bool = False  # back to answering in the language of each message
    pending: str | None = None  # a calculation waiting for one more input (`calc ...` form)

    def to_json(self) -> dict[str, Any]:
        """The `pillarbot ask --json` object."""
        data: dict[str, Any] = {
            "lang": self.lang,
            "kind": self.kind,
            "topic": self.topic,
            "text": self.text,
            "html": self.html,
            "sources": [asdict(source) for source in self.sources],
            "buttons": [{"label": b.label, "action": b.action} for b in self.buttons],
        }
        if self.result is not None:
            data["result"] = self.result
        return data
