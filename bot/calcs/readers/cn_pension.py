"""Read a China basic-pension request: birth, gender, years, wages, index, retirement age."""

import re

from bot.calcs.numbers import MONTH_ALTERNATION, MONTH_NAMES
from bot.calcs.readers.nearby import whole
from bot.calcs.readers.years import total_years
from bot.calcs.request import DERIVED_FROM, fmt
from bot.calcs.scan import scan
from bot.calcs.slots import Slot, assign, slot, yearly_value

_CN_NUM = r"(\d+(?:\.\d+)?|[零一二两三四五六七八九十]+)"
# An average wage this large is a year's ("the average wage last year was 133,200 yuan"): no
# city's monthly average comes near it.
YEARLY_AVERAGE_WAGE = 40_000
TABLE: tuple[Slot, ...] = (
    slot(
        "avg_wage",
        "money",
        # "Chengdu's average wage for pension purposes is about 9,100" (first: at the same
        # place, the shorter cue below would match and leave the number out of reach)
        before=r"\baverage (?:monthly )?(?:wage|salary)[^.?!;\d]{0,30}?\b(?:is|was)\b|"
        r"社平(?:月薪|月工资|工资|月平均工资)?|社会平均工资|平均工资|计发基数|"
        r"\baverage wage used in (?:my|the|his|her) (?:province|city)(?: is| was)?|"
        r"(?:average|avg) (?:monthly )?wage(?: in (?:his|her|my|the|our) (?:city|province))?"
        r"(?: is| of)?|average salary|"
        r"\b[a-z]+'s average(?: wage| salary)?(?: last year| this year)?(?: is| was| of)?|"
        # "the local average (Shenzhen, about 12,900 RMB a month)"
        r"(?:city|local|provincial) average\s*\([a-z' ]+,?|"
        r"(?:city|local|provincial|social) (?:average|avg)(?: wage| salary)?"
        r"(?:,? which (?:[a-z']+ ){0,3}is| is| was| of)?",
        window=8,
        monthly=True,
        yearly_above=YEARLY_AVERAGE_WAGE,
    ),
    slot(
        "balance",
        "money",
        before=r"个人账户(?:余额|里有|有|储存额|存了)?|账户(?:里有|有)?|个人户口|个账户|个账|"
        r"account balance|"
        r"(?:personal|individual) account(?: balance| statement)?(?: right now| now| so far)?"
        r"(?: is| of| has| holds| says| shows)?:?",
        after=r"\s*(?:yuan|rmb|元)?\s*(?:in|into) (?:my|his|her|their|the) personal account",
        window=6,
    ),
    slot(
        "annual_contrib",
        "money",
        before=r"(?:年|每年|一年)(?:大概|大约|约)?(?:交|缴)|每年",
        after=r"\s*(?:元|块)?\s*(?:a|per) year",
        window=6,
    ),
    slot(
        "wage",
        "money",
        before=r"月薪|工资|人工|缴费基数|基数|月收入|投保薪资|monthly wage|(?<!average )wage|"
        r"salary(?: is)?|"
        r"contribution base|\bbase(?: pay| salary)?(?: is| at| of)?|"
        r"\bearn\w*",
        after=r"\s*(?:元|块)?\s*(?:的)?\s*(?:月薪|工资|a month|per month|(?:缴费)?基数)",
        window=6,
        not_before=r"到手|实发|税后",  # take-home pay is not the contribution wage
        not_before_window=6,
        monthly=True,
    ),
    slot(
        "years",
        "duration count",
        before=r"缴费|缴纳|交纳|交了?|缴了?|交满|缴满|交够|缴够|供够|供满|供了?|工龄|累计缴费(?:年限)?|参保|"
        r"缴费年限\s*(?:是|为|有)?|缴费年资|年资|总年限|社保|养老保险|for|"
        r"\b(?:he|she|i|they|we)(?:'ll| will) have|"
        r"\b(?:paid|contributed|paying|contributing)(?: (?:social insurance|into (?:it|the pension|"
        r"social insurance)|contributions))?(?: for)?",
        after=r"\s*年?\s*(?:的)?(?:工龄|缴费|社保|养老保险)|"
        r"\s*(?:years?|yrs?) (?:of )?(?:contribut|service|paying)|"
        r"\s*(?:years?|yrs?) in\b(?! (?:a |the )?(?:row|total))",  # "she'll have 27 years in"
        window=6,
        low=1,
        high=60,
    ),
    # "上了20年班" says years at work, but more weakly than 工龄 or 缴费 ("大学上了4年 … 工龄都是
    # 31年" has 31 years of contributions), and never of school.
    slot(
        "years",
        "duration count",
        before=r"上了?",
        window=2,
        low=1,
        high=60,
        before_penalty=6,
        not_before=r"学|读|念|校",
        not_before_window=6,
    ),
)


