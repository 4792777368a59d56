"""Catalogs, script conversion and locale formatting as a reader sees them."""

import datetime as dt
import re
from importlib import resources

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from bot.engine import Engine
from bot.i18n.formatting import (
    format_age,
    format_count,
    format_date,
    format_usd,
    format_year,
    format_years,
)
from bot.i18n.lang import detect_lang, parse_lang

_PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w*\}")


def _catalog() -> Catalog:
    po = resources.files("bot.i18n") / "locales" / "zh_Hans" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        return read_po(handle)


def test_every_message_is_translated_with_the_same_placeholders() -> None:
    untranslated, mismatched = [], []
    for message in _catalog():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append(ids[0])
            continue
        wanted = sorted(_PLACEHOLDER.findall(str(ids[0])))
        if any(sorted(_PLACEHOLDER.findall(str(s))) != wanted for s in strings):
            mismatched.append(ids[0])
    assert untranslated == []
    assert mismatched == []


def test_catalog_covers_every_message_in_code_and_templates() -> None:
    pot = resources.files("bot.i18n") / "locales" / "messages.pot"
    with pot.open("rb") as handle:
        template_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    po_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalog() if m.id}
    assert template_ids <= po_ids


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("What is a 401(k)?", "en"),
        ("个人养老金怎么领取", "zh-Hans"),
        ("個人養老金怎麼領取", "zh-Hant"),
        ("pre-tax和post-tax都可以放到401k，那麼放post-tax進去的目的是什麼?", "zh-Hant"),
        ("我的401k怎么转到新公司", "zh-Hans"),
        ("Roth IRA 是什么", "zh-Hans"),
    ],
)
def test_detects_language_and_script(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


@pytest.mark.parametrize(
    ("tag", "lang"),
    [("zh", "zh-Hans"), ("zh-TW", "zh-Hant"), ("zh-hk", "zh-Hant"), ("en-US", "en"), ("fr", None)],
)
def test_parses_client_language_tags(tag: str, lang: str | None) -> None:
    assert parse_lang(tag) == lang


def test_amounts_follow_each_locale() -> None:
    assert format_usd(24500, "en") == "$24,500"
    assert format_usd(24500, "zh-Hans") == "24,500美元"
    assert format_usd(8.7e12, "en") == "$8.7 trillion"
    assert format_usd(8.7e12, "zh-Hans") == "8.7万亿美元"
    assert format_usd(8.7e12, "zh-Hant") == "8.7兆美元"
    assert format_count(9e7, "zh-Hant") == "9000萬"


def test_ages_years_and_dates_read_naturally() -> None:
    assert format_age(59.5, "en") == "59½"
    assert format_age(59.5, "zh-Hans") == "59岁半"
    assert format_age(59.5, "zh-Hant") == "59歲半"
    assert format_years(15, "en") == "15 years"
    assert format_years(1, "en") == "1 year"
    assert format_years(15, "zh-Hans") == "15年"
    assert format_year(2033, "en") == "2033"
    assert format_date(dt.date(2025, 9, 1), "zh-Hans") == "2025年9月1日"
    assert format_date(dt.date(2025, 9, 1), "en") == "September 1, 2025"


# Issue 8: OpenCC's Taiwan phrases turned domain terms into computing words.
KNOWN_BAD_TRADITIONAL = (
    "安全域性",
    "社保宣告",
    "賬戶",
    "國家檔案",
    "程式",
    "支援",
    "稽核",
    "通脹",
    "緻殘",
    "釋出",
    "社群",
)


def test_every_topic_reads_right_in_traditional_chinese(engine: Engine) -> None:
    bad: list[tuple[str, str]] = []
    for topic_id in engine.content.topics:
        text = engine.topic_reply(topic_id, "zh-Hant").text
        bad.extend((topic_id, word) for word in KNOWN_BAD_TRADITIONAL if word in text)
    assert not bad


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("美国社会安全局", "美國社會安全局"),
        ("放弃社保声明无效", "放棄社保聲明無效"),
        ("国家文件规定", "國家文件規定"),
        ("个人账户", "個人帳戶"),
        ("仲裁程序", "仲裁程序"),
        ("因病或非因工致残", "因病或非因工致殘"),
        ("国务院发布的办法", "國務院發布的辦法"),
        ("到社区服务中心认证", "到社區服務中心認證"),
    ],
)
def test_domain_terms_keep_their_meaning_in_traditional(simplified: str, traditional: str) -> None:
    from bot.i18n.script import to_traditional

    assert to_traditional(simplified) == traditional
