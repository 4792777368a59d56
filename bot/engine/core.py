"""The engine: route a message to a command, a calculation or an answer."""

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.calcs.registry import run
from bot.calcs.request import CalcRequest
from bot.calcs.rules import build_rules
from bot.calcs.run import MissingInputError
from bot.calcs.understand import understand
from bot.engine.answers import (
    answer_reply,
    clarify_reply,
    fallback_reply,
    latest_figure_year,
    topic_summary,
    with_later_year_note,
)
from bot.engine.calc_replies import (
    FIX,
    FIX_ASK,
    calc_error_reply,
    calc_reply,
    fix_ask_reply,
    fix_menu_reply,
    need_input_reply,
    request_from_action,
)
from bot.engine.commands import (
    calc_menu_reply,
    empty_reply,
    help_reply,
    internal_error_reply,
    lang_reply,
    menu_page_reply,
    menu_reply,
    start_reply,
    telegram_only_reply,
    topics_reply,
    unknown_command_reply,
)
from bot.engine.menus import parse_page_action
from bot.engine.reply import Reply
from bot.engine.text_input import clean_text, has_words
from bot.engine.updates import (
    changed_since,
    update_reply,
    updates_list_reply,
    with_changed_line,
)
from bot.i18n.lang import Lang, detect_lang, parse_lang
from bot.knowledge.body import topic_title
from bot.knowledge.choice import TopicChooser
from bot.knowledge.content import Content, default_content
from bot.knowledge.index_cache import load_index
from bot.knowledge.topics import Topic
from bot.knowledge.updates import UpdateLibrary
from bot.render.charts import (
    cn_pension_chart,
    cn_personal_pension_chart,
    inflow_chart,
    us401k_chart,
)
from calc.errors import CalcInputError

_YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})(?![0-9])")
log = logging.getLogger(__name__)
CHARTS = {
    "us401k": us401k_chart,
    "inflow": inflow_chart,
    "cn_pension": cn_pension_chart,
    "cn_resident_pension": cn_pension_chart,  # the same chart: monthly pension by years paid
    "cn_personal_pension": cn_personal_pension_chart,
}


@dataclass(frozen=True)
class Message:
    """A user's text, their chosen language, and a calculation waiting for an input."""

    text: str
    lang: Lang | None = None
    pending: str | None = None
    hint: Lang | None = None  # the client's language, used when the text does not tell


# What a door's warm-up asks: a question in each script and a charted calculation in both
# languages load every catalog, converter, template, locale table and the chart fonts.
WARM_UP = (
    Message("What is a 401(k)?", "en"),
    Message("个人养老金是什么？", "zh-Hans"),
    Message("個人養老金是什麼？", "zh-Hant"),
    Message("/calc us401k salary=80000 age=30", "en"),
    Message("/calc us401k salary=80000 age=30", "zh-Hans"),
)


