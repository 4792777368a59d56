"""Issue 11: watching official sources. Fixture feeds come from a local server; no real
source is contacted."""

import datetime as dt
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli import main
from bot.knowledge.content import content_root
from bot.store import open_database
from bot.store.watch import CandidateStore
from bot.watch.cli import review_loop
from bot.watch.config import WatchConfigError, default_config_path, load_watch_config
from bot.watch.health import source_health
from bot.watch.watcher import watch
from tests.feed_server import FeedServer, Resource, atom, page, rss

T0 = dt.datetime(2026, 12, 7, 3, 0, tzinfo=dt.UTC)

IRS_LIMITS = (
    "401(k) limit increases to $24,500 for 2026, IRA limit increases to $7,500",
    "https://example.gov/newsroom/ir-2025-111",
    "Thu, 13 Nov 2025 16:00:00 GMT",
)
IRS_FILING = (
    "IRS reminds taxpayers in Texas of disaster relief deadlines",
    "https://example.gov/newsroom/ir-2025-112",
    "Fri, 14 Nov 2025 16:00:00 GMT",
)
DOL_ALTERNATIVES = (
    "US Department of Labor proposes rule on alternative assets in retirement plans",
    "https://example.gov/ebsa/ebsa20260330",
    "2026-03-30T12:00:00Z",
)
MOHRSS_PENSION = (
    "人力资源社会保障部 财政部关于2025年调整退休人员基本养老金的通知",
    "/zcfg/202507/t20250710_1.html",
)
MOHRSS_CONTEST = ("关于举办全国职业技能大赛的通知", "/zcfg/202507/t20250711_2.html")


def _source(server: FeedServer, id_: str, kind: str, path: str) -> dict[str, str]:
    return {"id": id_, "name": id_, "kind": kind, "url": server.url(path)}


def _config_file(tmp_path: Path, sources: list[dict[str, str]]) -> Path:
    """The shipped configuration (its keywords, its backoff) with local sources instead."""
    raw = yaml.safe_load(default_config_path().read_text(encoding="utf-8"))
    raw["sources"] = sources
    path = tmp_path / "watch.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def server() -> Iterator[FeedServer]:
    running = FeedServer().start()
    yield running
    running.stop()


@pytest.fixture
def newsrooms(server: FeedServer, tmp_path: Path) -> Path:
    """An RSS newsroom (ETag), an Atom register (Last-Modified only), a Chinese list page."""
    server.resources["/irs.rss"] = Resource(rss(IRS_LIMITS, IRS_FILING), etag='"v1"')
    server.resources["/register.atom"] = Resource(
        atom(DOL_ALTERNATIVES),
        content_type="application/atom+xml",
        last_modified="Mon, 30 Mar 2026 12:00:00 GMT",
    )
    server.resources["/zcfg/"] = Resource(
        page(MOHRSS_PENSION, MOHRSS_CONTEST), content_type="text/html; charset=utf-8"
    )
    return _config_file(
        tmp_path,
        [
            _source(server, "irs", "feed", "/irs.rss"),
            _source(server, "register", "feed", "/register.atom"),
            _source(server, "mohrss", "page", "/zcfg/"),
        ],
    )


def test_the_shipped_configuration_loads_with_both_keyword_languages() -> None:
    config = load_watch_config()
    assert {source.kind for source in config.sources} == {"feed", "page"}
    assert all(source.url.startswith("https://") for source in config.sources)
    assert all(lists["en"] or lists["zh"] for lists in config.keywords.values())
    assert any(lists["zh"] for lists in config.keywords.values())


def test_a_malformed_configuration_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("sources:\n  - id: x\n    kind: rss\n    url: ftp://x\n", encoding="utf-8")
    with pytest.raises(WatchConfigError, match="missing name"):
        load_watch_config(path)


