"""The readings corpus (issue 9): calculation requests as people write them, each with the
inputs a right reading gives. The bot's replies are checked against it: the calculator it
runs, the inputs it says it read, and that it says them back. bench/eval_readings.py prints
the full figures per half and script."""

from collections import defaultdict

import pytest

from bot.calcs.registry import CALCULATORS
from bot.engine import Engine, Message
from bot.i18n.text import t
from tests.readings import LABELLED_ON, Request, load_requests, same_value

REQUESTS = load_requests()
# Floors a few points under the field-exact rates measured when they were set (tune and
# held-out halves together): a change that reads people's requests worse fails here.
# Raised on 2026-12-07 (issue 9, plain requests) by the gains on both halves: en 59.2% -> 66.4%,
# zh-Hans 66.0% -> 69.1%, zh-Hant 61.1% -> 65.3%. Raised again the same day (issue 9, the
# income tax on pay: "工资2万扣多少税"): zh-Hans 72.8% -> 79.6%, zh-Hant 66.7% -> 68.1%.
# Lowered later on 2026-12-07 for the corpus, not the reader: a harvest of 88 real rows (62 of them
# article sentences and worked examples that ask nothing, labelled `other`) took the rates over
# all rows to en 199/354 = 56.2%, zh-Hans 136/190 = 71.6%, zh-Hant 54/90 = 60.0%.
# Raised on the evening of 2026-12-07 (four rounds of blind plain requests and their fixes):
# en 235/396 = 59.3%, zh-Hans 139/191 = 72.8%, zh-Hant 55/92 = 59.8%.
MIN_EXACT = {"en": 0.57, "zh-Hans": 0.70, "zh-Hant": 0.57}
# The same for the rows that ask for a calculation (`asks`, labelled blind to the bot): both
# halves together measured en 77.0%, zh-Hans 79.7%, zh-Hant 78.6% on 2026-12-07, then en
# 72.2%, zh-Hans 86.2%, zh-Hant 80.7% once that day's harvest added 47 real rows nobody had
# tuned on (field-exact over all rows: en 63.2%, zh-Hans 77.1%, zh-Hant 68.9%).
# With the 26 rows of that harvest that ask a calculation: en 148/219 = 67.6%, zh-Hans 85.7%,
# zh-Hant 78.3%.
# Raised the same evening: en 181/261 = 69.3%, zh-Hans 123/141 = 87.2%, zh-Hant 48/62 = 77.4%.
MIN_ASKS_EXACT = {"en": 0.67, "zh-Hans": 0.84, "zh-Hant": 0.75}


def test_every_request_has_a_source_a_calculator_and_known_inputs() -> None:
    assert len(REQUESTS) >= 300
    assert len({r.id for r in REQUESTS}) == len(REQUESTS)
    for request in REQUESTS:
        assert request.url.startswith(("http://", "https://")), request.id
        assert request.calculator in CALCULATORS, request.id
        assert request.source in {"real", "variant"}, request.id


def test_variants_stay_in_the_half_of_the_page_they_vary() -> None:
    halves: dict[str, set[str]] = defaultdict(set)
    for request in REQUESTS:
        halves[request.url].add(request.half)
    assert all(len(h) == 1 for h in halves.values())


def _reply_reading(engine: Engine, request: Request) -> tuple[str | None, dict[str, str], str]:
    """The calculator of the reply, the inputs it reports as read, and its text."""
    reply = engine.handle(Message(request.text))
    if reply.kind != "calc" or reply.result is None:
        return None, {}, reply.text
    read = {str(k): str(v) for k, v in (reply.result.get("read") or {}).items()}
    return str(reply.result.get("calculator")), read, reply.text


@pytest.fixture(scope="module")
def replies(engine: Engine) -> dict[str, tuple[str | None, dict[str, str], str]]:
    # read on the day the rows were labelled: "born in 1985" and "until 2040" depend on it
    plain = Engine(engine.content, charts=False, today=LABELLED_ON)
    return {request.id: _reply_reading(plain, request) for request in REQUESTS}


def _exact(request: Request, calculator: str | None, read: dict[str, str]) -> bool:
    if calculator != request.calculator or read.keys() != request.read.keys():
        return False
    return all(same_value(key, read[key], want) for key, want in request.read.items())


@pytest.mark.parametrize("script", sorted(MIN_EXACT))
def test_requests_are_read_field_exact_at_least_as_often_as_measured(
    replies: dict[str, tuple[str | None, dict[str, str], str]], script: str
) -> None:
    mine = [r for r in REQUESTS if r.lang == script]
    exact = sum(_exact(r, *replies[r.id][:2]) for r in mine)
    assert exact / len(mine) >= MIN_EXACT[script], f"{exact}/{len(mine)}"


@pytest.mark.parametrize("script", sorted(MIN_ASKS_EXACT))
def test_requests_that_ask_a_calculation_are_read_field_exact_as_often_as_measured(
    replies: dict[str, tuple[str | None, dict[str, str], str]], script: str
) -> None:
    asking = [r for r in REQUESTS if r.lang == script and r.asks == "calculation"]
    exact = sum(_exact(r, *replies[r.id][:2]) for r in asking)
    assert exact / len(asking) >= MIN_ASKS_EXACT[script], f"{exact}/{len(asking)}"


def test_every_row_says_whether_it_asks_a_calculation() -> None:
    assert {r.asks for r in REQUESTS} == {"calculation", "other"}


def test_every_calculation_says_what_it_read(
    replies: dict[str, tuple[str | None, dict[str, str], str]],
) -> None:
    """A misreading must be visible: each calculation reply starts by saying what it read, or
    says it right after a first line that answers what was asked ("工资2万扣多少税": the tax)."""
    openings = tuple(
        t(lang, "Read as: %(items)s.").split("%(items)s")[0]
        for lang in ("en", "zh-Hans", "zh-Hant")
    )
    for request in REQUESTS:
        calculator, read, text = replies[request.id]
        if calculator is not None and read:
            first, second = [*text.strip().splitlines(), ""][:2]
            led = calculator == "cn_personal_pension" and second.startswith(openings)
            assert first.startswith(openings) or led, (request.id, text)
