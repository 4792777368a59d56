"""Read an "if 401(k) plans put X% into crypto" request: allocation, adoption, base, flows."""

import re

from bot.calcs.numbers import Number, find_numbers
from bot.calcs.readers.nearby import after, before, whole
from bot.calcs.request import fmt


def read_inflow(text: str) -> dict[str, str]:
    """Parameters of the crypto-inflow arithmetic."""
    params: dict[str, str] = {}
    percents = [n for n in find_numbers(text) if n.percent]
    # "20% of plans adopt it", "adoption of 30%", "30%的计划采用": a share of plans or savers.
    adoption = before(
        r"of\s+(?:(?:the|all)\s+)?(?:(?:us\s+|american\s+)?(?:401k|dc|retirement)\s+)?"
        r"(?:plans|participants|savers|accounts)|的\s*(?:401k)?\s*(?:计划|参与者)|计划中|"
        r"\badoption\b",
        text,
        window=2,
        percent=True,
    ) or after(
        r"adopt\w*(?: rate)?(?: of| is| was)?(?: only| just)?|采用率?|参与率", text, percent=True
    )
    if adoption is None and (share := _share_of_plans(text)) is not None:
        params["adoption"] = fmt(round(share, 1))  # a third: 33.3%
    for number in percents:
        if adoption is not None and number.start == adoption.start:
            continue
        params["alloc"] = fmt(number.value)
        break
    if adoption is not None:
        params["adoption"] = fmt(adoption.value)
    amounts = [
        n
        for n in find_numbers(text)
        if not n.percent and n.value >= 1e9 and not _QUOTED_RESULT.match(text, n.end)
    ]  # "$168B of inflows" is a result someone quotes, not an input
    flow = _yearly_flow(text, amounts)
    yearly = flow[0] if flow else None
    base = next((n for n in amounts if n.value >= 1e11 and n is not yearly), None)
    if base is not None:
        params["base"] = fmt(base.value)
    elif re.search(r"all dc|defined[- ]contribution|dc plans|所有dc|dc计划|全部dc", text):
        params["base_name"] = "dc"
    elif re.search(
        r"all (?:us )?retirement|total retirement|全部退休资产|所有退休资产|全美国退休资产", text
    ):
        params["base_name"] = "all"
    phase = re.search(
        r"over (\d{1,2}) years|(\d{1,2}|[两二三四五])\s*年内|分\s*(\d{1,2}|[两二三四五])\s*年", text
    )
    if phase:
        said = next(g for g in phase.groups() if g)
        params["phase"] = said if said.isdigit() else fmt(whole(said) or 0)
    if flow is not None:
        params["yearly"] = fmt(flow[0].value * flow[1])
    elif re.search(r"new contributions|each year|annual contributions|每年新增|新增缴款", text):
        params["yearly"] = "1"  # the default yearly contributions figure
    return params


_FRACTION_WORDS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_WHO = (
    r"(?:(?:us|american|the|all|of)\s+)*(?:(?:401k|dc|retirement)\s+)?"
    r"(?:plans|participants|savers|accounts|employers|companies)"
)
_SHARE_EN = re.compile(
    r"\b(?:a|one)\s+(half|third|quarter|fifth|tenth)\b\s+(?:of\s+)?"
    + _WHO
    + r"|\bhalf\s+(?:of\s+)?"
    + _WHO
    + r"|\b(\d{1,2})\s*(?:/|in|in every|out of|out of every)\s*(\d{1,3})\b\s+(?:of\s+)?"
    + _WHO
)
# 四分之一的计划, 一半的计划, 三成的计划 (three tenths: 30%)
_SHARE_ZH = re.compile(
    r"([一二三四五六七八九十\d])分之?([一二三四五六七八九\d])的?\s*(?:401k)?\s*(?:计划|参与者)|"
    r"(一半|半数)的?\s*(?:401k)?\s*(?:计划|参与者)|"
    r"(?<![\d一二三四五六七八九十])([一二三四五六七八九两])成([一二三四五六七八九])?的?\s*(?:401k)?\s*"
    r"(?:计划|参与者)"
)
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
_COUNT = r"(\d{1,2}|one|two|three|four|five|ten)"
# "one plan in four", "two employers out of five": the noun between the counts
_SHARE_EN_NOUN_FIRST = re.compile(
    r"\b" + _COUNT + r"\s+(?:401k\s+)?(?:plans?|participants?|savers?|accounts?|employers?|"
    r"compan(?:y|ies))\s+(?:in|out of)\s+" + _COUNT + r"\b"
)


