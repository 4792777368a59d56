"""Retrieval quality on held-out questions in en / 简 / 繁, and honest declining."""

from pathlib import Path

import pytest
import yaml

from bot.engine import Engine, Message
from bot.i18n.script import to_traditional

CASES = yaml.safe_load((Path(__file__).parent / "data" / "retrieval_cases.yaml").read_text("utf-8"))
MIN_TOP1 = 0.85
MIN_DECLINED = 0.9


def _cases(lang: str) -> list[tuple[str, list[str]]]:
    key = "zh" if lang != "en" else "en"
    cases = [(q, ids) for q, ids in CASES[key]]
    if lang == "zh-Hant":
        cases = [(to_traditional(q), ids) for q, ids in cases]
    return cases


def test_cases_name_real_topics(engine: Engine) -> None:
    for key in ("en", "zh"):
        for _, ids in CASES[key]:
            topics = {i for i in ids if not i.startswith("calc:")}
            assert topics <= engine.content.topics.keys(), ids


@pytest.mark.parametrize("lang", ["en", "zh-Hans", "zh-Hant"])
def test_held_out_questions_reach_the_right_topic(engine: Engine, lang: str) -> None:
    cases = _cases(lang)
    misses = []
    for question, ids in cases:
        reply = engine.handle(Message(question))
        calculator = reply.result["calculator"] if reply.kind == "calc" and reply.result else None
        if reply.topic not in ids and f"calc:{calculator}" not in ids:
            misses.append((question, reply.kind, reply.topic))
        assert reply.lang == lang, question
    share = 1 - len(misses) / len(cases)
    assert share >= MIN_TOP1, misses


def test_off_topic_questions_are_declined(engine: Engine) -> None:
    questions = [q for (q,) in CASES["off_topic"]]
    answered = [q for q in questions if engine.handle(Message(q)).kind != "fallback"]
    assert 1 - len(answered) / len(questions) >= MIN_DECLINED, answered


def test_cached_index_answers_exactly_like_a_fresh_one(engine: Engine, tmp_path: Path) -> None:
    from bot.knowledge.index_cache import load_index
    from bot.knowledge.search import SearchIndex

    fresh = SearchIndex(engine.content)
    first = load_index(engine.content, tmp_path)  # builds and saves
    assert list(tmp_path.glob("index-*.npz"))
    cached = load_index(engine.content, tmp_path)  # loads
    for text in ["what is vesting", "个人养老金怎么领取", "個人養老金", "rule of 55", "退休年龄"]:
        expected = fresh.search(fresh.query(text))
        assert first.search(first.query(text)) == expected
        assert cached.search(cached.query(text)) == expected
        normalized = fresh.query(text).normalized
        similarities = fresh.centroids.similarities(normalized)
        assert (cached.centroids.similarities(normalized) == similarities).all()


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # Misspelt, inflected or run together: whole words miss, character n-grams meet.
        ("withdrawl befor 59 penalti", "k401_early_withdrawal"),
        ("borrowing agianst my 401k", "k401_loans"),
        ("vestng schedule when i quit", "k401_vesting"),
        ("社保断缴了几个月怎么办", "cn_si_gap"),
    ],
)
def test_the_ngram_view_finds_a_topic_through_typos_and_run_on_chinese(
    engine: Engine, text: str, topic: str
) -> None:
    from bot.knowledge.tokens import normalize

    similarities = engine.index.centroids.similarities(normalize(text))
    assert engine.index.ids[int(similarities.argmax())] == topic


def test_saving_an_index_removes_week_old_indexes_of_other_content(
    engine: Engine, tmp_path: Path
) -> None:
    import os
    import time

    from bot.knowledge.index_cache import load_index

    stale, recent = tmp_path / "index-stale.npz", tmp_path / "index-recent.npz"
    for old in (stale, recent):
        old.write_bytes(b"an index of other content")
    week_ago = time.time() - 8 * 86400
    os.utime(stale, (week_ago, week_ago))
    load_index(engine.content, tmp_path)
    assert not stale.exists() and recent.exists()
    assert len(list(tmp_path.glob("index-*.npz"))) == 2  # the new one and the recent one


def test_a_content_change_gives_a_new_cache_key(engine: Engine, tmp_path: Path) -> None:
    import shutil

    from bot.knowledge.content import load_content
    from bot.knowledge.index_cache import content_key

    copy = tmp_path / "content"
    shutil.copytree(engine.content.root, copy)
    before = content_key(load_content(copy))
    synonyms = copy / "synonyms.yaml"
    synonyms.write_text(
        synonyms.read_text(encoding="utf-8") + "- [pension plan, 养老计划]\n", encoding="utf-8"
    )
    assert content_key(load_content(copy)) != before
