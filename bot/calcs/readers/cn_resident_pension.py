"""Read an urban-rural residents' pension request: the yearly grade, the years paid, and the
optional local basic pension, subsidy, interest rate, current age and pension age."""

import re

from bot.calcs.readers.years import total_years
from bot.calcs.request import fmt
from bot.calcs.scan import scan
from bot.calcs.slots import Slot, assign, slot, yearly_value

# A yearly amount is paid, not received: "领" or a named basic pension or subsidy before it
# rules the grade out.
_NOT_PAID = r"领|基础养老金|补贴|补助|basic pension|subsidy|get\b"
MIN_BASIC = 10  # yuan a month: every county's basic pension is well above it
TABLE: tuple[Slot, ...] = (
    slot(
        "basic",
        "money count",
        before=r"基础养老金|基础金|basic pension(?: (?:in|for) (?:her|his|my|our|the|their) "
        r"(?:county|village|town|area|province))?(?: (?:is|of|here is))?",
        after=r"\s*(?:元|块)?\s*(?:的)?\s*基础养老金|\s*(?:yuan|rmb)?\s*(?:a month )?basic pension",
        window=8,
        low=MIN_BASIC,  # not the 一 of 一个月
    ),
    slot(
        "subsidy",
        "money count",
        before=r"补贴|补助|subsid(?:y|ies)(?: (?:is|of))?|(?:每年|一年)补|"
        r"\btops? (?:it |this |that )?up (?:with|by)",
        after=r"\s*(?:元|块)?\s*(?:的)?\s*(?:补贴|补助)|\s*(?:yuan|rmb)?\s*(?:a year )?subsidy",
        window=8,
    ),
    slot(
        "return",
        "percent",
        before=r"利率|利息|收益率|记账利率|interest(?: rate)?(?: of)?|return(?: of)?",
        after=r"\s*(?:的)?\s*(?:利率|利息|收益|interest|return)",
        window=8,
    ),
    slot(
        "annual_contrib",
        "money",
        before=r"年交|每年交|一年交|每年缴|年缴|一年缴|每年|一年|交|缴|档次|按|pay(?:ing)?|contribut\w*",
        after=r"\s*(?:元|块|蚊)?\s*(?:的|那一?|嗰)?\s*档|"
        r"\s*(?:元|块|rmb|yuan)?\s*(?:a|per|each|every) year|"
        r"\s*(?:yuan|rmb)?\s*(?:a year |/\s*(?:yr|year) )?(?:level|grade|tier)\b",
        window=8,
        not_before=_NOT_PAID,
        not_before_window=6,
        fallback=True,
        yearly=True,
    ),
    slot(
        "years",
        "duration count",
        before=r"缴费|缴纳|交纳|交了?|缴了?|交满|缴满|交够|缴够|累计缴费|参保|供咗|供了|"
        r"for(?: the)?(?: (?:minimum|required|full|whole))?|"
        r"paid(?: in)?(?: for)?|been paying(?: for)?|contributed(?: for)?",
        # "最高档15年后每月领多少": the years paid, then what they bring
        after=r"\s*年?\s*(?:的)?(?:缴费|养老保险)|"
        r"\s*years? (?:of )?(?:contribut|paying|payment|paid)|\s*years? in\b|"
        r"\s*年\s*(?:后|以后|之后)\s*(?:每个?月|一个月)?\s*(?:能|可以)?领",
        window=6,
        low=1,
        high=999,  # "交200年" reaches the calculator, which refuses it with the range
    ),
    slot(
        "retire_age",
        "age count",
        before=r"from (?:age )?|\bat (?:age )?|\bsince (?:age )?|到了?|年满|满|"
        r"\b(?:drawing|collecting|receiving)[^.?!]{0,12}?\b(?:since|from|when|after) "
        r"(?:he|she|i|they|we) turned",  # "he's been drawing since he turned 60"
        # "she started paying at 45": the age paying began
        not_before=r"\bstart(?:ed|ing)? (?:paying|contributing|to pay)(?: in)? (?:at|from)\s*"
        r"(?:age\s*)?$|"
        r"(?:开始|起)(?:交|缴)(?:的时候|时)?\s*(?:是)?\s*$",
        not_before_window=30,
        after=r"\s*岁?\s*(?:以后|之后|后|起|开始)|\s*岁?\s*(?:每个?月)?\s*(?:能|可以)?领",
        window=3,
        low=40,
        high=100,
    ),
    slot(
        "age",
        "age",
        before=r"今年|现在|目前|我|\bi'?m|\bi am|\baged?|\b(?:she|he)(?:'s| is)|"
        r"\b(?:mom|mother|dad|father|grandma|grandpa|aunt|uncle|mother-in-law|father-in-law) is",
        after=r"\s*岁?了",
        window=3,
        fallback=True,  # "45岁" alone is the asker's age ("60岁以后" went to retire_age)
    ),
    slot(
        "age",
        "count",
        before=r"今年(?:刚)?满?|现在|目前|\bi'?m|\bi am|\baged?|\b(?:she|he)(?:'s| is)|"
        r"\bturned|\bturning|"
        r"\bis",
        after=r"\s*了",  # "我49了"
        window=2,
        low=14,
        high=110,
    ),
)

# An age that is this year's, just before the age the pension starts at
_AGE_NOW = re.compile(
    r"(?:今年|现在|目前|\bthis year\b)\s*(?:刚|才|已经?|正好|刚好)?\s*(?:满|到)?\s*$"
)


def read_cn_resident_pension(text: str) -> dict[str, str]:
    """Parameters of a residents' pension estimate."""
    quantities = scan(text)
    filled = assign(text, quantities, TABLE)
    rows = {row.name: row for row in TABLE}
    params = {name: fmt(yearly_value(rows[name], q)) for name, q in filled.items()}
    claim = filled.get("retire_age")
    if "age" not in params and claim is not None and _AGE_NOW.search(text[: claim.start]):
        params["age"] = params["retire_age"]  # "今年刚满60开始领": that age is now
    total = total_years(text)
    if total:  # "已经交了8年，打算再交7年，一共15年": the years in all
        params["years"] = total[0]
    return params
