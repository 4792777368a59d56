"""Whose numbers: a request that states two people's numbers and asks about one of them.

"He's 39, earns $118k…; I'm 37, I make $64,500… What will MY account be?" reads the asker's
numbers only; "…先帮我自己算" too; "How much would she have?" the other person's. The text is
cut where a person is named (I, he, 我, 老公…) and at punctuation; a stretch without a name
belongs to the last person named. The other person's stretches are blanked (positions kept),
so the readers never see them, and the reply lists their numbers as not used.
"""

import itertools
import re

from bot.calcs.readers.zero import blank
from bot.knowledge.focus import asks

_KIN = (
    r"husband|wife|spouse|partner|girlfriend|boyfriend|fianc[ée]e?|sister|brother|mom|mother|"
    r"dad|father|son|daughter|aunt|uncle|cousin|niece|nephew|grand(?:ma|mother|pa|father)|"
    r"parents?|(?:mother|father|sister|brother|son|daughter)-in-law|in-laws?|coworker|"
    r"colleague|friend|neighbou?r|boss|client|relative"
)
_KIN_ZH = (
    r"老公|老婆|丈夫|妻子|太太|爱人|女朋友|男朋友|对象|舅舅|叔叔|姑姑|阿姨|伯伯|婆婆|公公|岳父|岳母|"
    # "求助知乎的朋友", "各位朋友们": the readers addressed, not another person
    r"奶奶|爷爷|外婆|外公|儿子|女儿|(?<!知乎的)(?<!各位)(?<!大家)(?<!网友)(?<!求助)朋友(?!们)|同事|亲戚|家母|家父|母亲|父亲|老妈|老爸|老婆婆|"
    r"表哥|表姐|表弟|表妹|堂哥|堂姐|堂弟|堂妹|姨妈|大佬|细佬|家姐|老豆|老窦|阿妈|阿爸|阿姨"
)
# Not a subject: "for my daughter's schooling", "split with my brother", "supporting my parents"
_OBJECT = "".join(
    f"(?<!{w} )" for w in ("for", "with", "to", "of", "supporting", "support", "from")
)
# What another person's name can start with, looked at first (most places start none of them)
_STARTS = (
    "(?=[hsmo我他她"
    + "".join(sorted({re.sub(r"\(\?<!?[^)]*\)", "", w)[0] for w in _KIN_ZH.split("|")}))
    + "])"
)
# Another person: a pronoun, or a relative named ("my sister", 我老公, 我妈).
_OTHER = re.compile(
    _STARTS
    + r"(?:\b(?:he|he's|hes|he'll|she|she's|shes|she'll|hers)\b|"
    + _OBJECT
    + r"\b(?:his|her)\b|"
    + _OBJECT
    + r"\b(?:my|our)\s+(?:"
    + _KIN
    + r")s?\b|"
    # (not the employer in a match: "我存1刀他配1刀")
    r"(?<![我你])(?:他|她)(?!们)(?!\s*(?:就|也|会)?\s*(?:配|夹|匹配|给我?配))|我?(?:"
    + _KIN_ZH
    + r")|我(?:妈|爸|姐|妹|哥|弟|先生|舅|姨|叔|伯|姑))"
)
# A relative named with "my" is never the asker, even as an object ("for my father").
_KIN_NAMED = re.compile(r"\b(?:my|our)\s+(?:" + _KIN + r")s?\b")
# The asker: "I", "my", 我 (not 我们, 我俩, nor the 我 of 我老公).
_SELF = re.compile(r"\b(?:i|i'm|im|i've|ive|i'll|i'd|me|my|mine|myself)\b|我(?![们俩])")
# Both together ("we earn $130,000", 我们): shared, never blanked.
_JOINT = re.compile(r"\b(?:we|we're|we've|we'll|our|ours|us)\b|我们|我俩|咱们|咱俩")
_SELF_ASKED = re.compile(
    r"\bmy own\b|\bmyself\b|\bmine\b|\bmy (?:account|401k|offer|pension)\b|我自己|我本人"
)
_CUT = re.compile(r"[.!?。！？;；\n,，、]")
_SENTENCE = re.compile(
    r"[^.!?。！？;；\n]*[^.!?。！？;；\n\s()（）][^.!?。！？;；\n]*[.!?。！？;；]?"
)
# Words naming the asker only as the one helped: "帮我算下我老公的", "tell me what she gets"
_HELPED = re.compile(r"帮我|给我|替我|\b(?:help|tell|show|give) me\b|\blet me know\b|\bfor me\b")
_DIGIT = re.compile(r"\d")
# Words that leave a sentence's numbers out of the sum ("…不算进来", "…唔计", "ignore that")
_LEFT_OUT = re.compile(
    r"(?=[不唔ilnds])(?:不算|不计|唔计|唔算|不用算|不包括|\bignore\b|"
    r"\bleave (?:that|it|those|them) out\b|"
    r"\bnot counting\b|\b(?:don'?t|do not) (?:count|include)\b|\bseparate\b)"
)
# An aside in brackets ("（太太的401(k)另外有9萬，不算）"): whom it names, it names only there
_ASIDE = re.compile(r"[(（](?:[^()（）]|\([^()]*\))*[)）]")
# A time clause before the asker's "I" ("when I was born", "since I left"): it dates a fact
_TIME_CLAUSE = re.compile(r"\b(?:when|since|after|before)\s+$")
_WAS = re.compile(r"i was\b")
_TIME_CLAUSE_REACH = 10  # characters: "before " and its spaces