def test_new_relevant_entries_become_candidates_and_irrelevant_ones_do_not(
    newsrooms: Path, tmp_path: Path
) -> None:
    db = open_database(tmp_path / "w.db")
    runs = watch(db, load_watch_config(newsrooms), now=T0)
    assert [(run.source.id, run.outcome) for run in runs] == [
        ("irs", "read"),
        ("register", "read"),
        ("mohrss", "read"),
    ]
    found = {c.title: c for c in CandidateStore(db).open()}
    assert set(found) == {IRS_LIMITS[0], DOL_ALTERNATIVES[0], MOHRSS_PENSION[0]}
    limits = found[IRS_LIMITS[0]]
    assert limits.url == IRS_LIMITS[1] and limits.published == "2025-11-13"
    assert "us401k" in limits.topics and "us-pensions" in limits.topics
    assert set(found[DOL_ALTERNATIVES[0]].topics) >= {"us401k", "crypto-retirement"}
    pension = found[MOHRSS_PENSION[0]]
    assert pension.topics == ["cn-pension"]
    assert pension.url.endswith(MOHRSS_PENSION[1]) and pension.url.startswith("http://127.0.0.1")


def test_an_unchanged_feed_is_answered_304_and_creates_nothing(
    newsrooms: Path, server: FeedServer, tmp_path: Path
) -> None:
    db = open_database(tmp_path / "w.db")
    config = load_watch_config(newsrooms)
    watch(db, config, now=T0)
    before = CandidateStore(db).count_open()
    runs = watch(db, config, now=T0 + dt.timedelta(hours=1))
    outcomes = {run.source.id: run.outcome for run in runs}
    assert outcomes["irs"] == "unchanged" and outcomes["register"] == "unchanged"
    assert server.not_modified == 2
    conditional = {path: headers for path, headers in server.requests[-3:]}
    assert conditional["/irs.rss"]["If-None-Match"] == '"v1"'
    assert conditional["/register.atom"]["If-Modified-Since"] == "Mon, 30 Mar 2026 12:00:00 GMT"
    # The page sends no validators: it is read again, and its entries are not stored twice.
    assert outcomes["mohrss"] == "read"
    assert CandidateStore(db).count_open() == before


def test_an_entry_seen_again_by_url_or_guid_is_not_a_new_candidate(
    newsrooms: Path, server: FeedServer, tmp_path: Path
) -> None:
    db = open_database(tmp_path / "w.db")
    config = load_watch_config(newsrooms)
    watch(db, config, now=T0)
    # The feed changes (new ETag): one new entry, the old one again.
    newer = (
        "IRS announces catch-up contributions guidance under SECURE 2.0",
        "https://example.gov/newsroom/ir-2025-120",
        "Mon, 01 Dec 2025 16:00:00 GMT",
    )
    server.resources["/irs.rss"] = Resource(rss(newer, IRS_LIMITS, IRS_FILING), etag='"v2"')
    runs = watch(db, config, now=T0 + dt.timedelta(hours=1))
    assert runs[0].outcome == "read" and runs[0].entries == 3 and runs[0].candidates == 1
    titles = [c.title for c in CandidateStore(db).open()]
    assert titles.count(IRS_LIMITS[0]) == 1 and newer[0] in titles


@pytest.mark.parametrize(
    ("resource", "error"),
    [
        (Resource(b"upstream down", status=500, content_type="text/plain"), "HTTP 500"),
        (Resource(b"<rss><channel><item><title>401(k) <<< &&& not xml"), "not a feed"),
    ],
    ids=["http-500", "malformed-xml"],
)
def test_a_broken_source_is_recorded_as_failing_without_stopping_the_others(
    newsrooms: Path, server: FeedServer, tmp_path: Path, resource: Resource, error: str
) -> None:
    server.resources["/broken.rss"] = resource
    raw = yaml.safe_load(newsrooms.read_text(encoding="utf-8"))
    raw["sources"].insert(0, _source(server, "broken", "feed", "/broken.rss"))
    config = load_watch_config(_config_file(tmp_path, raw["sources"]))
    db = open_database(tmp_path / "w.db")

    runs = watch(db, config, now=T0)
    assert runs[0].outcome == "failed" and error in (runs[0].error or "")
    assert [run.outcome for run in runs[1:]] == ["read", "read", "read"]
    assert CandidateStore(db).count_open() == 3
    health = {h.id: h for h in source_health(db, config)}
    broken = health["broken"]
    assert broken.health == "failing" and broken.failures == 1
    assert error in (broken.last_error or "") and broken.last_ok is None
    assert broken.next_try == (T0 + dt.timedelta(minutes=30)).isoformat()
    assert health["irs"].health == "ok" and health["irs"].last_ok == T0.isoformat()


