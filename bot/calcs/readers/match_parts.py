"""Read a match formula from its parts when no whole wording is known: in the sentence that
names the match, each rate ("dollar for dollar", "50 cents per dollar", 全配, 一半, "75%" next
to the word match) and each cap ("on the first 4%", "the next 2%", 封顶工资的4%, "3% dollar
for dollar") is found on its own; rates and caps that alternate (rate, cap, rate, cap or cap,
rate, cap, rate) pair up in order. Anything else (two rates and one cap, a cap with no rate)
is not guessed at: the bot asks for the match instead."""

import itertools
import re
from dataclasses import dataclass

from bot.calcs.request import fmt

_CUE = re.compile(
    r"match\w*|\bkicks? in\b|\bchips? in\b|for (?:each|every) dollar|"
    # "50% of what I put in"
    r"\bof what(?:ever)? (?:i|you|we|he|she) (?:put|contribute|save|defer)|"
    r"供返|配返|夹返|补返|佢\s*(?:就|会)?\s*夹|[一1]\s*(?:块|刀|蚊)[^，,。]{0,4}(?:配|夹)|"
    r"dollar[- ]for[- ]dollar|匹配|配比|配对|提拨|(?<![分支搭])配(?!偶|置|额)|"
    r"跟\s*(?:佢|他|她|我|你)\s*供"
)
# A sentence ends at a stop that is no decimal point
_SENTENCE_END = re.compile(r"[.!?。！？;；\n](?!\d)")
_PERCENT = r"(\d+(?:\.\d+)?)\s*%"
_PAY = r"(?:(?:my|your|his|her|their|the)\s+)?(?:pay|salary|compensation|comp|base|income)"

# A cap: a share of pay the match stops at. The second tier is named as the next one.
_CAP_FIRST = re.compile(
    r"(?:\bup to|\bon (?:the )?first|\bthe first|\bfirst|\bcapped at|\bcap of|\bmax(?:imum)? of|"
    r"\bon|前|头|封顶|最高|上限|最多|(?<![存交缴])到|至)\s*(?:配|匹配)?\s*(?:为|是|到|系|係)?\s*"
    r"(?:工资|薪水|薪资|收入|人工)?的?\s*" + _PERCENT
)
_CAP_NEXT = re.compile(
    r"(?:\bon (?:the )?next|\bthe next|\bnext|后面的?|之后的?|往后|再往后|再往上|往上|接下来的?|"
    r"跟住|跟着|"
    r"然后|后)\s*" + _PERCENT
)
# A second tier named by where it starts and ends ("50 cents on each dollar from 3% to 5%")
_CAP_BETWEEN = re.compile(r"\bfrom\s+" + _PERCENT + r"\s*(?:to|through|-|–)\s*" + _PERCENT)
# "the match itself tops out at 3% of my pay", "max match is 3%": the most the employer puts
# in, so with half a match the first 6% one puts in is matched
_CAP_EMPLOYER = re.compile(
    r"\bmatch(?: itself)?\s+(?:tops out|maxes out|caps out|is capped|maxes|caps)\s+at\s+"
    + _PERCENT
    + r"|\bmax(?:imum)? match(?: is| of)?\s+"
    + _PERCENT
    + r"|(?:公司)?(?:最多|最高)(?:只)?(?:给|配|夹)\s*(?:工资的?)?\s*"
    + _PERCENT
)
# "gives 3% dollar for dollar", 3%全配: the share of pay the full match covers
_CAP_BEFORE_FULL = re.compile(
    _PERCENT + r"\s*(?:的?\s*)?(?=dollar[- ]for[- ]dollar|全配|全额|一比一)"
)
_CAP_MATCHED = re.compile(_PERCENT + r"\s*(?:is|are|gets?)\s+matched")  # "that 8% is matched 50%"
_CAP_OF_PAY = re.compile(_PERCENT + r"\s*of\s+" + _PAY + r"\b")

_FULL = re.compile(
    r"dollar[- ]for[- ]dollar|一比一|一对一|1\s*[:：比]\s*1|全配|全额|"
    r"(?:存|供|放|投|提拨)多少\s*(?:他|她|它|佢|公司)?\s*(?:就)?\s*(?:配|夹|给|匹配)多少|"
    r"(?:一|1)\s*(?:块|刀|蚊|美元|美金)(?:钱)?[,，]?\s*(?:他|她|它|佢|公司)?\s*(?:就)?\s*"
    r"(?:配|夹|给)\s*(?:一|1)\s*(?:块|刀|蚊|美元|美金)|"
    r"\b(?:a|one|1) dollar for (?:every|each) (?:dollar|\$1)\b|"
    r"(?<=match )all of it|(?<=matches )all of it|(?<=match )everything|\bfully\b"
)
_QUARTER = re.compile(r"\ba quarter (?:for|per|on|of) (?:each|every|the|a) dollar")
_CENTS = re.compile(
    r"(?:\$?0?\.(\d{2})|(\d{1,2})\s*cents?)(?:\s*(?:on|per|for|of)\s*(?:the|each|every|a)?\s*dollar)?"
)
_HALF = re.compile(r"一半|[五5][毛毫]|\bhalf\b")
# "matches 50%", "配75%", "a 50% match": a rate said with the word match
_RATE_BESIDE = re.compile(
    r"(?:match\w*|配|匹配|配比|配对|提拨|给)\s*(?:is\s+|at\s+|of\s+|rate of\s+|比例为?|为|是)?\s*"
    + _PERCENT
    + r"|"
    + _PERCENT
    + r"\s*(?:employer\s+|company\s+|的)?(?:match|匹配|配比)|"
    + _PERCENT
    + r"\s*of (?:what(?:ever)?|everything|each dollar|every dollar) (?:i|you|we|he|she) "
    r"(?:put|contribute|save|defer)"
)

