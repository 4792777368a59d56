"""Which country a question is about: the US, China, both, or it does not say.

Explicit words decide ("美国", "in China", "401(k)", "社保局"); vocabulary that belongs to one
system only counts when no explicit word names the other ("社保" alone is China's; "美国社保"
is US Social Security). A topic's country comes from its area.
"""

import re
from functools import lru_cache
from typing import Literal

from bot.i18n.lang import han_count
from bot.knowledge.topics import Topic

Country = Literal["us", "cn"]
COUNTRIES: tuple[Country, ...] = ("us", "cn")

# Words that name a country or a thing that exists in one system only.
_US_STRONG = re.compile(
    r"美国|美國|美元|美金|联邦|社安|加州|纽约|德州|佛州|新泽西|\bcalpers\b|"
    r"401k|403b|457b|\bira\b|\biras\b|\broth\b|\birs\b|\bssa\b|\bssdi\b|\bssi\b|"
    r"(?<!national )\bsocial security\b(?! fund)|\bmedicare\b|\bu\.?s\.?a?\b|\bamerica|"
    r"\bfederal\b|\berisa\b|\bfers\b|\bcsrs\b|\btsp\b|\bopm\b|\bthrift savings|"
    r"\bsecure 2\.0|\bfidelity\b|\bvanguard\b|\bschwab\b|\bw-?2\b|\b1099|\$",
    re.ASCII,  # \b between "ira" and a Chinese character ("IRA过了50岁") is a boundary
)
_CN_STRONG = re.compile(
    r"中国|国内|大陆|内地|人社|社保局|12333|户口|户籍|城镇职工|职工养老|五险|人民币|\brmb\b|"
    r"[0-9一二三四五六七八九十百千万]+(?:块|元)|万元|省|\bchinas?\b|\bchinese\b|\bprc\b|\byuan\b|"
    r"\bshebao\b|\bhukou\b|\bmainland\b|\bstate[- ]owned\b|\bstate (?:factory|enterprise)|"
    r"\bsoes?\b|\bdang'?an\b|\bdanwei\b|\bwork unit\b|"
    r"个人养老金|企业年金|职业年金|灵活就业|最高法|司法解释|劳动合同|"
    r"\bsocial insurance\b|\benterprise annuit|\bhousing (?:provident )?fund\b|"
    r"\b(?:beijing|shanghai|shenzhen|guangzhou|hangzhou|chengdu|wuhan|nanjing|tianjin|chongqing|"
    r"suzhou|xiamen|dalian|qingdao|changsha|zhengzhou|xi'?an|ningbo|wuxi|hefei|jinan|fuzhou|"
    r"dongguan|foshan|kunming|shenyang|harbin|changchun|nanning|guiyang|kunshan)\b|"
    r"北京|上海|深圳|广州|杭州|成都|武汉|南京|天津|重庆|苏州|厦门",
    re.ASCII,
)
# System words that point one way only when nothing names the other country.
_CN_WEAK = re.compile(r"社保|社会保险|养老保险|养老金|退休金|退休工资|缴费|公积金|单位")
_US_WEAK = re.compile(r"\b(?:pension|retire|retirement|employer)\b", re.ASCII)
# A yearly pension raise is asked in English about China's adjustment as often as about the
# US cost-of-living raise: "pension" does not tell which, so such a question names no country.
_EITHER_RAISE = re.compile(
    r"\bpensions? (?:increases?|rises?|raises?|hikes?|go(?:es)? up|went up|adjustments?)\b|"
    r"\b(?:increases?|rises?|raises?|hikes?) (?:in|of|to) (?:my |the |our |their )?pensions?\b|"
    r"\bpensions? (?:will |to )?(?:increase|rise|go up)\b|\bpension (?:be )?(?:raised|increased)\b",
    re.ASCII,
)
# China's system in English: terms of its pension and social insurance that American plans do
# not use. They outweigh the generic words above ("the minimum basic pension for rural
# residents" is China's, though "pension" alone would be read as American).
_CN_WEAK_EN = re.compile(
    r"\b(?:individual|personal) (?:pension )?account|\bpersonal pension|\bpension insurance|"
    r"\bmedical insurance|\bcontribution (?:index|base|years?)|\byears of contributions?|"
    r"\bpayout (?:months|divisor)|\b(?:residents?'? )?basic pension|\brural\b|\bfarmers?\b|"
    r"\burban[- ](?:and[- ])?(?:rural|employees?)|\bdeemed (?:contribution )?years|"
    r"\btransitional pension|\bnational social security fund|\bprovinc(?:e|es|ial)\b|"
    r"\biit\b|\bretirement[- ]age reform|\bpension adjustment",
    re.ASCII,
)

AREA_COUNTRY: dict[str, frozenset[Country]] = {
    "us401k": frozenset({"us"}),
    "us_policy": frozenset({"us"}),
    "crypto": frozenset({"us"}),
    "us_context": frozenset({"us"}),
    "cn_social_insurance": frozenset({"cn"}),
    "cn_pension": frozenset({"cn"}),
    "cn_personal_pension": frozenset({"cn"}),
}


@lru_cache(maxsize=256)  # asked several times of one message
def question_countries(normalized: str) -> frozenset[Country]:
    """The countries a normalised question names or implies; empty when it does not tell."""
    found: set[Country] = set()
    if _US_STRONG.search(normalized):
        found.add("us")
    if _CN_STRONG.search(normalized):
        found.add("cn")
    if found:
        return frozenset(found)
    if _CN_WEAK.search(normalized) or _CN_WEAK_EN.search(normalized) or _mostly_chinese(normalized):
        # Chinese that names nothing American is about China: people asking in Chinese about
        # a 401(k) or 社安金 say so ("美国", "401k", "IRA").
        return frozenset({"cn"})
    if (
        _US_WEAK.search(normalized)
        and not han_count(normalized)
        and not _EITHER_RAISE.search(normalized)
    ):
        return frozenset({"us"})
    return frozenset()


def _mostly_chinese(normalized: str) -> bool:
    han = han_count(normalized)
    return han >= 4 and han >= len(re.findall(r"[a-z]", normalized))


def topic_countries(topic: Topic) -> frozenset[Country]:
    """The countries a topic is about: its own `countries`, else its area's (empty for
    cross-country topics)."""
    if topic.countries:
        return frozenset(c for c in COUNTRIES if c in topic.countries)
    return AREA_COUNTRY.get(topic.area, frozenset())


def fits(topic_countries: frozenset[Country], asked: frozenset[Country]) -> bool:
    """Whether a topic may answer a question: cross-country topics always may; otherwise the
    question must name (or imply) the topic's country, or not tell at all."""
    return not topic_countries or not asked or bool(topic_countries & asked)
