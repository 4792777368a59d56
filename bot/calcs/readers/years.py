"""Years of contributions in all, as the pension requests state them."""

import re

from bot.calcs.numbers import chinese_numeral

# "一共缴25年", "到退休能交满27年" (not the 23 paid so far), "打算交满20年就停", "a total of 15
# years", "27 years in total", "he'll have 26 years paid in when he retires"
_TOTAL = re.compile(
    r"(?:一共|总共|合计|加起来|到退休|退休时|退休前|打算|准备|计划|到时候?|(?<![一总])共)\s*"
    r"(?:会|要|能|可以|就|应该|应|大概|大约|正好|刚好)?\s*(?:有)?\s*"
    r"(?:缴|交|供)?\s*(?:了|满|够|到)?\s*(\d{1,2})\s*年|"
    r"\b(?:a total of|in total|altogether) (\d{1,2}) years|"
    r"\b(\d{1,2}) (?:years?|yrs?) (?:in total|total|altogether|all told)\b|"
    r"\bend up with (\d{1,2}) (?:years?|yrs?)\b|\b(\d{1,2}) (?:years? )?in total\b|"
    r"\b(\d{1,2}) (?:years?|yrs?) (?:paid in|of contributions?|contributed) "
    r"(?:when|by the time|once) (?:i|he|she|they|we) retire"
)
# "已经交了9年，打算再交6年", "供咗11年，仲要供多4年", "has paid 12 years and will pay 3 more",
# "9 years in so far … another 21": so far, then more (several stretches so far add up:
# "在厂里交了11年，灵活就业又交了7年，还准备再交12年")
_N = r"(\d{1,2}|[一二三四五六七八九十两]{1,3})"  # a count of years, in digits or Chinese
_SO_FAR = re.compile(
    r"(?:已经|已)\s*(?:交|缴|供)(?:了|咗)?\s*"
    + _N
    + r"\s*年|(?:交|缴|供)(?:了|咗|过)\s*"
    + _N
    + r"\s*年|"
    r"\b(?:paid|contributed|paid in)(?: for)? (\d{1,2}) years|\b(\d{1,2}) years (?:in )?so far|"
    r"\b(?:has|have|had|got) (\d{1,2}) years in\b"
)
_MORE = re.compile(
    r"(?:再|还要|仲要|还得|还能|还可以)\s*(?:交|缴|供)\s*(?:多)?\s*" + _N + r"\s*年|"
    r"\b(\d{1,2}) more(?: years)?\b|\banother (\d{1,2})\b|"
    r"还差\s*(\d{1,2}|[一二三四五六七八九十两]{1,3})\s*年"
)
# Deemed years (视同缴费, before personal accounts) plus actual ones: "视同缴费8年、实际缴费22年",
# "有5年视同缴费，之后实际供咗20年", "9 years of deemed contributions … 24 actual years"
_DEEMED = re.compile(
    r"视同缴费(?:年限|年资)?\s*(?:有|是|为)?\s*(\d{1,2})\s*年|(\d{1,2})\s*年\s*[（(]?(?:的)?视同缴费|"
    r"\b(\d{1,2}) years? of deemed|\b(\d{1,2}) deemed years?"
)
_ACTUAL = re.compile(
    r"实际(?:缴费|缴纳|缴|交|供)?[^\d，,。；]{0,6}?(\d{1,2})\s*年|"
    r"\b(\d{1,2}) (?:actual|real) years|\b(\d{1,2}) years? of actual"
)
MAX_YEARS = 60


def _first(match: re.Match[str]) -> int:
    written = next(g for g in match.groups() if g)
    return int(written) if written.isdigit() else int(chinese_numeral(written) or 0)


Spans = tuple[tuple[int, int], ...]


def total_years(text: str) -> tuple[str, Spans] | None:
    """The years paid in all and the spans that say so, when the text states them (a stretch
    each: what stands between them, "一年交九千二", is no part of the years)."""
    deemed, actual = _DEEMED.search(text), _ACTUAL.search(text)
    if deemed and actual:
        years = sum(int(next(g for g in m.groups() if g)) for m in (deemed, actual))
        later = _MORE.search(text, actual.end())
        if later:  # "…实际缴费24年，到退休还能再交2年"
            years += _first(later)
        if years <= MAX_YEARS:
            stretches = (deemed, actual, later) if later else (deemed, actual)
            return str(years), tuple(m.span() for m in stretches)
    more = _MORE.search(text)
    so_far = [m for m in _SO_FAR.finditer(text) if more and m.end() <= more.start()]
    if more and so_far:
        years = sum(_first(m) for m in so_far) + _first(more)
        if years <= MAX_YEARS:
            return str(years), tuple(m.span() for m in (*so_far, more))
    found = _TOTAL.search(text)
    if found:
        return next(g for g in found.groups() if g), (found.span(),)
    return None