def _share_of_plans(text: str) -> float | None:
    """A share of plans written as a fraction ("a quarter of plans", "1 in 4 plans",
    "四分之一的计划", "一半的计划"), in percent."""
    match = _SHARE_EN.search(text)
    if match:
        word, top, bottom = match.group(1), match.group(2), match.group(3)
        if word:
            return _FRACTION_WORDS[word]
        if top and bottom:
            return 100 * int(top) / int(bottom) if 0 < int(top) < int(bottom) else None
        return 50.0
    match = _SHARE_EN_NOUN_FIRST.search(text)
    if match:
        top, bottom = (_COUNT_WORDS.get(g) or int(g) for g in match.groups())
        return 100 * top / bottom if 0 < top < bottom else None
    every = re.search(
        r"每?\s*([一二三四五六七八九十\d]+)\s*个\s*(?:401k\s*)?计划\s*(?:里|中|当中)?\s*(?:就)?\s*有\s*"
        r"([一二三四五六七八九\d]+)\s*个",
        text,
    )
    if every:  # 每五个计划里有一个, 十个计划里有三个
        bottom, top = whole(every.group(1)), whole(every.group(2))
        if bottom and top and top < bottom:
            return 100 * top / bottom
    match = _SHARE_ZH.search(text)
    if match:
        if match.group(3):
            return 50.0
        if match.group(4):
            tenths = whole(match.group(4))
            hundredths = whole(match.group(5)) if match.group(5) else 0
            return 10.0 * tenths + (hundredths or 0) if tenths else None
        bottom, top = whole(match.group(1)), whole(match.group(2))
        return 100 * top / bottom if top and bottom and top < bottom else None
    return None


_QUOTED_RESULT = re.compile(
    r"\s*(?:美元|美金|dollars?)?\s*(?:of\s+)?(?:new\s+)?(?:inflows?|的?流入|涌进|涌入|流进)|"
    # "claiming $500B is about to pour in": a sum someone predicts
    r"\s*(?:dollars? )?(?:is |are )?(?:about to|going to|set to|will|would|could) "
    r"(?:pour|flood|rush|flow|stream) in"
)
_FLOW_CUE = re.compile(
    r"contributions?|new\s+(?:\w+\s+)?money|take in|coming in|flowing in|added|\badds?\b|"
    r"\bput in\b|"
    r"新增|新进|新存入|添加|流入|缴款|供款|提拨|新钱|新的钱|丢进|投进|存进|放进"
)
_PERIODS = (
    (r"every (?:two|2) weeks|every fortnight|fortnightly|biweekly|每两周|每2周", 26),
    (r"a month|per month|monthly|每月|每个月", 12),
    (r"a year|per year|annually|each year|every year|yearly|/\s*yr\b|/\s*year\b|每年|一年", 1),
)
_ASSETS_BEFORE = re.compile(
    r"(?:总资产|资产总额|资产规模|资产|存量|\bassets?(?: of| are| is| total)?)\s*"
    r"(?:大概|大约|约|about|around|~)?\s*(?:是|为|有|用|按)?\s*\$?\s*$"
)
FLOW_WINDOW = 50  # characters around an amount where its period and flow words may stand


def _nearest_period(before: str, after: str) -> int | None:
    """How many times a year the period word nearest an amount says it comes in."""
    best: tuple[int, int] | None = None
    for pattern, times in _PERIODS:
        for match in re.finditer(pattern, after):
            best = min(best or (match.start(), times), (match.start(), times))
        for match in re.finditer(pattern, before):
            best = min(
                best or (len(before) - match.end(), times), (len(before) - match.end(), times)
            )
    return best[1] if best else None


def _yearly_flow(text: str, amounts: list[Number]) -> tuple[Number, int] | None:
    """A stated flow of new money into plans ("~$1.3T a year", "$50B every two weeks",
    "每两周新增500亿"), and how many times a year it comes in. Each amount's surroundings
    stop at its neighbours; when two amounts qualify, the flow is the smaller (the other is
    the stock of assets)."""
    found: list[tuple[Number, int]] = []
    for i, number in enumerate(amounts):
        low = amounts[i - 1].end if i else 0
        high = amounts[i + 1].start if i + 1 < len(amounts) else len(text)
        before = text[max(low, number.start - FLOW_WINDOW) : number.start]
        after = text[number.end : min(high, number.end + FLOW_WINDOW)]
        # within the amount's own sentence ("…上千亿美元涌进来，我觉得太夸张。假设每年新增…")
        before = re.split(r"[。.!?！？;；]", before)[-1]
        after = re.split(r"[。!?！？;；]|\.(?!\d)", after)[0]
        if not _FLOW_CUE.search(before + after) or _ASSETS_BEFORE.search(before):
            continue  # "401k总资产大概9.4万亿刀": the pool, whatever flows around it
        times = _nearest_period(before, after)
        if times is not None:
            found.append((number, times))
    return min(found, key=lambda flow: flow[0].value) if found else None
