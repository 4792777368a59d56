"""Read a 401(k) projection request: the slot table, the match formula and zero-words."""

import itertools
import re
from dataclasses import replace
from functools import lru_cache

from bot.calcs.readers.match import match_tiers
from bot.calcs.readers.zero import zero_inputs
from bot.calcs.request import fmt
from bot.calcs.scan import Quantity, scan
from bot.calcs.slots import Slot, assign, slot, yearly_value

_PLAN = r"(?:401k|403b|ira|account|plan|savings|retirement)"
_MY = r"(?:(?:my|his|her|the|your|our|a|an|an old|my old)\s+)?"
_PERIOD = (
    r"(?:\s*(?:a|per|each|every)\s+(?:year|month)|\s*/\s*(?:yr|year|mo|month)|"
    r"\s*annually|\s*monthly)?"
)
_AGE_BEFORE = (
    r"(?<!the time )(?<!when )\bi'?m|(?<!the time )(?<!when )\bi am|"
    r"\byou'?re|\byou are|\bwe'?re|\bwe are|\bme\s*[:=]|(?:^|[,;]\s*)me|"
    r"\b(?:now|currently|today)(?: at)?|"
    r"(?<!by )(?<!at )(?<!until )(?<!till )(?<!around )(?<!about )(?<!retirement )(?<!to )"
    r"\baged?\b|"
    r"\bturning|\bturned|\bnow\b|"
    r"今年满?|年龄|现年|现在|目前|"
    r"\bstart(?:ing|ed)?(?:\s+\w+){0,3}\s+at(?: age)?|\bbegin\w*(?:\s+\w+){0,3}\s+at(?: age)?|"
    r"\b(?:he|she)(?:'s| is)|\b(?:hes|shes)\b|\b(?:we|we're|and i) (?:are|both)|"
    r"\bboth|我|"
    # "calculate: 35, 100k salary…": a list after a word asking for it opens with the age
    r"^(?:please )?(?:calc(?:ulate)?|compute|quick math|math|run the numbers|numbers|scenario)"
    r"(?: for me| this)?\s*:"
)
_AGE_AFTER = r"\s*(?:now|this year|right now)|了"
# "catch-up contributions starting at age 50": the age catch-ups begin, not the asker's; and
# "到62岁", "by 60" (even opening the text: "到62岁，33岁…") name an age to come.
_CATCH_UP = (
    r"catch[- ]?up[^.?!;]{0,40}$|追加[^。？！]{0,12}$|"
    r"(?:到|至|(?<!now )(?<!currently )(?<!today )\bat|\bby|\buntil|\btill)\s*$"
)

# Pay that rises ("工资每年涨3%", 薪水年增2%) is a raise, not the market's return (涨).
_PAY = r"(?:工资|薪水|薪资|薪酬|收入|年薪)"
_PAY_RISES = (
    r"(?:每年|一年|年)?(?:都|会)?(?:(?:上|调|上调)?(?:涨|增长?|增加|提高|调升)(?:幅度)?|调(?:薪)?)"
)
_EN_PAY_RISES = (
    r"(?:salary|pay|wages?|income)\s+(?:to\s+)?(?:growth|grows?|increases?|rises?|rise|goes up|"
    r"go up|bumps?)(?:\s+(?:by|at|of))?(?:\s+a rate of)?|"
    r"(?:annual|yearly) (?:salary |pay )?(?:increases?|bumps?)"
)
_NOT_EN_PAY = "".join(f"(?<!{pay} )" for pay in ("salary", "pay", "wage", "wages", "income"))
_NOT_PAY = "".join(
    f"(?<!{pay}{gap})" for pay in ("工资", "薪水", "薪资", "薪酬", "收入") for gap in ("", "每年")
)

# What the employer puts in by itself ("the company contributes 3% of his salary", 公司每年给5000)
# is no input of ours: only a match formula is.
_COMPANY_PUTS_IN = (
    r"(?:company|employer|they|hospital|school|district|firm|agency|university|state|plan)\s*"
    r"(?:is |also |will |then |do |does )?(?:contribut\w*|adds?|puts? in|put (?:a |an )?|"
    r"drops?(?: in)?)|"
    r"(?:公司|雇主|单位)(?:每年|每月|每个月)?(?:再|也|会|还)?(?:给|存|缴|贡献|供款|提拨)"
)

# "catch-up contributions starting at 50", "from 45": an age one starts at, not retires at
_NOT_RETIRING = (
    r"(?:catch[- ]?up(?: contributions?)?|starting|start|begin(?:ning)?|from|"
    r"retired(?: early)?)"
    r"\s*(?:at\s*)?(?:age\s*)?$|(?:补缴|从)\s*$|"
    r"\d{2}\s*岁?\s*(?:到|至)\s*$"  # 60到63岁的超级追加: a rule's span of ages
)

