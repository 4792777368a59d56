"""Quantities stated as none ("no raises", "0 fees", "回报率0", "工资不涨")."""

import re


def blank(text: str, span: tuple[int, int]) -> str:
    """The text with one stretch replaced by spaces (positions unchanged)."""
    start, end = span
    return text[:start] + " " * (end - start) + text[end:]


# Quantities stated as none ("no raises", "0 fees", "回报率0"): each sets its input to zero,
# and its words are blanked so they cannot pull another number to themselves.
_ZERO_PHRASES = (
    (
        "contrib_amount",
        r"\b(?:no|0|zero) (?:more |new |further )?contributions?\b|\bstop(?:ped)? contributing\b|"
        r"\bstop(?:ped)? (?:putting (?:money |anything )?in|adding|saving)\b|\btouch nothing\b|"
        r"\bnot contributing\b|\bstop(?:ping|ped)? (?:my |the |all )?contributions?\b|"
        r"\bnot (?:adding|putting(?: in)?|contributing) (?:anything|any ?more|more)\b|"
        r"\bnothing (?:else |more |new )?(?:goes|going|will go|gets put|is going) in(?:to)?\b|"
        r"\b(?:no|zero) (?:more |new |fresh |further )?(?:money|cash|dollars) "
        r"(?:is |are )?(?:going|goes|will go|gets put|put) in(?:to)?\b|"
        r"\bnot (?:another|one more|1 more) (?:dime|penny|cent|dollar)\b|"
        r"\b(?:hasn'?t|haven'?t|has not|have not|didn'?t|did not) put "
        r"(?:a (?:dime|penny|cent|dollar)|anything|any money) (?:in|into)\b|"
        r"没有?再(?:放|存|投|供)(?:钱|过)?|没(?:有)?在(?:提拨|存|供|放)了?|"
        r"\bnot (?:adding|putting in|contributing) (?:another|a single|one more|1 more) "
        r"(?:dime|penny|cent|dollar)\b|"
        r"\bcontributions? (?:set )?to (?:zero|\$?0)\b(?!\.\d|\d)|"
        r"\b(?:won'?t|will not|wouldn'?t) (?:add|put in|contribute) "
        r"(?:another|a single|one more|1 more) "
        r"(?:cent|dime|penny|dollar)\b|"
        r"\b(?:done|finished|through) "
        r"(?:putting (?:money |anything )?(?:in|into)|contributing|adding)\b|"
        r"不再(?:继续)?(?:存|缴|投|放|提拨|供款|贡献)|不存了|不放了|"
        r"不会再(?:往里|往里面)?(?:存|放|投|供)|不(?:再)?往里(?:面)?(?:存|放|投|供)|唔再(?:供|存|放)|"
        r"停止(?:缴费|供款|存|放|提拨|贡献)",
    ),
    (
        "balance",
        r"\bstart(?:ing)? (?:from|with|at) (?:literally |absolutely )?(?:zero|nothing|\$?0)\b|"
        r"\b(?:zero|nothing|\$?0) saved\b|"
        r"\bfrom (?:\$0|zero|scratch|nothing)\b|\b(?:401k|403b|balance)\s*=\s*\$?0(?![\d.k]|,\d)|"
        r"\b(?:have|has|there'?s|got) (?:nothing|zero|\$?0) (?:in there|in it|saved yet)\b|"
        r"(?:\bha(?:ve|s) \$?0|(?<![\w$])(?:ha(?:ve|s) )?(?:\$0|zero|nothing)) "
        r"(?:saved|in\s+(?:(?:my|his|her|our)\s+)?"
        r"(?:401k|ira|retirement|savings|account))|从零开始|从\s*0\s*开始|账户(?:里)?(?:是|为)\s*0(?![\d.])|一分钱没存|还没有存|一分钱都没有",
    ),
    (
        "match",
        r"\bno (?:employer |company )?match(?:ing)?\b|\b(?:don'?t|do not|doesn'?t|does not) "
        r"(?:get|have|offer|give|do)(?: me| us)?\s+(?:any\s+|a\s+)?(?:401k\s+)?"
        r"(?:employer |company )?"
        r"match(?:ing)?\b|"
        r"\b(?:company|employer|they|district|school|hospital|firm|job|plan) "
        r"(?:doesn'?t|does not|don'?t|do not) match\b|"
        r"(?:公司|雇主)\s*(?:冇|没有|不)\s*(?:供款|出钱)|"
        r"\b(?:employer|company) (?:doesn'?t|does not) (?:contribute|put in|add) anything\b|"
        r"(?:没有|沒有|冇)(?:公司|雇主)?(?:匹配|配对|相对提拨|match)|(?:公司|雇主|单位)\s*(?:401k\s*)?(?:没有|不|无|完全不)\s*(?:做|给|提供)?\s*(?:401k\s*)?(?:匹配|配对|配比|相对提拨|match)|"
        r"(?:公司|雇主|单位|老板)\s*(?:401k\s*)?(?:没有|不|无|冇)\s*(?:给|做|帮)?\s*(?:401k\s*)?"
        r"(?:配|match)(?![a-z])|"
        r"无匹配|无\s*match\b|冇\s*match\b",
    ),
    (
        "raise",
        r"\bno (?:pay |salary )?raises?\b|\bno salary growth\b|\b(?:0|zero)\s*%?\s*(?:raises?|"
        r"salary growth)\b|"
        r"\b(?:don'?t|do not) (?:expect|get|see) (?:any )?(?:pay |salary )?raises?\b|"
        r"工资不涨|不涨工资|不涨薪|没有涨薪|不加薪|工资不增长|不会再加薪|不再加薪|不会(?:再)?涨(?:工资|薪)",
    ),
    (
        "fee",
        r"\bno fees?\b|\b(?:0|zero)\s*%?\s*fees?\b|\bfees? (?:of |are |is )?(?:0|zero)\b(?!\.\d)|"
        r"(?:没有|无|零|不收)(?:任何)?(?:管理费|手续费|费用)|不收费|(?:管理费|手续费|费用)(?:为|是)?0(?![.\d])",
    ),
    (
        "return",
        r"\b(?:0|zero|no)\s*%?\s*(?:return|growth|interest)s?\b|\breturns? (?:of |is )?(?:0|"
        r"zero)\b(?!\.\d)|"
        r"回报率?为?0(?![.\d])|零回报|没有收益|零收益",
    ),
    (
        "inflation",
        r"\bno inflation\b|\b(?:0|zero)\s*%?\s*inflation\b|不考虑通胀|通胀为?0(?![.\d])",
    ),
)


def zero_inputs(text: str) -> tuple[dict[str, str], str]:
    """Inputs stated as none, and the text with those phrases blanked."""
    found: dict[str, str] = {}
    for key, pattern in _ZERO_PHRASES:
        for match in re.finditer(pattern, text):
            found[key] = "0"
            text = blank(text, match.span())
    return found, text