# "my wife's dad": the relative who owns is not the one asked about
_OWNER = re.compile(
    r"\b(?:wife|husband|mom|mother|dad|father|sister|brother|girlfriend|boyfriend|partner)'s\b|"
    r"(?:老婆|老公|妻子|丈夫|太太|女朋友|男朋友)的(?=[爸妈父母])"
)
# The sex stated as such ("male", 男性), which outweighs any relative named around it
_SAID_MALE = re.compile(r"\bmale\b|(?<![子女])男(?:性|的)?(?=[,，。;；\s/|]|$)")
_SAID_FEMALE = re.compile(r"\bfemale\b|(?<![子妇])女(?:性|的)?(?=[,，。;；\s/|]|$)")


def gender_of(text: str) -> str | None:
    """The pension's gender slot: male, or female_50 / female_55 (worker or cadre)."""
    text = _OWNER.sub(" ", text)
    male, female = _SAID_MALE.search(text), _SAID_FEMALE.search(text)
    if male and not female:
        return "male"
    if female and not male:
        return _female(text)
    return _gender_by_words(text)


def _female(text: str) -> str:
    cadre = re.search(
        r"(?<!不是)(?<!非)(?<!不是个)(?<!唔系)(?<!唔係)(?<!唔是)干部|(?<!非)管理|技术|专业|"
        r"(?<!not )(?<!not a )\bcadre|(?<!not )manag",
        text,
    )
    return "female_55" if cadre else "female_50"


def _gender_by_words(text: str) -> str | None:
    if re.search(r"(?<![子妇])女(?![儿婿])|老婆|妻子|我妈|阿妈|老妈|妈妈|母亲", text) or re.search(
        r"\b(?:woman|female|wife|mom|mother|girlfriend|sister|daughter|aunt|grandma|"
        r"grandmother|she|she's|shes)\b|(?:^|[:,;|/]\s*)f(?=\s*(?:[,;|/]|$))",
        text,
    ):
        return _female(text)
    if re.search(r"男|老公|丈夫|我先生|我爸|阿爸|老爸|爸爸|父亲|老豆|老窦", text) or re.search(
        r"\b(?:man|male|husband|dad|father|guy)\b|(?:^|[:,;|/]\s*)m(?=\s*(?:[,;|/]|$))", text
    ):
        return "male"
    return None


_SHORT_BIRTH_YEAR = r"(?<![\d.])([4-9]\d)\s*年\s*(?:(\d{1,2})\s*月)?\s*(?:份)?\s*(?:出生|生)"
_LEVEL = (
    r"按(?:照)?\s*(?:最低|最高)?\s*(?:的)?\s*(\d{2,3})\s*%\s*(?:档|的?基数|缴费|缴纳)?|"
    r"(?:缴费指数|指数)\s*(?:是|为)?\s*(\d{2,3})\s*%|"
    r"\bat (?:the )?(\d{2,3})\s*% (?:index|level|tier|grade|base)\b|"
    r"(\d{2,3})\s*%\s*(?:的|嗰|𠮶)?\s*档(?:次)?"
)
# "社平的60%", "60%的社平工资": the contribution index as a share of the average wage
_SHARE_OF_AVERAGE = (
    r"(?:社平工资|社会平均工资|平均工资|社平)(?:的|嘅)?\s*(\d{2,3})\s*%|"
    r"(\d{2,3})\s*%\s*的?(?:社平|平均工资)|"
    r"(\d{2,3})\s*%\s*of (?:the )?(?:[a-z]+'s )?(?:local |city |provincial )?(?:social )?average"
    r"(?: monthly)?"
    r"(?: wage| salary| pay)?"
)


