"""Every content file is valid, and the checker catches the mistakes it exists for."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from bot.i18n.lang import LANGS
from bot.knowledge.body import render_body
from bot.knowledge.check import check_content
from bot.knowledge.content import Content, content_root, load_content
from bot.knowledge.errors import ContentError

MIN_TOPICS = 60


def test_shipped_content_has_no_problems(content: Content) -> None:
    assert check_content(content) == []


def test_there_are_enough_topics_in_every_area(content: Content) -> None:
    assert len(content.topics) >= MIN_TOPICS
    areas = {topic.area for topic in content.topics.values()}
    assert {"us401k", "us_policy", "crypto", "pillars", "cn_social_insurance"} <= areas


def test_every_topic_renders_in_three_scripts_without_template_marks(content: Content) -> None:
    for topic in content.topics.values():
        for lang in LANGS:
            body = render_body(topic, content, lang)
            assert body and "{{" not in body and "}}" not in body, (topic.id, lang)


def test_traditional_bodies_are_traditional(content: Content) -> None:
    topic = next(iter(content.topics.values()))
    hans = render_body(topic, content, "zh-Hans")
    hant = render_body(topic, content, "zh-Hant")
    assert hans != hant


@pytest.fixture
def scratch_content(tmp_path: Path) -> Path:
    """A copy of the shipped content to break on purpose."""
    target = tmp_path / "content"
    shutil.copytree(content_root(), target)
    return target


def _first_topic_file(root: Path) -> Path:
    return sorted(root.glob("topics/*/*.md"))[0]


def test_checker_reports_a_number_outside_figures(scratch_content: Path) -> None:
    path = _first_topic_file(scratch_content)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "=== en ===\n", "=== en ===\nIt costs 42 dollars.\n"
        ),
        encoding="utf-8",
    )
    problems = check_content(load_content(scratch_content))
    assert any("number outside a figure" in p and "42" in p for p in problems)


def test_form_numbers_are_identifiers_not_figures() -> None:
    from bot.knowledge.check import stray_digits

    assert not stray_digits("Ask for a waiver on Form SSA-632 or reconsideration on SSA-561.")
    assert stray_digits("SSA keeps 50 percent.")


def test_checker_reports_an_unknown_figure(scratch_content: Path) -> None:
    path = _first_topic_file(scratch_content)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "=== zh ===\n", "=== zh ===\n{{ fig.no_such_figure }}\n"
        ),
        encoding="utf-8",
    )
    problems = check_content(load_content(scratch_content))
    assert any("does not render" in p and "no_such_figure" in p for p in problems)


def test_checker_reports_a_missing_related_topic_and_undated_source(scratch_content: Path) -> None:
    path = _first_topic_file(scratch_content)
    text = path.read_text(encoding="utf-8").replace("related: [", "related: [no_such_topic, ", 1)
    text = text.replace("    date: ", "    dated: ", 1)
    path.write_text(text, encoding="utf-8")
    problems = check_content(load_content(scratch_content))
    assert any("no_such_topic" in p for p in problems)
    assert any("has no YYYY-MM-DD date" in p for p in problems)


def test_checker_reports_a_figure_past_its_review_horizon(scratch_content: Path) -> None:
    figures = scratch_content / "figures.yaml"
    text = figures.read_text(encoding="utf-8")
    first_key_end = text.index("\n  value:")
    text = text[:first_key_end] + "\n  review_by: 2020-01-01" + text[first_key_end:]
    figures.write_text(text, encoding="utf-8")
    problems = check_content(load_content(scratch_content), today=dt.date(2026, 11, 27))
    assert any("review horizon" in p for p in problems)


def test_checker_reports_a_long_question_without_a_domain_word(scratch_content: Path) -> None:
    path = _first_topic_file(scratch_content)
    asked = "how do I get a refund of the fee the bank charged me for a card I never used"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  en:\n", f"  en:\n    - {asked}\n", 1),
        encoding="utf-8",
    )
    problems = check_content(load_content(scratch_content))
    assert any("names no word of domain.yaml" in p and "refund" in p for p in problems)


def test_checker_reports_a_question_that_does_not_address_its_topic(scratch_content: Path) -> None:
    path = next(scratch_content.glob("topics/*/about_pillarbot.md"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  en:\n", "  en:\n    - how are pensions raised\n", 1), "utf-8")
    problems = check_content(load_content(scratch_content))
    assert any("addressed_by" in p and "pensions raised" in p for p in problems)


def test_duplicate_topic_ids_cannot_load(scratch_content: Path) -> None:
    path = _first_topic_file(scratch_content)
    shutil.copy(path, path.with_name("copy_of_" + path.name))
    with pytest.raises(ContentError, match="used by two files"):
        load_content(scratch_content)