def test_a_failing_source_is_retried_with_a_growing_backoff_until_it_recovers(
    server: FeedServer, tmp_path: Path
) -> None:
    server.resources["/flaky.rss"] = Resource(b"down", status=503, content_type="text/plain")
    config = load_watch_config(
        _config_file(tmp_path, [_source(server, "flaky", "feed", "/flaky.rss")])
    )
    db = open_database(tmp_path / "w.db")

    watch(db, config, now=T0)
    waiting = watch(db, config, now=T0 + dt.timedelta(minutes=10))
    assert waiting[0].outcome == "waiting" and server.count("/flaky.rss") == 1
    second = watch(db, config, now=T0 + dt.timedelta(minutes=31))
    assert second[0].outcome == "failed" and server.count("/flaky.rss") == 2
    assert second[0].next_try == (T0 + dt.timedelta(minutes=31 + 60)).isoformat()
    assert source_health(db, config)[0].failures == 2

    server.resources["/flaky.rss"] = Resource(rss(IRS_LIMITS), etag='"ok"')
    recovered = watch(db, config, now=T0 + dt.timedelta(minutes=100))
    assert recovered[0].outcome == "read" and recovered[0].candidates == 1
    health = source_health(db, config)[0]
    assert health.health == "ok" and health.failures == 0 and health.next_try is None


def test_an_unreachable_source_is_a_failure_too(tmp_path: Path) -> None:
    unreachable = {"id": "gone", "name": "gone", "kind": "feed", "url": "http://127.0.0.1:9/x"}
    config = load_watch_config(_config_file(tmp_path, [unreachable]))
    db = open_database(tmp_path / "w.db")
    runs = watch(db, config, now=T0)
    assert runs[0].outcome == "failed" and "cannot connect" in (runs[0].error or "")


# ----- the terminal: watch, sources, review ------------------------------------------------


