"""Understand a calculation request written in English or Chinese (or `key=value`).

Every extractor works on normalised text (lower case, NFKC, 简体) and returns canonical
parameters as strings: percent points ("6"), dollars or yuan ("80000"), years ("30"),
ages ("65"), match tiers ("50@6+25@2").
"""

import datetime as dt
import re

from bot.calcs.numbers import (
    MONTH_ALTERNATION,
    MONTH_NAMES,
    Number,
    digits_for_words,
    find_numbers,
    percent_words_as_digits,
    plain_numerals,
)
from bot.calcs.readers.cn_contrib import read_cn_contrib
from bot.calcs.readers.cn_pension import gender_of, read_cn_pension
from bot.calcs.readers.cn_personal_pension import (
    asks_income_tax,
    in_china,
    names_income_tax,
    read_cn_personal_pension,
)
from bot.calcs.readers.cn_resident_pension import read_cn_resident_pension
from bot.calcs.readers.person import asked_person_only
from bot.calcs.readers.us401k import read_us401k
from bot.calcs.registry import CALCULATORS
from bot.calcs.request import (
    DERIVED_FROM,
    CalcRequest,
    explicit_calculator,
    fmt,
    parse_key_values,
)
from bot.calcs.restated import with_exact_figures
from bot.calcs.slots import PER_YEAR
from bot.knowledge.country import question_countries
from bot.knowledge.focus import asking_text, asks_anything
from bot.knowledge.tokens import normalize

# "ether" as a word: "whether", "together", "either" are no coins
_CRYPTO = re.compile(
    r"(?=[cbed加比数虚以])(?:crypto|bitcoin|\bbtc\b|\bether\b|ethereum|digital assets?|加密|比特币|数字货币|虚拟货币|以太坊|"
    r"数字资产)"
)
_PLANS = re.compile(r"401k|403b|dc plan|retirement|退休|养老|计划")
_FLOW = re.compile(r"%|percent|inflow|flow|how much|allocat|put|invest|流入|多少|配置|投")
_PERSONAL_PENSION = re.compile(
    r"个人养老金|(?<![一两几每这那哪])个养(?!老)|personal pension|private pension|individual pension"
)
_TAX = re.compile(r"税|tax|\biit\b|省|抵扣|deduct|扣除|节")
_SOCIAL = re.compile(
    r"社保|五险|social insurance|社会保险|养老保险|(?:china|chinese|china's) social security|"
    r"\b(?:five|5) (?:social )?insurances\b|\bwuxian\b|5险|"  # numerals are digits by now
    r"contribution base"
)
_PAY_CUE = re.compile(
    r"交多少|缴多少|扣多少|交是多少|缴是多少|(?:缴|交)费(?:是|要|需要|大概|大约)?多少|扣了?|到手|"
    r"(?:要|会)?供几多|扣几多|落袋|"
    r"take.?home|单位交|公司交|个人交|个人缴|单位缴|"
    r"\bhow much\b[^.?!]{0,60}\b(?:pay|paid|deduct(?:ed)?)\b|\b(?:pay|deduct)\w* how much\b|"
    r"how much (?:do|will|would) (?:i|we|my employer) pay|contributions? (?:on|for)|"
    r"how much (?:will|does|would) (?:social insurance|si|the (?:five|5) insurances) take|"
    r"how much [^.?!]{0,40}\b(?:do|does|will|would) (?:i|we|my employer|they)\b[^.?!]{0,25}\bpay\b|"
    r"comes? off|comes? out|deducted|\blose to\b|taken off|\bwhat (?:do|will|would|does) (?:i|we|my employer) (?:pay|owe)\b|"
    r"employee and employer|employer and employee|my contributions|the contributions|deductions?"
)
# A sum worked out on the page ("taxable income = (monthly income minus 5 insurances…)"):
# unless an amount is asked, the text explains, it does not ask.
_WORKED_FORMULA = re.compile(r"=|taxable income|应纳税所得额")
# What is paid when a pensioner or worker dies: the survivor notes answer it, not the pension
# calculator.
_SURVIVOR = re.compile(r"遗属|抚恤|丧葬|病逝|去世|\bsurvivor|\bwidow|\bdeath benefit")
# The average wage (社平工资) is an input of both the contributions and the pension: it names
# no pension by itself.
_AVERAGE_WAGE = re.compile(r"社平工资|社平|社会平均工资")
_PENSION = re.compile(
    r"养老金|退休金|退休工资|pension|退休|缴费指数|社平工资|社平|缴费年限|养老保险.{0,12}领|"
    r"(?:交|缴)养老"  # 灵活就业自己交养老
)
_GET_CUE = re.compile(
    r"领多少|能领|拿多少|能拿|攞|几多|(?<!按)月领|领取多少|领取的?金额|可以领取|可领取|领到多少|每月多少|多少钱|大概多少|"
    r"大约多少|约多少|"
    r"估计多少|有多少|养老金多少|退休金多少|退休工资多少|"
    r"how much (?:pension|will i get|would i get)|how much (?:will|would) my .{0,30}pension|"
    r"how much .{0,20}pension will i|what (?:pension|monthly pension) (?:will|would|can) i get|"
    r"how much (?:can|could|will|would|do) (?:i|we|he|she) (?:get|receive|draw)\b|"
    r"what (?:will|would) (?:my pension|i get)|estimate|(?:^|[\s,，])(?:养老金|退休金)\s*[?？]\s*$|"
    r"what (?:do|does|will|would|can|could) (?:i|we|he|she|they) get\b|想知道[^，。？?]{0,8}(?:养老金|退休金)|"
    r"what(?:'s| will| would| is) (?:my|his|her|their|the) (?:monthly )?pension\b|"
    r"\bpension (?:figure|number|amount|estimate)\b|"
    r"what (?:monthly )?pension (?:can|could|will|would|should) (?:i|he|she|they|we) (?:expect|get)|\bmonthly pension\s*\?"
)
_SAVINGS = re.compile(
    r"401k|403b|ira|retirement (?:account|savings|plan)|deposit|invest|\bsav(?:e|ed|ing)\b|defer|"
    r"contribut|\bput(?:ting|s)?\b[^.?!;]{0,25}?\b(?:in|into|away|aside)\b|\badd(?:ing)?\b|\bfund\b|"
    r"pre-?tax|\bgoes in\b|\bi do \d+(?:\.\d+)?%|\bmax(?:ing|ed)? (?:it )?out\b|\bcatch[- ]?ups?\b|"
    r"存|攒|贡献|供款|基金|放在|\bgrow (?:to|into)\b"  # "what would 500k grow to…"
)
_PROJECTION = re.compile(
    r"will (?:i|you|he|she|we) have|would (?:i|you|he|she|we) have|where (?:will|would) (?:i|we) be|"
    r"what (?:does|do) (?:i|he|she|we|they) have (?:at|by|in|when)|"
    r"where (?:will|would) (?:that|it|this) (?:put|leave) (?:me|us)|how much (?:will|would|money)|"
    r"grow|project|end up|future value|turns? into|look like (?:at|by|in|when)|"
    r"(?:what|how) (?:does|will|would) (?:that|it|this|my \w+) look like|"
    r"what (?:does|will|would) (?:that|it|this) (?:come|add up) to|(?:after|in|for) \d+ (?:more )?(?:years|yrs?)\b|get to|retire with|by (?:age )?\d\d|"
    r"how much (?:at|by) |what (?:am|are|would|will) (?:i|we) (?:be )?looking at|"
    r"\bwhere (?:do|will|would|does) (?:i|we|that|it|he|she) (?:land|end up)\b|"
    r"\b(?:ending|final|end|future|projected) (?:balance|number|value|amount|total)\b|\bwhat'?s the balance (?:at|by|in|when|after)\b|"
    r"\b(?:i|we)'?d have\b|"
    r"\bhow long (?:will|would|does|is) (?:it|that|this)(?: going to)? take\b|"  # to reach a target
    r"\b(?:at what age|when) (?:do|will|would|can|could) (?:i|we) (?:cross|hit|reach|have [$\d])|"
    r"how much[^.?!]{0,20}(?:do|would|will|should) (?:i|we) (?:need to|have to) "
    r"(?:put|save|contribute|invest|set aside)|"
    r"until (?:he |she |i )?(?:hits?|reach|turn)|能攒|会有多少|攒多少|变成多少|存到|退休时有|"
    r"能有多少|最后有?多少|有多少钱|还剩多少|剩下多少|能到\s*\d|能达到|(?:岁|年后|年以后)\s*时?\s*(?:能|会)?有多少|购买力|退休[^，。？?]{0,6}能存多少|能存到多少|(?:be|is) worth (?:at|by|in|when)|will i hit|would i have|will i have"
)
_MATCH = re.compile(
    r"match|匹配|配比|配对|配捐|相对提拨|for (?:every|each) \$?(?:1\b|dollar)|on the dollar"
)
# The employee-pension calculator does not fit the residents' scheme (its own rules): what
# names that scheme (a 农民工 in the employee scheme is an employee), and people without an
# employer, who join it unless they name the employee scheme.
_RESIDENT_SUBJECT = re.compile(
    r"农民(?!工)|农村|城乡居民|居民养老|居民基本养老|新农保|城居保|\bfarmers?\b|\bvillagers?\b|"
    r"residents?['’]? (?:basic )?pension|rural (?:pension|residents?)|"
    r"urban[- ](?:and[- ])?rural residents?"
)
_NO_EMPLOYER = re.compile(r"没有单位|无业")
_EMPLOYEE_SCHEME = re.compile(r"职工|企业|单位交|单位缴|灵活就业|employee|employer")
# "What do I get a month" as the residents' requests ask it.
_RESIDENT_GET = re.compile(
    r"领|能拿|拿多少|多少钱|每个?月(?:大概|大约)?(?:能|可以|会)?有?多少|一个月(?:能|可以|会)?有?多少|"
    r"攞|几多|"
    r"what (?:do|will|would|can|could) (?:i|we|they|he|she) get|"
    r"how much (?:do|will|would|can|could) (?:i|we|they|he|she) (?:get|receive|draw)|"
    r"(?:a|per|each) month|monthly"
)
# A grade named without its amount ("最高档", "the top grade"): a request, whose amount is asked.
_NAMED_GRADE = re.compile(
    r"最高档|最低档|[一二三四五六七八九十\d]+档|(?:top|highest|lowest) (?:grade|tier)"
)


