"""Numbers as people write them: $80k, 1.2 million, 8.7T, 9万亿, 1.2万, 三十, 3.5%."""

import re
from dataclasses import dataclass

from text_to_num import alpha2digit

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_SCALE_WORDS = {
    "k": 1e3,
    "thousand": 1e3,
    "grand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mil": 1e6,
    "mill": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
    "万": 1e4,
    "w": 1e4,
    "千": 1e3,
    "百": 1e2,
    "百万": 1e6,
    "亿": 1e8,
    "万亿": 1e12,
    "兆": 1e12,
}
_CN_NUMERAL = "零〇一二两三四五六七八九十百千"
# The months by their first three letters ("jan" for January, "sept." too), in order
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_ALTERNATION = "|".join(MONTH_NAMES)
NUMBER = re.compile(
    # what a number can start with, looked at first: most places in a text start none
    r"(?=[-−$¥￥\d." + _CN_NUMERAL + r"]|\s[$¥￥\d." + _CN_NUMERAL + r"])"
    r"(?:(?<=[\s=:(（，,])|^)?(?P<neg>(?<![0-9a-z])[-−](?=[$¥￥]?\d))?(?P<cur>[$¥￥])?\s?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?(?:e[+-]?\d+(?![a-z]))?|\.\d+|"
    # 一 in 一直, 一共, 一起, 一样… is a word, not the numeral one
     + r"(?!一[直共起样般些定旦切再致边同律向])[" + _CN_NUMERAL + r"]+)"
    r"\s?(?P<scale>万亿|百万|trillion|billion|million|thousand|grand\b|mill|mil|mm|bn|tn|[kmbt万亿兆千百](?![a-z])|w(?![a-z])(?!/\s))?"
    r"\s?(?P<pct>%|percent|pct)?",
    re.IGNORECASE,
)
_PERCENT_WORDS = re.compile(r"百分之([" + _CN_NUMERAL + r"\d.]+)")
# "three-quarters of a percent", "a quarter of a percent"
_QUARTERS_PERCENT = re.compile(
    r"(?=[aot])\b(a|one|three)[- ]quarters? (?:of )?(?:a |one )?(?:percent|per cent|%)"
)


def _quarters(match: re.Match[str]) -> str:
    return "0.75%" if match.group(1) == "three" else "0.25%"