def _people(text: str) -> list[tuple[int, int, str]]:
    """Stretches of the text with who they are about ("self", "other" or "" before anyone)."""
    others = [(m.start(), m.end()) for m in _OTHER.finditer(text)]
    marks = [(start, "other") for start, _ in others]
    taken = others + [(m.start(), m.end()) for m in _KIN_NAMED.finditer(text)]
    marks += [(m.start(), "") for m in _JOINT.finditer(text)]
    for match in _SELF.finditer(text):
        if _WAS.match(text, match.start()) and _TIME_CLAUSE.search(
            text, max(0, match.start() - _TIME_CLAUSE_REACH), match.start()
        ):
            continue  # "she skipped a year when I was born": the asker only dates it
        if not any(a <= match.start() < b for a, b in taken):
            marks.append((match.start(), "self"))
    asides = {m.start(): m.end() for m in _ASIDE.finditer(text)}
    # "老婆的401k另外有30万，不算进来。": a sentence set aside names its person only there
    if _LEFT_OUT.search(text):
        asides |= {
            m.start(): m.end()
            for m in _SENTENCE.finditer(text)
            if _LEFT_OUT.search(m.group(0)) and _OTHER.search(m.group(0))
        }
    cuts = sorted(
        {0, len(text), *(m.end() for m in _CUT.finditer(text)), *(p for p, _ in marks)}
        | asides.keys()
        | set(asides.values())
    )
    who = dict(marks)
    resumed: dict[int, str] = {}  # after an aside, the person named before it
    stretches: list[tuple[int, int, str]] = []
    current = ""
    for start, end in itertools.pairwise(cuts):
        if start in asides:
            resumed[asides[start]] = current
        current = resumed.get(start, who.get(start, current))
        stretches.append((start, end, current))
    return stretches


def asked_person_only(text: str) -> str:
    """The text with the other person's stretches blanked, when two people state numbers."""
    stretches = _people(text)
    with_numbers = {who for a, b, who in stretches if who and _DIGIT.search(text[a:b])}
    if with_numbers != {"self", "other"}:
        return text
    drop = "self" if _asks_about_other(text) else "other"
    for start, end, who in stretches:
        if who == drop:
            text = blank(text, (start, end))
    return text


def _asks_about_other(text: str) -> bool:
    """Whether the (last) question is about the other person: it names them, not the asker."""
    sentences = [m.group(0) for m in _SENTENCE.finditer(text)]
    asking = [s for s in sentences if asks(s)] or sentences[-1:]
    asked = _HELPED.sub(" ", asking[-1]) if asking else ""
    if _SELF_ASKED.search(asked):
        return False
    return bool(_OTHER.search(asked)) and not _self_named(asked)


def _self_named(text: str) -> bool:
    """Whether the asker is named, apart from inside a relative's name ("我老公")."""
    taken = [(m.start(), m.end()) for m in (*_OTHER.finditer(text), *_KIN_NAMED.finditer(text))]
    return any(not any(a <= m.start() < b for a, b in taken) for m in _SELF.finditer(text))