def _names_social_insurance(text: str) -> bool:
    """Whether a text names China's social insurance: its own words, or "social security" in
    a text about China only ("How much social security should Chengdu deduct from 5500?")."""
    if _SOCIAL.search(text):
        return True
    if re.search(r"\bsi\b", text):  # "how much SI comes out?" in a text about China
        return question_countries(text) == {"cn"}
    if "social security" not in text:
        return False
    return question_countries(text.replace("social security", " ")) == {"cn"}


def _has_input(numbers: list[Number]) -> bool:
    """A number that can be a calculator input: "一年" or "一个月" alone is a quantity word."""
    return any(n.percent or n.value >= 2 for n in numbers)


def _a_stock(numbers: list[Number]) -> bool:
    """A share of a stock of wealth ("0.5% of $60T moved into bitcoin"): a percent and an
    amount in the hundreds of billions or more."""
    return any(n.percent for n in numbers) and any(
        not n.percent and n.value >= 1e11 for n in numbers
    )


def _has_amount(numbers: list[Number]) -> bool:
    return any(not n.percent and (n.currency or n.scaled or n.value >= 100) for n in numbers)


# "Work it out for me": with a subject, a request for a calculation even before any number.
_CALC_VERB = re.compile(
    r"帮我算|帮忙算|帮我计算|算一下|算下|算算|计算一下|估算|测算|试算|估一下|帮我估|"
    r"计算(?=\s*(?:我的|一下)?\s*(?:退休金|养老金|社保|个税|到手))|"
    # "I calculate that…" is the asker's own sum, not a request
    r"(?<!\bi )(?<!\bwe )\bcalculate\b(?! that)|"
    r"\bestimate my\b|\bproject my\b|^\s*estimate for\b|\b(?:work|figure) out (?:my|his|her|their|our|what)\b|what would my\s+401k\s+be worth|how much (?:would|will) i have in my\s+401k"
)
_CALCULATOR = re.compile(r"\bcalculator\b")
# What a plan's wording means, asked ("just looking for help on how to understand this"): the
# notes explain it, whatever numbers the wording holds.
_EXPLAIN = re.compile(
    r"\bhow to (?:understand|read|interpret)\b|\bhelp (?:me )?(?:to )?understand(?:ing)?\b|"
    r"\bwhat (?:does|do) (?:this|that|it|these|those) (?:mean|means)\b|\bexplain (?:this|it|what|how)\b|"
    r"什么意思|怎么理解|如何理解|看不懂"
)
# How a sum is worked out, asked as a rule ("how do taxes calculate on a defaulted loan?",
# 养老金是怎么计算的): the notes explain it; a calculation needs the asker's own numbers asked.
_ASKS_METHOD = re.compile(
    r"\bhow (?:is|are|do|does|did|to|would|will)\b[^.?!]{0,40}\bcalculat|"
    r"怎么(?:计算|算)的|如何(?:计算|算)的|是怎么(?:计算|算)|按[^，,。？?]{0,10}算还是|按什么算|"
    r"多少个月(?:来)?(?:计算|算)"
)
# What a question asks when it wants a sum worked out.
_AMOUNT_ASKED = re.compile(
    r"多少|几多|几年|几岁|能省|能领|能拿|划算|价值|how much|how many|how long|=\s*\?|"
    r"\bwhat'?s the (?:annual|yearly|monthly|total) \w+\s*\?|"
    r"what (?:will|would|is|are|should) (?:i|my|the|his|her|their)|"
    r"\bwhat (?:\w+ )?(?:pension|benefit|amount)s? (?:can|could|will|would|should|do|does)\b|"
    r"\bwhat'?s the (?:monthly |yearly |annual )?(?:benefit|pension|amount|payment|flow|inflow)\b|"
    r"\bwhat (?:do|will|would|does) (?:i|we|my employer) (?:pay|owe)\b|"
    r"\btax (?:sav(?:ing|ed)s?|benefits?)\b|\bpension (?:figure|number|amount|estimate)\b|"
    r"\bwhat'?s the (?:tax )?saving\b|\bhow much (?:iit|tax) would (?:i|we) save\b|"
    r"\bmath\b|\bestimate|\bproject|calculat|算|\bworth\b|\bend up\b|\bget\b|"
    r"\bwhat do (?:i|we) (?:lose|pay|owe)\b|"
    r"\binflows?\b(?:\s+(?:on|of|from|into|in)\b[^?]{0,40})?\s*\?|"
    r"\bwhat'?s the (?:[a-z$]+ ){0,2}(?:in)?flows?\b|"  # "Inflow on $9.6 trillion?"
    r"\bwhat (?:comes?|gets?|is|goes) (?:off|out|taken|deducted)\b|"  # "what comes off my pay?"
    # "what's his monthly check?", "what's my monthly employee social insurance?"
    r"\bwhat'?s (?:my|his|her|their|our|the) (?:[a-z'-]+ ){0,3}(?:check|cheque|pension|benefit|"
    r"payment|contributions?|insurance|net|take[- ]home|deductions?)\b|"
    r"\bwhat (?:do|does|will|would) (?:i|we|he|she|they) (?:keep|take home|net|clear)\b|"
    r"\bmy net (?:pay |income )?after\b|"
    # "…Monthly pension?", "Monthly amount?"
    r"^\s*(?:my |the |estimated |expected |rough |ballpark |approximate )?(?:monthly )?"
    r"(?:pension|amount|payment)\s*\?\s*$"
)
# Casual ways to ask for the sum, trusted only in a short request that states its numbers
# ("…8% a year, what'll it be at 70?", "…7% for 25 yrs, total?"): in a long story they ask
# about something else as often as not.
_AMOUNT_ASKED_BRIEFLY = re.compile(
    r"what(?:'ll|'d| will| would| do| does)\s+(?:i|it|that|this|my)\b|\btotal\b|gets? me|"
    r"=\s*\?|\bvalue (?:after|at|in|by)\b"
)
# "How much of the match do I get to keep?": vesting, which the notes explain.
_VESTING = re.compile(r"\bvest|\bget to keep\b|归属|能保留")
# The tax a contribution saves, asked as a sum ("划算吗？能省多少税", "how much tax would I save").
_TAX_SAVED = re.compile(
    r"省多少税|少交多少税|能省多少|能省几个?钱|抵多少税|"
    r"how much (?:income )?tax (?:would|will|do|does|can) (?:i|it|that|this) save|"
    r"\btax (?:benefit|saving|break)s?\b|\bwhat'?s the (?:tax )?saving\b|"
    r"\b(?:cut|lower|reduce) my (?:income )?tax\b|"
    r"\bhow much (?:iit|tax) would (?:i|we) save\b"
)
# Asking for advice rather than for a number.
_ADVICE = re.compile(
    r"(?<!how much )\bshould (?:i|we)\b(?! (?:put|save|contribute|invest|set aside|be putting|be saving))|\b(?:is|would) it (?:be )?(?:worth|wise|smart|better|a good idea)|"
    r"(?<!how much )(?<!what )\bdo (?:i|we) need to\b|\bam i on track\b|\bwhat should (?:i|we)\b|"
    r"\badvi[cs]e\b|\bmakes? sense\b|"
    r"\bbetter off\b|\bpros and cons\b|要不要|该不该|应不应该|值不值|划算吗|合不合适|好不好|是否应该|"
    r"有什么好处|有没有好处|还有好处吗|比较划算|哪个划算|哪个好"
)
# "Am I on track?", "can I retire at 62 with…?", "够不够": whether the asker's own numbers
# reach retirement, which a projection of those numbers answers.
_ENOUGH = re.compile(
    r"\bon (?:the )?(?:right )?track\b|\benough\b|"
    r"\bcan (?:i|we|he|she) (?:still |realistically |actually |really )?retire\b|\b(?:able|afford) to retire\b|"
    r"\b(?:whether|if)(?: or not)? (?:i|we) (?:can|could|will be able to) (?:still )?retire\b|"
    r"\bafford to (?:quit|stop working)\b|\bdoable\b|\bbehind\b|\brealistic\b|\bfeasible\b|"
    r"\b(?:am i|are we) (?:gonna|going to) be (?:ok|okay|fine|alright)\b|"
    r"\bwill (?:i|we) be (?:ok|okay|fine|alright)\b|\bwill i make it\b|"
    r"够不够|够用|够吗|来得及|能不能退休|能退休|可以退休|退休.{0,6}(?:行吗|可以吗|行不行|能行吗)|"
    r"(?:能|可以|能不能|可不可以)\s*(?:在)?\s*\d{2}\s*岁?\s*(?:就)?\s*退休|"  # 能不能60岁退休
    r"正常进度|有可能吗|能行吗|能否(?:支持|支撑|养活)|能不能(?:支持|支撑|养活)|撑得住|够花|"
    r"(?:能|可以|能否|能不能)\s*(?:靠|凭)[^,.?!;，。？！；]{0,20}退休"  # 能靠600万美元退休吗
)
_CHINA = re.compile(r"china|chinese|mainland|rmb|yuan|¥|人民币|元|社保|养老保险|大陆|内地|国内")


