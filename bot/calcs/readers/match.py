"""Read an employer match formula ("50% up to 6%", "公司1比1匹配到4%") as tiers "rate@width"."""

import re

from bot.calcs.readers.match_parts import match_from_parts
from bot.calcs.readers.nearby import after
from bot.calcs.request import fmt

_WHOSE = (
    r"(?:(?:my|your|the|his|her|their|our|an|employee|employees'?|employee's|what i put in)"
    r"\s+){0,2}"
)

_MATCH_PATTERNS = (
    # 75% match ... up to a maximum employer contribution of 4.5% (of pay): the employer puts
    # in at most 4.5%, so the match covers the first 4.5 / 0.75 = 6% one puts in
    (
        r"(\d+(?:\.\d+)?)%\s*(?:employer |company )?match(?:ing)?\b[^%.?!;]{0,50}?"
        r"(?:max(?:imum)?|cap(?:ped)?|limit(?:ed)?|up to)\s*(?:of\s*|at\s*)?"
        r"(?:an?\s*|the\s*)?(?:total\s*)?(?:employer|company)\s*(?:contribution|match)s?\s*"
        r"(?:of|at|is)?\s*(\d+(?:\.\d+)?)%",
        "employer_cap",
    ),
    # 100% of the first 3% and 50% of the next 2%
    (
        r"(\d+(?:\.\d+)?)%\s*(?:match )?(?:(?:on|of) (?:the )?first|up to)\s*(\d+(?:\.\d+)?)%"
        r"[^%]{0,30}?(\d+(?:\.\d+)?%|half)\s*(?:match )?(?:on|of) (?:the )?next (\d+(?:\.\d+)?)%",
        "two",
    ),
    # 50% match up to 6% / 50% up to 6% / 35% 的公司匹配前 6%
    (
        r"(\d+(?:\.\d+)?)%\s*(?:employer |company |的)?(?:公司|雇主)?(?:match(?:ing)?|匹配|"
        r"配比)?\s*(?:of " + _WHOSE + r"(?:401k\s+)?contributions? )?(?:up to|"
        r"(?:on|of|for) (?:the )?first|on up to|on|前|最多)\s*(\d+(?:\.\d+)?)%",
        "one",
    ),
    # matches 100% of contributions up to 5%
    (
        r"match(?:es|ing)?\s*(\d+(?:\.\d+)?)%\s*(?:of " + _WHOSE + r"(?:401k\s+)?contributions? |"
        r"of [^%]{0,30}?,?\s*)?(?:up to|(?:on|of) (?:the )?first)\s*(\d+(?:\.\d+)?)%",
        "one",
    ),
    # matches .50 on the dollar up to 6%
    (
        r"(\d*\.\d+|\d+)\s*(?:cents? )?on the dollar,? (?:up to|on the first|"
        r"of the first) (\d+(?:\.\d+)?)%",
        "dollar",
    ),
    # 公司100%匹配到4% / 50% match to 6%
    (
        r"(\d+(?:\.\d+)?)%\s*(?:的)?(?:匹配|配比|配对|match)\s*(?:到|至|to|up to)\s*"
        r"(\d+(?:\.\d+)?)%",
        "one",
    ),
    # dollar for dollar up to 4% and then 50 cents on the dollar on the next 2%
    (
        r"dollar[- ]for[- ]dollar (?:on |up to |on the first |for the first |on my first )"
        r"(?:the first )?"
        r"(\d+(?:\.\d+)?)%[^%]{0,30}?(\d+) cents? (?:on|per|for) (?:the|each|every|a) dollar "
        r"(?:on|for|up to) the next (\d+(?:\.\d+)?)%",
        "dfd_two",
    ),
    # "a 6% match, but only 50 cents per dollar"
    (
        r"(\d+(?:\.\d+)?)%\s*match,?\s*(?:but\s+)?(?:only\s+)?"
        r"(\d+)\s*cents?\s*(?:per|on the|for each|for every)\s*dollar",
        "cap_cents",
    ),
    # "a dollar for every dollar up to 3% of pay"
    (
        r"\b(?:a|one|1) dollar for (?:every|each) dollar\s*(?:up to|on the first)\s*"
        r"(\d+(?:\.\d+)?)%",
        "full",
    ),
    # 公司跟佢供4% (Cantonese: puts in alongside, dollar for dollar)
    (r"(?:公司|雇主)\s*跟\s*(?:佢|他|她|我|你)\s*(?:供|存|放)\s*(\d+(?:\.\d+)?)%", "full"),
    # matches that 5% dollar for dollar
    (r"match(?:es|ing)?\s+(?:that|the|my)?\s*(\d+(?:\.\d+)?)%\s*dollar[- ]for[- ]dollar", "full"),
    # match 50% to 6% (a list's shorthand)
    (r"\bmatch(?:es|ing)?\s*(\d+(?:\.\d+)?)%\s*(?:to|up to)\s*(\d+(?:\.\d+)?)%", "one"),
    # match 100% on 3 + 50% on 2 (the next two)
    (
        r"\bmatch(?:es|ing)?\s*(\d+(?:\.\d+)?)%\s*on (?:the first )?(\d+(?:\.\d+)?)%?\s*"
        r"(?:\+|and|plus)\s*(\d+(?:\.\d+)?)%\s*on (?:the next )?(\d+(?:\.\d+)?)%?",
        "two_short",
    ),
    # $2 for every $1 up to 3% / 50 cents for every dollar on the first 6%
    (
        r"\$?(\d+(?:\.\d+)?)\s*(?:cents?\s*)?(?:for|per|on) (?:every |each )?\$?(\d+(?:\.\d+)?|"
        r"dollar)[^%]{0,40}?(?:up to|(?:on|of) (?:the|my) first|capped at|cap of|max(?:imum)? of)"
        r"\s*(\d+(?:\.\d+)?)%",
        "per_dollar",
    ),
    # 前3%全额匹配，后2%匹配50%
    (
        r"前\s*(\d+(?:\.\d+)?)%\s*(?:全额|全配|全部配|一比一|一对一|1\s*[:：比]\s*1|100%)\s*"
        r"(?:相对)?(?:匹配|配比|配对|提拨)?\s*[,，、]?\s*"
        r"(?:再往后|往后|后面的?|后|再来|再|接下来的?|之后的?)\s*(\d+(?:\.\d+)?)%\s*"
        r"(?:按|匹配|配比|配对|配|给|提拨)?\s*(\d+(?:\.\d+)?%|一半)",
        "cn_two",
    ),
    # 公司按50%匹配，最高6% / 公司匹配一半，上限6% / 公司匹配一半到6%
    (
        r"(?:按\s*(?:我|你|员工)?(?:缴|存|交)?的?\s*(\d+(?:\.\d+)?)%\s*(?:的比例)?\s*|(一半)\s*)?(?:匹配|配比|配对|match|配)\s*(一半)?\s*[,，、]?\s*"
        r"(?:最高|上限|最多|封顶|去到|到|至)\s*(?:为|是|到|达)?\s*(?:工资的?)?\s*(\d+(?:\.\d+)?)%",
        "cn_rate_cap",
    ),
    # 按我缴的一半来配，最多配到工资的6% / 存一块钱它配五毛，上限是工资的4%
    (
        r"(?:按|每)?\s*(?:我|你|员工)?\s*(?:缴|存|交|提拨|供)\s*"
        r"(?:的|一块钱?|1\s*块钱?|1\s*美元|一美元|1\s*刀)?\s*(?:[他她佢]|公司)?\s*"
        r"(?:它|公司|就)?\s*(?:来)?\s*(?:配|补|匹配)?\s*(一半|五毛|5\s*毛|50\s*美分|\d+(?:\.\d+)?%)"
        r"[^，,。]{0,6}?[，,、]?\s*(?:最高|上限|最多|封顶)\s*(?:是|为|配到|到)?\s*"
        r"(?:工资|薪水)?的?\s*(\d+(?:\.\d+)?)%",
        "cn_share_cap",
    ),
    # 前6%按50%匹配 / 前6%可以2:1 match
    (
        r"前\s*(\d+(?:\.\d+)?)%\s*(?:按|的|可以)?\s*(\d+(?:\.\d+)?)%\s*(?:匹配|配比|配对|match)",
        "cap_first",
    ),
    (r"前\s*(\d+(?:\.\d+)?)%\s*(?:按|可以)?\s*(\d):(\d)\s*(?:匹配|配比|配对|match)", "ratio"),
    # 公司匹配50%最高6% / 雇主相对提拨50%上限6% / matches 50%, capped at 6%
    (
        r"(?:匹配|配比|配对|提拨|match(?:es|ing)?)\s*(?:比例|率)?\s*(?:为|是)?\s*(\d+(?:\.\d+)?)%\s*[,，、]?\s*"
        r"(?:最高|上限|最多|封顶|到|至|capped at|max(?:imum)? of)\s*(?:为|是)?\s*"
        r"(?:匹配|配比|配对)?\s*(?:达|到|至)?\s*"
        r"(?:你的?|您的?|我的?)?\s*(?:工资|薪水|薪资|收入|base|底薪)?\s*的?\s*(\d+(?:\.\d+)?)%",
        "one",
    ),
    # 雇主一比一匹配到4% / 1:1匹配前4% / dollar for dollar on the first 4% is handled below
    (
        r"(?:一比一|1\s*[:：比]\s*1|全额)\s*(?:相对)?\s*(?:匹配|配比|配对|提拨|配|match)?\s*"
        r"(?:[,，]?\s*(?:最高|上限|最多|封顶)\s*(?:为|是|到)?\s*(?:工资的?)?|"
        r"(?:到|至)\s*(?:工资|薪水)?的?|前|up to)?\s*"
        r"(\d+(?:\.\d+)?)%",
        "full",
    ),
    # matches the first 6% / matches his contribution up to 3% / matches up to 3%
    (
        r"match(?:es|ing)?\s+(?:(?:his|her|my|your|the|their|our)\s+)?(?:401k\s+)?"
        r"(?:contributions?\s+)?(?:up to|on the first|the first)\s*(\d+(?:\.\d+)?)%",
        "full",
    ),
    # matches whatever I put in up to 4%
    (
        r"match(?:es|ing)?\s+(?:whatever|what|everything|anything|all)(?: that)?\s+"
        r"(?:i|you|we|he|she|they)\s+(?:put in|put away|contribute|save|defer)\s*,?\s*"
        r"(?:up to|on the first|for the first)\s*(\d+(?:\.\d+)?)%",
        "full",
    ),
    # 前6%每一块钱配五毛 / 头4%每存一块配一块
    (
        r"(?:前|头)\s*(\d+(?:\.\d+)?)%\s*(?:的部分)?\s*[,，]?\s*(?:每|我每)?\s*(?:存|放|缴|提拨)?\s*"
        r"(?:一块钱?|一美元|1\s*美元|一刀|1\s*刀)\s*(?:公司|它)?\s*(?:就)?\s*(?:配|补|匹配)\s*"
        r"(五毛|一半|一块钱?|一美元|\d+(?:\.\d+)?%)",
        "cn_per_yuan",
    ),
    # matches half up to 6%
    (
        r"match(?:es|ing)?\s+half\s+(?:of\s+(?:it|that|"
        r"what(?:ever)? (?:i|you|he|she|we|they) (?:puts?|contributes?|saves?|defers?)(?: in)?|"
        + _WHOSE
        + r"(?:401k\s+)?contributions?)\s*,?\s*)?"
        r"(?:up to|on the first|of the first)\s*(\d+(?:\.\d+)?)%",
        "half",
    ),
    # 前6%全额匹配
    (
        r"(?:前|头)\s*(\d+(?:\.\d+)?)%\s*的?\s*(?:全额|一比一|一对一|1\s*[:：比]\s*1)\s*"
        r"(?:相对)?(?:匹配|配比|配对|match|提拨|配)",
        "full",
    ),
    # 公司提拨是我提拨金额的50%、最多到薪水的6%
    (
        r"(?:提拨|供款|缴|存)(?:金额|的钱)?的\s*(\d+(?:\.\d+)?%|一半)\s*(?:相对提拨|匹配)?\s*[,，、]?\s*(?:最多|最高|上限|封顶)\s*"
        r"(?:到|是|为)?\s*(?:薪水|工资|薪资|薪酬)?的?\s*(\d+(?:\.\d+)?)%",
        "one",
    ),
    # 公司按我存的全额配，最多配到工资的3%
    (
        r"全额\s*(?:配|匹配|相对提拨)\s*[,，、]?\s*(?:最多|最高|上限|封顶)\s*(?:配)?\s*(?:到|是)?\s*"
        r"(?:工资|薪水)?的?\s*(\d+(?:\.\d+)?)%",
        "full",
    ),
    # 公司配我缴款的一半、封顶工资的5%
    (
        r"配\s*(?:我|你)?\s*(?:缴款|缴|存|提拨|供)(?:的)?\s*(一半)\s*[,，、]?\s*(?:封顶|最多|最高|上限)\s*"
        r"(?:到|是)?\s*(?:工资|薪水)?的?\s*(\d+(?:\.\d+)?)%",
        "cn_share_cap",
    ),
    # 公司match头5% / 匹配前4%: the first N%, dollar for dollar
    (r"(?:match|匹配|配)\s*(?:前|头)\s*(\d+(?:\.\d+)?)%(?!\s*(?:按|的|一半|50%))", "full"),
    # 公司匹配5% (the whole of it, when no cap follows)
    (
        r"(?:公司|雇主|单位)\s*(?:会|也)?\s*(?:给我|给)?\s*(?:匹配|配比|配对|相对提拨|配)\s*(\d+(?:\.\d+)?)%"
        r"(?!\s*(?:到|至|最高|上限|封顶|的|前))",
        "full",
    ),
    # 公司匹配到5% / 雇主配比至工资的6%: up to a cap, rate unsaid (as "matches up to 5%")
    (
        r"(?:公司|雇主|单位)\s*(?:会|也)?\s*(?:匹配|配比|配对|相对提拨)\s*(?:到|至)\s*(?:工资的?)?\s*"
        r"(\d+(?:\.\d+)?)%",
        "full",
    ),
    # 雇主提供的3%的匹配(贡献): the whole of it, when no cap follows
    (
        r"(\d+(?:\.\d+)?)%\s*的\s*(?:公司|雇主)?\s*(?:匹配|配比|配对)"
        r"(?![^。；;,，]{0,4}(?:到|至|最高|上限|封顶|最多|前))",
        "full",
    ),
    # a 4% employer match / employer matches 6% (the whole of it: dollar for dollar)
    (r"(\d+(?:\.\d+)?)%\s*(?:max(?:imum)? )?(?:employer |company )?match\b", "full"),
    (
        r"(?:employer|company|they|firm|job|work|plan|公司|雇主|单位) ?match(?:es|s)?\s*(?:at\s*)?"
        r"(\d+(?:\.\d+)?)%"
        r"(?!\s*(?:of(?! (?:my |your |his |her |the )?(?:\$?[\d.,]+k?\b|(?:salary|pay|income)))|"
        r"on(?! (?:my |your |his |her |the )?\$?[\d.,]+k?\b)|up))",
        "full",
    ),
    # the match is 4% / company match: 4% / matches 3% of my salary / 公司匹配是4%
    (
        r"(?:\bmatch(?:ing)?|\bmatch(?:es)?|匹配|配比|配对)\s*(?:is|of|=|:|是|为|\()?\s*(?:an? )?"
        r"(\d+(?:\.\d+)?)%"
        # "…of my salary" is the whole match; "…of the first 6%", "…up to 6%" a rate and cap
        r"(?!\s*(?:of(?! (?:my |your |his |her |the )?(?:salary|pay|income|compensation))|"
        r"on|up|到|至|最高|上限|封顶|的|前))",
        "full",
    ),
)