# "hit $1 million in my 401k", 想在60岁退休时401k里有150万: a sum aimed at (the target), not held
_AIMED_AT = (
    r"\b(?:hit|reach|get to|grow to|end up with|accumulate|aim for)\s*\$?\s*$|"
    r"\b(?:goal|target)\s*(?:is|:)?\s*\$?\s*$|"
    r"(?:想|希望|目标|计划|打算|要在)(?!知道)(?:(?!现在|目前|今年|已经)[^，,。；;？?|/]){0,16}$"
)

TABLE: tuple[Slot, ...] = (
    # ages and horizons
    slot(
        "age",
        "age",
        before=_AGE_BEFORE,
        after=_AGE_AFTER,
        window=4,
        not_before=_CATCH_UP,
        not_before_window=50,
    ),
    slot(
        "age",
        "count",
        before=_AGE_BEFORE,
        after=_AGE_AFTER,
        window=4,
        low=14,
        high=110,
        not_before=_CATCH_UP,
        not_before_window=50,
    ),
    slot(
        "retire_age",
        "age count",
        # "retired at 62" is past (the asker is retired), "be retired by 55" is a goal
        before=r"(?:retires?\b|(?:be|being|get|got to be) retired)(?: at| by)?(?: around| about)?"
        r"(?: age)?|retirement(?: at| age)?|"
        r"until (?:he |she |i |you )?"
        r"(?:hits?|reach(?:es)?|turns?)|\bby (?:age|the time (?:i'?m|i am|i turn))|"
        r"\bwhen (?:i'?ll|i will|i'?d|i would|he'?ll|she'?ll) be|"
        r"\bwhen (?:i'?m|i am|i turn|i hit|i reach|he'?s|she'?s|we'?re)|"
        # "what will I have at 65", "what will it be (worth) at 60": the age projected to
        # ("by the time I'm 60" is the cue above: the look-ahead comes before "the" is eaten)
        r"\b(?:have|be|be worth|worth|end up with)\s+(?:at|by)(?!\s*the time)(?: the)?"
        r"(?: age)?(?: of)?",
        after=r"退休|退下来|退的话|退(?=[，,。；;？?!\s]|$)|\s*(?:retire|retirement)|时|的时候|岁?之?前|"
        r"岁?\s*收工|"  # 諗住55歲收工 (Cantonese: stop working)
        r"(?:能|会|可以)?(?:有|存到?|攒到?|滚到|涨到|变成|达到|拿到?)多少",
        window=6,
        low=30,
        high=110,
        not_before=_NOT_RETIRING,
    ),
    # "at 65", "by 60", 到65岁: a retirement age unless a surer cue took one ("is 300k at 45
    # enough to retire at 65?": the retirement is 65, and 45 is the age now, below)
    slot(
        "retire_age",
        "age count",
        before=r"\bat(?: age)?|\bby\b|\bfor\b|\buntil\b|\btill?\b|(?<!up )\bto\b|到|在",
        window=6,
        low=30,
        high=110,
        before_penalty=1,
        not_before=_NOT_RETIRING,
    ),
    slot("age", "age count", before=r"\bat(?: age)?", window=2, low=14, high=110, before_penalty=2),
    # A number that opens the text, a sentence or a list ("35, 100k in my 401k…", "本人30岁",
    # "quick background: 33, …"): weaker than a retirement cue on the same number.
    slot(
        "age",
        "age count",
        # ("Nurse, 33, …", "Teacher here, 45.": who one is, then the age)
        before=r"^\s*[a-z]+(?:\s+[a-z]+){0,2},\s*|^|[.:!?;\n]\s*|\s[-–]\s*",
        window=4,
        low=14,
        high=110,
        before_penalty=1,
        not_before=_CATCH_UP,
        not_before_window=50,
    ),
    # A spouse's age counts when the asker gives none ("My wife is 35 and I'm 38": 38).
    slot(
        "age",
        "age count",
        before=r"\b(?:wife|husband|spouse|partner)(?:'s| is)",
        window=4,
        low=14,
        high=110,
        before_penalty=1,
    ),
    # "Maria is 25 and earns…": weaker than any retirement cue ("retirement age is 65").
    slot("age", "count", before=r"\bis\b", window=2, low=14, high=110, before_penalty=3),
    slot("age", "age", fallback=True),
    slot(
        "years",
        "duration",
        before=r"\bfor|\bin|\bafter|\bover|\bnext|\banother|再|还有|还要|还能干|还能做|存|投|缴|坚持",
        after=r"\s*(?:to go|from now|later|til|till|until|left to)|后|以后|之后|内",
        window=6,
        high=80,
        fallback=True,
    ),
    # amounts
    slot(
        "salary",
        "money",
        before=r"salary(?: is| of)?|\bmake|\bmaking|\bearn(?:ing|s)?|income(?: is| of)?|"
        r"\bpaid(?![- ]off)|\b(?:job|position|role|offer) (?:that )?pay(?:ing|s)|\bsal\b|"
        r"\bpay ?checks? (?:is|are|of|comes to)|\b(?:pull|bring)(?:s|ing)? in|"
        r"(?:^|[/|,;.]\s*)pay\s*(?:[:=]|is|was)?|\bmy pay (?:is|was)|人工|"
        r"\bbase(?: salary| pay)?(?: is| of)?|"
        r"\bgross|年薪|年收入|收入|工资|薪水|月薪|薪资|"
        r"%\s*of(?:\s+(?:my|his|her|your|our|a|an))?|"  # "10% of 80k": the pay it is a share of
        r"%\s*match on(?:\s+(?:my|his|her|your|their|our))?",  # "a 4% match on his 96k"
        after=r"\s*(?:a year |per year |annually |/\s*(?:yr|year) )?(?:salary|income|gross|pay\b|"
        r"base\b(?! rate))|"
        r"\s*(?:美元|美金|刀|元)?\s*的?\s*(?:年薪|薪水|工资|薪资|收入)",
        window=12,
        low=1000,
        yearly=True,
    ),
    # "22yo, 45k/yr, I put 10% in": a yearly amount no cue claims is pay, weakly
    slot(
        "salary",
        "money",
        after=r"\s*(?:/\s*(?:yr|year)|a year|per year|annually)",
        window=1,
        low=30_000,
        after_penalty=3,
        yearly=True,
    ),
    # "want to retire at 57 with 500k": the sum wished for, not the one saved (before the
    # balances: the same "with 500k in my 401k" would otherwise be a balance)
    slot(
        "target",
        "money",
        before=r"\b(?:want|hope|like|plan|aim|goal is|trying)(?:ing|s|ed)? to retire\b"
        r"[^.?!;]{0,20}?\b(?:with|w/|having)|\b(?:want|need|hoping for|aiming for|aim for)|"
        r"\b(?:i'?d|i would|we'?d|we would) like\b|"
        r"(?:想|希望|打算|要)\s*\d\d\s*岁\s*(?:退休)?时[^，。,]{0,10}?有|"  # 想55岁退休时账户有
        r"\bmy number(?: is)?|\b(?:shooting|gunning) for|"
        r"\b(?:the|our|my) (?:magic )?number\b[^.?!;$\d]{0,40}?\bis",
        # "is 900k realistic by 67?": a sum aimed at, asked about
        after=r"\s*(?:in today'?s (?:money|dollars)\s*)?(?:(?:really|actually) )?"
        r"(?:realistic|doable|achievable|attainable)",
        window=6,
        low=1000,
        stock=True,
    ),
    # "what do I need to put in per paycheck … to have $1.4M at 62?": a sum aimed at ("lucky to
    # have $50k saved" is one held)
    slot(
        "target",
        "money",
        before=r"\bto have",
        window=2,
        low=1000,
        stock=True,
        not_before=r"\b(?:lucky|glad|happy|fortunate|managed|able|proud|enough)\b",
        not_before_window=20,
    ),
    slot(
        "balance",
        "money",
        before=r"balance(?: as of [^:\d$]{0,30}:| of| is)?|"  # "Balance as of the last statement:"
        r"\b(?:i've|we've|they've|i have|we have|has|had) saved(?: up)?"
        r"(?: about| around| roughly| nearly| over)?|余额|账户里有|已经存了|已经攒了|已存|已攒|"
        r"(?:401k|账户)\s*(?:里|账户里|账户)?\s*(?:现在|目前|已经)?\s*(?:大概|大约|约|才|只|一共)?\s*"
        r"(?:有|存了|攒了)|加起来|一共有|总共有|一共(?:大概|大约|约)?|合计|存有|(?:里|里面)?还剩|"
        r"(?:里|里面)还有|账上|"
        r"\bjust (?:crossed|passed|topped)|"
        r"(?:401k|403b|账户|户口)\s*(?:里|里面)?\s*(?:而家|现在|目前)?\s*(?:有|得)?\s*$|"
        r"(?:401k|403b|账户|里面|里头)\s*(?:里|里面|账户)?\s*(?:现在|目前|已经|大概|大约|约|一共|总共|差不多|将近|接近)+\s*"
        r"(?:有|是|存了|攒了|累积|累计)?\s*$|"  # 401k目前35万刀
        r"\broll(?:ed|ing)?(?: (?:over|in))?\b|\brollover(?: of)?|\bholds?\b|"
        r"\b(?:it|that)(?:'s| is) (?:at|sitting at|worth|up to|now at)|\bcurrently at|"
        r"\bmy\s+(?:old\s+)?(?:401k|403b|ira|account)\s*\(\s*$|"
        r"\b(?:right now|currently|now),?\s+it'?s|\bit'?s (?:now|currently)|\bsitting at|"
        r"\bbring(?:ing)? over|"
        # "…into the old 401(k). It's $231,400"
        r"(?:401k|403b|ira|account)\)?\s*[.!;]\s+(?:and\s+)?it'?s\s*$|"
        r"(?:401k|403b|account|balance|\bbal|ira)s?(?:\s+(?:value|balance|total|bal))?\s*"
        r"(?:is|has|of|=|:|at|sits at|sitting at|stands at|(?:is |'s )?worth|"
        r"(?:is|'s) (?:at|around|about|sitting at|now|currently)|"
        r"(?:currently|now|right now|today)(?: at)?)?\s*"
        r"(?:~|about|around|roughly|approximately)?\s*$",
        after=r"\s*(?:saved|stashed|put away|sitting)?\s*(?:up )?(?:in|into|inside|across)\s+"
        + _MY
        + r"(?:old\s+)?(?:401k|403b|ira|account|plan|retirement|fund|index fund)"
        + r"|\s*(?:current |starting )?balance|在\s*401k|\s*in (?:there|it)\b|\s*bal\b|"
        r"\s*(?:today|as of today|right now)\b",
        window=10,
        low=100,
        stock=True,
        not_before=_AIMED_AT,
    ),
    # A one-off sum put in once ("a $10,000 investment", "1万美元放在基金里", "what would $10,000
    # grow to") starts the balance.
    slot(
        "balance",
        "money",
        before=r"lump sum(?: of)?|one[- ]time (?:investment|deposit|contribution)(?: of)?|"
        r"一次性(?:投入|存入|存|投|放)?",
        after=r"\s*(?:investment|lump sum|one[- ]time)\b|\s*(?:放在|放进|存进|存在|投在|投进)|"
        r"\s*(?:grow|compound|turn into|become)",
        window=6,
        low=100,
        stock=True,
    ),
    slot(
        "balance",
        "money",
        # "能靠600万美元退休吗", "retire on $1.5M": the sum lived on
        before=r"\bhave|\bhas|\bhad|\bgot|\bwith|\bw/|\bretire (?:comfortably |early )?on|"
        r"已经?有|现有|存款|才|手[上里头]有|有|用|靠|凭",
        after=r"\s*(?:saved|stashed|sitting)|\s*(?:be |is )?(?:enough|sufficient)|够",
        window=10,
        low=100,
        stock=True,
        before_penalty=2,
        after_penalty=2,
        not_before=_AIMED_AT,
    ),
    slot(
        "contrib_amount",
        "money",
        before=r"contrib\w*|\bput(?:ting)?(?: in| away)?|deposit\w*|\bsav(?:e|ed|ing)|invest\w*|"
        r"\b(?:throw|chuck|stick|sock|stash)(?:s|ing)?(?: in| away)?|"
        r"\bmax(?:ing|ed|es)?\b(?:\s+(?:it|them|(?:(?:the|my)\s+)?(?:401k|403b)))?(?:\s+out)?"
        r"(?:\s+(?:at|with|to|by))?|"
        r"\badd(?:ing)?|defer\w*|\b(?:gonna|going to|will|i'?ll) do\b|\bdrop\w*|"
        r"存满?(?![款了有])|投入?|缴|"
        r"供款|供(?!完)|放|定投|提拨|自提|储蓄|存入|"
        r"扣(?:除)?",
        after=r"\s*(?:美元|美金|刀)?\s*(?:存|放|投)(?:进|入|到)|"
        + _PERIOD
        + r"\s*(?:into|to)\s+"
        + _MY
        + r"(?:401k|403b)|"
        r"\s*(?:a|per|each|every)\s+(?:year|month|week|pay ?check)\s+in\s+"
        + _MY
        + r"(?:401k|403b)|"
        + _PERIOD
        + r"\s*(?:contributions?|deferrals?|deposits?|investments?)|"
        r"\s*(?:in total |total )?this year|"
        + _PERIOD
        + r"\s*(?:going|goes|that goes|gets put) in\b|"  # "$1,150/mo going in"
        r"\s*(?:(?:comes?|goes|is taken) )?(?:out of|from|of) (?:each|every|my|a) "
        r"(?:(?:bi-?weekly|weekly|semi-?monthly|monthly) )?(?:(?:pay ?)?check|one\b|1\b)|"
        r"\s*(?:every|each|per|a) (?:pay ?check|check|pay period)\b",
        window=14,
        low=1,
        yearly=True,
        not_before=_COMPANY_PUTS_IN,
    ),
    slot(
        "target",
        "money",
        before=r"get to|\bgets? (?:me|us) to|\bmake it to|\breach|\bgoal|\btarget|\bhits?\b|"
        r"\bcross(?:es|ing)?\b|\btops?\b|"
        r"目标|达到|攒到|存到|能到|到|(?:攒|存|凑)够|"
        r"(?:will|would|could|can) (?:i|we|you|they|she|he)? ?have(?: over| about| around)?|"
        r"(?:want|need|hope|like|plan) to have|end up (?:with|w/)|"
        # "what do I need to put in per paycheck … to have $1.4M at 62?"
        r"\breally (?:at|get)|\bget\b|"
        r"\b(?:each|every|a|per) (?:year|month) to have|"
        r"\b(?:i|we|you|they|she|he)(?:'ll| will|'d| would) have"
        r"(?: (?:over|about|around|roughly|nearly|almost|only|just))?|"
        r"\b(?:balance|401k|403b|account|it|that|savings|nest egg|money|investments?|"
        r"portfolio)\b[^.?!;$\d]{0,30}?"
        r"\b(?:will|would|could) (?:be|grow to)(?: worth)?(?: about| around| roughly| nearly)?|"
        r"\b(?:is it|it's|that's|is that) (?:really|actually)|"
        # "you will accumulate $1M" (not "I've accumulated 200k": that is a balance)
        r"grows? to|\baccumulat(?:e|ing)\b(?: about| around| roughly| nearly| over)?|"
        r"增长到|增长至|增至|涨到|涨至|变成|"
        r"(?:可能|将|就)?(?:会|能)(?:拥有|有)|将拥有|真的有|"
        r"时有|的时候有|想(?:要)?有|希望有|要有|"
        r"(?:时|的时候|嗰阵|𠮶阵)\s*(?:401k|403b|账户)?\s*(?:里|里面)?\s*(?:能|会|要)?\s*(?:至少|最少)?\s*有",
        after=r"\s*(?:goal|target)|\s*by (?:age )?\d{2}\b",
        window=10,
        low=1000,
        stock=True,
    ),
    # percentages
    # pay rises, fees and inflation first: their cue words are surer than a return's ("at")
    slot(
        "fee",
        "percent",
        before=r"fees?|expense\w*|expense ratio(?: of| is)?|charg\w*|\btakes\b|\bfunds?'?s?\s+er\b|"
        r"费用|管理费|费率|手续费|"
        r"内扣",
        after=r"\s*(?:in )?(?:fees?|expense ratio|\ber\b)|费(?!率\s*\d)",
        window=25,
    ),
    slot(
        "inflation",
        "percent",
        before=r"inflation|通胀|通货膨胀|通膨",
        after=r"\s*inflation|通胀|通膨",
        window=25,
    ),
    slot(
        "raise",
        "percent",
        before=r"raises?(?: have been| are| were| run| of| average| averag(?:e|ing))?|加人工|"
        r"\bmerit (?:increases?|raises?)(?: of)?|"
        + _EN_PAY_RISES
        + r"|涨薪|加薪|调薪|"
        + _PAY
        + r"(?:"
        + _PAY_RISES
        + "|"
        r"(?:每年|一年)?(?:以|按)(?:每年)?)",  # 工资每年以2%的速度上涨
        after=r"\s*(?:(?:a|per) year |/\s*yr |annual |yearly )?(?:raises?|bumps?|"
        + _EN_PAY_RISES
        + r")|涨薪|加薪",
        window=25,
    ),
    # "年薪19.5万，每年大概涨4%": the pay's own clause, then its yearly rise
    slot(
        "raise",
        "percent",
        before=_PAY + r"[^，,。；;！!？?]{0,15}[，,]\s*(?:每年|一年)(?:大概|大约|约|差不多)?"
        r"(?:会|能|都)?(?:上涨|涨|增长|增加|提高)(?:个)?",
        window=2,
    ),
    # "每年能涨4%左右的工资": a rise, then the pay it is of
    slot(
        "raise",
        "percent",
        after=r"\s*(?:左右|上下)?\s*的?\s*" + _PAY,
        window=4,
        only_after=r"(?:涨|增长?|增加|提高)\s*$",
    ),
    slot(
        "return",
        "percent",
        before=r"return|interest|\bapr\b|annual percentage rate|"
        + _NOT_EN_PAY
        + r"grow\w*|\bearns?\b|earning|yield|\brate of|"
        r"回报|报酬|投报|收益|年化|利率|复利|增值|(?:每年|一年|年)赚|" + _NOT_PAY + r"涨|"
        # "If I get 7% and retire at 65"
        r"\bif (?:i|we|it|they) (?:get|gets|earn|earns|make|makes|average|averages)|"
        r"\band (?:get|earn|average|make)\b|"  # "if I work until 65 and average 7%"
        r"\b(?:it|that) (?:averages|earns|returns)\b",
        after=r"\s*(?:annual |average |a year |per year |yearly )?(?:returns?|growth|interest|"
        r"yield|nominal)|\s*(?:avg|average|annuali[sz]ed)\b|回报|收益|年化|"
        r"\s*(?:的?(?:年化|回报|收益)率?)?\s*(?:来|去)?(?:算|计算|估算)",  # 按6%算
        window=30,
        after_penalty=1,  # "通胀按3%算": the inflation's cue is as near
    ),
    slot(
        "return",
        "percent",
        before=r"market (?:does|returns?|makes)|\bdoes|\bassum\w*|\bexpect\w*|\bat|(?<!match )@|"
        r"\buse\b",
        after=r"\s*(?:a|per|each) year|\s*/\s*(?:yr|year)\b|\s*annually|\s*compounded|\s*yearly|"
        r"\s*(?:for|over) (?:the next )?\d+ (?:more )?(?:years|yrs)",
        window=12,
        after_penalty=3,
        before_penalty=3,
    ),
    slot(
        "contrib_pct",
        "percent",
        before=r"contrib\w*|defer\w*|\bsav(?:e|ing)|\bput(?:ting)?(?: in)?|"
        r"\b(?:signed up|enrolled|elected)(?: at| for)?|"
        r"\bi(?: do|'m doing| am doing)|"
        r"\b(?:can (?:only )?)?(?:swing|afford)|"
        r"\binvest(?:ing|s)?\b(?!\s+(?:at|in|with|for|and))|"
        r"自提|存|缴|交|贡献|供款|供|提拨(?:比例)?|储蓄|放|扣(?!掉|除)",
        after=r"\s*(?:of (?:my |his |her |your )?(?:salary|pay|income|paycheck))|"
        r"\s*(?:to|into|in)\s+"
        + _MY
        + r"(?:401k|403b|ira|plan|account)\b|\s*(?:contrib(?:ution)?s?|deferrals?)\b|"
        r"\s*in\b(?=\s*(?:[,.;|/]|$))|\s*(?:pre-?tax|roth)\b|"  # "10% in", "8% pre-tax"
        r"\s*的?\s*(?:工资|薪水|薪资|收入|人工)|"  # 储蓄8%的工资
        r"\s*(?:存|放|投)(?:进|入|到)|\s*进\s*401k|"  # 把10%存进401k, 工资的一成进401k
        r"\s*of\s+(?:my |his |her |our |your |a |an )?(?:\$\s?)?\d|"  # "10% of 85k"
        r"\s*of each (?:one|1|check|pay ?check)\b",
        # "from 6% to 10%", "if I go to 10%": the rate it changes to
        window=30,
        # no fallback: a bare percent with no cue ("30, 80k, 7%") may as well be a return,
        # and asking beats guessing
        not_before=_COMPANY_PUTS_IN,
        not_before_window=40,
    ),
    slot("contrib_pct", "percent", before=r"\b(?:401k|403b)\b", window=0),
    slot(
        "contrib_pct",
        "percent",
        before=r"\bfrom \d+(?:\.\d+)?%\s*to|\b(?:go|going|bump\w*|rais\w*|increas\w*)"
        r"(?:\s+(?:my|the)\s+(?:401k|403b|contributions?|deferral)|\s+it)?\s+to",
        window=1,
    ),
    # "age 43 / pay 118k / 9% / …": the one percent alone as an item of a list is what one
    # puts in, unless an amount put in is stated ("contrib 20k per yr / 6%": a return, maybe)
    slot(
        "contrib_pct",
        "percent",
        fallback=True,
        unless="contrib_amount",
        only_after=r"[/|]\s*$",
    ),
)
# A person's age is a whole number: "59.5" and "70.5" are the rules' ages (59½, 70½), never
# the asker's age or the age projected to.
TABLE = tuple(
    replace(row, whole=True) if row.name in ("age", "retire_age") else row for row in TABLE
)
_BY_NAME = {row.name: row for row in reversed(TABLE)}  # a name's first row decides its units
_AGE_SPAN = re.compile(
    r"(?:between|from) (?:the )?(?:ages? (?:of )?)?(\d{2}) ?(?:and|to|-|–|until|till) ?"
    r"(?:age )?(\d{2})\b"
)
# "aged 25 to 34", "25-34 year olds": an age bracket of other people (a span from one's own
# age to retirement says "between"/"from", read by _AGE_SPAN first)
_AGE_BRACKET = re.compile(
    r"(?<!between )(?<!from )\b(?:aged|ages)\s+\d{2}\s*(?:to|-|–)\s*\d{2}\b|"
    r"\b\d{2}\s*(?:-|–|to)\s*\d{2}[- ]year[- ]olds\b"
)
# 从30岁存到60岁, 30岁到60岁每年存: saving from the one age to the other
_AGE_SPAN_CN = re.compile(
    r"从\s*(\d{2})\s*岁?\s*(?:开始)?\s*(?:存|投|放|缴|干|工作)?\s*(?:到|至)\s*(\d{2})\s*岁"
)
# A rate or amount that belongs to a debt ("a mortgage at 3.5%") is not an input.
_DEBT = re.compile(
    r"\bloan|mortgage|\bdebt|car payment|credit card|房贷|贷款|车贷|欠|(?<![个每])月供|供楼"
)
DEBT_WINDOW = 32  # "the mortgage has ~$340k left at 3.1%"