def _in_china(text: str) -> bool:
    """Whether a text places itself in China (its words, yuan, or a Chinese city's name)."""
    return bool(_CHINA.search(text)) or "cn" in question_countries(text)


# A US plan, or dollars however written (刀 and 美金 are how people type 美元)
_US_PLAN = re.compile(
    r"401k|403b|\bira\b|美元|\$|美金|[\d十百千万]\s*(?:[万千kw]\s*)?刀|\busd\b|\bdollars?\b|\bbucks\b"
)

# What is left of a month's pay, asked ("税前15000到手多少", "what's my take-home?"): the
# contributions calculator answers, after social insurance and income tax (issue 9). Not the
# pay a take-home needs ("到手1万税前要多少"), nor a year's pay, which it does not read, nor
# the rules' own amounts ("起征点5000，到手怎么算").
_TAKE_HOME_ASKED = re.compile(
    r"到手|实发|实得|实拿|实领|实收|袋落袋|实际(?:能)?拿|税后(?:多少|能拿|有多少|是多少|剩|拿)|还剩多少|剩多少|"
    r"take.?home|after (?:income )?tax(?:es)?\b|after (?:social insurance|deductions)|"
    r"what'?s (?:left|net)\b|what (?:is|do i have) left\b|"
    r"\bnet (?:pay|salary|income)\b|\bnet after\b|\bafter iit\b|\b(?:and|&) net\s*\?|"
    r"\bwhat (?:do|does|will|would) (?:i|we|he|she|they) (?:keep|take home|clear)\b"
)
_NOT_TAKE_HOME = re.compile(
    r"税前(?:要|应该|得|是|需要)?多少|年终奖|"
    r"\bgross(?:ed)? up\b|起征点|免征额|税率|扣除标准|\bthreshold|\bbracket"
)


