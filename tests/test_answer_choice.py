"""Choosing what to say (issue 8): the question inside a story, the right country, "did you
mean" instead of a guess, channels of the question's own country, and figures' years."""

import pytest

from bot.chat import ChatSession, format_for_terminal
from bot.engine import Engine, Message, Reply
from bot.knowledge.country import topic_countries


def _countries(engine: Engine, reply: Reply) -> set[frozenset[str]]:
    """The countries of every topic a reply gives or offers to choose from."""
    assert reply.kind in ("answer", "clarify"), reply.kind
    offered = (
        [reply.topic]
        if reply.kind == "answer"
        else [b.action.removeprefix("topic:") for b in reply.buttons]
    )
    return {topic_countries(engine.content.topics[str(topic)]) for topic in offered}


@pytest.mark.parametrize(
    "question",
    [
        "社保要交多少年才能领养老金",
        "社保要交多少年才能領養老金",
        "我在北京工作，养老金最少要交几年",
        "I worked at a state-owned enterprise from 1985 to 1995, do those years count toward"
        " my pension?",
        # China's system in English, with no country named: its own terms tell
        "What is the minimum basic pension for rural residents?",
        "how is the contribution index used in the pension formula",
        "what is the national social security fund",
    ],
)
def test_a_china_question_never_gets_a_us_topic(engine: Engine, question: str) -> None:
    assert _countries(engine, engine.handle(Message(question))) == {frozenset({"cn"})}


@pytest.mark.parametrize(
    "question",
    [
        "美国社保要交多少年才能领",
        "How many years do I need to work to get Social Security?",
        "我IRA过了50岁还能存多少",  # "IRA" touching Chinese characters still names the US
        "美国的养老体系由哪几部分组成",  # a cross-country area, but a US topic
        "when should I take SS",
        "FERS补贴到几岁停",  # the federal employees' plan names the US in Chinese too
    ],
)
def test_a_us_question_never_gets_a_china_topic(engine: Engine, question: str) -> None:
    assert _countries(engine, engine.handle(Message(question))) == {frozenset({"us"})}


def test_a_us_fallback_names_us_channels_only(engine: Engine) -> None:
    reply = engine.handle(Message("What is the phone number of my 401k recordkeeper?"))
    assert reply.kind == "fallback"
    assert "ssa.gov" in reply.text and "12333" not in reply.text


def test_a_china_fallback_names_china_channels_only(engine: Engine) -> None:
    reply = engine.handle(Message("我的社保卡丢了怎么补办"))
    assert reply.kind == "fallback"
    assert "12333" in reply.text and "irs.gov" not in reply.text


@pytest.mark.parametrize(
    "story",
    [
        "I'm 29, I owe $60,000 in student loans and I have about $65,000 in my 401k. My "
        "company matches 100% up to 6%. Would it be smart to cash out the 401k to clear the "
        "loans this year?",
        # "H1B" once read as $1 billion of savings
        "Three of our H1B employees joined the 401k; the employer match has 3 year cliff "
        "vesting. When their visas expire and they go home, what can they do with the money?",
        "I have $110,000 in my TSP and still owe $25,000 on a loan from it. I retire at 56. "
        "How will the unpaid loan be handled and how much will come out of the account?",
        # fact questions that state the asker's numbers: a projection would answer the wrong
        # question (a looser rule tried on 2026-12-07 turned 4 of these 10 into projections)
        "I'm 61 and contribute $23,500 to my 401k. Can I also make the catch-up contribution?",
        "I'm 45 with $200k in my 401k. Should I roll it into an IRA when I leave my job?",
        "My 401k has $80,000 and I'm 50. Can I borrow from it to buy a house?",
        "I'm 57 with $300k in a 401k, I got laid off. Does the rule of 55 apply to me?",
        "I'm 40 and put $500 a month in my 401k. Is the match taxed?",
        "I'm 35 with $50k in my 401(k). What happens to it if I move back to China?",
        "I'm 65 with $400k in my 401k. When do I have to start RMDs?",
        "I'm 52 with $600k in 401k. Are crypto funds allowed now after the executive order?",
    ],
)
def test_a_story_with_numbers_that_asks_a_question_is_not_a_calculation(
    engine: Engine, story: str
) -> None:
    reply = engine.handle(Message(story))
    assert reply.kind != "calc"