_HALF_PERCENT = re.compile(r"half (?:a |of a |of one |one )?(?:percent|per cent|%)|半个百分点")
# Plan names hold digits that are not amounts: 401(k), 403b, 457(b), 402(g), 415(c), and the
# college-savings 529 plans ("we have 529s for the kids", "a 529 plan").
PLAN_NAME = re.compile(
    # (never after a currency sign: "$402k" is money)
    r"(?<![0-9a-z.$¥])(?:(?:(?:401|403)\s?\(?[kb]|457\s?\(?b|402\s?\(?g|415\s?\(?c)\)?s?(?![a-z])"
    r"|529(?=s\b|\s+(?:plans?|accounts?|savings)\b))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    """A number found in text, where it stands, and what marks it carries."""

    value: float
    start: int
    end: int
    percent: bool
    currency: str | None
    scaled: bool
    unit: float = 1.0  # the scale word's factor (万 = 1e4)


def chinese_numeral(text: str) -> float | None:
    """三十 → 30, 十五 → 15, 五十八 → 58, 两千 → 2000, 三千五 → 3500; None if not a numeral."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    total, current, unit_before = 0, 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
            unit_before = unit_before if current else 0  # 零 ends the shorthand: 一千零五
        else:
            unit_before = _CN_UNITS[ch]
            total += (current or 1) * unit_before
            current = 0
    if current and unit_before >= 100:
        current *= unit_before // 10  # 三千五 is 3,500 and 一百五 is 150, as people say them
    return float(total + current)


def parse_number(raw: str) -> float | None:
    """A plain or Chinese numeral."""
    if raw and raw[0] in _CN_NUMERAL:
        return chinese_numeral(raw)
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


# "一万二" / "3万5" mean 1.2万 / 3.5万: a lone digit after 万 or 亿 is its first decimal; so
# in chat shorthand after w (万) and k (千): "1w7" is 17,000, "8k5" 8,500.
_TRAILING_DIGIT = re.compile(
    r"(?=[\d"
    + _CN_NUMERAL
    + r"])(?<![a-z\d.])(\d+|["
    + _CN_NUMERAL
    + r"]+)([万亿千wk])([一二两三四五六七八九\d])(?![\d.%a-z"
    + _CN_NUMERAL
    + r"万亿千百个月年天周次岁])"
)


def _decimal_after_scale(match: re.Match[str]) -> str:
    whole = parse_number(match.group(1))
    tenth = parse_number(match.group(3))
    if whole is None or tenth is None:
        return match.group(0)
    scale = match.group(2)
    if scale in "wk" and (whole != int(whole) or whole >= 10):
        return match.group(0)  # "401k5", "12w3": no shorthand
    if scale in "千k":
        if whole != int(whole) or whole >= 10:
            return match.group(0)
        return f"{int(whole) * 10 + int(tenth)}百"  # "8千5" -> "85百": the same length
    if scale == "w":
        return f"{int(whole) * 10 + int(tenth)}k"  # "1w7" -> "17k": the same length
    if match.group(2) == "万" and whole == int(whole):
        # Written as thousands ("2万5" -> "25千"): the same length, so every later position
        # in the text still points at the same character.
        as_thousands = f"{int(whole) * 10 + int(tenth)}千"
        if len(as_thousands) <= len(match.group(0)):
            return as_thousands.ljust(len(match.group(0)))
    value = f"{whole + tenth / 10:g}"
    return (value + match.group(2)).ljust(len(match.group(0)))


def find_numbers(text: str) -> list[Number]:
    """Every number in (normalised, lower-case) text, with scale words applied."""
    text = _TRAILING_DIGIT.sub(_decimal_after_scale, text)
    text = PLAN_NAME.sub(lambda m: "#" * len(m.group(0)), text)
    text = _HALF_PERCENT.sub(lambda m: "0.5%".ljust(len(m.group(0))), text)
    text = _QUARTERS_PERCENT.sub(lambda m: _quarters(m).ljust(len(m.group(0))), text)
    text = _PERCENT_WORDS.sub(
        lambda m: m.group(1) + "%" + " " * (len(m.group(0)) - len(m.group(1)) - 1), text
    )
    found: list[Number] = []
    for match in NUMBER.finditer(text):
        value = parse_number(match.group("num"))
        if value is None or _inside_a_word(text, match) or _vague(text, match):
            continue
        scale = (match.group("scale") or "").lower()
        unit = _SCALE_WORDS[scale] if scale else 1.0
        value = round(value * unit, 2)
        if match.group("neg"):
            value = -value
        number = Number(
            value=value,
            # The pattern may take a space on either side; a number's span is its own text.
            start=min(match.start(g) for g in ("neg", "cur", "num") if match.group(g)),
            end=max(match.end(g) for g in ("num", "scale", "pct") if match.group(g)),
            percent=bool(match.group("pct")),
            currency=match.group("cur"),
            scaled=bool(scale),
            unit=unit,
        )
        previous = found[-1] if found else None
        if previous is not None and _continues(previous, number, text):
            found[-1] = Number(
                value=previous.value + number.value,
                start=previous.start,
                end=number.end,
                percent=number.percent,
                currency=previous.currency,
                scaled=True,
                unit=previous.unit,
            )
        else:
            found.append(number)
    return found


_RANGE_WORDS = re.compile(r"(?:一两|两三|二三|三四|四五|五六|六七|七八|八九)[十百千万亿]")


def _vague(text: str, match: re.Match[str]) -> bool:
    """几千亿, 数百万, 上千亿 ("upwards of"): no number anyone stated."""
    start, said = match.start("num"), match.group("num")
    if _RANGE_WORDS.match(said):
        return True  # 两三千亿, 五六万: "two or three thousand 亿"
    if start == 0 or said[0].isdigit():
        return False
    return text[start - 1] in "几数幾" or (text[start - 1] == "上" and said[0] in "十百千万亿")


def _inside_a_word(text: str, match: re.Match[str]) -> bool:
    """Digits glued to Latin letters before them are part of a name (H1B, W2, 3D), not a
    number; a currency sign in front makes them an amount again."""
    start = match.start("num")
    return (
        not match.group("cur")
        and start > 0
        and text[start - 1].isascii()
        and text[start - 1].isalpha()
    )


def _continues(previous: Number, number: Number, text: str) -> bool:
    """2万4500 and 一万二千 are one number: a smaller part right after 万 or 亿."""
    return (
        previous.unit in (1e4, 1e8)
        and not previous.percent
        and text[previous.end : number.start].strip() == ""
        and previous.end == number.start
        and 0 < number.value < previous.unit
        and text[number.end : number.end + 1] not in _MEASURE_WORDS  # 4万一个月: 一 counts months
    )


_MEASURE_WORDS = frozenset("个月年天周次岁")


_SPELLED = re.compile(
    r"(?=[otfsenhmb])\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million|billion|trillion)\b"
)


# Banker's numerals (大写, as on pay slips and cheques): 壹万贰仟 is 一万二千. Some are also
# words (大陆, 队伍), so only a run of two or more numeral characters is read as a number.
_FORMAL = "壹贰叁肆伍陆柒捌玖拾佰仟"
_FORMAL_NUMERALS = str.maketrans(_FORMAL, "一二三四五六七八九十百千")
_NUMERAL_RUN = re.compile("[" + _FORMAL + _CN_NUMERAL + "万亿]{2,}")


def plain_numerals(text: str) -> str:
    """Banker's numerals written as everyday ones (壹万贰仟元 → 一万二千元), a 万 joined to the
    rest by 零 as one number (1万零500 → 10500), and a rate named with no percent sign as a
    percent (年化6.5 → 年化6.5%)."""
    text = _NUMERAL_RUN.sub(lambda m: m.group(0).translate(_FORMAL_NUMERALS), text)
    text = _ZERO_JOINED.sub(lambda m: str(int(m.group(1)) * 10_000 + int(m.group(2))), text)
    text = _WAN_AND_THOUSANDS.sub(
        lambda m: str(int(m.group(1)) * 10_000 + int(m.group(2) + m.group(3))), text
    )
    text = _SEVEN_FIGURES.sub("$1,000,000", text)
    text = _A_YEAR_PUT_IN.sub("每年", text)  # "一年放1.5w": a year's amount, not one year
    text = _BASIS_POINTS.sub(lambda m: f"{float(m.group(1)) / 100:g}%", text)
    text = _RATE_IN_LI.sub(
        lambda m: f"{m.group(1)}{float(m.group(2)) + 0.5 * bool(m.group(3)):g}%", text
    )
    return _BARE_RATE.sub(r"\1\2%", text)


# 年回報6厘半, 年息5厘: Hong Kong and Taiwan say a yearly rate in 厘 (6厘半 is 6.5%)
_RATE_IN_LI = re.compile(
    r"(?=[年回利收报報])(年?(?:回报|回報|利息|年息|利率|收益|报酬|報酬)率?)\s*(\d{1,2}(?:\.\d+)?)\s*厘(半)?"
)
_A_YEAR_PUT_IN = re.compile(
    r"一年(?=\s*(?:放|存|投|交|缴|供|扣|定投|存入)\s*[\d一二两三四五六七八九十])"
)
# "12 bps", "12 basis points": hundredths of a percent
_BASIS_POINTS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:bps?|basis points?)\b", re.IGNORECASE)
# "回报当6厘": in Hong Kong a rate in 厘 is a percent
_LI_PERCENT = re.compile(r"(?<=[回报利息率当按])\s*(\d+(?:\.\d+)?)\s*厘")
# "1万3,700": a 万 and the thousands after it, written with a thousands comma (13,700)
_WAN_AND_THOUSANDS = re.compile(r"(?=\d)(?<![\d.])(\d{1,4})\s*[万萬wW]\s*(\d),(\d{3})(?![\d.])")
# "hit seven figures": a million
_SEVEN_FIGURES = re.compile(r"(?=[s7])\b(?:seven|7)[- ]figures?\b", re.IGNORECASE)
_ZERO_JOINED = re.compile(r"(?=\d)(?<![\d.])(\d{1,4})\s*[万萬]\s*零\s*(\d{1,3})(?![\d.万萬千])")
# 年化6.5, 回报率7, 年報酬6, 费率0.3: a rate's name, then its number with no % after it
_BARE_RATE = re.compile(
    r"(年化|年化回报|年化收益|回报率|收益率|年報酬|年报酬|报酬率|利率|费率|管理费率?|通胀|通膨|通货膨胀)\s*"
    r"(?:按|是|为|大概|大约|约)?\s*"
    r"(\d{1,2}(?:\.\d+)?)(?![\d.%万萬千kw])"
)