def _asks_take_home(text: str) -> bool:
    """Whether a normalised text states a month's pay in China and asks what is left of it."""
    return (
        bool(_TAKE_HOME_ASKED.search(asking_text(text)))
        and not _NOT_TAKE_HOME.search(text)
        and not _US_PLAN.search(text)
        and in_china(text)
        and "wage" in read_cn_contrib(text)
    )


def _resident_scheme(text: str) -> bool:
    """Whether a text is about the urban-rural residents' pension, not the employee scheme."""
    return bool(_RESIDENT_SUBJECT.search(text)) and not _EMPLOYEE_SCHEME.search(text)


def _outside_employee_scheme(text: str) -> bool:
    """Whether a text is about someone the employee-pension calculator does not model."""
    return _resident_scheme(text) or (
        bool(_NO_EMPLOYER.search(text)) and not _EMPLOYEE_SCHEME.search(text)
    )


def _subject(text: str) -> str | None:
    """The calculator a text's subject points to, when it asks for a calculation outright."""
    if _CRYPTO.search(text) and _PLANS.search(text):
        return "inflow"
    if _asks_take_home(text):
        return "cn_contrib"  # the income tax is worked out on the way to the take-home
    if _PERSONAL_PENSION.search(text) or names_income_tax(text):
        return "cn_personal_pension"  # the income tax on pay is worked out on the way
    if _resident_scheme(text) and re.search(r"养老|pension", text):
        return "cn_resident_pension"
    if _US_PLAN.search(text):
        return "us401k"
    if (
        _names_social_insurance(text)
        and re.search(r"缴费|交|缴|contribut|扣", text)
        and not _PENSION.search(_AVERAGE_WAGE.sub("", text.replace("养老保险", "")))
    ):
        return "cn_contrib"
    if (
        (_PENSION.search(text) or re.search(r"\bretire", text))
        and (_in_china(text) or re.search(r"[\u3400-\u9fff]", text))
        and not _outside_employee_scheme(text)
    ):
        return "cn_pension"
    return None


PLAIN_REQUEST_LENGTH = 300  # characters
# The asker's own account ("$20k of my $410k 401(k) into bitcoin"): not plans' inflows
_OWN_ACCOUNT = re.compile(
    r"\bmy\s+(?:\$?[\d,.]+\s*[km]?\s+)?(?:401k|403b|ira|account|plan)\b|我的\s*(?:401k|账户)"
)
_MOVED = re.compile(r"\broll(?:ed|ing|s)?\b|rollover|transferr?(?:ed|ing)|\bmoved\b|转入|转到|转移")
# What a 401(k) projection of someone's own numbers needs: a horizon, and money going in or
# already there.
_HORIZON = frozenset({"age", "years", "retire_age"})
_MONEY_IN = frozenset({"contrib_pct", "contrib_amount", "max", "balance"})


def _states_a_projection(text: str) -> bool:
    """Whether a text gives what a 401(k) projection needs (a horizon, money going in or
    already there, and pay or a return): then its calculator answers, however it asks."""
    if len(text) > PLAIN_REQUEST_LENGTH:
        return False  # a long story mentions many figures, often of several people and plans
    found = read_us401k(text)
    horizon, money = _HORIZON & found.keys(), _MONEY_IN & found.keys()
    return bool(horizon and money and {"salary", "return"} & found.keys() and len(found) >= 4)


_MONEY_OUT = re.compile(
    r"withdraw|take (?:it |money |some )?out|took out|come out|cash(?:ing)? out|\bloan|borrow|"
    r"penalt|(?<!pre-)(?<!pre )\btax(?!-deferred| deferred|-free| free|-advantaged)|"
    r"取出|提取|取钱|取多少|能取|可以取|贷款|借|罚|"
    r"(?<!免)税(?![前后])"  # pay before tax (税前年薪) is not money coming out
)


# How much one may put in: the contribution-limit notes answer it.
_LIMIT_ASKED = re.compile(
    r"how much (?:more )?(?:can|could|may|am i allowed to) (?:i|we|you|one) (?:contribute|put in|put away|"
    r"save|defer|add)|\b(?:what|which) (?:is|are) the (?:irs )?(?:max|maximum|limits?)\b|"
    r"最多(?:能|可以)?(?:存|放|缴)多少|上限是多少"
)
# "这个3%是按全部金额算还是只按收益算？", "超级补缴是从哪一年开始实施的？": which rule applies, or
# since when, which the notes answer.
_RULE_ASKED = re.compile(
    r"按[^，,。？?]{0,10}算还是|按什么算|(?:从)?哪一?年(?:开始|起)|"
    r"(?:什么时候|何时)(?:开始|起|实施|生效)|\bcounts? (?:toward|towards|against)\b|"
    r"(?:政府|国家|财政)[^，,。？?]{0,8}补(?:贴|助)多少|\b(?:limit|cap)s? (?:reset|resets|carry|carries)\b|"
    r"\bhow much (?:is )?the (?:government )?subsidy\b|"
    r"\bor is (?:it|that) separate\b|\bam i (?:still )?(?:eligible|out)\b|"
    r"\bdo i still (?:get|qualify|count)\b|\bdo i (?:qualify|count)\b|\brule question\b|"
    r"\bdo (?:they|these|those|the payments) have to\b|上限还?是\s*\d+\s*吗|"
    r"\bat what age\b(?![^?]{0,40}(?:\$|\d\s*(?:k|m|mm|million)\b|\bcross|\bhit|\breach|\bhave))|"
    # a rule's threshold asked ("请问门槛是多少?", "what's the income threshold?")
    r"(?:门槛|门坎|标准|起征点|上限|限额)(?:是|为)?多少|"
    r"\bwhat(?:'s| is) the (?:income )?(?:threshold|cutoff|cut-off|limit)\b|"
    r"\bwhat (?:is|are) (?:the |a |an )?['\"‘“][^'\"’”]{2,30}['\"’”]|"
    r"\bwhen (?:does|did|will) (?:it|this|that|the [\w-]+(?: [\w-]+)?) (?:start|begin|take effect|kick in)\b"
)
# "How much should I have by 40?": a benchmark, which the how-much-to-save notes answer.
_BENCHMARK = re.compile(r"how much should (?:i|we|you|one) have|应该有多少|该存多少")


