"""Normalisation and bilingual tokenisation for search.

English: lower-cased words, a light suffix stemmer, stop words dropped.
Chinese: text folded to 简体 (OpenCC t2s), then character unigrams and bigrams per Han run.
"""

import re
import unicodedata
from functools import lru_cache

from bot.chars import CONTROL_CHARS
from bot.i18n.lang import han_count
from bot.i18n.script import to_mainland_simplified

# "4O1K" (a letter O typed for the zero) is a 401(k) too.
_PLAN_NAMES = re.compile(
    r"(?<![0-9])(4[0o]1|4[0o]3|457)\s?(?:[\(（]\s?([kb])\s?[\)）]|([kb])(?![a-z]))", re.IGNORECASE
)
_SECTION = re.compile(r"(?<![0-9])(402|415|414|72)\s*\(\s*([gcvt])\s*\)", re.IGNORECASE)
_HALF = re.compile(r"(\d+)\s*(?:½|1/2|\.5|岁半|歲半| and a half)")
# Variant characters that survive 繁→简 conversion (帳戶 → 帐户, mainland 账户).
_HAN_VARIANTS = str.maketrans({"帐": "账"})
_TOKEN = re.compile(r"[a-z][a-z0-9']*|\d+(?:[.,]\d+)*[a-z%]*|[\u3400-\u9fff]+")

EN_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as into about over under than
    then so such is are was were be been being am do does did doing have has had having
    i me my mine we our ours you your yours he him his she her hers it its they them their
    this that these those there here what which who whom whose when where why how
    can could would should will shall may might must let lets let's just also too very
    not no nor only own same other any all each both few more most some much many
    get got getting go going want need know think like really please thanks thank hi hello
    up down out off again further once s t don doesn didn isn aren wasn weren won wouldn
    im i'm ive i've id i'd youre you're it's its' whats what's
    still something anything nothing everything someone anyone everyone somebody anybody
    somewhere anywhere anyway anyways along away already always ever even yet though
    although however whether while since unless upon within also else etc actually
    maybe perhaps quite rather almost basically currently recently now soon ago lot lots
    thing things stuff kind sort way ways does""".split()  # noqa: SIM905
)
# A contraction or possessive ends in one of these: the word is its first part ("doesn't"
# is "doesn", "employer's" is "employer").
_CLITICS = frozenset({"t", "s", "ve", "re", "ll", "d", "m"})
ZH_STOP_CHARS = frozenset(
    "的了是吗呢吧啊呀嘛么我你他她它们在和与及或这那就都也还要会能可以吗？?，,。！!、"
)
# A bigram holding one of these is grammar, not a word ("金的", "龄是", "那么"): not indexed.
ZH_BIGRAM_STOP_CHARS = frozenset("的了是吗呢吧啊呀嘛么我你他她它们这那都也该其若")


@lru_cache(maxsize=256)
def normalize(text: str) -> str:
    """NFKC, lower case, no control characters, 繁→简, plan names folded (401(k) → 401k).

    A message is normalised by search, the neighbour matcher and the calculators' reader
    alike: the last few results are kept.
    """
    text = unicodedata.normalize("NFKC", CONTROL_CHARS.sub(" ", text)).lower()
    if han_count(text):
        text = to_mainland_simplified(text).translate(_HAN_VARIANTS)
    text = _PLAN_NAMES.sub(
        lambda m: f" {m.group(1).replace('o', '0')}{(m.group(2) or m.group(3)).lower()} ", text
    )
    text = _SECTION.sub(lambda m: f"{m.group(1)}{m.group(2).lower()}", text)
    return _HALF.sub(lambda m: f"{m.group(1)}.5", text)


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light English stemmer: enough to meet plurals and common verb forms."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, replacement, min_stem in (
        ("ies", "y", 3),
        ("sses", "ss", 3),
        ("ing", "", 3),
        ("ed", "", 4),
        ("es", "", 4),
        ("s", "", 3),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            base = word[: len(word) - len(suffix)] + replacement
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] not in "lsz":
                base = base[:-1]
            return base
    return word


def han_tokens(run: str) -> list[str]:
    """Unigrams (minus stop characters) and bigrams of a run of Han characters."""
    unigrams = [ch for ch in run if ch not in ZH_STOP_CHARS]
    bigrams = [
        run[i : i + 2]
        for i in range(len(run) - 1)
        if run[i] not in ZH_BIGRAM_STOP_CHARS and run[i + 1] not in ZH_BIGRAM_STOP_CHARS
    ]
    return unigrams + bigrams


def tokenize(normalized: str) -> list[str]:
    """Tokens of already-normalised text."""
    out: list[str] = []
    for match in _TOKEN.finditer(normalized):
        token = match.group(0)
        if "\u3400" <= token[0] <= "\u9fff":
            out.extend(han_tokens(token))
        elif token[0].isdigit():
            out.append(token.rstrip(".,"))
        else:
            token = token.strip("'")
            base, apostrophe, clitic = token.partition("'")
            if apostrophe and clitic in _CLITICS:
                token = base
            if token and token not in EN_STOP:
                out.append(stem(token))
    return out


def is_unigram(token: str) -> bool:
    """True for a single Han character."""
    return len(token) == 1 and "\u3400" <= token <= "\u9fff"