def _of_a_debt(text: str, quantity: Quantity) -> bool:
    """Whether a debt is named shortly before a quantity, in its own sentence."""
    before = text[max(0, quantity.start - DEBT_WINDOW) : quantity.start]
    return bool(_DEBT.search(re.split(r"[.!?;]\s|[。！？；]", before)[-1]))


# "x 1.07 to the power of 30": a growth factor states the return.
_POWER = re.compile(r"(?:x|×|\*)\s*1\.(\d+)|1\.(\d+)\s*(?:to the power|\^|的)")
_MATCHED_AT = re.compile(
    r"\bmatched\s*(?:at\s*)?(\d+(?:\.\d+)?)%|按\s*(\d+(?:\.\d+)?)%\s*(?:的比例)?\s*匹配"
)


# "At 45, I have…", "At age 62, an individual with…": a sentence that opens with an age and
# goes on to state what one has is about now ("…at 65, will I…" asks about then).
_AGE_NOW = re.compile(
    r"(?:^|[.!?;]\s*)at (?:age )?(\d{2}),?\s+(?=(?:i|i'm|i've|we|we're|my|our|an?|he|she)\b)"
    r"(?![^.?!;]{0,30}?(?:\b(?:will|would|could|can)\b|'ll\b|'d\b))"  # "at 65 I'd have…": then
)