def _asks_projection_of_many(text: str, asked: str) -> bool:
    """Whether a long text asks outright what savings come to ("How much will you have in your
    401(k) after 15 years?") and states most of a projection's inputs (a homework problem, a
    worked plan): its length is then detail, not a story about something else."""
    if not _SAVINGS_PLAN.search(text):
        return False  # a long Social Security or pension story is not a 401(k) projection
    return (
        bool(_PROJECTION.search(asked) or _ENOUGH.search(asked))
        and not _MONEY_OUT.search(asked)
        and not (_ADVICE.search(asked) and not _ENOUGH.search(asked))
        # read last: the costly part; a birth year and an end year count as age and horizon
        and len(read_us401k(text).keys() & _PROJECTION_INPUTS)
        + bool(_BORN_IN.search(text))
        + bool(_saving_until(text))
        >= 4
    )


_SAVINGS_PLAN = re.compile(r"401k|403b|457b|\bira\b|\btsp\b|\bdeferrals?\b")
_PROJECTION_INPUTS = frozenset(
    {"age", "years", "retire_age", "salary", "contrib_pct", "contrib_amount", "balance", "return"}
    | {"match", "max", "raise"}
)


def _projects_own_numbers(text: str, asked: str) -> bool:
    """Whether a short text gives its own savings (money in or already there) and a horizon,
    and asks what they come to or whether they are enough: a projection answers that."""
    if _CRYPTO.search(text):
        return False
    if len(text) > PLAIN_REQUEST_LENGTH and not _asks_projection_of_many(text, asked):
        return False
    enough = bool(_ENOUGH.search(asked))
    if not (
        _US_PLAN.search(text)
        or ((_SAVINGS.search(text) or _MATCH.search(text)) and not _PENSION.search(text))
        or (enough and "retire" in text)
    ):
        return False
    if _in_china(text) and not _US_PLAN.search(text):
        return False
    found = read_us401k(text)
    horizon, money = _HORIZON & found.keys(), (_MONEY_IN | {"target"}) & found.keys()
    if _saving_until(text):
        horizon = horizon | {"years"}  # "by 2051": read against the date later
    reached = "target" in found and bool(_HOW_LONG.search(asked))  # the time is what is asked
    if not money or not (horizon or reached or (enough and "balance" in found)):
        return False  # "is $2M in a 401(k) enough?" asks for the age next
    if _MONEY_OUT.search(asked):
        return False  # what comes out (a withdrawal, a loan, tax) is not a projection
    if _LIMIT_ASKED.search(asked) or _VESTING.search(asked):
        return False  # the IRS limit ("how much can I contribute at 52?"), or vesting
    if enough or _PROJECTION.search(asked):
        return True
    asks_amount = _AMOUNT_ASKED.search(asked) or _AMOUNT_ASKED_BRIEFLY.search(asked)
    if not asks_amount and _asks_a_rule(asked):
        return False  # "…does the match go in as Roth too?": a rule, asked with one's numbers
    return not _ADVICE.search(asked) and (bool(asks_amount) or len(found) >= 4)


def _asks_a_rule(asked: str) -> bool:
    """Whether a question is answered yes or no about something other than a sum ("does the
    match go in as Roth too?"; not "can I hit $1 million by 65?", which a projection answers)."""
    return bool(_YES_NO.search(asked)) and not _SUM_REACHED.search(asked)


_SUM_REACHED = re.compile(
    r"\$|\d\s*(?:k|m|mm|million|万|美元|刀)\b|\b(?:hit|reach|afford|retire|enough|get to|have)\b|"
    r"\b(?:is|does) (?:that|this) (?:sound |look )?(?:right|correct|accurate|true)\b"  # a sum checked
)
# A question answered yes or no ("does the employer match go in as Roth too, or…?")
_YES_NO = re.compile(
    r"(?:^\s*|[,.;:]\s*|\b(?:if|when)\b[^,?]{0,60},\s*)(?:does|do|is|are|can|will|did|would|should)\s+"
    r"(?:the|my|it|i|we|they|he|she|this|that|there|his|her|our|their)\b(?=\s+[a-z])"  # not "can I?"
)


_HOW_LONG = re.compile(r"\bhow long\b|\bhow many years\b|多少年|几年|多久")


def _states_own_numbers(text: str) -> bool:
    """Whether a short text that asks nothing states 401(k) savings and a horizon ("55, $810k
    in my 401k, retiring at 65."): the projection of those numbers is what it can want."""
    if len(text) > PLAIN_REQUEST_LENGTH or asks_anything(text):
        return False
    if not _US_PLAN.search(text) or _CRYPTO.search(text) or _MONEY_OUT.search(text):
        return False
    if _MOVED.search(text):
        return False  # "I rolled my $80k 401(k) into an IRA at 45": a story, not savings
    found = read_us401k(text)
    return bool(_HORIZON & found.keys() and (_MONEY_IN | {"target"}) & found.keys())


_PENSION_INPUTS = frozenset({"birth", "gender", "wage", "avg_wage", "index", "years", "balance"})
MIN_PENSION_INPUTS = 4


def _states_pension_inputs(text: str) -> bool:
    """Whether a short text that asks nothing else lists a China pension's inputs ("china
    pension: M, b. 03/1990, wage 9k rmb, city avg 10.5k, 30 yrs total"): its estimate is
    what it can want."""
    if len(text) > PLAIN_REQUEST_LENGTH or asks_anything(text):
        return False
    if re.search(r"[。\n]", text.strip()):
        return False  # sentences or lines: a worked example or a story, not a typed list
    if not (_PENSION.search(text) and "cn" in question_countries(text)) or _US_PLAN.search(text):
        return False
    if _outside_employee_scheme(text):
        return False
    return len(_PENSION_INPUTS & read_cn_pension(text).keys()) >= MIN_PENSION_INPUTS


def _resident_request(text: str, numbers: list[Number]) -> bool:
    """A residents' pension request: the scheme named, a monthly amount asked, and what was
    paid stated (a yearly amount, the years, or a grade by name). "农民到了60岁能拿多少养老金"
    states none of them and stays a question."""
    if not (_resident_scheme(text) and _RESIDENT_GET.search(text) and _has_input(numbers)):
        return False
    if _US_PLAN.search(text) or _PERSONAL_PENSION.search(text):
        return False
    found = read_cn_resident_pension(text)
    return bool({"annual_contrib", "years"} & found.keys()) or bool(_NAMED_GRADE.search(text))