def percent_words_as_digits(text: str) -> str:
    """百分之八十 → 80%, 百分之6 → 6%: the readers' patterns see a percent as people type it."""

    def digits(match: re.Match[str]) -> str:
        raw = match.group(1)
        if "点" in raw:  # 百分之一点五: 1.5%
            whole, _, tenths = raw.partition("点")
            head, tail = chinese_numeral(whole), chinese_numeral(tenths) if tenths else None
            value = None if head is None or tail is None else float(f"{head:g}.{tail:g}")
        elif re.fullmatch(r"[\d.]+", raw):
            value = parse_number(raw)
        else:
            value = chinese_numeral(raw)
        return match.group(0) if value is None else f"{value:g}%"

    text = _PERCENT_WORDS_WITH_POINT.sub(digits, text)
    text = _PER_MILLE.sub(_per_mille, text)
    text = _LI_PERCENT.sub(r"\1%", text)
    text = _POINTS.sub(digits, text)  # 年化七个点: 7%
    text = _DISCOUNT.sub(_discount, text)  # 按社平打八折: 社平的80%
    text = _BARE_RATE_EN.sub(_bare_rate_en, text)
    return _TENTHS.sub(_tenths, text)


# "inflation at 2.5", "returns of 7": a rate's name, then a small number with no unit
_BARE_RATE_EN = re.compile(
    r"(?=[irgfe])\b(inflation|returns?|growth|fees?|expense ratio)\s+"
    r"(?:at|of|is|=|:|around|about|~)\s*"
    r"(?:about |around |roughly )?(\d{1,2}(?:\.\d+)?)(?![\d.%]|\s*(?:%|percent|pct|[kmb]\b|"
    r"years?|yrs?|dollars?|bucks|thousand|million|billion|a (?:month|year)|per|/|x\b))"
)
MOST_BARE_RATE = 20  # a bare number above this after "returns of" is no rate


