"""Validate the whole content set: every problem found, not just the first."""

import datetime as dt
import re

import jinja2

from bot.i18n.lang import LANGS
from bot.knowledge.addressed import addresses
from bot.knowledge.body import render_body
from bot.knowledge.content import Content
from bot.knowledge.domain import DomainWords
from bot.knowledge.figures import CONFIDENCE_MARKS
from bot.knowledge.tokens import normalize
from bot.knowledge.topics import AREAS, Topic, source_problems

MIN_QUESTIONS = 3
_TEMPLATE_PART = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
# Names and identifiers that contain digits but are not figures.
_IDENTIFIERS = re.compile(
    r"401\s?\(?k\)?|403\(b\)|457\(b\)|402\(g\)|415\(c\)|414\(v\)|72\(t\)|404a-5|1099-R"
    r"|SECURE 2\.0|EO 14330|CAR 20\d\d-0\d|12333|12366|12329"
    r"|W-8[A-Z]+(?:-[A-Z]+)?|Form \d{3,4}(?:-[A-Z]+)?|SSA-\d{3,4}(?:-[A-Z]+\d*)?|Publication \d+"
    r"|Notice 20\d\d-\d+"
    r"|\b1-8\d\d-\d{3}-\d{4}\b"
    r"|[〔\[]\d{4}[〕\]]\s?\d+\s?号|(?:Art\.|Article|Arts\.|Section|§)\s?\d+[a-z]?(?:\(\d\))*"
    r"|pillars? [123](?:(?:[–/-]|,? and | or |, )[123])*"
    r"|https?://\S+|\b[A-Za-z]+\d+[A-Za-z0-9]*\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[0-9０-９]")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def stray_digits(body: str) -> list[str]:
    """Digits in a body outside template expressions and known identifiers."""
    text = _IDENTIFIERS.sub(" ", _TEMPLATE_PART.sub(" ", body))
    found = []
    for match in _DIGIT.finditer(text):
        start, end = max(0, match.start() - 12), match.end() + 12
        found.append(text[start:end].replace("\n", " "))
    return found


def _check_topic(topic: Topic, content: Content, today: dt.date) -> list[str]:
    where = f"topic {topic.id}"
    problems = []
    if topic.path.stem != topic.id:
        problems.append(f"{where}: file name {topic.path.name} does not match the id")
    if topic.area not in AREAS:
        problems.append(f"{where}: unknown area {topic.area!r}")
    if not set(topic.countries) <= {"us", "cn"}:
        problems.append(f"{where}: countries must be us and/or cn, not {list(topic.countries)}")
    if topic.path.parent.name != topic.area:
        problems.append(f"{where}: lives in {topic.path.parent.name}/, area is {topic.area}")
    for lang in ("en", "zh"):
        if not topic.title.get(lang, "").strip():
            problems.append(f"{where}: empty {lang} title")
        if len(topic.questions.get(lang, [])) < MIN_QUESTIONS:
            problems.append(f"{where}: fewer than {MIN_QUESTIONS} {lang} questions")
        if not topic.bodies.get(lang):
            problems.append(f"{where}: no {lang} body")
    problems += source_problems(topic.sources, where, today)
    if topic.reviewed > today:
        problems.append(f"{where}: reviewed date is in the future")
    for questions in topic.questions.values():
        for question in questions:
            if not addresses(normalize(question), topic.addressed_by):
                problems.append(f"{where}: question names none of addressed_by: {question!r}")
    for related in topic.related:
        if related == topic.id or related not in content.topics:
            problems.append(f"{where}: related id {related!r} does not exist")
    for lang, body in topic.bodies.items():
        if _HTML_TAG.search(body):
            problems.append(f"{where}: {lang} body contains HTML; use the light marks only")
        for snippet in stray_digits(body):
            problems.append(f"{where}: {lang} body has a number outside a figure: …{snippet}…")
    for lang in LANGS:
        if not all(topic.bodies.get(k) for k in ("en", "zh")):
            break
        try:
            render_body(topic, content, lang)
        except jinja2.TemplateError as exc:
            problems.append(f"{where}: {lang} body does not render: {exc}")
        except (TypeError, ValueError, ArithmeticError) as exc:
            problems.append(f"{where}: {lang} body fails on a figure: {exc}")
    return problems


def _check_figures(content: Content, today: dt.date) -> list[str]:
    problems = []
    for figure in content.figures.values():
        where = f"figure {figure.key}"
        if figure.confidence not in CONFIDENCE_MARKS:
            problems.append(f"{where}: confidence must be one of V, S, D")
        if not figure.url.startswith(("http://", "https://")) and figure.confidence != "D":
            problems.append(f"{where}: needs an http(s) url")
        if not figure.source.strip():
            problems.append(f"{where}: needs a source")
        if figure.as_of > today:
            problems.append(f"{where}: as_of is in the future")
        if figure.review_by is not None and figure.review_by < today:
            problems.append(f"{where}: past its review horizon {figure.review_by}")
    return problems


def _check_scope_and_glossary(content: Content) -> list[str]:
    problems = []
    ids = [n.id for n in content.scope]
    for duplicate in {i for i in ids if ids.count(i) > 1}:
        problems.append(f"scope: id {duplicate} appears twice")
    for neighbour in content.scope:
        if not any(neighbour.keywords.values()):
            problems.append(f"scope {neighbour.id}: no keywords")
    for term in content.glossary:
        if term.topic and term.topic not in content.topics:
            problems.append(f"glossary {term.id}: topic {term.topic!r} does not exist")
        for definition in term.definition.values():
            if _DIGIT.search(_IDENTIFIERS.sub(" ", definition)):
                problems.append(f"glossary {term.id}: definitions hold no numbers")
    return problems


def _check_domain_words(content: Content) -> list[str]:
    """Every long way a topic is asked must name a domain word, or the engine would decline
    people who ask that way (content/domain.yaml)."""
    domain = DomainWords(content.domain)
    return [
        f"topic {topic.id}: question names no word of domain.yaml: {question!r}"
        for topic in content.topics.values()
        for questions in topic.questions.values()
        for question in questions
        if domain.off_domain(normalize(question))
    ]


def check_content(content: Content, today: dt.date | None = None) -> list[str]:
    """Return every problem in the content set (empty when all is well)."""
    today = today or dt.date.today()
    problems = _check_figures(content, today)
    for topic in content.topics.values():
        problems.extend(_check_topic(topic, content, today))
    problems.extend(_check_scope_and_glossary(content))
    problems.extend(_check_domain_words(content))
    return problems