# Any digit or Chinese numeral (English number words are digits by now): without one, no
# calculation but an explicit "calculate" can be meant, and the costlier checks are skipped.
_ANY_NUMERAL = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿兆]")


def detect_calculator(text: str) -> str | None:
    """Which calculator a normalised text asks for, or None for a question.

    A story with figures that asks for advice ("should I cash out?", "is it worth it?",
    "要不要…") is a question, not a calculation, unless what it asks is itself a sum.
    """
    asked = asking_text(text)
    if (
        (
            _CALC_VERB.search(asked)
            # "is there a calculator…": in a short request; a long story mentions one it used
            or (len(text) <= PLAIN_REQUEST_LENGTH and _CALCULATOR.search(asked))
        )
        and not _ASKS_METHOD.search(asked)
        and (subject := _subject(text)) is not None
    ):
        return subject
    if not _ANY_NUMERAL.search(text):
        return None  # past an explicit "calculate", a calculation needs a number
    if _BENCHMARK.search(asked) or _RULE_ASKED.search(asked) or _EXPLAIN.search(asked):
        return None
    numbers = find_numbers(text)
    if not numbers:
        return None  # past an explicit "calculate", a calculation needs a number
    if _projects_own_numbers(text, asked) or _states_own_numbers(text):
        return "us401k"
    if _states_pension_inputs(text):
        return "cn_pension"
    if _ADVICE.search(asked) and not (
        _PROJECTION.search(asked) or _GET_CUE.search(asked) or _TAX_SAVED.search(asked)
    ):
        return None
    if _asks_take_home(text):
        return "cn_contrib"  # "税前15000到手多少": after social insurance and income tax
    if asked != text and not _AMOUNT_ASKED.search(asked) and not _states_a_projection(text):
        return None  # a story with figures whose question asks for no amount ("can I borrow?")
    if (
        _CRYPTO.search(text)
        and _FLOW.search(text)
        and (_PLANS.search(text) or _a_stock(numbers))
        and not _OWN_ACCOUNT.search(text)
    ):
        return "inflow"
    if _PERSONAL_PENSION.search(text) and _TAX.search(text) and _has_amount(numbers):
        return "cn_personal_pension"
    if (
        asks_income_tax(text)
        and not _names_social_insurance(asked)  # "社保加个税一共扣多少": both, from the pay
        and {"salary", "taxable"} & read_cn_personal_pension(text).keys()
    ):
        return "cn_personal_pension"  # "工资2万扣多少税": the tax on a stated pay (issue 9)
    if _resident_request(text, numbers):
        return "cn_resident_pension"
    if (
        _names_social_insurance(text)
        and _PAY_CUE.search(asked)
        and _has_amount(numbers)
        and not (_PENSION.search(asked) and _GET_CUE.search(asked))  # the pension is asked
        and not (_WORKED_FORMULA.search(text) and not _AMOUNT_ASKED.search(asked))
    ):
        return "cn_contrib"
    if (
        (_PENSION.search(text) or (_names_social_insurance(text) and "retir" in text))
        and _GET_CUE.search(text)
        and _has_input(numbers)
        and not re.search(r"401k|ira|\$|美元", text)
        and not _PERSONAL_PENSION.search(text)
        and not _outside_employee_scheme(text)
        and not _SURVIVOR.search(text)  # a widow's allowance is no pension of one's own
        and "cn" in question_countries(text)  # "how much pension after 30 years of service?"
    ):
        return "cn_pension"
    if (
        _GET_CUE.search(asked)
        and "cn" in question_countries(text)
        and not _US_PLAN.search(text)
        and not _outside_employee_scheme(text)
        and len(_PENSION_INPUTS & read_cn_pension(text).keys()) > MIN_PENSION_INPUTS
    ):
        return "cn_pension"  # a pension's inputs, all of them, and "what does he get per month?"
    saving, matched = bool(_SAVINGS.search(text)), bool(_MATCH.search(text))
    if (
        _has_amount(numbers)
        and not _MONEY_OUT.search(asked)
        and not _VESTING.search(asked)
        and not _LIMIT_ASKED.search(asked)
        and not (_asks_a_rule(asked) and not _AMOUNT_ASKED.search(asked))
        and (((saving or matched) and _PROJECTION.search(text)) or (saving and matched))
        and (_US_PLAN.search(text) or not _in_china(text))
    ):
        # A projection asked of savings or of a match ("10% with a 50% match, how much at
        # 65?"), or savings with a match stated: a match explained alone is a question.
        return "us401k"
    return None


# A line broken inside a sentence, as copied homework and narrow screens wrap it ("…an APR
# of\n8%.", "…he deposits\n$45\nin the account"): the line goes on after a word or a number
# with no stop, in lower case or with a number. A list's next item opens in capitals.
_WRAPPED_LINE = re.compile(r"(?=[ \t\n])(?<=[A-Za-z0-9,$%])[ \t]*\n(?=[ \t]*[a-z0-9$%(])")
# "At age25", "aged30": a word typed against its number (no letter may touch a number, so as
# not to split "401k" or "k1").
_GLUED_AGE = re.compile(r"(?=a)\b(ages?|aged)(?=\d)", re.IGNORECASE)


_GLUED_CURRENCY = re.compile(
    r"(?=[urc])\b(usd|rmb|cny)(?=\d)", re.IGNORECASE
)  # "USD85k", "RMB8000"


# "85k, sorry, 87k", "46, no wait, 47", "24万，哦不对…26万4", "5800，不对，税前应该是6200": the
# number taken back is dropped, the one after the correction stays
_CORRECTED = re.compile(
    r"[$¥]?\d[\d,.]*\s*(?:[kmw万千]\d?|k\b)?%?\s*(?:刀|块|元|美元|美金|蚊|dollars?|bucks)?"
    r"\s*[,，—–。-]*\s*"
    r"(?:sorry|no wait|wait|i mean|oops|make that|scratch that|哦?不对|不是不是|说错了|我是说)"
    r"[^\d$¥]{0,16}?(?=[$¥]?\d)",
    re.IGNORECASE,
)
# An amount that changed ("pay went from 82k to 95k", 工资从试用期的8800涨到1万1): the new one
# counts, the old one goes (not rates: "from 6% to 10%" is read as the rate it goes to)
_SUPERSEDED = re.compile(
    r"(?=[wgjrbic从])(\b(?:went|go|goes|going|jump\w*|rose|rise\w*|rais\w*|increas\w*|bump\w*|grew|climb\w*|"
    r"chang\w*)\s+(?:up\s+)?)"  # a change, not a range ("the base runs from 5,284 to 29,979")
    r"from\s+[$¥]?(?!(?:19|20)\d\d\b)\d[\d,.]*\s*k?(?![\d.%])\s+to\s+(?=[$¥]?\d)|"
    r"从[^\d，,。]{0,8}?\d[\d,.]*\s*[万千kw]?\d?(?![\d.%])\s*(?:涨|提|升|调|加|变|降)(?:到|成|至)(?=\s*\d)",
    re.IGNORECASE,
)
# "will have 30 in total by retirement. Sorry, 29: …": the taken-back number ends its sentence
_CORRECTED_AFTER = re.compile(
    r"(?<![\d.])\d[\d,.]*((?:[^\d.?!]|40[13]\(?[kb]\)?){0,45}[.;])\s*"
    r"(?:sorry|oops|correction|no,? scratch that|scratch that|no,? make that|make that)"
    r"[,:]?\s*(?:it'?s |its )?[$¥]?(\d[\d,.]*)[:,]?",
    re.IGNORECASE,
)