def read_cn_pension(text: str) -> dict[str, str]:
    """Parameters of a China basic-pension estimate."""
    params: dict[str, str] = {}
    roc = _ROC_BIRTH.search(text)
    birth = (
        None
        if roc
        else (
            re.search(
                r"(19\d\d|20[01]\d)\s*年\s*(?:(\d{1,2})\s*月)?\s*(?:份)?\s*(?:出生|出世|生)", text
            )
            or re.search(
                r"(?:born|出生于?|dob:?)\s*(?:in\s*)?(19\d\d|20[01]\d)(?:[-/年](\d{1,2}))?", text
            )
            # "65年10月出生", "63年生": a two-digit year of the last century
            or re.search(_SHORT_BIRTH_YEAR, text)
            # "老公1971年12月的，男职工", "女干部|1977年4月|…": a person's year and month
            or re.search(
                r"(19[4-9]\d|200\d)\s*年\s*(\d{1,2})\s*月(?:份)?(?:的|生人)?(?=\s*(?:[,，。|/]|$)|\s)",
                text,
            )
            or re.search(r"(19[4-9]\d|200\d)\s*[./-]\s*(\d{1,2})\s*(?:出生|生)", text)  # 1979.08生
            # "男 75年11月 社平…": a two-digit year and month in a typed list
            or re.search(r"(?<![\d.])([4-9]\d)\s*年\s*(\d{1,2})\s*月(?:的)?(?=\s|[,，|/]|$)", text)
            # "女干部 1979.06 社平…": year.month in a typed list
            or re.search(r"(?<![\d.])(19[4-9]\d|200\d)\.(0?[1-9]|1[0-2])(?=\s|[,，|/]|$)", text)
            or re.search(r"(?<![\d.])([4-9]\d)\.(0[1-9]|1[0-2])(?=\s|[,，|/]|$)", text)
            # "我爸66年的 男": a two-digit year, said of a person
            or re.search(r"(?<![\d.])([4-9]\d)\s*年的()(?=\s|[,，])", text)
        )
    )
    # "DOB: 05/1967", "b. 03/1990"
    dob = re.search(r"(?:\bdob:?|\bb\.|\bborn)\s*(\d{1,2})/(19\d\d|20[01]\d)\b", text)
    named = re.search(
        r"(?:born|dob:?) (?:in )?(" + MONTH_ALTERNATION + r")[a-z]*\.?,? (19\d\d|20[01]\d)", text
    )
    if roc:
        params["birth"] = f"{ROC_YEAR_ZERO + int(roc.group(1))}-{int(roc.group(2) or 1):02d}"
    elif birth:
        year = birth.group(1) if len(birth.group(1)) == 4 else f"19{birth.group(1)}"
        params["birth"] = f"{year}-{int(birth.group(2) or 1):02d}"
    elif named:
        params["birth"] = f"{named.group(2)}-{MONTH_NAMES.index(named.group(1)) + 1:02d}"
    elif dob and 1 <= int(dob.group(1)) <= 12:
        params["birth"] = f"{dob.group(2)}-{int(dob.group(1)):02d}"
    if gender := gender_of(text):
        params["gender"] = gender
    retire = re.search(
        r"(\d{2}|[五六][十][一二三四五六七八九]?)\s*岁\s*(?:(\d{1,2})\s*个?月)?\s*(?:时)?\s*"
        r"(?:(?:才|再)\s*(?:能|可以)?\s*退(?:休)?|退(?:休|的话))",
        text,
    )
    # An age stated on its own ("retire at 62", "退休年龄63岁"), whatever it is: a wrong one is
    # refused by the calculator, never dropped.
    stated = re.search(
        r"retir(?:e|es|ing)(?: at)?(?: age)? (\d{2})\b|"
        r"退休年龄\s*(?:是|为|按)?\s*(\d{1,3})(?=\s*岁)|"
        r"(?:干到|做到|工作到|上班到)\s*(\d{2})\s*岁?\s*(?:再|才|先)?退|"
        r"(?:打算|想|准备|计划)\s*(?:做|干|工作|上班)到\s*(\d{2})\s*岁|"
        r"(\d{2})\s*岁\s*(?:先至|先|就)?\s*退(?=[，,。；;？?!\s]|$)|"  # 想63岁先退
        r"退[^。，,]{0,10}[，,]\s*(?:就)?按\s*(\d{2})\s*(?:岁)?\s*算|"  # 要62岁多才能退，就按62算
        r"(?:延迟|延后|推迟)到\s*(\d{2})\s*岁?\s*(?:再|才|先)?退|"  # 延迟到63退
        r"\b(?:go|leave|stop|quit) at (?:age )?(\d{2})\b|"
        r"\b(?:push|delay|defer|postpone)\w* (?:my |his |her )?retirement (?:to|until) "
        r"(?:age )?(\d{2})",
        text,
    )
    if retire:
        years_old = whole(retire.group(1))
        months = int(retire.group(2)) if retire.group(2) else 0
        if years_old:
            params["retire_age"] = fmt(years_old + months / 12)
    elif stated:
        params["retire_age"] = next(g for g in stated.groups() if g)
    index = (
        re.search(
            r"(?:缴费指数|指数|index)(?: of| is)?\s*(?:一直)?\s*(?:是|为|按)?\s*"
            r"(?:大概|大约|约|about|around)?\s*"
            r"(\d(?:\.\d+)?)(?![\d%])",
            text,
        )
        or re.search(r"(\d(?:\.\d+)?)\s*(?:的)?\s*(?:contribution index|缴费指数|指数)", text)
        or re.search(
            r"(?:社平工资|社会平均工资|平均工资|社平|社会平均)的?\s*(\d(?:\.\d+)?)\s*倍", text
        )
        or re.search(r"(\d(?:\.\d+)?)\s*(?:times|x) (?:the )?(?:local |city )?average", text)
    )
    pct_level = re.search(_LEVEL, text) or re.search(_SHARE_OF_AVERAGE, text)
    if index:
        params["index"] = index.group(1)
    elif pct_level:
        share = next(g for g in pct_level.groups() if g)
        params["index"] = fmt(float(share) / 100)
    elif "最低档" in text or "最低基数" in text:
        params["index"] = "0.6"
    elif re.search(r"at the average wage|按社平|按平均工资", text):
        params["index"] = "1"
    started, ended = re.search(_STARTED_WORK, text), re.search(_RETIRES_IN, text)
    total = total_years(text)
    marks = (roc, birth, named, dob, retire, stated, started, ended, index, pct_level)
    used = [m.span() for m in marks if m] + (list(total[1]) if total else [])
    quantities = [q for q in scan(text) if not any(x <= q.start < y for x, y in used)]
    rows = {row.name: row for row in TABLE}
    for name, quantity in assign(text, quantities, TABLE).items():
        params[name] = fmt(yearly_value(rows[name], quantity))
    if total:  # "社保一共会缴25年": the years in all
        params["years"] = total[0]
    if started and ended and "years" not in params:
        # "85年参加工作，2026年退休": the years from the first job (or first payment) to retiring
        span = _full_year(ended.group(1) or ended.group(2)) - _full_year(started.group(1))
        if 0 < span <= MAX_WORK_YEARS:
            params["years"] = str(span)
            params[DERIVED_FROM] = f"{started.group(1)} {ended.group(1) or ended.group(2)}"
    return params


