"""The terminal conversation: the same engine, numbered buttons instead of Telegram's."""

from typing import TextIO

from bot.charts_store import save_chart
from bot.engine import Engine, Message, Reply
from bot.i18n.lang import Lang
from bot.i18n.text import t

PROMPT = "> "
QUIT = {"/quit", "/exit", "quit", "exit"}


def format_for_terminal(reply: Reply) -> str:
    """A reply as the terminal shows it: text, then numbered buttons."""
    lines = [reply.text]
    chart = save_chart(reply)
    if chart is not None:
        lines.append("")
        lines.append(t(reply.lang, "Chart saved to {path}").format(path=chart))
    if reply.buttons:
        lines.append("")
        lines.extend(f"  [{n}] {button.label}" for n, button in enumerate(reply.buttons, 1))
    return "\n".join(lines)


class ChatSession:
    """One terminal user's state: chosen language and the buttons last shown."""

    def __init__(self, engine: Engine, lang: Lang | None) -> None:
        self.engine = engine
        self.lang = lang
        self.buttons: list[str] = []
        self.last_lang: Lang = lang or "en"
        self.pending: str | None = None

    def respond(self, line: str) -> Reply:
        """Answer one line: a number follows a listed button, anything else goes to the engine."""
        stripped = line.strip()
        if stripped.isdigit() and 1 <= int(stripped) <= len(self.buttons):
            reply = self.engine.action(self.buttons[int(stripped) - 1], self.lang or self.last_lang)
        else:
            reply = self.engine.handle(Message(line, self.lang, self.pending))
        if reply.set_lang:
            self.lang = reply.set_lang
        if reply.forget_lang:
            self.lang = None
        self.last_lang = reply.lang
        self.pending = reply.pending
        self.buttons = [button.action for button in reply.buttons]
        return reply


def run_chat(engine: Engine, lang: Lang | None, stdin: TextIO, stdout: TextIO) -> int:
    """Read lines until EOF or /quit, printing each reply."""
    session = ChatSession(engine, lang)
    stdout.write(format_for_terminal(session.respond("/start")) + "\n")
    stdout.write(
        "\n(/help, /lang, /topics, /updates; a number follows a listed item; /quit to leave)\n"
    )
    while True:
        stdout.write(PROMPT)
        stdout.flush()
        line = stdin.readline()
        if not line or line.strip().lower() in QUIT:
            stdout.write("\n")
            return 0
        stdout.write(format_for_terminal(session.respond(line)) + "\n\n")