def _corrected(text: str) -> str:
    """A message with the numbers its writer took back removed: the new number takes the
    old one's place, next to its cue ("salary is 85k, sorry, 87k" reads "salary is 87k")."""
    if _FROM_A_NUMBER.search(text):  # (cheap tests first: most texts change nothing)
        text = _SUPERSEDED.sub(r"\1", text)
    lowered = text.lower()
    if not any(word in lowered for word in _TAKEN_BACK):
        return text
    return _CORRECTED_AFTER.sub(r"\2\1", _CORRECTED.sub("", text))


# Every word a correction uses: without one, there is nothing to correct
_TAKEN_BACK = (
    "sorry",
    "wait",
    "i mean",
    "oops",
    "make that",
    "scratch that",
    "correction",
    "不对",
    "不是不是",
    "说错了",
    "我是说",
)
_FROM_A_NUMBER = re.compile(r"from\s+[$¥]?\d|从", re.IGNORECASE)


def _unwrapped(text: str) -> str:
    """A message with its wrapped lines joined, and an age or a currency code typed against
    its number split from it."""
    text = _GLUED_CURRENCY.sub(r"\1 ", _WRAPPED_LINE.sub(" ", text))
    return _GLUED_AGE.sub(r"\1 ", text)


def understand(
    text: str, context: CalcRequest | None = None, today: dt.date | None = None
) -> CalcRequest | None:
    """A calculation request from a message (and a pending request it may complete).

    `today` dates what a calendar year means ("born in 1985", "until 2040"): the engine's
    date, or the system's."""
    normalized = with_exact_figures(
        _corrected(  # again: corrections of numbers said in words (两成。哦不对…15%)
            percent_words_as_digits(
                digits_for_words(normalize(plain_numerals(_corrected(_unwrapped(text)))))
            )
        )
    )
    if context is not None and "fix" in context.params:
        return _fixed(normalized, context)
    values = parse_key_values(normalized)
    explicit = explicit_calculator(normalized)
    name = explicit or detect_calculator(normalized)
    if name is None and context is not None and find_numbers(normalized):
        name = context.calculator
    if name is None:
        return None
    continuing = context is not None and context.calculator == name
    params = dict(context.params) if continuing and context is not None else {}
    missing = params.pop("missing", None)
    found, derived_from = _read(name, normalized)
    if name == "us401k":
        derived_from += _dated(normalized, found, today or dt.date.today())
    params.update(found)
    if not explicit:
        # "= ?" in a sentence is not an input: typed keys count only when they are the
        # calculator's own and have a value ("years = ?" asks for the years); in a `/calc`
        # command every key counts, so a wrong one is refused.
        # In prose, a key is typed against its value ("alloc=2"): "access = instant pump" is a
        # sentence.
        values = {
            k: v
            for k, v in values.items()
            if k in CALCULATORS[name].keys
            and v.strip("?？")
            and f"{k}={v}" in normalized.replace(" ", "")
            and re.search(rf"(?<![a-z_]){k}=", normalized)
        }
    params.update(values)
    if missing and missing not in params and not found and not values:
        # A bare answer to the question we asked ("30", "30年", "$80k"): it fills that gap.
        numbers = find_numbers(normalized)
        if numbers:
            params[missing] = fmt(numbers[0].value)
        elif missing == "gender" and (gender := gender_of(normalized)):
            params["gender"] = gender
    return CalcRequest(name, params, _unused_numbers(normalized, params, derived_from))


def _read(calculator: str, normalized: str) -> tuple[dict[str, str], str]:
    """A calculator's inputs read from a message, and apart from them the numbers an input
    was worked out from (a reader's note, never a parameter)."""
    found = CALCULATORS[calculator].read(asked_person_only(normalized))
    derived_from = found.pop(DERIVED_FROM, "")
    return found, derived_from


# "born in 1985", 1988年次 (Taiwan's way of saying a birth year): the age this year
_BORN_IN = re.compile(
    r"\b(?:born|dob:?) (?:in |on )?(?:\d{1,2}(?:st|nd|rd|th)? )?(?:[a-z]+\.? )?(19[3-9]\d|200\d|'[4-9]\d)\b|"
    r"(?<!\d)(19[3-9]\d)\s*年\s*(?:出生|出世|生|次|的(?=[,，\s]))|"
    r"(?:民国\s*(\d{2,3})\s*年(?:次|生|出生)|(?<![\d.])(\d{2,3})\s*年次)|"
    r"(?<![\d.])([4-9]\d)\s*年的(?=[,，\s])"
)
# "DOB 12/19/1972", "born 3/4/1980": the age to the day (month first, as in the US)
_BORN_ON_DAY = re.compile(
    r"\b(?:born(?: on)?|dob:?|date of birth:?|birthday:?)\s*(\d{1,2})/(\d{1,2})/(19\d\d|20[01]\d)\b"
)
MONTHS_IN_YEAR = 12
_MONTH = r"(" + MONTH_ALTERNATION + r")[a-z]*\.?"
# "born December 21, 1985", "born 3 January 1979"
_BORN_ON_NAMED_DAY = re.compile(
    r"\bborn (?:on )?(?:" + _MONTH + r" (\d{1,2})(?:st|nd|rd|th)?,? |"
    r"(\d{1,2})(?:st|nd|rd|th)? " + _MONTH + r",? )(19[3-9]\d|200\d)\b"
)


def _day_of_birth(match: re.Match[str]) -> tuple[int, int, int]:
    """(month, day, year) from a birth date written with digits or a month's name."""
    if match.re is _BORN_ON_DAY:
        month, day, year = (int(g) for g in match.groups())
        return month, day, year
    name_first, day_after, day_first, name_after, written_year = match.groups()
    named = MONTH_NAMES.index(name_first or name_after) + 1
    return named, int(day_after or day_first), int(written_year)


# "until 2040", "retiring in 2034", "by 2049", 到2040年, 计划2045年退休: the year saving stops
_UNTIL_YEAR = re.compile(
    r"\b(?:until|till|through|by|retir\w*(?: in)?|in|at)\s+(?:the (?:spring|summer|fall|autumn|winter|"
    r"end|start|beginning) of\s+)?(?:(?:" + MONTH_ALTERNATION + r")[a-z]*\.?\s+)?"
    r"(20[2-9]\d)\b|(?:到|至|在|于)\s*(20[2-9]\d)\s*年|"
    r"(20[2-9]\d)\s*年\s*(?:底|末|初)?\s*(?:先|才|就)?\s*退"
)