@pytest.mark.parametrize(
    ("request_text", "calculator"),
    [  # the README's own examples (issue 9 found two of them answered as questions)
        ("I'm 30, salary $80k, 10% with a 50% match up to 6%, how much at 65?", "us401k"),
        ("1975年5月出生的男职工，社平工资1万，缴费指数1.2，缴费30年，能领多少", "cn_pension"),
        ("1975年5月出生的男職工，社平工資1萬，繳費指數1.2，繳費30年，能領多少", "cn_pension"),
    ],
)
def test_a_request_for_a_projection_is_still_a_calculation(
    engine: Engine, request_text: str, calculator: str
) -> None:
    reply = engine.handle(Message(request_text))
    assert reply.kind == "calc" and reply.result is not None
    assert reply.result["calculator"] == calculator


@pytest.mark.parametrize(
    "question",
    [
        "We owe about $9,000 on two credit cards at 24%. Should we pay them off with our tax"
        " refund or keep the money in savings for emergencies?",
        "My landlord kept my deposit after I moved out and says I owe another month. Can he"
        " do that, and how do I get the money back?",
    ],
)
def test_a_long_question_about_something_else_is_declined(engine: Engine, question: str) -> None:
    # It shares words with topics (pay off, savings, owe) but names no plan or pension.
    assert engine.handle(Message(question)).kind == "fallback"


@pytest.mark.parametrize(
    "question",
    [
        "我退休十几年了，新闻说养老金平均涨了两百多，具体到个人是怎么算的呢？",
        "Retired teacher here, 20 years in. How does the yearly raise work out for one person?",
    ],
)
def test_the_bots_own_help_topic_answers_only_what_is_asked_of_the_bot(
    engine: Engine, question: str
) -> None:
    assert engine.handle(Message(question)).topic != "about_pillarbot"
    assert engine.handle(Message("what can this bot do for me?")).topic == "about_pillarbot"


def test_a_hukou_that_only_says_who_asks_does_not_decline_a_social_insurance_question(
    engine: Engine,
) -> None:
    assert engine.handle(Message("农村户口的人能在城里交职工社保吗")).kind == "answer"
    assert engine.handle(Message("我是佛山户口，辞职后想自己继续交社保，怎么交？")).kind == "answer"
    assert engine.handle(Message("户口迁到上海要什么条件")).kind == "fallback"


def test_a_neighbour_named_only_in_the_story_does_not_decline_the_question(engine: Engine) -> None:
    story = (
        "We bought a house last year and the mortgage eats most of my paycheck. I still have a"
        " loan from my 401(k) that I used for the down payment. If I change jobs, what happens"
        " to that 401k loan?"
    )
    assert engine.handle(Message(story)).topic == "k401_loans"
    asked = (
        "I'm 58 and still paying a mortgage. I have $400k in my 401k. Should I refinance my"
        " mortgage at a lower rate?"
    )
    assert engine.handle(Message(asked)).kind == "fallback"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # Five Roth topics name "Roth 401(k)"; the glossary says which one explains it.
        ("What is a Roth 401k?", "k401_traditional_vs_roth"),
        ("什么是Roth 401k", "k401_traditional_vs_roth"),
        ("what is social security", "us_social_security"),
        ("什么是社保", "cn_contribution_rates"),
        ("社保是什么意思", "cn_contribution_rates"),
        ("what's the rule of 55", "k401_rule_of_55"),
        ("what is an expense ratio", "k401_fees"),
    ],
)
def test_what_is_a_term_goes_to_the_topic_that_explains_it(
    engine: Engine, question: str, topic: str
) -> None:
    reply = engine.handle(Message(question))
    assert reply.kind == "answer" and reply.topic == topic, (reply.kind, reply.topic)


def test_a_neighbours_phrase_that_is_the_whole_question_declines(engine: Engine) -> None:
    # The 401(k) topic matched "employer", "pay" and "months"; without "stopped paying my
    # salary" it owns nothing, so the wage question goes to the wage channel.
    reply = engine.handle(
        Message("My employer stopped paying my salary for 3 months, what can I do?")
    )
    assert reply.kind == "fallback" and "Wage and Hour" in reply.text
    assert engine.handle(Message("how does my employer's 401k match work")).kind == "answer"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # All stop words but the plan: the phrase itself says what is asked.
        ("how much should I have in my 401k at 40?", "k401_how_much_to_save"),
        ("Should I put more into my 401k or pay off my car loan?", "k401_vs_debt_payoff"),
        # The product's topics answer only questions that name the product.
        ("我的养老金什么时候能领", None),
        ("个人养老金什么时候能领", "cn_personal_pension_withdrawal"),
        # Back payment in general, not the employer taking an allowance back.
        ("社保补缴", "cn_si_back_payment"),
        ("I forgot about a 401k from my first job", "k401_lost_account"),
        ("以前工作的401k找不到了怎么办", "k401_lost_account"),
    ],
)
def test_questions_made_of_common_words_reach_their_topic(
    engine: Engine, question: str, topic: str | None
) -> None:
    reply = engine.handle(Message(question))
    if topic is None:
        assert not (reply.topic or "").startswith("cn_personal_pension"), reply.topic
    else:
        assert reply.topic == topic