# An amount held in a named account: "$550k in an IRA", "55万美元IRA", "11万美元的401k".
_IN_ACCOUNT = re.compile(
    r"\s*(?:美元|美金|刀|dollars?|bucks)?\s*(?:(?:in|into|inside)\s+)?"
    r"(?:(?:an?|my|his|her|our|the)\s+)?的?\s*"
    r"(?:(?:roth|traditional|rollover)\s*)?(?:ira|401k|403b|457b|tsp)s?(?![a-z0-9])"
)
_JOINED = re.compile(r"^\s*(?:,|\+|and|plus|&|和|加|以及|及|、)?\s*(?:another\s+)?$")


def _balances_by_account(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Two or more amounts each held in a named account and listed together (joined by
    "and", "+", 和…): the savings are their sum. Empty when there is no such list."""
    held = [
        q
        for q in quantities
        if q.kind == "money" and q.period is None and _IN_ACCOUNT.match(text, q.end)
    ]
    for first, second in itertools.pairwise(held):
        end = _IN_ACCOUNT.match(text, first.end)
        if end and _JOINED.match(text[end.end() : second.start]):
            group = [first, second]
            for later in held[held.index(second) + 1 :]:
                tail = _IN_ACCOUNT.match(text, group[-1].end)
                if tail and _JOINED.match(text[tail.end() : later.start]):
                    group.append(later)
            return group
    return []


# Contributing the most the IRS allows, with no amount given.
_MAXED = re.compile(
    r"\bmax(?:ing|ed|es)?\b(?:\s+(?:it|them|everything|it all|all|(?:(?:the|my|our)\s+)?"
    r"(?:401k|403b)s?))?\s+out\b|"
    r"\bmax(?:ing|ed|es)?\s+(?:(?:the|my|our)\s+)?(?:401k|403b)s?\b|"
    r"\bmaxing (?:everything|it all)\b|\bmax(?:es)? it (?:out )?(?:every|each) year\b|"
    # a verb that does it, not the noun: "the contribution limit at 50" is a fact asked about
    r"\bcontribut(?:e|es|ed|ing) (?:the )?(?:full )?(?:irs |annual |legal )?"
    r"(?:max(?:imum)?|limit)\b|"
    r"\bthe (?:irs )?max(?:imum)? (?:each|every) year\b|"
    r"\b(?:make|makes|making|do|does|doing|hit|hits|hitting)\s+(?:the\s+)?max(?:imum)?"
    r"(?: contributions?)?\b|"
    r"(?:存|放)满\s*(?:401k|403b)|(?:401k|403b)\s*(?:每年|每个月|都|也)*\s*(?:存|放)满|(?:每年|每个月)\s*(?:都|也)?\s*(?:存|放)满|顶格存|"
    r"(?:存|放|缴|提拨|供)(?:到|满)(?:上限|顶)|(?:一起|全部|都)\s*(?:存|放|供)满|"
    r"(?:每年|每个月)\s*(?:都|也)?\s*(?:打算|会|要|准备)\s*(?:存|放|供)满|年年(?:都)?(?:存|放|供)满|"
    r"(?:每年|每个月)\s*(?:都|也)?\s*(?:存|放|供)尽|"
    r"\bthe most (?:i'?m|i am|we'?re|you'?re) allowed\b|\bas much as (?:i'?m |i am )?allowed\b"
)


# A rate given by the month ("a monthly interest rate of .5 percent", "1% a month", 月利率0.5%).
_MONTHLY_RATE_BEFORE = re.compile(
    r"\bmonthly (?:interest |investment )?(?:rate|return)(?: of| is)?\s*$|月(?:利率|收益率?)\s*$"
)
_MONTHLY_RATE_AFTER = re.compile(r"\s*(?:(?:a|per|each|every) month\b|monthly\b|/\s*mo\b)")


def _monthly_rate(text: str, rate: Quantity) -> bool:
    """Whether a return is stated by the month."""
    return bool(
        _MONTHLY_RATE_BEFORE.search(text[max(0, rate.start - 40) : rate.start])
        or _MONTHLY_RATE_AFTER.match(text, rate.end)
    )


def _bare_pay(
    quantities: list[Quantity], filled: dict[str, Quantity], params: dict[str, str]
) -> Quantity | None:
    """The pay in a terse list ("28 / 62k / 8% / …"): a share of pay is put in, no cue named
    the pay, and one sum of a pay's size is left over that no input took."""
    if "salary" in params or "contrib_pct" not in params:
        return None
    taken = {id(q) for q in filled.values()}
    left = [
        q
        for q in quantities
        if q.kind == "money"
        and id(q) not in taken
        and q.period in (None, "year")
        and MIN_BARE_PAY <= q.value <= MAX_BARE_PAY
    ]
    return left[0] if len(left) == 1 else None


MIN_BARE_PAY, MAX_BARE_PAY = 10_000, 500_000
_BARE_AT = re.compile(r"(?:\bat(?: age)?|在)\s*$")
_RETIRING_AT = re.compile(r"(?:retir\w*|退休)[^.?!;,，。？！；\d]{0,12}$")


def _age_now_after_horizon(text: str, age: Quantity, params: dict[str, str]) -> bool:
    """Whether a bare "at 48", read as the age to retire at, is the age now: the years to go
    are stated too and no other age is, and no word of retiring leads to it."""
    before = text[max(0, age.start - 20) : age.start]
    return (
        "years" in params
        and "age" not in params
        and bool(_BARE_AT.search(before))
        and not _RETIRING_AT.search(before)
    )


def read_us401k(text: str) -> dict[str, str]:
    """Parameters of a 401(k) projection, as canonical strings."""
    return dict(_read_us401k(text))


@lru_cache(maxsize=256)
def _read_us401k(text: str) -> tuple[tuple[str, str], ...]:
    """The reading itself, remembered: deciding whether a message is a projection reads it
    too, so a message is read once, not two or three times."""
    return tuple(_reading(text).items())


def _reading(text: str) -> dict[str, str]:
    params, text = zero_inputs(text)
    tiers, used = match_tiers(text)
    if tiers:
        params["match"] = tiers
    matched_at = None if tiers else _MATCHED_AT.search(text)
    if matched_at:
        used.append(matched_at.span())
    for bracket in _AGE_BRACKET.finditer(text):
        used.append(bracket.span())  # "workers aged 25 to 34": a bracket, nobody's age
    now = _AGE_NOW.search(text)
    if now:  # "At 45, I have 200k…": the age one is now, not the one retired at
        params["age"] = now.group(1)
        used.append(now.span(1))
    span = _AGE_SPAN.search(text) or _AGE_SPAN_CN.search(text)
    if span:  # "between the ages of 22 and 40": saving from the one age to the other
        params.setdefault("age", span.group(1))
        params.setdefault("retire_age", span.group(2))
        used.append(span.span())
    quantities = [
        q
        for q in scan(text)
        if not any(a <= q.start < b for a, b in used) and not _of_a_debt(text, q)
    ]
    accounts = _balances_by_account(text, quantities)
    if accounts:  # "$550k in an IRA and $110k in a 401(k)": one balance, their sum
        params["balance"] = fmt(sum(q.value for q in accounts))
        quantities = [q for q in quantities if q not in accounts]
    # Inputs already stated (as none, or by a match formula) take no number from the text.
    open_slots = tuple(row for row in TABLE if row.name not in params)
    filled = assign(text, quantities, open_slots)
    for name, quantity in filled.items():
        if name not in params:
            params[name] = fmt(yearly_value(_BY_NAME[name], quantity))
    pay = _bare_pay(quantities, filled, params)
    if pay is not None:
        params["salary"] = fmt(yearly_value(_BY_NAME["salary"], pay))
    if "retire_age" in filled and _age_now_after_horizon(text, filled["retire_age"], params):
        params["age"] = params.pop("retire_age")  # "retire in 10 years with $660k at 48?"
    if "return" in filled and _monthly_rate(text, filled["return"]):
        params["return"] = fmt(filled["return"].value * 12)  # a nominal yearly rate
    if "age" in params and params["age"] == params.get("retire_age"):
        del params["age"]  # "62岁退休…在62岁时": an age said twice is the one retired at
    if matched_at and "contrib_pct" in params:
        params["match"] = f"{fmt(float(matched_at.group(1) or matched_at.group(2)))}@"
        params["match"] += params["contrib_pct"]
    if _MAXED.search(text) and not {"contrib_pct", "contrib_amount"} & params.keys():
        params["max"] = "1"  # "I max out my 401k", 存满401k: the IRS limit, whatever it is
    power = _POWER.search(text)
    if power and "return" not in params:
        params["return"] = fmt(float("0." + (power.group(1) or power.group(2))) * 100)
    return params