_RATE_LIMIT = 300.0  # "$3 for every $1" is as generous as matches come
_CAP_LIMIT = 20.0  # no match covers more than a fifth of pay


@dataclass(frozen=True)
class _Part:
    start: int
    end: int
    kind: str  # "rate", "cap", "next" (the second tier's cap) or "most" (the employer's most)
    value: float


def _sentence(text: str, at: int) -> tuple[int, int]:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    stop = _SENTENCE_END.search(text, at)
    return (starts[-1] if starts else 0), (stop.start() if stop else len(text))


def _parts(text: str, lo: int, hi: int) -> list[_Part]:
    found: list[_Part] = []

    def free(start: int, end: int) -> bool:
        return all(end <= p.start or start >= p.end for p in found)

    def add(pattern: re.Pattern[str], kind: str, fixed: float | None = None) -> None:
        """Parts a pattern finds: the number it captured (its span), or a fixed value."""
        for m in pattern.finditer(text, lo, hi):
            group = next((g for g in range(1, (m.lastindex or 0) + 1) if m.group(g)), 0)
            start, end = m.span(group) if group else m.span()
            if free(start, end):
                value = fixed if fixed is not None else float(m.group(group))
                found.append(_Part(start, end, kind, value))

    add(_CAP_EMPLOYER, "most")
    for span in _CAP_BETWEEN.finditer(text, lo, hi):  # "from 3% to 5%": the 2% between
        width = float(span.group(2)) - float(span.group(1))
        if width > 0 and free(span.start(), span.end()):
            found.append(_Part(span.start(), span.end(), "next", width))
    add(_CAP_NEXT, "next")
    add(_CAP_BEFORE_FULL, "cap")
    add(_CAP_FIRST, "cap")
    add(_CAP_MATCHED, "cap")
    add(_CAP_OF_PAY, "cap")
    add(_FULL, "rate", 100.0)
    add(_HALF, "rate", 50.0)
    add(_QUARTER, "rate", 25.0)
    add(_RATE_BESIDE, "rate")
    add(_CENTS, "rate")
    return sorted(found, key=lambda p: p.start)


def _without_restated_most(parts: list[_Part]) -> list[_Part]:
    """The parts less an employer's most that restates one rate and cap ("配一半，算到工资的6%
    为止（也就是最多配3%）": half of 6% is 3%)."""
    rates = [p.value for p in parts if p.kind == "rate"]
    caps = [p.value for p in parts if p.kind == "cap"]
    if len(rates) != 1 or len(caps) != 1:
        return parts
    restated = rates[0] * caps[0] / 100
    return [p for p in parts if not (p.kind == "most" and abs(p.value - restated) < 1e-9)]


def _paired(parts: list[_Part]) -> list[tuple[float, float]] | None:
    """(rate, cap) tiers when rates and caps alternate, else None."""
    parts = _without_restated_most(parts)
    kinds = ["rate" if p.kind == "rate" else "cap" for p in parts]
    if len(parts) not in (2, 4) or any(a == b for a, b in itertools.pairwise(kinds)):
        return None
    tiers = []
    for first, second in zip(parts[::2], parts[1::2], strict=True):
        rate, cap = (first, second) if first.kind == "rate" else (second, first)
        width = cap.value * 100 / rate.value if cap.kind == "most" else cap.value
        tiers.append((rate.value, width))
    if len(tiers) == 2 and parts[2].kind != "next" and parts[3].kind != "next":
        return None  # two tiers, but the second is not said to come next
    return tiers


def match_from_parts(text: str) -> tuple[str | None, list[tuple[int, int]]]:
    """The match formula from its parts in the sentence naming it, and the spans used."""
    for cue in _CUE.finditer(text):
        lo, hi = _sentence(text, cue.start())
        parts = _parts(text, lo, hi)
        tiers = _paired(parts)
        if not tiers or not all(
            0 < rate <= _RATE_LIMIT and 0 < cap <= _CAP_LIMIT for rate, cap in tiers
        ):
            continue
        formula = "+".join(f"{fmt(rate)}@{fmt(cap)}" for rate, cap in tiers)
        return formula, [(p.start, p.end) for p in parts]
    return None, []
