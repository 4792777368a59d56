"""Garbled and hostile input never reaches the "something went wrong" apology."""

import random

import pytest

from bot.engine import Engine, Message

APOLOGY = "Sorry, something went wrong"
PIECES = (
    "401k",
    "$",
    "%",
    "万",
    "亿",
    "一",
    "三十",
    "岁",
    "退休",
    "养老金",
    "社保",
    "月薪",
    "缴费",
    "calc",
    "us401k",
    "inflow",
    "cn_pension",
    "cn_contrib",
    "cn_personal_pension",
    "=",
    "-",
    "1e308",
    "nan",
    "0",
    "12000",
    "9万亿",
    "match",
    "up to",
    "crypto",
    "2%",
    "born 1975",
    "男",
    "女",
    "指数",
    "社平",
    "个人养老金",
    "税",
    "I'm",
    "retire at",
    "salary",
    "how much",
    "能领多少",
    "years=0",
    "salary=-1",
    "index=9",
    "wage=0",
    "avg_wage=0",
    "birth=1990-13",
    "gender=x",
    "base_name=zzz",
    "alloc=500",
    "match=abc@x",
    "phase=2.5",
    "taxable=-1",
    "contribution=99999",
    "balance=-5",
    "target=1e20",
    "return=-90",
    "fee=50",
    "retire_age=30",
    "age=40",
    "🙂",
    "\u202e",
)


@pytest.fixture(scope="module")
def plain_engine(engine: Engine) -> Engine:
    return Engine(engine.content, charts=False, today=engine.today)


def test_zero_average_wage_is_an_input_error_not_a_crash(plain_engine: Engine) -> None:
    reply = plain_engine.handle(Message("calc cn_pension avg_wage=0 years=20"))
    assert reply.kind == "error" and APOLOGY not in reply.text


def test_random_mixtures_of_numbers_keywords_and_parameters_get_clean_replies(
    plain_engine: Engine,
) -> None:
    rng = random.Random(20261127)
    apologies = []
    for _ in range(1500):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 9)))
        reply = plain_engine.handle(Message(text, "en"))
        if APOLOGY in reply.text:
            apologies.append(text)
    assert apologies == []