@pytest.fixture
def terminal(newsrooms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setenv("PILLARBOT_DB", str(tmp_path / "cli.db"))
    return {"config": str(newsrooms), "drafts": tmp_path / "drafts"}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_updates_watch_and_sources_print_what_happened(
    terminal: dict[str, Any], server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.resources["/register.atom"].status = 500
    code, out, _ = _run(capsys, "updates", "watch", "--config", terminal["config"])
    assert code == 0
    assert "irs" in out and "2 entries, 1 new candidate\n" in out
    assert "register" in out and "FAILED" in out and "HTTP 500" in out
    assert "2 new candidates, 1 of 3 sources failed; 2 waiting for review" in out
    code, out, _ = _run(capsys, "updates", "sources", "--config", terminal["config"])
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "ok" in lines["irs"].split() and "failing" in lines["register"].split()
    assert "1 failure in a row" in lines["register"] and "HTTP 500" in lines["register"]


def test_updates_review_drafts_and_dismisses(
    terminal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "updates", "watch", "--config", terminal["config"])
    code, out, _ = _run(capsys, "updates", "review")
    assert code == 0 and IRS_LIMITS[0] in out and MOHRSS_PENSION[0] in out
    by_title = {
        line.split("  ", 2)[2]: int(line.split()[0][1:])
        for line in out.splitlines()
        if line.startswith("#")
    }
    assert len(by_title) == 3

    drafts = terminal["drafts"]
    code, out, _ = _run(
        capsys, "updates", "review", "--draft", str(by_title[IRS_LIMITS[0]]), "--out", str(drafts)
    )
    assert code == 0 and "draft written" in out
    (draft,) = drafts.glob("*.md")
    front, body = _split_draft(draft)
    assert front["date"] == dt.date(2025, 11, 13) and front["importance"] == "normal"
    # the id is in the form of published updates, so /publish takes the finished draft
    assert re.fullmatch(r"2025-11-13-[a-z0-9-]+", front["id"])
    assert "us401k" in front["topics"]
    assert front["title"]["en"] == IRS_LIMITS[0] and front["title"]["zh"].startswith("TODO")
    assert front["sources"] == [
        {"title": IRS_LIMITS[0], "url": IRS_LIMITS[1], "date": dt.date(2025, 11, 13)}
    ]
    assert "## en" in body and "## zh" in body and "TODO" in body

    pension = str(by_title[MOHRSS_PENSION[0]])
    code, out, _ = _run(capsys, "updates", "review", "--dismiss", pension)
    assert code == 0 and "dismissed" in out
    code, out, _ = _run(capsys, "updates", "review")
    assert IRS_LIMITS[0] not in out and MOHRSS_PENSION[0] not in out
    assert DOL_ALTERNATIVES[0] in out

    code, _, err = _run(capsys, "updates", "review", "--draft", pension)
    assert code == 1 and f"candidate {pension} was already dismissed" in err
    code, _, err = _run(capsys, "updates", "review", "--dismiss", "9999")
    assert code == 1 and "there is no candidate 9999" in err and "Traceback" not in err


def test_a_chinese_candidate_drafts_with_its_title_in_zh(
    terminal: dict[str, Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _run(capsys, "updates", "watch", "--config", terminal["config"])
    db = open_database(tmp_path / "cli.db")
    (pension,) = [c for c in CandidateStore(db).open() if c.source == "mohrss"]
    lines = io.StringIO(f"x 9999\nhello\nd {pension.id}\nq\n")
    out = io.StringIO()
    assert review_loop(db, terminal["drafts"], lines, out) == 0
    assert "there is no candidate 9999" in out.getvalue()
    assert "type d 12 to draft #12" in out.getvalue()
    (draft,) = terminal["drafts"].glob("*.md")
    front, _ = _split_draft(draft)
    assert front["title"]["zh"] == MOHRSS_PENSION[0]
    assert front["title"]["en"].startswith("TODO") and front["topics"] == ["cn-pension"]
    # A list page gives no date: the draft takes the day it was written, source and all.
    assert front["sources"][0]["date"] == front["date"] and isinstance(front["date"], dt.date)
    assert front["sources"][0]["url"] == pension.url
    assert front["id"] == f"{front['date']:%Y-%m-%d}-mohrss-{pension.id}"
    assert "&id" not in draft.read_text()


def test_drafts_do_not_break_content_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "content"
    shutil.copytree(content_root(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    drafts = copy / "updates" / "drafts"
    drafts.mkdir(parents=True, exist_ok=True)
    (drafts / "todo_20261207.md").write_text("---\nid: [unfinished\n---\n## en\nTODO\n")
    monkeypatch.setenv("PILLARBOT_CONTENT", str(copy))
    code, out, err = _run(capsys, "content", "check")
    assert code == 0, err
    assert out.rstrip().endswith("OK")


def _split_draft(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    return yaml.safe_load(header), body


def test_source_health_lists_every_shipped_source_before_any_run(tmp_path: Path) -> None:
    health = source_health(open_database(tmp_path / "w.db"))
    assert [h.id for h in health] == [s.id for s in load_watch_config().sources]
    assert {h.health for h in health} == {"never"} and not any(h.failures for h in health)


def test_a_missing_configuration_file_is_a_clear_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PILLARBOT_DB", str(tmp_path / "cli.db"))
    code, _, err = _run(capsys, "updates", "watch", "--config", str(tmp_path / "nope.yaml"))
    assert code == 2 and "watch configuration error" in err and "cannot read" in err
    assert "Traceback" not in err