class Engine:
    """Message -> Reply, with no knowledge of the door the message came through."""

    def __init__(
        self, content: Content | None = None, charts: bool = True, today: dt.date | None = None
    ) -> None:
        self.content = content or default_content()
        self.index = load_index(self.content)
        self.chooser = TopicChooser(self.content, self.index)
        self.calc_rules = build_rules(self.content)
        self.charts = charts
        self._today = today
        self._answers: dict[tuple[str, Lang], Reply] = {}
        self._summaries: dict[tuple[str, Lang], str] = {}
        self._latest_years: dict[str, int | None] = {}
        self.updates = UpdateLibrary(self.content.root)

    def warm_up(self) -> None:
        """Load now what the first replies would load lazily (about 0.7 s), so the first
        user after a start does not wait for it."""
        for message in WARM_UP:
            self.draw_chart(self.handle(message))

    def topic_reply(self, topic_id: str, lang: Lang, changes: bool = True) -> Reply:
        """The answer for a topic; content is fixed for the process, so each is rendered once.
        With `changes`, an update of the last 12 months that names the topic leads it."""
        key = (topic_id, lang)
        if key not in self._answers:
            self._answers[key] = answer_reply(self.content.topics[topic_id], self.content, lang)
        reply = replace(self._answers[key])
        if not changes:
            return reply
        changed = self.updates.for_topic(topic_id, changed_since(self.today))
        return with_changed_line(reply, changed) if changed else reply

    def reply_lang(self, message: Message, text: str) -> Lang:
        """The saved choice, else the message's own script, else the client's language."""
        if message.lang:
            return message.lang
        hint = message.hint or "en"
        if text.startswith("/"):
            return hint
        return detect_lang(text, default=hint)

    def handle(self, message: Message) -> Reply:
        """Answer one message; an internal failure becomes an apology, never a traceback."""
        routed = self.route(message)
        return routed if isinstance(routed, Reply) else routed()

    def route(self, message: Message) -> Reply | Callable[[], Reply]:
        """The reply, or, for a calculation, the work that makes it: a door that must stay
        responsive runs that in a worker (a Monte Carlo takes 10-20 ms; an answer under 1 ms)."""
        text = clean_text(message.text)
        lang = self.reply_lang(message, text)
        try:
            routed = self._handle(text, lang, message.pending)
        except Exception:
            log.exception("engine failed on a message of %d characters", len(text))
            return internal_error_reply(lang)
        if isinstance(routed, Reply):
            return routed
        request = routed

        def calculate() -> Reply:
            try:
                return self.calculate(request, lang)
            except Exception:
                log.exception("calculation failed on a message of %d characters", len(text))
                return internal_error_reply(lang)

        return calculate

    @property
    def today(self) -> dt.date:
        """The date replies are stamped with."""
        return self._today or dt.date.today()

    def _handle(self, text: str, lang: Lang, pending: str | None) -> Reply | CalcRequest:
        """A reply, or the calculation a message asks for (run by route's caller)."""
        if not text:
            return empty_reply(lang)
        if text.startswith("/calc") or text.lower().startswith("calc "):
            request = request_from_action("calc " + text.split(" ", 1)[1] if " " in text else "")
            return request if request else calc_menu_reply(lang)
        if text.startswith("/"):
            return self.command(text, lang)
        if not has_words(text):
            return fallback_reply(lang, nearest=[], empty=True)
        context = request_from_action(pending) if pending else None
        request = understand(text, context, self.today)
        if request is not None:
            return request
        return self.answer(text, lang)

    def calculate(self, request: CalcRequest, lang: Lang) -> Reply:
        """Run a calculator; ask for a missing input; explain a bad one."""
        try:
            outcome = run(request, self.calc_rules, self.today)
        except MissingInputError as need:
            return need_input_reply(need, lang)
        except CalcInputError as error:
            return calc_error_reply(error, lang)
        reply = calc_reply(outcome, self.calc_rules, lang, self.today, request)
        if outcome.chart is not None:
            reply.chart_data = (outcome.calculator, outcome.chart)
            if self.charts:
                self.draw_chart(reply)
        return reply

    @staticmethod
    def draw_chart(reply: Reply) -> None:
        """Draw a calculation's chart into the reply (doors that defer it call this later)."""
        if reply.chart_data is not None and reply.chart_png is None:
            calculator, data = reply.chart_data
            reply.chart_png = CHARTS[calculator](data, reply.lang)

    def command(self, text: str, lang: Lang) -> Reply:
        """Run a slash command (`/help`, `/lang zh-Hant`, `/topics`)."""
        name, _, argument = text[1:].partition(" ")
        name = name.split("@", 1)[0].lower()
        argument = argument.strip()
        if name == "start":
            return start_reply(lang)
        if name == "help":
            return help_reply(lang)
        if name in ("lang", "language"):
            return lang_reply(lang, argument)
        if name == "topics":
            return topics_reply(self.content, lang, argument or None)
        if name == "updates":
            page = int(argument) if argument.isdigit() else 1
            return updates_list_reply(self.updates.all(), lang, page)
        return unknown_command_reply(lang)

    def action(self, action: str, lang: Lang) -> Reply:
        """Follow a button: `topic:<id>`, `area:<area>`, `lang:<code>`."""
        kind, _, value = action.partition(":")
        if kind == "topic" and value in self.content.topics:
            return self.topic_reply(value, lang)
        if kind == "area":
            return topics_reply(self.content, lang, value)
        if kind == "menu":
            return menu_reply(self.content, lang, value)
        if kind == "page" and (menu_page := parse_page_action(action)) is not None:
            return menu_page_reply(self.content, lang, *menu_page)
        if kind == "lang" and (parse_lang(value) or value == "auto"):
            return lang_reply(lang, value)
        if kind == "sub":
            return telegram_only_reply(lang)
        if kind == "updates":
            return updates_list_reply(
                self.updates.all(), lang, int(value) if value.isdigit() else 1
            )
        if kind == "update" and (update := self.updates.get(value)) is not None:
            titles = {tid: topic_title(topic, lang) for tid, topic in self.content.topics.items()}
            return update_reply(update, titles, lang)
        if (request := request_from_action(action)) is not None:
            return self.calculate(request, lang)
        if action.startswith(FIX) and (fixed := request_from_action("calc " + action[4:])):
            return fix_menu_reply(fixed, lang)
        if action.startswith(FIX_ASK):
            key, _, rest = action.removeprefix(FIX_ASK).partition(" ")
            fixed = request_from_action("calc " + rest)
            if fixed is not None and key in fixed.params:
                return fix_ask_reply(fixed, key, lang)
        return unknown_command_reply(lang)

    def calculation(self, text: str, lang: Lang) -> Reply | None:
        """The calculation a text asks for, or None when it asks for none (inline mode)."""
        request = understand(clean_text(text), today=self.today)
        return self.calculate(request, lang) if request is not None else None

    def asks_calculation(self, text: str) -> bool:
        """Whether a text asks for a calculation (which `calculation` would then run)."""
        return understand(clean_text(text), today=self.today) is not None

    def search_topics(self, text: str, lang: Lang, limit: int = 5) -> list[Reply]:
        """The best topic answers for a short query (inline mode), best first."""
        query = self.index.query(clean_text(text))
        hits = self.index.search(query, limit=limit)
        hits = [hit for hit in hits if self.chooser.confident(hit, 0.0)]
        return [self.topic_reply(hit.doc_id, lang, changes=False) for hit in hits]

    def answer(self, text: str, lang: Lang) -> Reply:
        """Search the curated content; answer, ask which topic is meant, or decline honestly."""
        query = self.index.query(text)
        choice = self.chooser.choose(query)
        topics = [self.content.topics[topic_id] for topic_id in choice.topics]
        if choice.kind == "help":
            return help_reply(lang)
        if choice.kind == "answer":
            return self.dated_answer(choice.topics[0], query.normalized, lang)
        if choice.kind == "clarify":
            return self.clarify(topics, lang)
        return fallback_reply(
            lang, nearest=topics, neighbour=choice.neighbour, country=choice.country
        )

    def clarify(self, topics: list[Topic], lang: Lang) -> Reply:
        """'Did you mean…' over some topics (each topic's one line is rendered once)."""
        summaries = []
        for topic in topics:
            key = (topic.id, lang)
            if key not in self._summaries:
                self._summaries[key] = topic_summary(topic, self.content, lang)
            summaries.append(self._summaries[key])
        return clarify_reply(topics, summaries, lang)

    def dated_answer(self, topic_id: str, normalized: str, lang: Lang) -> Reply:
        """A topic's answer, saying so first when the question asks about a year (this one or
        the next) for which the topic has no figures yet."""
        reply = self.topic_reply(topic_id, lang)
        if topic_id not in self._latest_years:  # bodies are fixed for the process
            self._latest_years[topic_id] = latest_figure_year(self.content.topics[topic_id])
        latest = self._latest_years[topic_id]
        asked = [int(year) for year in _YEAR.findall(normalized)]
        later = [year for year in asked if latest and latest < year <= self.today.year + 1]
        return with_later_year_note(reply, max(later), latest) if later and latest else reply