def _bare_rate_en(match: re.Match[str]) -> str:
    said = match.group(0)
    return said + "%" if float(match.group(2)) <= MOST_BARE_RATE else said


# 打八折, 打八五折: a share of a whole, as a shop's discount says it (80%, 85%)
_DISCOUNT = re.compile(r"打\s*([一二三四五六七八九])([一二三四五六七八九])?\s*折")


def _discount(match: re.Match[str]) -> str:
    tens = chinese_numeral(match.group(1)) or 0
    ones = chinese_numeral(match.group(2)) if match.group(2) else 0
    return f"的{tens * 10 + (ones or 0):g}%"


# 年化七个点, 6个点: percentage points (几个点, a count not said, stays words)
_POINTS = re.compile(
    r"(?=["
    + _CN_NUMERAL
    + r"\d.])(?<![\d.])(["
    + _CN_NUMERAL
    + r"\d.]+)\s*个(?:百分)?点(?![\d"
    + _CN_NUMERAL
    + r"])"
)


# 千分之五: five per thousand, 0.5%
_PER_MILLE = re.compile(r"千分之([" + _CN_NUMERAL + r"\d.]+)")
# 一成 is a tenth (10%), 一成五 15%; only where a share follows ("供一成人工", "八成的计划"),
# not in words (一成不变, 八成是…)
_TENTHS = re.compile(
    r"([一二两三四五六七八九])成([一二三四五六七八九])?"
    r"(?=的|人工|工资|薪|左右|上下|在|去|放|买|给|交|缴|供|算|进|存|帮|替|[,，。、;；\s)）]|$)"
)
# "a tenth of my pay", "two thirds of 401k plans", "three quarters of savers": a share as a
# percent (before the numeral words become digits: "two thirds" would read "2 3rds")
_FRACTION_OF_WHOLE = re.compile(
    r"(?=[aotf1-9])\b(a|one|two|three|four|[1-9])\s+"
    r"(half|halves|thirds?|quarters?|fifths?|tenths?|twentieths?)"
    r"(?:\s+of)?\s+(?=(?:it|that|this|my|his|her|their|our|your|the|each|every|all|us|american|"
    r"401k|dc|retirement|plans?|participants?|savers?|accounts?|employers?|companies)\b)"
)
_SHARES = {
    "half": 50.0,
    "third": 100 / 3,
    "quarter": 25.0,
    "fifth": 20.0,
    "tenth": 10.0,
    "twentieth": 5.0,
}
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def _fraction_of_whole(match: re.Match[str]) -> str:
    count = _NUMERATORS.get(match.group(1)) or int(match.group(1))
    share = count * _SHARES[match.group(2).removesuffix("s").replace("halve", "half")]
    if share > 100:
        return match.group(0)
    return f"{share:.1f}".removesuffix(".0") + "% of "


