"""Policy updates (issue 11): the folder, its validation, /updates and the "changed on" line."""

import datetime as dt
import shutil
from pathlib import Path

from bot.engine import Engine
from bot.knowledge.content import Content, load_content
from bot.knowledge.updates import UpdateLibrary, check_updates, load_updates

NEW_UPDATE = """---
id: 2026-12-01-test-change
date: 2026-12-01
topics: [us401k]
importance: high
title:
  en: A test change to vesting
  zh: 一项关于归属的测试变化
sources:
  - title: Test source
    url: https://example.org/test
    date: 2026-12-01
related: [k401_vesting]
---
## en
Something changed about vesting.

What it means for you: read the topic again.

## zh
归属规则有变化。

对你意味着什么：再读一遍这个主题。
"""


def _copy_content(content: Content, tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(content.root, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_shipped_updates_are_valid_and_cover_the_seeded_events(content: Content) -> None:
    updates = load_updates(content.root)
    assert check_updates(updates, set(content.topics)) == []
    dates = {u.date.isoformat() for u in updates}
    for date in ("2025-08-07", "2025-05-28", "2025-08-12", "2026-03-30", "2025-08-01"):
        assert date in dates
    assert all(u.sources and all(s.url and s.date for s in u.sources) for u in updates)


def test_check_names_every_bad_field(content: Content, tmp_path: Path) -> None:
    root = _copy_content(content, tmp_path)
    bad = (
        NEW_UPDATE.replace("topics: [us401k]", "topics: [bitcoin]")
        .replace("importance: high", "importance: urgent")
        .replace("url: https://example.org/test\n    date: 2026-12-01", "url: example.org")
        .replace("related: [k401_vesting]", "related: [no_such_topic]")
    )
    (root / "updates" / "2026-12-01-test-change.md").write_text(bad, encoding="utf-8")
    problems = check_updates(load_updates(root), set(content.topics), dt.date(2026, 12, 7))
    text = "\n".join(problems)
    assert "unknown topic 'bitcoin'" in text
    assert "importance" in text
    assert "http(s) url" in text and "no YYYY-MM-DD date" in text
    assert "no_such_topic" in text


def test_a_new_file_is_picked_up_and_drafts_are_ignored(content: Content, tmp_path: Path) -> None:
    root = _copy_content(content, tmp_path)
    library = UpdateLibrary(root)
    before = {u.id for u in library.all(fresh=True)}
    (root / "updates" / "drafts").mkdir(exist_ok=True)
    draft = NEW_UPDATE.replace("2026-12-01-test-change", "2026-12-02-draft")
    (root / "updates" / "drafts" / "2026-12-02-draft.md").write_text(draft, encoding="utf-8")
    (root / "updates" / "2026-12-01-test-change.md").write_text(NEW_UPDATE, encoding="utf-8")
    after = {u.id for u in library.all(fresh=True)}
    assert after - before == {"2026-12-01-test-change"}


def test_an_answer_names_a_recent_change_with_a_button(content: Content, tmp_path: Path) -> None:
    root = _copy_content(content, tmp_path)
    (root / "updates" / "2026-12-01-test-change.md").write_text(NEW_UPDATE, encoding="utf-8")
    engine = Engine(load_content(root), charts=False, today=dt.date(2026, 12, 7))
    reply = engine.action("topic:k401_vesting", "en")
    assert reply.text.startswith("Changed on December 1, 2026: A test change to vesting")
    assert reply.buttons[0].action == "update:2026-12-01-test-change"
    zh = engine.action("topic:k401_vesting", "zh-Hant")
    assert zh.text.startswith("變更於2026年12月1日：一項關於歸屬的測試變化")
    opened = engine.action(reply.buttons[0].action, "en")
    assert "read the topic again" in opened.text and "https://example.org/test" in opened.html
    later = Engine(load_content(root), charts=False, today=dt.date(2028, 1, 1))
    assert not later.action("topic:k401_vesting", "en").text.startswith("Changed on")


def test_updates_lists_newest_first_in_pages(engine: Engine) -> None:
    from bot.engine import Message

    reply = engine.handle(Message("/updates", "en"))
    updates = engine.updates.all()
    assert updates[0].title["en"] in reply.text
    assert [b.action for b in reply.buttons][-1] == "updates:2"
    second = engine.action("updates:2", "zh-Hans")
    assert updates[5].title["zh"] in second.text
    assert {"updates:1", "updates:3"} <= {b.action for b in second.buttons}