MAX_WORK_YEARS = 50
# Taiwan's calendar (民國): year 1 is 1912.
_ROC_BIRTH = re.compile(r"民国\s*(\d{2,3})\s*年\s*(?:(\d{1,2})\s*月)?\s*(?:份)?\s*(?:出生|生)")
ROC_YEAR_ZERO = 1911
# The year work (or paying in) began, and the year of retirement: "85年参加工作", "2026年退休".
_STARTED_WORK = re.compile(
    r"(?<!\d)((?:19|20)?\d{2})\s*年\s*(?:\d{1,2}\s*月\s*(?:份)?\s*)?(?:就)?"
    r"(?:参加工作|开始工作|参工|参保|开始交社保|开始缴费|开始交养老保险|交社保|上班|"
    r"进的?[^，,。]{0,8}[，,]\s*从那年(?:起|开始)?交)"  # 2001年进的这家公司，从那年开始交社保
)
_RETIRES_IN = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年\s*(?:\d{1,2}\s*月\s*(?:份)?\s*)?(?:就)?退休|"
    r"(?:到|至)退休(?:那年|那一年|的那年)\s*((?:19|20)\d{2})"  # 一直交到退休那年2033年
)


def _full_year(digits: str) -> int:
    """A year as written; two digits are 19xx from 50 on and 20xx below."""
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if year >= 50 else 2000
    return year