# The largest share of pay a match formula caps at: a bare "N% match" above it is the rate of
# the match, with its cap unsaid (the bot asks), not a dollar-for-dollar match of N% of pay.
FULL_MATCH_CAP = 20


# "…up to 6% of your salary, with a max of $1000": the match's dollar cap, which the
# calculator does not model; it is no other input either (not a contribution, not a balance).
_DOLLAR_CAP = re.compile(
    r"[^.?!;。；]{0,30}?(?:\bmax(?:imum)?|\bcap(?:ped)?|\blimit(?:ed)?|\bup to|最高|上限|封顶|最多)"
    r"[^.?!;。；\d$]{0,25}?(\$\s?\d[\d,.]*\s*k?|\d[\d,.]*\s*[k万]?\s*(?:美元|刀|dollars))"
)


def _dollar_cap(text: str, end: int) -> list[tuple[int, int]]:
    found = _DOLLAR_CAP.match(text, end)
    return [found.span(1)] if found else []


# Cantonese words of the same length: 一蚊 (a dollar), 五毫 (fifty cents), 嘅 (的)
_CANTONESE = str.maketrans({"蚊": "块", "嘅": "的", "毫": "毛"})


def match_tiers(text: str) -> tuple[str | None, list[tuple[int, int]]]:
    """The match formula as "rate@width[+rate@width]" and the spans it used."""
    text = text.translate(_CANTONESE)
    from_parts, spans = match_from_parts(text)
    if from_parts and "+" in from_parts:
        return from_parts, spans  # two tiers, each read whole (a wording below may see one)
    for pattern, kind in _MATCH_PATTERNS:
        found = re.search(pattern, text)
        if not found:
            continue
        g = found.groups()
        if kind == "two":
            second = "50" if g[2] == "half" else g[2].rstrip("%")
            tiers = f"{g[0]}@{g[1]}+{second}@{g[3]}"
        elif kind == "dollar":
            rate = float(g[0]) * (100 if float(g[0]) <= 1 else 1)
            tiers = f"{fmt(rate)}@{g[1]}"
        elif kind == "cn_share_cap":
            share = g[0].rstrip("%") if g[0].endswith("%") else "50"  # 一半, 五毛, 5毛, 50美分
            tiers = f"{share}@{g[1]}"
        elif kind == "cap_cents":
            tiers = f"{g[1]}@{g[0]}"
        elif kind == "dfd_two":
            tiers = f"100@{g[0]}+{g[1]}@{g[2]}"
        elif kind == "two_short":
            tiers = f"{g[0]}@{g[1]}+{g[2]}@{g[3]}"
        elif kind == "cn_per_yuan":
            share = {"五毛": "50", "一半": "50"}.get(g[1], g[1].rstrip("%"))
            tiers = f"{'100' if share.startswith('一') else share}@{g[0]}"
        elif kind == "cap_first":
            tiers = f"{g[1]}@{g[0]}"
        elif kind == "cn_two":
            second = "50" if g[2] == "一半" else g[2].rstrip("%")
            tiers = f"100@{g[0]}+{second}@{g[1]}"
        elif kind == "cn_rate_cap":
            if g[0] is None and g[1] is None and g[2] is None:
                continue  # 匹配，最高6%: the rate is not said
            tiers = f"{g[0] or 50}@{g[3]}"
        elif kind == "employer_cap":
            tiers = f"{g[0]}@{fmt(float(g[1]) * 100 / float(g[0]))}"
        elif kind == "half":
            tiers = f"50@{g[0]}"
        elif kind == "full":
            if float(g[0]) > FULL_MATCH_CAP:
                continue  # "a 100% match", "50% match" alone: a rate whose cap is not said
            tiers = f"100@{g[0]}"
        elif kind == "per_dollar":
            per = 1.0 if g[1] == "dollar" else float(g[1])
            cents = "cent" in found.group(0)
            rate = float(g[0]) / (100 if cents else 1) / per * 100
            tiers = f"{fmt(rate)}@{g[2]}"
        elif kind == "ratio":
            tiers = f"{fmt(100 * float(g[2]) / float(g[1]))}@{g[0]}"
        else:
            share = "50" if g[0] == "一半" else g[0].rstrip("%")
            tiers = f"{share}@{g[1]}"
        return tiers, [found.span(), *_dollar_cap(text, found.end())]
    if from_parts:
        return from_parts, spans
    if re.search(r"dollar[- ]for[- ]dollar", text):
        cap = after(r"dollar[- ]for[- ]dollar", text, window=30, percent=True)
        if cap:
            return f"100@{fmt(cap.value)}", [(cap.start, cap.end)]
    return None, []