def _per_mille(match: re.Match[str]) -> str:
    value = parse_number(match.group(1))
    return match.group(0) if value is None else f"{value / 10:g}%"


def _tenths(match: re.Match[str]) -> str:
    tens, ones = chinese_numeral(match.group(1)), match.group(2)
    if tens is None:
        return match.group(0)
    return f"{tens * 10 + (chinese_numeral(ones) or 0) if ones else tens * 10:g}%"


_PERCENT_WORDS_WITH_POINT = re.compile(
    r"百分之([" + _CN_NUMERAL + r"\d.]+(?:点[" + _CN_NUMERAL + r"]+)?)"
)


def digits_for_words(text: str) -> str:
    """English numbers spelled out as digits ("sixty-two" → "62", "seventy-five thousand" →
    "75000"); only the numeral words change, the rest of the text stays as it is."""
    text = _DECADES.sub(lambda m: f"{_DECADE_COUNT.get(m.group(1), 1) * 10} years", text)
    text = _PERCENT_WORD.sub(r"\1%", text)  # "6 percent" is "6%" to every pattern
    text = _FRACTION_OF_SCALE.sub(lambda m: f"{_FRACTIONS[m.group(1)]} {m.group(2)}", text)
    text = _FRACTION_OF_WHOLE.sub(_fraction_of_whole, text)
    text = _AND_A_HALF.sub(lambda m: f"1.5 {m.group(1)}", text)  # "a million and a half"
    if not _SPELLED.search(text):
        return _AND_HALF_AFTER.sub(r"\1.5", text)
    # "1.55 million" is already a number: its scale word is shortened first so the converter
    # does not read "million" alone as another number.
    text = _DIGIT_SCALE.sub(lambda m: m.group(1) + _SHORT_SCALE[m.group(2)], text)
    # Ordinals stay words ("the first 3%" of a match formula is no "1st"): the converter would
    # turn them into digits, so they are set aside while it runs.
    text = _ORDINAL.sub(lambda m: f"ordinalword{_ORDINALS.index(m.group(0))}x", text)
    text = _PRONOUN_ONE.sub(r"\1pronounonex", text)  # "the elderly-parent one": no 1
    text = alpha2digit(text, "en", threshold=1)
    text = _SET_ASIDE.sub(lambda m: _ORDINALS[int(m.group(1))], text).replace("pronounonex", "one")
    text = _AND_HALF_AFTER.sub(r"\1.5", text)  # "six and a half percent": 6.5%
    return _PERCENT_WORD.sub(r"\1%", text)


_AND_HALF_AFTER = re.compile(r"(?=\d)(?<![\d.])(\d+) and (?:a|one) half\b")


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "last", "next")
_ORDINAL = re.compile(r"\b(?:" + "|".join(_ORDINALS) + r")\b")
_SET_ASIDE = re.compile(r"ordinalword(\d)x")
# "one" standing for a noun ("the elderly-parent one", "this one", "a new one"): no numeral
_PRONOUN_ONE = re.compile(
    r"\b((?:the|this|that|which|each|every|another|any|no|a new|an old|the other|the last)"
    r"\s+(?:[a-z-]+\s+)?)one\b(?!\s+(?:hundred|thousand|million|billion|percent|%|year|month))"
)


_PERCENT_WORD = re.compile(r"(\d)\s*(?:percent|per cent|pct)\b")
# "half a million", "a quarter of a million": the fraction of the scale word
_FRACTION_OF_SCALE = re.compile(
    r"(?=[aohq])\b(?:an? |one )?(half|quarter)(?: of)? (?:an? |one )?(million|billion|trillion)\b"
)
_FRACTIONS = {"half": "0.5", "quarter": "0.25"}
_AND_A_HALF = re.compile(r"(?=[ao])\b(?:a|one) (million|billion|trillion) and a half\b")
_DECADES = re.compile(r"(?=[aotf])\b(a|one|two|three|four)\s+decades?\b")
_DECADE_COUNT = {"two": 2, "three": 3, "four": 4}
_SHORT_SCALE = {"thousand": "k", "million": "m", "billion": "b", "trillion": "t"}
_DIGIT_SCALE = re.compile(r"(\d)\s*(thousand|million|billion|trillion)\b")