def test_a_tie_between_topics_asks_which_one_is_meant(engine: Engine) -> None:
    reply = engine.handle(Message("社保"))
    assert reply.kind == "clarify"
    assert 2 <= len(reply.buttons) <= 3
    assert all(b.action.startswith("topic:") for b in reply.buttons)
    for button in reply.buttons:
        assert button.label in reply.text  # each option is named, with one line about it


def test_the_terminal_numbers_the_options_and_a_number_opens_one(engine: Engine) -> None:
    session = ChatSession(engine, None)
    shown = format_for_terminal(session.respond("社保"))
    assert "[1]" in shown and "[2]" in shown
    chosen = session.respond("1")
    assert chosen.kind == "answer"


def test_a_newer_year_than_the_figures_is_said_first(engine: Engine) -> None:
    reply = engine.handle(Message("What is the 401(k) contribution limit for 2027?"))
    assert reply.kind == "answer"
    first = reply.text.splitlines()[0]
    assert "2027" in first and "2026" in first


def test_a_later_year_points_to_the_official_source(engine: Engine) -> None:
    reply = engine.handle(Message("how much is the social security COLA for 2027?"))
    assert reply.kind == "answer" and reply.topic == "us_ss_cola"
    first = reply.text.splitlines()[0]
    assert "2027" in first and "2026" in first and "official source" in first
    assert any("ssa.gov" in source.url for source in reply.sources)


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # "pension" alone does not make a yearly raise American: China's adjustment stays in.
        ("How much will my pension go up this year?", {"cn_pension_adjustment", "us_ss_cola"}),
        ("what is the social security cost of living adjustment", {"us_ss_cola"}),
        ("社安金明年涨多少", {"us_ss_cola"}),
        ("今年养老金涨多少", {"cn_pension_adjustment"}),
    ],
)
def test_a_yearly_raise_is_answered_by_a_raise_topic(
    engine: Engine, question: str, topics: set[str]
) -> None:
    reply = engine.handle(Message(question))
    assert reply.kind == "answer" and reply.topic in topics, (reply.kind, reply.topic)


def test_a_question_naming_no_country_asks_which_when_both_fit(engine: Engine) -> None:
    # China's yearly adjustment and the US cost-of-living raise both answer it: ask, not guess.
    reply = engine.handle(Message("pension increase this year"))
    assert reply.kind == "clarify"
    offered = {b.action.removeprefix("topic:") for b in reply.buttons}
    assert {"cn_pension_adjustment", "us_ss_cola"} <= offered, offered


def test_the_year_of_the_figures_is_not_mentioned_when_it_matches(engine: Engine) -> None:
    reply = engine.handle(Message("What is the 401(k) contribution limit for 2026?"))
    assert "You asked about" not in reply.text


def test_a_letter_o_typed_for_the_zero_is_still_a_401k(engine: Engine) -> None:
    reply = engine.handle(Message("can i borrow from my 4O1K"))
    assert reply.kind == "answer" and reply.topic == "k401_loans"


@pytest.mark.parametrize(
    "question",
    [
        "I have 30 years of service, how much pension will I get at 65?",
        "how much pension will I get after 25 years as a teacher in Texas?",
    ],
)
def test_a_pension_question_naming_no_china_is_not_a_china_calculation(
    engine: Engine, question: str
) -> None:
    reply = engine.handle(Message(question))
    assert reply.kind != "calc", reply.text
    if reply.kind in ("answer", "clarify"):
        assert frozenset({"cn"}) not in _countries(engine, reply)


def test_a_farmers_pension_is_the_residents_scheme(engine: Engine) -> None:
    asked = engine.handle(Message("my mom is a farmer, how much pension will she get at 60?"))
    assert asked.kind == "answer" and asked.topic == "cn_resident_pension"
    stated = engine.handle(
        Message("my dad is a farmer and pays 300 yuan a year, 15 years, how much a month at 60?")
    )
    assert stated.kind == "calc" and stated.result is not None
    assert stated.result["calculator"] == "cn_resident_pension"