def _dated(normalized: str, found: dict[str, str], today: dt.date) -> str:
    """Add the age from a birth year and the years from the year saving stops, when the text
    gives no age or horizon otherwise; returns the years they were worked out from."""
    used = ""
    on_day = _BORN_ON_DAY.search(normalized) or _BORN_ON_NAMED_DAY.search(normalized)
    if on_day and "age" not in found:
        month, day, year = _day_of_birth(on_day)
        if month > MONTHS_IN_YEAR:
            month, day = day, month  # 19/12/1972: the day first
        birthday_to_come = (today.month, today.day) < (month, day)
        if 0 < today.year - year < 110 and month <= MONTHS_IN_YEAR:
            found["age"] = str(today.year - year - birthday_to_come)
            used += f" {year}"
    born = _BORN_IN.search(normalized)
    if born and "age" not in found:
        written = born.group(1) or born.group(2)
        if written:
            year = 1900 + int(written[1:]) if written.startswith("'") else int(written)
        elif born.group(3) or born.group(4):
            # Taiwan's calendar (民国, "81年次"): year 1 is 1912
            year = 1911 + int(born.group(3) or born.group(4))
        else:
            year = 1900 + int(born.group(5))  # "85年的": a two-digit year of birth
        if 0 < today.year - year < 110:
            found["age"] = str(today.year - year)
            used += f" {year}"
    turning = _TURNING_SOON.search(normalized)
    soon = (turning.group(1) or turning.group(2)) if turning else None
    if soon and found.get("age", soon) == soon:
        found["age"] = str(int(soon) - 1)  # "turning 50 in January": 49 today
        used += f" {soon}"
    if "target" not in found and _MILLIONAIRE.search(normalized):
        found["target"] = "1000000"  # "a 401(k) millionaire by 55", 百万美元俱乐部
    until = _saving_until(normalized)
    if until and not {"years", "retire_age"} & found.keys():
        year = int(next(g for g in until.groups() if g))
        if year > today.year:
            found["years"] = str(year - today.year)
            used += f" {year}"
    return used


# A debt's clause ("car payment is $540/mo till 2028"): its year is not when saving stops
_DEBT_CLAUSE = re.compile(
    r"\b(?:car|auto|loan|mortgage|payments?|note|lease|rent|debt|student loans?|tuition)\b|"
    r"房贷|车贷|贷款|还款|房租|月供|供楼"
)


def _saving_until(text: str) -> re.Match[str] | None:
    """The year saving stops ("until 2040"), where a debt's end is not taken for it."""
    return next(
        (m for m in _UNTIL_YEAR.finditer(text) if not _DEBT_CLAUSE.search(_clause(text, m))),
        None,
    )


def _clause(text: str, match: re.Match[str]) -> str:
    """The sentence or clause a match sits in (between stops, semicolons and commas)."""
    start = max(text.rfind(stop, 0, match.start()) for stop in ".;!?。；！？，,")
    ends = [i for i in (text.find(stop, match.end()) for stop in ".;!?。；！？，,") if i >= 0]
    return text[start + 1 : min(ends, default=len(text))]


# An age reached soon, said as the age ("turning 50 in January", 明年就50了): a year less now
_TURNING_SOON = re.compile(
    r"\b(?:turning|turn|i'?ll be|will be) (\d\d) (?:in (?:"
    + MONTH_ALTERNATION
    + r")[a-z]*|next (?:month|year|week|spring|summer|fall|autumn|winter)|soon|"
    r"in (?:a few|a couple of|\d+) (?:weeks|months|days))\b|"
    r"明年(?:就|才)?(?:满|到)?(\d\d)(?:岁|周岁)?了?"
)
_MILLIONAIRE = re.compile(r"\bmillionaire\b|\bmillion[- ]dollar club\b|百万(?:美元|美金|刀)?俱乐部")


BARE_ANSWER_LENGTH = 24  # characters: "40", "$95k", "7%", "30年", "65 years old"


def _fixed(normalized: str, context: CalcRequest) -> CalcRequest | None:
    """The answer to "send the new value for X" (after the "change a value" button): a bare
    value goes to X whatever its kind (a reader would take "7%" for a contribution rate, not
    the return that was asked); a longer answer is read as usual, and must give X. Anything
    else is not an answer (a new question): None."""
    key = context.params["fix"]
    params = {k: v for k, v in context.params.items() if k != "fix"}
    numbers = find_numbers(normalized)
    if key == "gender" and (gender := gender_of(normalized)):
        return CalcRequest(context.calculator, {**params, "gender": gender})
    if key == "max":  # "the IRS maximum" changed to an amount or a share of pay
        params.pop("max", None)
        key = "contrib_pct" if numbers and numbers[0].percent else "contrib_amount"
    if len(normalized) <= BARE_ANSWER_LENGTH and len(numbers) == 1 and key != "match":
        value = numbers[0].value
        if key == "index" and value > 5:
            value /= 100  # "60%" of the average wage is the index 0.6
        return CalcRequest(context.calculator, {**params, key: fmt(value)})
    found, _ = _read(context.calculator, normalized)
    if key not in found:
        return None
    return CalcRequest(context.calculator, {**params, key: found[key]})


_TIER_NUMBERS = re.compile(r"\d+(?:\.\d+)?")
# A number is "used" when an input holds it as stated, or a year's worth of it paid by the
# quarter, month, half-month, fortnight or week (pay 8000 a month is 96000 a year), or a
# percentage's (60% is index 0.6), or it is an age written with a sex ("33m" is age 33), or a
# month's worth of a yearly amount (年薪30万 is a monthly wage of 25,000).
_USED_AS = (1, *PER_YEAR.values(), 1 / 12, 0.01, 1e-6)


def _unused_numbers(text: str, params: dict[str, str], derived_from: str = "") -> tuple[str, ...]:
    """Numbers of the message that no input holds (nor was worked out from), as written."""
    held: set[float] = set()
    for value in (*params.values(), derived_from):
        for part in _TIER_NUMBERS.findall(value):
            held.add(round(float(part), 6))
    unused = []
    for number in find_numbers(text):
        if any(round(number.value * factor, 6) in held for factor in _USED_AS):
            continue
        written = text[number.start : number.end].strip()
        if not number.percent and abs(number.value) < 2:
            continue  # "one of them", "1 in 4": counts, not inputs
        if len(written) == 1 and not written.isdigit():
            continue  # one Chinese numeral is a word here: 五险一金, 三支柱
        unused.append(written)
    return tuple(dict.fromkeys(unused))
