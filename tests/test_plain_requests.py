"""Plain 401(k) requests as people type their own numbers (issue 9): each is read exactly.

Written by us, not taken from the readings corpus: regression tests for families of
phrasing (k/万/w, "/yr", 年化, 公司匹配/配對, "no match", 工资不涨, "until 65", "retire at 60",
"I have 50k saved", 每月存500刀, "max out", catch-up ages), not a measure of the reader.
"""

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.calcs.numbers import digits_for_words
from bot.calcs.readers.match import match_tiers
from bot.calcs.request import NOT_INPUTS
from bot.calcs.understand import understand
from bot.engine import Engine, Message
from bot.knowledge.tokens import normalize
from tests.readings import LABELLED_ON, same_value

# (text, the inputs a right reading gives)
REQUESTS: tuple[tuple[str, dict[str, str]], ...] = (
    # "one dollar", "one more dollar": number words are digits by the time cues are read
    (
        "My employer gives one dollar for every dollar up to 4%. I'm 30, earn 70k, put in 6%. "
        "What will I have at 65?",
        {"match": "100@4", "age": "30", "salary": "70000", "contrib_pct": "6", "retire_age": "65"},
    ),
    (
        "I'm 50 with 300k in my 401k and I will not put in one more dollar. 6% growth, what at 65?",
        {
            "contrib_amount": "0",
            "age": "50",
            "balance": "300000",
            "return": "6",
            "retire_age": "65",
        },
    ),
    # a match told in parts: the rate after its cap, and "3% dollar for dollar"
    (
        "I'm 49, defer 18% of my $112,000 pay, 401k at 318k. The employer match is on 5% but it's "
        "only 50 cents per dollar. What will I have at 65?",
        {
            "age": "49",
            "contrib_pct": "18",
            "salary": "112000",
            "balance": "318000",
            "match": "50@5",
            "retire_age": "65",
        },
    ),
    # English
    # "salary to increase at a rate of 5%" is the raise; "at the age of 65" the age projected to
    (
        "I'm 30, salary $40,000, I expect my salary to increase at a rate of 5% a year. I put in "
        "8% and expect a 10% return. How much will I have at the age of 65?",
        {
            "age": "30",
            "salary": "40000",
            "raise": "5",
            "contrib_pct": "8",
            "return": "10",
            "retire_age": "65",
        },
    ),
    # "each month … deposits $X" is monthly; an APR is the return
    (
        "I'm 30 and open an IRA paying an APR of 6%. Every month I deposit $200 into it. "
        "How much will it hold when I retire at 65?",
        {"age": "30", "return": "6", "contrib_amount": "2400", "retire_age": "65"},
    ),
    # a long problem that states most inputs and asks what the 401(k) comes to
    (
        "Your employer offers a 401(k). You earn $90,000 a year and put in 8 percent of it; the "
        "company matches 50 percent of the first 6 percent. Assume the account earns 7 percent "
        "a year and your pay never changes. Ignore taxes and fees for this exercise, and assume "
        "contributions are made at the end of each year. How much will you have in your 401(k) "
        "after 25 years?",
        {"salary": "90000", "contrib_pct": "8", "match": "50@6", "return": "7", "years": "25"},
    ),
    # a line wrapped inside a sentence, and an age typed against its word ("age25")
    (
        "At age25, someone sets up an IRA with an APR of\n7%. At the end of each month he "
        "deposits\n$75\nin the account. How much will the IRA contain when he retires at 65?",
        {"age": "25", "return": "7", "contrib_amount": "900", "retire_age": "65"},
    ),
    # "on the first of each month" is monthly; a monthly rate is twelve times a year's
    (
        "She will put $250 into her IRA on the first of each month and earn a monthly interest "
        "rate of .5 percent. How much will she have 25 years from now?",
        {"contrib_amount": "3000", "return": "6", "years": "25"},
    ),
    # with the years to go stated, a bare "at 48" is the age now
    (
        "Can I retire in 10 years with $550k in an IRA and $110k in a 401(k) at 48?",
        {"balance": "660000", "years": "10", "age": "48"},
    ),
    # 匹配一半到6% is a match; 按6%算 a return; 每年放满 the IRS maximum
    (
        "我今年28，401k里有3万，打算每年放满，公司匹配一半到6%，年薪10万，按6%算，60退休能存多少",
        {
            "age": "28",
            "balance": "30000",
            "max": "1",
            "match": "50@6",
            "salary": "100000",
            "return": "6",
            "retire_age": "60",
        },
    ),
    # a pay after 年薪 is a year's, though 每月 opens the next clause
    (
        "30歲 年薪8萬美金 每月存500刀到401k 年報酬6% 到60歲有多少",
        {
            "age": "30",
            "salary": "80000",
            "contrib_amount": "6000",
            "return": "6",
            "retire_age": "60",
        },
    ),
    # "maxing out plus catch up" names 401(k) saving without naming the plan
    (
        "I'm 50 with 400k, maxing out plus catch up, 6% returns, what will I have at 62?",
        {"age": "50", "balance": "400000", "max": "1", "return": "6", "retire_age": "62"},
    ),
    # "the first 3%" stays a match's words though "two weeks" is spelled out; every paycheck
    # is every two weeks
    (
        "hey so I just started my first real job at 23, salary is 55k. I'm putting $200 from "
        "every paycheck into my 401k (we get paid every two weeks). Employer does 100% of the "
        "first 3% and 50% of the next 2%. How much would I have at 65 assuming 7% a year?",
        {
            "age": "23",
            "salary": "55000",
            "contrib_amount": "5200",
            "match": "100@3+50@2",
            "retire_age": "65",
            "return": "7",
        },
    ),
    # "$0 in my 401k" is a balance of none; "retirement age 65" the age retired at
    (
        "Started late. 48 years old, $0 in my 401k, salary $88,000. If I put in $1,500 a month "
        "until 67 can I get to 750k?",
        {
            "age": "48",
            "balance": "0",
            "salary": "88000",
            "contrib_amount": "18000",
            "retire_age": "67",
            "target": "750000",
        },
    ),
    (
        "Twenty-five years old, forty-five thousand salary, contributing 7 percent, expecting 2% "
        "raises yearly. What's my 401k at retirement age 65?",
        {"age": "25", "salary": "45000", "contrib_pct": "7", "raise": "2", "retire_age": "65"},
    ),
    # "not adding anything more" contributes nothing; "bal" is a balance
    (
        "50 yrs old, 401k bal 320k, stopping contributions now. What does it grow to by 65 at "
        "6%/yr?",
        {
            "age": "50",
            "balance": "320000",
            "contrib_amount": "0",
            "retire_age": "65",
            "return": "6",
        },
    ),
    # a job paying $92k is pay; 41k rolled over is a balance; "projection to 65"
    (
        "Got a new job paying $92k. They match 75% of my contributions up to 6%. I'm contributing "
        "6%, I'm 34 and rolled over 41k. Projection to 65 please",
        {
            "salary": "92000",
            "match": "75@6",
            "contrib_pct": "6",
            "age": "34",
            "balance": "41000",
            "retire_age": "65",
        },
    ),
    # 59.5 is the rule's age (59½), not the asker's
    (
        "I will be 59.5 next year and have 300k in my 401k. What will it be at 65?",
        {"balance": "300000", "retire_age": "65"},
    ),
    # a hedge ("about") puts no distance between "save" and its amount
    (
        "I'm 47 and save about 30k annually in my 401k, I have 715k in it. Where will I be at 60?",
        {"age": "47", "contrib_amount": "30000", "balance": "715000", "retire_age": "60"},
    ),
    # "by the time I'm 60" is the age projected to
    (
        "I put in $20,000 a year, how much will I have by the time I'm 60?",
        {"contrib_amount": "20000", "retire_age": "60"},
    ),
    # living on a sum: "retire on $X", "靠X退休"
    ("Can I retire on $1.5 million at 62?", {"retire_age": "62", "balance": "1500000"}),
    ("65岁时能靠600万美元退休吗？", {"retire_age": "65", "balance": "6000000"}),
    # "401ks" and "529s" are plan names, not amounts
    (
        "We're 38, make 450k a year and have 1.1M in our 401ks plus 529s for the kids. "
        "Can we retire at 50?",
        {"age": "38", "salary": "450000", "balance": "1100000", "retire_age": "50"},
    ),
    (
        "I'm 35, make 95k, put in 8% with a 100% match on the first 4%, what will I have at 67?",
        {"age": "35", "salary": "95000", "contrib_pct": "8", "match": "100@4", "retire_age": "67"},
    ),
    (
        "im 30 making 80k a yr, contributing 10%, employer matches 50% up to 6%, 7% return, "
        "how much at 65?",
        {
            "age": "30",
            "salary": "80000",
            "contrib_pct": "10",
            "match": "50@6",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "25 yo, 60k salary, 6% contribution, 3% match, 8% returns, retire at 60. how much will I "
        "have?",
        {
            "age": "25",
            "salary": "60000",
            "contrib_pct": "6",
            "match": "100@3",
            "return": "8",
            "retire_age": "60",
        },
    ),
    (
        "I'm 40 and have 50k saved in my 401k. I put in 500/month. What will I have at 65 with 7% "
        "growth?",
        {
            "age": "40",
            "balance": "50000",
            "contrib_amount": "6000",
            "retire_age": "65",
            "return": "7",
        },
    ),
    (
        "i'm 45, 200k in 401k, maxing out, retire at 60, 6% return, what will i have?",
        {"age": "45", "balance": "200000", "max": "1", "retire_age": "60", "return": "6"},
    ),
    (
        "52 years old, max out my 401k plus catch-up, 300k balance, retire at 65, am I on track?",
        {"age": "52", "max": "1", "balance": "300000", "retire_age": "65"},
    ),
    (
        "I make $120,000 a year and contribute 15%. Employer matches up to 5%. I'm 28. What will "
        "my 401k be worth at 60 at 7%?",
        {
            "salary": "120000",
            "contrib_pct": "15",
            "match": "100@5",
            "age": "28",
            "retire_age": "60",
            "return": "7",
        },
    ),
    (
        "Save $1,000 a month for 30 years at 8%, how much will I have?",
        {"contrib_amount": "12000", "years": "30", "return": "8"},
    ),
    (
        "If I invest 6000 a year in my 401k for 25 yrs at 7% return what will it be?",
        {"contrib_amount": "6000", "years": "25", "return": "7"},
    ),
    (
        "I'm 33 with 75k saved, contributing 12% of 110k salary, no match, 0 fees, until 65. "
        "Will I have enough?",
        {
            "age": "33",
            "balance": "75000",
            "contrib_pct": "12",
            "salary": "110000",
            "match": "0",
            "fee": "0",
            "retire_age": "65",
        },
    ),
    (
        "age 29, salary 70k, 5% contrib, 50% match up to 6%, 3% raises, 7% return, retire at 62 "
        "- what will I have?",
        {
            "age": "29",
            "salary": "70000",
            "contrib_pct": "5",
            "match": "50@6",
            "raise": "3",
            "return": "7",
            "retire_age": "62",
        },
    ),
    (
        "I'm 50, have 400k, putting in 20k/yr, retire at 67 with 6% returns. what will I have?",
        {
            "age": "50",
            "balance": "400000",
            "contrib_amount": "20000",
            "retire_age": "67",
            "return": "6",
        },
    ),
    (
        "I am 38. 150k in my 401(k). I contribute 10% of my 90k salary. Company match is 4%. "
        "Expecting 7% annual return. How much at 65?",
        {
            "age": "38",
            "balance": "150000",
            "contrib_pct": "10",
            "salary": "90000",
            "match": "100@4",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "27, 55k/yr, 401k 10% + 5% match, how much by 65 at 8%?",
        {
            "age": "27",
            "salary": "55000",
            "contrib_pct": "10",
            "match": "100@5",
            "retire_age": "65",
            "return": "8",
        },
    ),
    (
        "I'm 60, have 800k in my 401k, stop contributing, retire at 67, 5% growth, what will I "
        "have?",
        {
            "age": "60",
            "balance": "800000",
            "contrib_amount": "0",
            "retire_age": "67",
            "return": "5",
        },
    ),
    (
        "I'm 42 and I'd like to retire when I'm 62. I have $250k in my 401k and put in $1,500 a "
        "month. Am I on track?",
        {"age": "42", "retire_age": "62", "balance": "250000", "contrib_amount": "18000"},
    ),
    (
        "How much will I have in 20 years if I put $500 a month into my 401k with a 6% return?",
        {"years": "20", "contrib_amount": "6000", "return": "6"},
    ),
    (
        "Im 31, earning 65k, I contribute 7%, my employer matches 100% up to 7%, raises 2% a "
        "year, return 6%, retiring at 65, what will I end up with?",
        {
            "age": "31",
            "salary": "65000",
            "contrib_pct": "7",
            "match": "100@7",
            "raise": "2",
            "return": "6",
            "retire_age": "65",
        },
    ),
    (
        "35 years old, 401k balance 120k, contributing 9%, salary 100k, 0.5% fees, 7% return, "
        "3% inflation, retire at 65 - what will I have?",
        {
            "age": "35",
            "balance": "120000",
            "contrib_pct": "9",
            "salary": "100000",
            "fee": "0.5",
            "return": "7",
            "inflation": "3",
            "retire_age": "65",
        },
    ),
    (
        "I'm 24, 50k salary, contributing 4% and the company matches 4%. What will I have by 67?",
        {
            "age": "24",
            "salary": "50000",
            "contrib_pct": "4",
            "match": "100@4",
            "retire_age": "67",
        },
    ),
    (
        "I'm 55 and want to retire at 62. I have 600k in my 401k and save 30k a year. Will I "
        "have enough?",
        {"age": "55", "retire_age": "62", "balance": "600000", "contrib_amount": "30000"},
    ),
    (
        "i have 50k saved, i'm 30, put in $300 every paycheck, 7% return, retire at 60, how much?",
        {
            "balance": "50000",
            "age": "30",
            "contrib_amount": "7800",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "I'm 46, 90k salary, contributing 6% with employer matching 50% of the first 6%, 350k in "
        "my 401k. What will I have at 65 at 6%?",
        {
            "age": "46",
            "salary": "90000",
            "contrib_pct": "6",
            "match": "50@6",
            "balance": "350000",
            "retire_age": "65",
            "return": "6",
        },
    ),
    (
        "My 401k has 30k. I'm 26. I put in 200 a month. What will it be worth in 35 years at 8%?",
        {
            "balance": "30000",
            "age": "26",
            "contrib_amount": "2400",
            "years": "35",
            "return": "8",
        },
    ),
    (
        "I'm 36, make 150k, max out my 401k, employer match 100% up to 6%, 7% return, retire at "
        "55. what will i have",
        {
            "age": "36",
            "salary": "150000",
            "max": "1",
            "match": "100@6",
            "return": "7",
            "retire_age": "55",
        },
    ),
    (
        "30yo, 100k salary, 10% in, 50% match up to 6%, 7%/yr, how much at 65?",
        {
            "age": "30",
            "salary": "100000",
            "contrib_pct": "10",
            "match": "50@6",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "i'm 35 and have 100k in my 401k. if i stop contributing now what will it be at 65 at 7%?",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "0",
            "retire_age": "65",
            "return": "7",
        },
    ),
    (
        "22 y/o, making 45k, putting 15% in my 401k, company matches 100% of the first 3% and 50% "
        "of the next 2%, 8% return, what will I have at 65?",
        {
            "age": "22",
            "salary": "45000",
            "contrib_pct": "15",
            "match": "100@3+50@2",
            "return": "8",
            "retire_age": "65",
        },
    ),
    (
        "How much will I have at 65 if I'm 40 now, have 120k in my 401k, and contribute 1k a "
        "month at 7%?",
        {
            "retire_age": "65",
            "age": "40",
            "balance": "120000",
            "contrib_amount": "12000",
            "return": "7",
        },
    ),
    (
        "Starting at 25 with nothing saved, putting away 5k a year at 7% until 65, how much?",
        {
            "age": "25",
            "balance": "0",
            "contrib_amount": "5000",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "I make 75k, contribute 6%, employer matches 3%, 7% return, for 30 years, what will I "
        "have?",
        {
            "salary": "75000",
            "contrib_pct": "6",
            "match": "100@3",
            "return": "7",
            "years": "30",
        },
    ),
    (
        "I'm 37, earning 85k with 3% raises, saving 10%, employer match 50% up to 6%, I have 60k "
        "saved, 7% return, retire at 65. Am I on track?",
        {
            "age": "37",
            "salary": "85000",
            "raise": "3",
            "contrib_pct": "10",
            "match": "50@6",
            "balance": "60000",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "I'm 58, maxing out my 401k with catch-up until 65, starting with 400k, 6% return. What "
        "will I have?",
        {"age": "58", "max": "1", "retire_age": "65", "balance": "400000", "return": "6"},
    ),
    (
        "I'm 44, have 180k, 1200 a month into my 401k, 6.5% return, what will I have when I'm 65?",
        {
            "age": "44",
            "balance": "180000",
            "contrib_amount": "14400",
            "return": "6.5",
            "retire_age": "65",
        },
    ),
    (
        "I'm 39 with $90k in my 401k, contributing 8% of $72k, employer matches 50% up to 6%, "
        "0 fees, no raises, 6% return, retire at 62. Will I have enough?",
        {
            "age": "39",
            "balance": "90000",
            "contrib_pct": "8",
            "salary": "72000",
            "match": "50@6",
            "fee": "0",
            "raise": "0",
            "return": "6",
            "retire_age": "62",
        },
    ),
    # typed as forms, shorthand, per paycheck, from/to ages
    (
        "I'm 29, I make 6k a month, contribute 500 a month, employer match 50% up to 6%, 7% "
        "return, retire at 60, how much?",
        {
            "age": "29",
            "salary": "72000",
            "contrib_amount": "6000",
            "match": "50@6",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "if i put 22.5k a year into my 401k for 20 years at 8% what will it be",
        {"contrib_amount": "22500", "years": "20", "return": "8"},
    ),
    (
        "I'm 45 with 0 saved. If I save 1000/mo until 67 at 7%, how much?",
        {"age": "45", "balance": "0", "contrib_amount": "12000", "retire_age": "67", "return": "7"},
    ),
    (
        "I'm 50 and can do catch-up contributions. I have 400k, put in 30k a year, retire in 15 "
        "years, 6% return. What will I have?",
        {"age": "50", "balance": "400000", "contrib_amount": "30000", "years": "15", "return": "6"},
    ),
    (
        "Age 32. Salary 85,000. Contribution 10%. Match 100% up to 4%. Balance 40,000. Return 7%. "
        "Retire at 65.",
        {
            "age": "32",
            "salary": "85000",
            "contrib_pct": "10",
            "match": "100@4",
            "balance": "40000",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "If I'm 25 and put $200 a paycheck into my 401k at 8% return, how much will I have at 65?",
        {"age": "25", "contrib_amount": "5200", "return": "8", "retire_age": "65"},
    ),
    (
        "what would 500k grow to in 15 years at 6%?",
        {"balance": "500000", "years": "15", "return": "6"},
    ),
    (
        "I'm 38 and have 120k in my 401k, and I contribute 19k a year. If it grows 7% per year, "
        "what will it be when I retire at 62?",
        {
            "age": "38",
            "balance": "120000",
            "contrib_amount": "19000",
            "return": "7",
            "retire_age": "62",
        },
    ),
    (
        "I'm 60, $1.2M in 401k, no more contributions, 4% growth, how much at 70?",
        {
            "age": "60",
            "balance": "1200000",
            "contrib_amount": "0",
            "return": "4",
            "retire_age": "70",
        },
    ),
    (
        "40 y/o, 401k: 150k, contributing 1,500/mo, employer match 3%, 6.5% avg return, retire "
        "65, enough?",
        {
            "age": "40",
            "balance": "150000",
            "contrib_amount": "18000",
            "match": "100@3",
            "return": "6.5",
            "retire_age": "65",
        },
    ),
    (
        "Can I retire at 55 if I have 900k in my 401k and I'm 45 and save 25k a year?",
        {"retire_age": "55", "balance": "900000", "age": "45", "contrib_amount": "25000"},
    ),
    (
        "I'm 34, 401k 60k, I put in 8%, salary 95k, raises 3%/yr, expected return 7%, fees 0.3%, "
        "retire 65. what will i have?",
        {
            "age": "34",
            "balance": "60000",
            "contrib_pct": "8",
            "salary": "95000",
            "raise": "3",
            "return": "7",
            "fee": "0.3",
            "retire_age": "65",
        },
    ),
    (
        "i'm 31 making 110k, maxing my 401k, company matches 100% up to 6%, 7% returns, how much "
        "when i'm 60?",
        {
            "age": "31",
            "salary": "110000",
            "max": "1",
            "match": "100@6",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "Im 26 and just started contributing 5% of my 52k salary, my company matches 5%. If I "
        "never increase it, what will I have at 65 assuming 7%?",
        {
            "age": "26",
            "contrib_pct": "5",
            "salary": "52000",
            "match": "100@5",
            "retire_age": "65",
            "return": "7",
        },
    ),
    (
        "Invest 400 a month from age 30 to 65 at 8%, how much?",
        {"contrib_amount": "4800", "age": "30", "retire_age": "65", "return": "8"},
    ),
    # grand, half a million, '401k is at 350k', 'from zero', '2,000/month' (an amount, not a
    # year), '0 contributions', an age that opens a sentence ('At 45, I have…')
    (
        "I'm 30, make 95 grand, save 10%, 7% return. How much at 65?",
        {"age": "30", "salary": "95000", "contrib_pct": "10", "return": "7", "retire_age": "65"},
    ),
    (
        "I'm 45 with 1.2 mil in my 401k, retiring at 60. Is that enough?",
        {"age": "45", "balance": "1200000", "retire_age": "60"},
    ),
    (
        "i'm 40 and have half a million in my 401k, contributing 20k a year until 60, 6% return, "
        "what's it worth then?",
        {
            "age": "40",
            "balance": "500000",
            "contrib_amount": "20000",
            "retire_age": "60",
            "return": "6",
        },
    ),
    (
        "33yo, 401k 45K, contributing 15% of 85K salary, 4% match, 7% growth, retire 62. "
        "Projection?",
        {
            "age": "33",
            "balance": "45000",
            "contrib_pct": "15",
            "salary": "85000",
            "match": "100@4",
            "return": "7",
            "retire_age": "62",
        },
    ),
    (
        "I am 27 years old, earn $68,000/year, contribute 6% to my 401(k), my employer matches "
        "50% of the first 6%. Assuming 7% annual returns, how much will I have when I retire at "
        "65?",
        {
            "age": "27",
            "salary": "68000",
            "contrib_pct": "6",
            "match": "50@6",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "I'm 50. 401k is at 350k. I contribute 30,500 a year with catch-up. Retire at 65? 6% "
        "return. What will I have?",
        {
            "age": "50",
            "balance": "350000",
            "contrib_amount": "30500",
            "retire_age": "65",
            "return": "6",
        },
    ),
    (
        "me 36, wife 34, 401k 210k, adding 2k a month, 7% avg return, retire in 20 yrs, total?",
        {"age": "36", "balance": "210000", "contrib_amount": "24000", "return": "7", "years": "20"},
    ),
    (
        "I'm 41, 401k balance $180,000, contributing $1,000 per month, employer match 4%, salary "
        "$95,000, expected return 6%, planning to retire at 63. Am I on track?",
        {
            "age": "41",
            "balance": "180000",
            "contrib_amount": "12000",
            "match": "100@4",
            "salary": "95000",
            "return": "6",
            "retire_age": "63",
        },
    ),
    (
        "My 401k is at 80k, I'm 32. If I keep putting in 15k a year at 8% for 30 years what will "
        "it grow to?",
        {"balance": "80000", "age": "32", "contrib_amount": "15000", "return": "8", "years": "30"},
    ),
    (
        "If I max out my 401k every year from 25 to 65 at 7%, how much will I have?",
        {"max": "1", "age": "25", "retire_age": "65", "return": "7"},
    ),
    (
        "I'm 48, just starting my 401k from zero, can put in 2,000/month, 7% return, retire at "
        "67. Will I have enough?",
        {"age": "48", "balance": "0", "contrib_amount": "24000", "return": "7", "retire_age": "67"},
    ),
    (
        "How much will I have if I'm 35 with 100k in my 401k, putting away 500 every two weeks, "
        "at 7% until 65?",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "13000",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "I'm 55, can I retire at 62 with 700k in my 401k if I keep saving 25k a year?",
        {"age": "55", "retire_age": "62", "balance": "700000", "contrib_amount": "25000"},
    ),
    (
        "Just turned 30. 401k: 35k. Salary: 72k. Contributing 8%, company match 100% up to 3%. "
        "What will I have by 65 at 7%?",
        {
            "age": "30",
            "balance": "35000",
            "salary": "72000",
            "contrib_pct": "8",
            "match": "100@3",
            "retire_age": "65",
            "return": "7",
        },
    ),
    (
        "i'm 44, 401k has 260k, 0 contributions from now on, 6% growth, what'll it be at 59?",
        {
            "age": "44",
            "balance": "260000",
            "contrib_amount": "0",
            "return": "6",
            "retire_age": "59",
        },
    ),
    (
        "At 45, I have 200k in my 401k and put in 1,500 a month. What will I have at 65 at 7%?",
        {
            "age": "45",
            "balance": "200000",
            "contrib_amount": "18000",
            "retire_age": "65",
            "return": "7",
        },
    ),
    # labelled forms and lists: 'salary: 95k', 'deferral rate 8%', 'expense ratio 0.04%', '6% avg',
    # 'I'm at 10% in my 401k', 'I do 12%', 'match 3%'; a cue reaches no number over another one
    (
        "I'm 30, my income is 95k, I'm at 10% in my 401k, 7% return, how much at 65?",
        {"age": "30", "salary": "95000", "contrib_pct": "10", "return": "7", "retire_age": "65"},
    ),
    (
        "salary: 95k, age: 30, 401k contribution: 10%, employer match: 50% up to 6%, return: 7%, "
        "retire at: 65",
        {
            "age": "30",
            "salary": "95000",
            "contrib_pct": "10",
            "match": "50@6",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "I'm 35 and I earn 95,000 annually, deferral rate 8%, expense ratio 0.04%, 7% average "
        "annual return, 25 years to retirement. What will I have?",
        {
            "age": "35",
            "salary": "95000",
            "contrib_pct": "8",
            "fee": "0.04",
            "return": "7",
            "years": "25",
        },
    ),
    (
        "I'm 40, 300k in my 401k, contributing $19,500/yr, 7% compounded, 20 years left. How much "
        "will I have?",
        {"age": "40", "balance": "300000", "contrib_amount": "19500", "return": "7", "years": "20"},
    ),
    (
        "I'm 45, gross 120k, I do 12%, company matches 4%, 1% fee, 3% inflation, 6% return, "
        "another 20 years of work. Projection?",
        {
            "age": "45",
            "salary": "120000",
            "contrib_pct": "12",
            "match": "100@4",
            "fee": "1",
            "inflation": "3",
            "return": "6",
            "years": "20",
        },
    ),
    (
        "I'm 29 and I put 500 a month in my 401k. I have 20k now. Assume 7% growth, retire in 36 "
        "years. How much?",
        {"age": "29", "contrib_amount": "6000", "balance": "20000", "return": "7", "years": "36"},
    ),
    (
        "im 50 w/ 400k in 401k, putting 2500/mo, 6% avg, retire at 62, will i be ok?",
        {
            "age": "50",
            "balance": "400000",
            "contrib_amount": "30000",
            "return": "6",
            "retire_age": "62",
        },
    ),
    (
        "I'm 26, paid 58k a year, contributing 6% to get the full match (100% up to 6%), 8% "
        "returns, what at 67?",
        {
            "age": "26",
            "salary": "58000",
            "contrib_pct": "6",
            "match": "100@6",
            "return": "8",
            "retire_age": "67",
        },
    ),
    (
        "34 yrs old, 401k = 85k, contribute 15k/yr, expect 7%/yr returns, retire at 60, what's "
        "the final balance?",
        {
            "age": "34",
            "balance": "85000",
            "contrib_amount": "15000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "I'm 37, I save 10% of my $80,000 salary and my employer adds a 5% match. 7% growth. How "
        "much at 65?",
        {
            "age": "37",
            "contrib_pct": "10",
            "salary": "80000",
            "match": "100@5",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "If I'm 30 and invest $6,500 a year in my 401k at 8% until I'm 65, what will I have?",
        {"age": "30", "contrib_amount": "6500", "return": "8", "retire_age": "65"},
    ),
    (
        "I'm 42, making $140k, contributing 15%, no employer match, 6.5% return, 2% raises, "
        "retire at 62. How much will I have?",
        {
            "age": "42",
            "salary": "140000",
            "contrib_pct": "15",
            "match": "0",
            "return": "6.5",
            "raise": "2",
            "retire_age": "62",
        },
    ),
    (
        "401k balance $42,000, age 31, salary $78,000, contribution 8%, match 3%, return 7%, "
        "retire 65 - what do I end up with?",
        {
            "balance": "42000",
            "age": "31",
            "salary": "78000",
            "contrib_pct": "8",
            "match": "100@3",
            "return": "7",
            "retire_age": "65",
        },
    ),
    # 'invest 5% of my salary' is a contribution rate ('invested at 7%' a return); 'aged 35 to 44'
    # is a bracket of other people, nobody's age
    (
        "I'm 28, I invest 5% of my 70k salary in my 401k, 8% return, retire at 60, how much?",
        {"age": "28", "retire_age": "60", "salary": "70000", "return": "8", "contrib_pct": "5"},
    ),
    (
        "I invested at 7% for 20 years, putting in 5000 a year, how much will I have?",
        {"years": "20", "contrib_amount": "5000", "return": "7"},
    ),
    (
        "Average 401k for people aged 35 to 44 is 100k. I'm 40 with 80k, adding 10k a year at 7%, "
        "what will I have at 65?",
        {
            "age": "40",
            "contrib_amount": "10000",
            "retire_age": "65",
            "balance": "80000",
            "return": "7",
        },
    ),
    # the asker's age before a spouse's; 'want 1M' is a target; '10% of 85k' a share of pay;
    # a bare '7%' with no cue is left out (asked), as is a debt's rate
    (
        "My wife is 35 and I'm 38. We have 300k in our 401ks, put in 40k a year, 7% return. How "
        "much at 65?",
        {
            "age": "38",
            "balance": "300000",
            "contrib_amount": "40000",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "I'm 30 and want 1M at 60. I have 50k and save 15k a year at 7%. Will I make it?",
        {
            "age": "30",
            "target": "1000000",
            "contrib_amount": "15000",
            "retire_age": "60",
            "balance": "50000",
            "return": "7",
        },
    ),
    (
        "30 y.o., 401k 40k, 10% of 85k, match 4%, 7%, retire 65?",
        {
            "match": "100@4",
            "age": "30",
            "retire_age": "65",
            "salary": "85000",
            "balance": "40000",
            "contrib_pct": "10",
        },
    ),
    (
        "I contribute 6% of 90k and my employer contributes 3%. I'm 35. 7% return. What will I "
        "have at 65?",
        {"age": "35", "salary": "90000", "return": "7", "contrib_pct": "6", "retire_age": "65"},
    ),
    (
        "I'm 50, 401k 500k, mortgage 200k at 3%, contributing 25k a year, 6% growth, what will I "
        "have at 62?",
        {
            "age": "50",
            "balance": "500000",
            "contrib_amount": "25000",
            "return": "6",
            "retire_age": "62",
        },
    ),
    # weekly amounts ('200 a week', '150/wk', 每周) are 52 a year
    (
        "How much would I have if I saved 200 a week for 20 years at 7%?",
        {"years": "20", "contrib_amount": "10400", "return": "7"},
    ),
    (
        "I put in 150/wk to my 401k, I'm 30, 7% return, how much at 65?",
        {"age": "30", "contrib_amount": "7800", "return": "7", "retire_age": "65"},
    ),
    # 'the max contribution', 'the IRS limit' with no amount: the IRS maximum
    (
        "I'm 40, I make the max contribution every year, 300k in my 401k now, 7% return, how much "
        "at 60?",
        {"age": "40", "balance": "300000", "return": "7", "retire_age": "60", "max": "1"},
    ),
    (
        "I'm 35 contributing the IRS limit to my 401k, 100k balance, 7% growth, what will I have "
        "at 65?",
        {"age": "35", "balance": "100000", "return": "7", "retire_age": "65", "max": "1"},
    ),
    # typed loosely: '7 percent', 'years of age', 'me: 41', 'my job matches', slashes
    # ('/ 6% /' alone is no return: left out, asked)
    (
        "32 yr old, 401(k) balance $65,000, contributing $800/month, 7 percent return, retire at "
        "62. How much will I have?",
        {
            "age": "32",
            "balance": "65000",
            "contrib_amount": "9600",
            "return": "7",
            "retire_age": "62",
        },
    ),
    (
        "Im 27 yrs old making 62000 a year. I put 8 percent in my 401k and my job matches 4 "
        "percent. What would I have at 65 with 7 percent growth",
        {
            "age": "27",
            "salary": "62000",
            "contrib_pct": "8",
            "match": "100@4",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "age 44 / 401k 310k / contrib 20k per yr / 6% / retire 60 -> ?",
        {"age": "44", "balance": "310000", "contrib_amount": "20000", "retire_age": "60"},
    ),
    (
        "I am 36 years of age, have $140,000 in my 401(k), and I add $1,000 every month. Expected "
        "annual return is 6%. What will I have at 60?",
        {
            "age": "36",
            "balance": "140000",
            "contrib_amount": "12000",
            "return": "6",
            "retire_age": "60",
        },
    ),
    (
        "my 401k: 120k. me: 41. adding 18k/yr. growth 6.5%. retiring at 63. final amount?",
        {
            "balance": "120000",
            "age": "41",
            "contrib_amount": "18000",
            "return": "6.5",
            "retire_age": "63",
        },
    ),
    (
        "Hi, I'm 29, I earn $85k and contribute 12% to my 401k, employer matches 100% of the "
        "first 3% and 50% of the next 2%. I have $30k now. Assuming 7% a year, how much will I "
        "have when I retire at 60?",
        {
            "age": "29",
            "salary": "85000",
            "contrib_pct": "12",
            "match": "100@3+50@2",
            "balance": "30000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "If I start at 22 putting 5% of a 50k salary into my 401k with a 100% match up to 5% and "
        "get 8% a year, what do I have at 67?",
        {
            "age": "22",
            "contrib_pct": "5",
            "salary": "50000",
            "match": "100@5",
            "return": "8",
            "retire_age": "67",
        },
    ),
    # a list after a label ('calculate: 35, …') opens with the age
    (
        "calculate: 35, 100k salary, 10% contribution, 7% return, retire 65",
        {"age": "35", "retire_age": "65", "salary": "100000", "return": "7", "contrib_pct": "10"},
    ),
    # 'have at 65' is the age projected to; a bare yearly sum under 30k ('10k/yr') may be pay or
    # what one puts in: left out, asked; statements that ask nothing
    (
        "i have 100k in my 401k at 40 and put 6k a year in, what will i have at 65",
        {"retire_age": "65", "balance": "100000", "contrib_amount": "6000", "age": "40"},
    ),
    (
        "35, 100k in 401k, 10k/yr, 7% return, retiring at 60.",
        {"age": "35", "balance": "100000", "return": "7", "retire_age": "60"},
    ),
    (
        "35 years old. Salary 90k. 401k 60k. Contributing 10%. Employer match 50% up to 6%. "
        "Retire at 65.",
        {
            "match": "50@6",
            "age": "35",
            "retire_age": "65",
            "salary": "90000",
            "balance": "60000",
            "contrib_pct": "10",
        },
    ),
    # a sentence opening 'At 65' that speaks of then (would, will, 'd) names the age projected to
    (
        "I put in 20k a year with 100k now, I am 40. At 65 my 401k would be what at 7%?",
        {
            "age": "40",
            "contrib_amount": "20000",
            "retire_age": "65",
            "balance": "100000",
            "return": "7",
        },
    ),
    # longer messages: 'retire around age 63', 'sitting at 42k', 'stop working at 58'
    (
        "I'm thirty-five and I currently have about $150,000 saved up in my 401(k). My salary is "
        "currently $85,000 and I'm contributing around 8 percent of my paycheck; the company will "
        "match up to 4 percent. I expect to retire around age 63. What will I have?",
        {
            "age": "35",
            "balance": "150000",
            "salary": "85000",
            "contrib_pct": "8",
            "match": "100@4",
            "retire_age": "63",
        },
    ),
    (
        "I've got roughly 60 grand in my 401k, I'm 31, I'd like to stop working at 58, and my "
        "401k returns have averaged 8%. If I keep adding 500 a month, how much will I have?",
        {
            "balance": "60000",
            "age": "31",
            "retire_age": "58",
            "return": "8",
            "contrib_amount": "6000",
        },
    ),
    (
        "Currently 29. Plan to work until 67. 401k sitting at 42k. Putting in 9% of a 74k salary, "
        "50% match on the first 6%. 7% growth. What's it look like at 67?",
        {
            "age": "29",
            "retire_age": "67",
            "balance": "42000",
            "contrib_pct": "9",
            "salary": "74000",
            "match": "50@6",
            "return": "7",
        },
    ),
    # a form whose first label is not the age
    (
        "retire at: 65, age: 30, salary: 95k, 401k: 50k, contribution: 10%, return: 7%",
        {
            "balance": "50000",
            "age": "30",
            "retire_age": "65",
            "salary": "95000",
            "return": "7",
            "contrib_pct": "10",
        },
    ),
    # the same numbers asked in several ways
    (
        "I'm 35 with 100k in my 401k, adding 20k a year at 7%. What's the balance at 60?",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "I'm 35 with 100k in my 401k, adding 20k a year at 7%. What's my 401k at 60?",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "I'm 35 with 100k in my 401k, adding 20k a year at 7%. How big will it be at 60?",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "I'm 35 with 100k in my 401k, adding 20k a year at 7%. How much by 60?",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "I'm 35 with 100k in my 401k, adding 20k a year at 7%. What does it grow to by 60?",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "I'm 35 with 100k in my 401k, adding 20k a year at 7%. Projected value at 60?",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "I'm 35 with 100k in my 401k, adding 20k a year at 7%. Where will I be at 60?",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "I'm 35 with 100k in my 401k, adding 20k a year at 7%. What do I end up with at 60?",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "I'm 35 with 100k in my 401k, adding 20k a year at 7%. Will I hit a million by 60?",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
            "target": "1000000",
        },
    ),
    (
        "I'm 35 with 100k in my 401k, adding 20k a year at 7%. Can I have 2M by 60?",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
            "target": "2000000",
        },
    ),
    # a stated end amount ('your money would be worth', 'accumulate') is a target
    (
        "If you invest 500 a month in your 401k for 30 years at 7%, your money would be worth "
        "about $600,000.",
        {"years": "30", "contrib_amount": "6000", "target": "600000", "return": "7"},
    ),
    (
        "Put 6k a year in a 401k for 35 years at 8% and you will accumulate over $1 million. Is "
        "that right?",
        {"years": "35", "contrib_amount": "6000", "target": "1000000", "return": "8"},
    ),
    # a balance said in the past ('I've accumulated', 'has grown to', 'is worth', '401k value:')
    (
        "I'm 40 and I've accumulated 200k in my 401k, adding 15k a year, 7%, what at 60?",
        {"age": "40", "balance": "200000", "contrib_amount": "15000", "retire_age": "60"},
    ),
    (
        "I'm 40, my 401k is worth 200k, adding 15k a year, 7%, what at 60?",
        {"age": "40", "balance": "200000", "contrib_amount": "15000", "retire_age": "60"},
    ),
    (
        "I'm 40, 401k value: 200k, adding 15k a year, 7%, what at 60?",
        {"age": "40", "balance": "200000", "contrib_amount": "15000", "retire_age": "60"},
    ),
    (
        "I'm 40, my 401k has grown to 200k, adding 15k a year, 7%, what at 60?",
        {"age": "40", "balance": "200000", "contrib_amount": "15000", "retire_age": "60"},
    ),
    # comma-separated items in any order: a cue does not reach over the comma that ends an item
    (
        "just turned 25, I contribute 10%, I have 50k saved, 60k/yr salary, retire at 65. What "
        "will I have?",
        {
            "age": "25",
            "contrib_pct": "10",
            "balance": "50000",
            "salary": "60000",
            "retire_age": "65",
        },
    ),
    (
        "I'm 33, stop working at 65, returns of 7%, 80k/yr salary, 20k saved so far, saving 6% of "
        "my pay. What will my 401k be worth?",
        {
            "age": "33",
            "retire_age": "65",
            "return": "7",
            "salary": "80000",
            "balance": "20000",
            "contrib_pct": "6",
        },
    ),
    (
        "age 38, 12k/yr into my 401k, I have 250k saved, 6%/yr growth, until 67. How much will I "
        "have?",
        {
            "age": "38",
            "contrib_amount": "12000",
            "balance": "250000",
            "return": "6",
            "retire_age": "67",
        },
    ),
    (
        "I'm 33, 6%/yr growth, 10% contribution, 100k/yr salary, retiring at 55, 401k balance "
        "250k. How much will I have?",
        {
            "age": "33",
            "return": "6",
            "contrib_pct": "10",
            "salary": "100000",
            "retire_age": "55",
            "balance": "250000",
        },
    ),
    (
        "company match 3%, my income is 60k, 15% contribution, 250k saved so far, 42 y/o, stop "
        "working at 60. how much?",
        {
            "match": "100@3",
            "salary": "60000",
            "contrib_pct": "15",
            "balance": "250000",
            "age": "42",
            "retire_age": "60",
        },
    ),
    # an age's unit ('42yo,') is part of it: the comma after it still ends its item
    (
        "500 a month into the 401k, 42yo, retire in 15 years, 7% return. What will I have?",
        {"contrib_amount": "6000", "age": "42", "years": "15", "return": "7"},
    ),
    # an age with a sex ('42f', '33M') opens forum posts
    (
        "7% annualized, 42f, retire in 25 years, putting in 500 a month, they match 6%. How much "
        "will I have?",
        {"return": "7", "age": "42", "years": "25", "contrib_amount": "6000", "match": "100@6"},
    ),
    (
        "33M. 401k 200k, contributing 15% of 120k, 50% match up to 6%, 7% return, retire at 60. "
        "What will I have?",
        {
            "age": "33",
            "balance": "200000",
            "contrib_pct": "15",
            "salary": "120000",
            "match": "50@6",
            "return": "7",
            "retire_age": "60",
        },
    ),
    # several percents in one request: each goes to its nearest cue (pay rise, return, fee)
    (
        "I'm 30 and make 90k. My salary grows about 3% a year, I contribute 10%, the market "
        "returns 7% a year. What will I have at 65?",
        {
            "age": "30",
            "salary": "90000",
            "raise": "3",
            "contrib_pct": "10",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "I'm 33, salary 80k, pay increases 2% a year, 0.5% fees, contributing 8%, "
        "growing at 6% until 67, how much?",
        {
            "age": "33",
            "salary": "80000",
            "raise": "2",
            "fee": "0.5",
            "contrib_pct": "8",
            "return": "6",
            "retire_age": "67",
        },
    ),
    # a sum wished for is a target; a sum saved is a balance
    (
        "I'm 40, want to retire at 60 with 1.5M in my 401k. I have 300k now, contributing 25k a "
        "year at 7%. Will I make it?",
        {
            "age": "40",
            "retire_age": "60",
            "target": "1500000",
            "balance": "300000",
            "contrib_amount": "25000",
            "return": "7",
        },
    ),
    (
        "We're both 50 and we've saved 600k. We put in 40k a year. What will we have at 62 at 6%?",
        {
            "age": "50",
            "balance": "600000",
            "contrib_amount": "40000",
            "retire_age": "62",
            "return": "6",
        },
    ),
    # what the company puts in by itself, or a match rate without its cap, is left out (asked)
    (
        "I'm 28, earn 70k, put in 6%, the company contributes 3% of my salary too, 7% return, "
        "what will I have at 65?",
        {
            "age": "28",
            "salary": "70000",
            "contrib_pct": "6",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "I'm 35, have 80k in my 401k, saving 8% of 100k, my employer gives a 100% match, 6% "
        "return, retire at 65, how much?",
        {
            "age": "35",
            "balance": "80000",
            "contrib_pct": "8",
            "salary": "100000",
            "return": "6",
            "retire_age": "65",
        },
    ),
    # a match's own caps: the employer's share of pay, a dollar cap (no input)
    (
        "I'm 30, 80k salary, contributing 6%, employer offers a 50% match up to a maximum "
        "employer contribution of 3%, 7% return, retire at 65, how much?",
        {
            "age": "30",
            "salary": "80000",
            "contrib_pct": "6",
            "match": "50@6",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "I'm 35, 100k, put in 10%, company matches 100% up to 4% of salary with a max of $3,000, "
        "7% growth, what will I have at 65?",
        # the one pay-sized sum no cue took, beside a share of pay put in, is the pay
        {
            "age": "35",
            "salary": "100000",
            "contrib_pct": "10",
            "match": "100@4",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "我30岁，年薪9万美元，每年储蓄10%的工资，雇主提供4%的匹配，工资每年以3%的速度上涨，"
        "年化7%，到65岁有多少？",
        {
            "age": "30",
            "salary": "90000",
            "contrib_pct": "10",
            "match": "100@4",
            "raise": "3",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "我40歲，每年8萬美元的薪水，401k提撥10%，年化6%，65歲退休時有多少？",
        {"age": "40", "salary": "80000", "contrib_pct": "10", "return": "6", "retire_age": "65"},
    ),
    # 简体
    (
        "我30岁，年薪8万美元，自己存6%，公司每年再给3%，年化7%，65岁退休有多少？",
        {
            "age": "30",
            "salary": "80000",
            "contrib_pct": "6",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "我36岁，年薪11万美元，薪水每年增长3%，401k存12%，公司匹配是4%，年化回报7%，60岁能有多少？",
        {
            "age": "36",
            "salary": "110000",
            "raise": "3",
            "contrib_pct": "12",
            "match": "100@4",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "我30岁，年薪10万美元，每年存10%，公司匹配50%到6%，年化7%，到65岁有多少？",
        {
            "age": "30",
            "salary": "100000",
            "contrib_pct": "10",
            "match": "50@6",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "我35岁，年薪8万刀，401k每月存500刀，公司匹配4%，回报率6%，60岁退休能有多少？",
        {
            "age": "35",
            "salary": "80000",
            "contrib_amount": "6000",
            "match": "100@4",
            "return": "6",
            "retire_age": "60",
        },
    ),
    (
        "今年28岁，税前年薪12万美元，存15%，公司1比1匹配到5%，年化8%，工资不涨，到60岁能攒多少？",
        {
            "age": "28",
            "salary": "120000",
            "contrib_pct": "15",
            "match": "100@5",
            "return": "8",
            "raise": "0",
            "retire_age": "60",
        },
    ),
    (
        "我40岁，401k已经有30万美元，每年存2万美元，年化回报6%，65岁退休时有多少？",
        {
            "age": "40",
            "balance": "300000",
            "contrib_amount": "20000",
            "return": "6",
            "retire_age": "65",
        },
    ),
    (
        "每月存500美元到401k，存30年，年化7%，最后有多少？",
        {"contrib_amount": "6000", "years": "30", "return": "7"},
    ),
    (
        "45岁，401k里有50万美元，每年把401k存满，年化6%，62岁退休够不够？",
        {"age": "45", "balance": "500000", "max": "1", "return": "6", "retire_age": "62"},
    ),
    (
        "我32岁，年薪15w美元，每年存10%，没有公司匹配，年化7%，干到60岁有多少钱？",
        {
            "age": "32",
            "salary": "150000",
            "contrib_pct": "10",
            "match": "0",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "我50岁，年薪20万美元，401k存满，还有补缴，现在有80万美元，65岁退休能有多少？",
        {
            "age": "50",
            "salary": "200000",
            "max": "1",
            "balance": "800000",
            "retire_age": "65",
        },
    ),
    (
        "26岁，年薪7万美元，存6%，公司匹配100%最高6%，工资每年涨3%，年化7%，到67岁能有多少？",
        {
            "age": "26",
            "salary": "70000",
            "contrib_pct": "6",
            "match": "100@6",
            "raise": "3",
            "return": "7",
            "retire_age": "67",
        },
    ),
    (
        "如果每年往401k里存1万美元，年化回报8%，25年后有多少？",
        {"contrib_amount": "10000", "return": "8", "years": "25"},
    ),
    (
        "我38岁，401k已经有20万美元，每月存1000刀，年化6%，费用0.5%，到65岁有多少？",
        {
            "age": "38",
            "balance": "200000",
            "contrib_amount": "12000",
            "return": "6",
            "fee": "0.5",
            "retire_age": "65",
        },
    ),
    (
        "我今年33岁，年收入9万美元，401k存8%，公司配比50%，上限6%，回报7%，通胀3%，60岁能攒多少？",
        {
            "age": "33",
            "salary": "90000",
            "contrib_pct": "8",
            "match": "50@6",
            "return": "7",
            "inflation": "3",
            "retire_age": "60",
        },
    ),
    (
        "本人29岁，年薪6万美元，401k每年存10%，公司匹配3%，年化7%，存30年有多少？",
        {
            "age": "29",
            "salary": "60000",
            "contrib_pct": "10",
            "match": "100@3",
            "return": "7",
            "years": "30",
        },
    ),
    (
        "我55岁，401k有100万美元，不再存了，年化5%，65岁时有多少？",
        {
            "age": "55",
            "balance": "1000000",
            "contrib_amount": "0",
            "return": "5",
            "retire_age": "65",
        },
    ),
    (
        "我30岁，年薪10万美元，存10%，公司前6%按50%匹配，年化7%，35年后有多少？",
        {
            "age": "30",
            "salary": "100000",
            "contrib_pct": "10",
            "match": "50@6",
            "return": "7",
            "years": "35",
        },
    ),
    (
        "我42岁，想60岁退休，401k现在有25万美元，每年存2万美元，能行吗？",
        {"age": "42", "retire_age": "60", "balance": "250000", "contrib_amount": "20000"},
    ),
    (
        "每个月定投1000美元到401k，年化8%，20年后多少钱？",
        {"contrib_amount": "12000", "return": "8", "years": "20"},
    ),
    (
        "我27岁，年薪9万美元，存5%，公司匹配5%，年化6%，管理费0.2%，工资每年涨2%，"
        "65岁退休能有多少？",
        {
            "age": "27",
            "salary": "90000",
            "contrib_pct": "5",
            "match": "100@5",
            "return": "6",
            "fee": "0.2",
            "raise": "2",
            "retire_age": "65",
        },
    ),
    (
        "我今年31岁，年薪13万美元，每两周存500美元，公司匹配100%到4%，年化7%，到65岁有多少？",
        {
            "age": "31",
            "salary": "130000",
            "contrib_amount": "13000",
            "match": "100@4",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "40岁，401k存款5万美元，每年存5000美元，年化7%，30年后有多少？",
        {
            "age": "40",
            "balance": "50000",
            "contrib_amount": "5000",
            "return": "7",
            "years": "30",
        },
    ),
    # 繁體
    (
        "我35歲，年薪10萬美元，每年存8%，公司配對50%到6%，年化7%，到65歲有多少？",
        {
            "age": "35",
            "salary": "100000",
            "contrib_pct": "8",
            "match": "50@6",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "我40歲，401k已經有30萬美元，每月存1000美元，年化報酬6%，65歲退休時有多少？",
        {
            "age": "40",
            "balance": "300000",
            "contrib_amount": "12000",
            "return": "6",
            "retire_age": "65",
        },
    ),
    (
        "今年28歲，年薪8萬美元，401k提撥10%，公司相對提撥50%，上限6%，報酬率7%，60歲退休能存多少？",
        {
            "age": "28",
            "salary": "80000",
            "contrib_pct": "10",
            "match": "50@6",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "每月存500美元到401k，存30年，年化報酬8%，最後有多少？",
        {"contrib_amount": "6000", "years": "30", "return": "8"},
    ),
    (
        "我45歲，401k有50萬美元，每年401k存滿，年化6%，62歲退休夠不夠？",
        {"age": "45", "balance": "500000", "max": "1", "return": "6", "retire_age": "62"},
    ),
    (
        "我30歲，年薪12萬美元，401k存15%，沒有公司配對，年化7%，工資不漲，到60歲能有多少？",
        {
            "age": "30",
            "salary": "120000",
            "contrib_pct": "15",
            "match": "0",
            "return": "7",
            "raise": "0",
            "retire_age": "60",
        },
    ),
    (
        "我50歲，401k已經存了60萬美元，每年存3萬美元，報酬率5%，再工作15年有多少？",
        {
            "age": "50",
            "balance": "600000",
            "contrib_amount": "30000",
            "return": "5",
            "years": "15",
        },
    ),
    (
        "我33歲，年收入9萬美元，401k存6%，公司一比一配對到6%，年化8%，通膨2%，65歲能有多少？",
        {
            "age": "33",
            "salary": "90000",
            "contrib_pct": "6",
            "match": "100@6",
            "return": "8",
            "inflation": "2",
            "retire_age": "65",
        },
    ),
    # 简体 and 繁體 shorthand: 今年35, 月薪, 每两周, 调涨, 没有手续费, 不再继续存
    (
        "我今年35，年薪12万刀，401k每月存1500，回报7%，60岁退休有多少",
        {
            "age": "35",
            "salary": "120000",
            "contrib_amount": "18000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "我29岁，月薪8000美元，存10%，公司配比100%到5%，年化8%，65岁退休能有多少？",
        {
            "age": "29",
            "salary": "96000",
            "contrib_pct": "10",
            "match": "100@5",
            "return": "8",
            "retire_age": "65",
        },
    ),
    (
        "401k现在有10万美元，以后不存了，年化6%，20年后有多少？",
        {"balance": "100000", "contrib_amount": "0", "return": "6", "years": "20"},
    ),
    (
        "我40岁，每年存满401k，年化7%，到60岁能攒多少？",
        {"age": "40", "max": "1", "return": "7", "retire_age": "60"},
    ),
    (
        "我45岁，已经攒了40万美元，每年再存3万美元，回报6%，还要工作15年，够退休吗？",
        {"age": "45", "balance": "400000", "contrib_amount": "30000", "return": "6", "years": "15"},
    ),
    (
        "25岁，年薪6万美元，每月存500美元进401k，公司匹配50%，上限6%，年化8%，40年后多少钱？",
        {
            "age": "25",
            "salary": "60000",
            "contrib_amount": "6000",
            "match": "50@6",
            "return": "8",
            "years": "40",
        },
    ),
    (
        "我33岁，年薪10万美元，401k存10%，公司一比一匹配到4%，没有手续费，年化7%，到60岁能有多少？",
        {
            "age": "33",
            "salary": "100000",
            "contrib_pct": "10",
            "match": "100@4",
            "fee": "0",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "每年存2万美元，年化7%，存到65岁，我现在35岁，最后有多少？",
        {"contrib_amount": "20000", "return": "7", "retire_age": "65", "age": "35"},
    ),
    (
        "我28岁，401k已经有3万美元，每两周存400美元，雇主匹配3%，年化7%，工资不涨，60岁能有多少？",
        {
            "age": "28",
            "balance": "30000",
            "contrib_amount": "10400",
            "match": "100@3",
            "return": "7",
            "raise": "0",
            "retire_age": "60",
        },
    ),
    (
        "我31歲，年薪9萬美元，每月存800美元到401k，公司配對3%，年化報酬率6%，65歲退休時會有多少？",
        {
            "age": "31",
            "salary": "90000",
            "contrib_amount": "9600",
            "match": "100@3",
            "return": "6",
            "retire_age": "65",
        },
    ),
    (
        "我27歲，年薪7萬美元，401k提撥6%，雇主相對提撥100%到6%，年化8%，薪資每年調漲2%，"
        "到65歲能有多少？",
        {
            "age": "27",
            "salary": "70000",
            "contrib_pct": "6",
            "match": "100@6",
            "return": "8",
            "raise": "2",
            "retire_age": "65",
        },
    ),
    (
        "我45歲，401k已經存了50萬美元，不再繼續存，年化5%，65歲時有多少？",
        {
            "age": "45",
            "balance": "500000",
            "contrib_amount": "0",
            "return": "5",
            "retire_age": "65",
        },
    ),
    (
        "每個月存1000美元到401k，年化報酬7%，30年後有多少？",
        {"contrib_amount": "12000", "return": "7", "years": "30"},
    ),
    (
        "我今年32歲，月薪6000美元，401k存8%，公司配對4%，報酬率7%，工資不漲，60歲退休有多少？",
        {
            "age": "32",
            "salary": "72000",
            "contrib_pct": "8",
            "match": "100@4",
            "return": "7",
            "raise": "0",
            "retire_age": "60",
        },
    ),
    (
        "我38岁，401k里有15万美元，每年存1.5万美元，公司匹配3%，年化6%，通胀2.5%，还有25年退休，"
        "能有多少？",
        {
            "age": "38",
            "balance": "150000",
            "contrib_amount": "15000",
            "match": "100@3",
            "return": "6",
            "inflation": "2.5",
            "years": "25",
        },
    ),
    (
        "20岁开始每月定投300美元，年化10%，到60岁有多少？",
        {"age": "20", "contrib_amount": "3600", "return": "10", "retire_age": "60"},
    ),
    # 十万, 百分之七, 10w刀, 公司match, 不再继续存钱, 我們倆都50歲
    (
        "我35岁，401k里有十万美元，每年存两万美元，年化百分之七，六十五岁退休时有多少？",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "我40岁，年薪15万刀，401k存了40万刀，每年存2.3万刀，公司匹配6%，预期年化6%，打算62岁退休，"
        "够吗？",
        {
            "age": "40",
            "salary": "150000",
            "balance": "400000",
            "contrib_amount": "23000",
            "match": "100@6",
            "return": "6",
            "retire_age": "62",
        },
    ),
    (
        "30岁，年薪10w刀，401k每年放10%，公司match 50%到6%，年回报7%，65岁退休会有多少钱？",
        {
            "age": "30",
            "salary": "100000",
            "contrib_pct": "10",
            "match": "50@6",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "我现在32岁，401k有5万美元，每个月存1000美元，公司配比3%，收益率8%，到60岁能攒到多少？",
        {
            "age": "32",
            "balance": "50000",
            "contrib_amount": "12000",
            "match": "100@3",
            "return": "8",
            "retire_age": "60",
        },
    ),
    (
        "我今年45岁，401k有30万美元，不再继续存钱，年化5%，20年后能有多少？",
        {"age": "45", "balance": "300000", "contrib_amount": "0", "return": "5", "years": "20"},
    ),
    (
        "税前年薪8万美元，401k存6%，公司全额匹配到6%，我28岁，年化7%，干到60岁有多少？",
        {
            "salary": "80000",
            "contrib_pct": "6",
            "match": "100@6",
            "age": "28",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "我們倆都50歲，401k合計有60萬美元，每年存4萬美元，年化6%，62歲退休時會有多少？",
        {
            "age": "50",
            "balance": "600000",
            "contrib_amount": "40000",
            "return": "6",
            "retire_age": "62",
        },
    ),
    (
        "我30歲，年薪10萬美元，每個月存1000美元到401k，公司配對4%，報酬率7%，存35年後有多少？",
        {
            "age": "30",
            "salary": "100000",
            "contrib_amount": "12000",
            "match": "100@4",
            "return": "7",
            "years": "35",
        },
    ),
    (
        "我今年38歲，已經有401k 20萬美元，每年存滿401k，年化報酬6%，到60歲夠不夠退休？",
        {"age": "38", "balance": "200000", "max": "1", "return": "6", "retire_age": "60"},
    ),
    (
        "我29歲，月薪7000美元，401k提撥8%，公司一比一配對到5%，年化7%，薪水每年漲3%，"
        "65歲會有多少錢？",
        {
            "age": "29",
            "salary": "84000",
            "contrib_pct": "8",
            "match": "100@5",
            "return": "7",
            "raise": "3",
            "retire_age": "65",
        },
    ),
    # short requests that state their own numbers and ask whether they are enough
    ("I'm 35 with 100k in my 401k. Am I on track?", {"age": "35", "balance": "100000"}),
    (
        "I'm 40, 401k 150k, putting in 20k a year. Will I have enough by 65?",
        {"age": "40", "balance": "150000", "contrib_amount": "20000", "retire_age": "65"},
    ),
    (
        "30 years old, 50k in 401k, contributing 10% of 90k. Am I behind?",
        {"age": "30", "salary": "90000", "balance": "50000", "contrib_pct": "10"},
    ),
    (
        "I'm 50 and have 600k in my 401k. Can I retire at 60?",
        {"age": "50", "retire_age": "60", "balance": "600000"},
    ),
    (
        "Is 300k in my 401k at 45 enough to retire at 65?",
        {"retire_age": "65", "balance": "300000", "age": "45"},
    ),
    (
        "I'm 28, saving 15% of 70k in my 401k. What will I have at 60?",
        {"age": "28", "salary": "70000", "contrib_pct": "15", "retire_age": "60"},
    ),
    (
        "I'm 45 with $250k saved, contributing $1,500/month. How am I doing for retirement at 65?",
        {"age": "45", "contrib_amount": "18000", "retire_age": "65", "balance": "250000"},
    ),
    (
        "38, 200k in 401k, maxing out. Where will I be at 60?",
        {"age": "38", "balance": "200000", "retire_age": "60", "max": "1"},
    ),
    (
        "I have 80k in my 401k and I'm 33. If I stop contributing, what will it be worth at 65?",
        {"contrib_amount": "0", "age": "33", "balance": "80000", "retire_age": "65"},
    ),
    (
        "Currently 42, 401k at 310k, contributing 23k a year, planning to retire at 60. Realistic?",
        {"age": "42", "retire_age": "60", "balance": "310000", "contrib_amount": "23000"},
    ),
    (
        "我40岁，401k有20万美元，每年存2万美元，65岁退休够吗？",
        {"age": "40", "balance": "200000", "contrib_amount": "20000", "retire_age": "65"},
    ),
    (
        "我45岁，401k里有30万美元，还能60岁退休吗？",
        {"age": "45", "balance": "300000", "retire_age": "60"},
    ),
    (
        "我30歲，401k有5萬美元，每年存1萬美元，65歲退休夠不夠？",
        {"age": "30", "balance": "50000", "contrib_amount": "10000", "retire_age": "65"},
    ),
    (
        "我50歲，401k有80萬美元，能不能60歲退休？",
        {"age": "50", "balance": "800000", "retire_age": "60"},
    ),
    # 'whether/together/either' hold no coin ('ether'); 'whether I can retire' asks if it is enough
    (
        "I'm 60 and wondering whether I can retire at 65 with 900k in my 401k.",
        {"age": "60", "retire_age": "65", "balance": "900000"},
    ),
    (
        "My wife and I together have 800k in our 401ks, we're 55, retire at 62. Is that enough?",
        {"age": "55", "retire_age": "62", "balance": "800000"},
    ),
    (
        "I am 52 and not sure if I can retire at 60. I have 700k in my 401k and put in 30k a year.",
        {"age": "52", "retire_age": "60", "balance": "700000", "contrib_amount": "30000"},
    ),
    # 年龄35, 401k余额, 年回报率, 401k每年存满, 帳戶有
    (
        "我32岁，收入每年9万美元，401k自己存8%，公司匹配4%，投资回报7%，还有30年退休，能攒多少？",
        {
            "age": "32",
            "salary": "90000",
            "contrib_pct": "8",
            "match": "100@4",
            "return": "7",
            "years": "30",
        },
    ),
    (
        "年龄35，年薪11万刀，401k余额8万刀，每年存1.5万刀，年化6%，60岁退休，最后多少？",
        {
            "age": "35",
            "salary": "110000",
            "balance": "80000",
            "contrib_amount": "15000",
            "return": "6",
            "retire_age": "60",
        },
    ),
    (
        "我今年41岁，401k有22万美元，每个月存1500美元，年回报率6%，打算63岁退休，到时候有多少？",
        {
            "age": "41",
            "balance": "220000",
            "contrib_amount": "18000",
            "return": "6",
            "retire_age": "63",
        },
    ),
    (
        "本人30岁，年薪12万美元，401k每年存满，公司匹配50%到6%，年化7%，55岁退休能攒多少？",
        {
            "age": "30",
            "salary": "120000",
            "max": "1",
            "match": "50@6",
            "return": "7",
            "retire_age": "55",
        },
    ),
    (
        "我27岁，年薪7万美元，401k存10%，公司配比5%，预期年化8%，通胀3%，40年后有多少钱？",
        {
            "age": "27",
            "salary": "70000",
            "contrib_pct": "10",
            "match": "100@5",
            "return": "8",
            "inflation": "3",
            "years": "40",
        },
    ),
    (
        "我36歲，年薪12萬美元，401k每月存2000美元，公司配對6%，年報酬7%，24年後能有多少？",
        {
            "age": "36",
            "salary": "120000",
            "contrib_amount": "24000",
            "match": "100@6",
            "return": "7",
            "years": "24",
        },
    ),
    (
        "目前42歲，401k帳戶有35萬美元，每年存2.3萬美元，年化報酬6%，想60歲退休，夠嗎？",
        {
            "age": "42",
            "balance": "350000",
            "contrib_amount": "23000",
            "return": "6",
            "retire_age": "60",
        },
    ),
    # Chinese numerals and k/w with 刀, 自提, 相對提撥, 投報率, 通膨, 不再提撥,
    # 从30岁存到60岁, 把10%存進401k
    (
        "我三十岁，年薪十万美元，每年存百分之十，公司匹配5%，年化7%，六十五岁退休有多少？",
        {
            "age": "30",
            "salary": "100000",
            "contrib_pct": "10",
            "match": "100@5",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "我35岁，年薪95k美元，每月存1k刀到401k，年化7%，到60岁能有多少？",
        {
            "age": "35",
            "salary": "95000",
            "contrib_amount": "12000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "我28岁，401k里有2w刀，每个月存五百美元，年化8%，37年后有多少？",
        {"age": "28", "balance": "20000", "contrib_amount": "6000", "return": "8", "years": "37"},
    ),
    (
        "我40歲，薪資每年15萬美元，自提10%，雇主相對提撥5%，投報率6%，通膨2%，手續費0.5%，"
        "65歲退休能領多少？",
        {
            "age": "40",
            "salary": "150000",
            "contrib_pct": "10",
            "match": "100@5",
            "return": "6",
            "inflation": "2",
            "fee": "0.5",
            "retire_age": "65",
        },
    ),
    (
        "我45歲，401k帳戶目前有40萬美元，之後不再提撥，年報酬率5%，再過20年會有多少？",
        {"age": "45", "balance": "400000", "contrib_amount": "0", "return": "5", "years": "20"},
    ),
    (
        "我25岁，刚工作，年薪6万美元，401k存6%，公司match 6%，"
        "年化8%，工资每年涨3%，到65岁能攒多少？",
        {
            "age": "25",
            "salary": "60000",
            "contrib_pct": "6",
            "match": "100@6",
            "return": "8",
            "raise": "3",
            "retire_age": "65",
        },
    ),
    (
        "我38岁，家庭年收入20万美元，401k总共有45万美元，每年一共存4万美元，年化6%，"
        "55岁退休够不够？",
        {
            "age": "38",
            "salary": "200000",
            "balance": "450000",
            "contrib_amount": "40000",
            "return": "6",
            "retire_age": "55",
        },
    ),
    (
        "401k每年存23500美元，年化7%，从30岁存到60岁，最后有多少？",
        {"contrib_amount": "23500", "return": "7", "age": "30", "retire_age": "60"},
    ),
    (
        "我50岁，401k有70万美元，每年存31000美元（含补缴），年化6%，15年后有多少？",
        {"age": "50", "balance": "700000", "contrib_amount": "31000", "return": "6", "years": "15"},
    ),
    (
        "我33岁，年薪12万美元，税前存15%进401k，公司匹配50%，上限6%，预计年化7%，"
        "27年后会有多少钱？",
        {
            "age": "33",
            "salary": "120000",
            "contrib_pct": "15",
            "match": "50@6",
            "return": "7",
            "years": "27",
        },
    ),
    (
        "我今年30歲，年收入8萬美元，每年把10%存進401k，公司配對50%到6%，年化報酬7%，"
        "35年後能存到多少？",
        {
            "age": "30",
            "salary": "80000",
            "contrib_pct": "10",
            "match": "50@6",
            "return": "7",
            "years": "35",
        },
    ),
    (
        "我42歲，401k裡有18萬美元，每月存1200美元，報酬率6%，打算62歲退休，到時會有多少？",
        {
            "age": "42",
            "balance": "180000",
            "contrib_amount": "14400",
            "return": "6",
            "retire_age": "62",
        },
    ),
    # weekly: 每周存100美元
    (
        "我每周存100美元到401k，年化7%，30年后有多少？",
        {"contrib_amount": "5200", "return": "7", "years": "30"},
    ),
    # 存到上限: the IRS maximum
    (
        "我35岁，401k每年存到上限，已有10万美元，年化7%，60岁有多少？",
        {"age": "35", "return": "7", "retire_age": "60", "balance": "100000", "max": "1"},
    ),
    # mixed with English (salary 10万刀, match 50% up to 6%), 二十八岁, 401k目前35万刀, 老公35岁,
    # 每月提撥1500美元
    (
        "我30岁，salary 10万刀，contribute 10%，match 50% up to 6%，return 7%，65退休，多少钱？",
        {
            "age": "30",
            "salary": "100000",
            "contrib_pct": "10",
            "match": "50@6",
            "return": "7",
            "retire_age": "65",
        },
    ),
    (
        "我今年二十八岁，年薪八万美元，每月存一千美元进401k，年化百分之七，六十岁退休能有多少？",
        {
            "age": "28",
            "salary": "80000",
            "contrib_amount": "12000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "401k目前35万刀，我47岁，每年还存2.5万刀，预期回报6%，打算再干13年，到时候大概多少？",
        {"balance": "350000", "age": "47", "contrib_amount": "25000", "return": "6", "years": "13"},
    ),
    (
        "老公35岁，我们401k一共有20万美元，每年存3万美元，年化7%，他60岁退休时有多少？",
        {
            "age": "35",
            "balance": "200000",
            "contrib_amount": "30000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "我34歲，目前401(k)有12萬美元，每月提撥1500美元，公司相對提撥3%，年化報酬7%，"
        "60歲退休時能有多少錢？",
        {
            "age": "34",
            "balance": "120000",
            "contrib_amount": "18000",
            "match": "100@3",
            "return": "7",
            "retire_age": "60",
        },
    ),
    # 帮我算一下 with a list; 十万刀 (dollars in 刀 after a Chinese numeral)
    (
        "帮我算一下：35岁，年薪10万刀，401k存10%，65岁退休",
        {"salary": "100000", "contrib_pct": "10", "retire_age": "65", "age": "35"},
    ),
    (
        "我年薪十万刀，存10%，年化7%，30年后有多少？",
        {"salary": "100000", "return": "7", "contrib_pct": "10", "years": "30"},
    ),
    (
        "幫我算一下，我40歲，401k有30萬美金，每年存2萬，年化6%，60歲退休",
        {
            "age": "40",
            "balance": "300000",
            "contrib_amount": "20000",
            "return": "6",
            "retire_age": "60",
        },
    ),
    # a statement that asks nothing
    (
        "我35岁，401k有10万美元，每年存1万美元，年化7%，60岁退休。",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "10000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    # 公司匹配到5% (up to a cap), 62岁左右退休
    (
        "我现在31岁，401k里大概有4万美元，年薪9.5万美元，每个月工资的10%存进401k，公司匹配到5%，"
        "预计回报率7%左右，打算62岁左右退休，到时候能有多少？",
        {
            "age": "31",
            "balance": "40000",
            "salary": "95000",
            "contrib_pct": "10",
            "match": "100@5",
            "return": "7",
            "retire_age": "62",
        },
    ),
    (
        "我今年39歲，401k大約有25萬美元，每年會存2萬3千美元，假設年報酬率6%，打算在60歲左右退休，"
        "到時候大概會有多少？",
        {
            "age": "39",
            "balance": "250000",
            "contrib_amount": "23000",
            "return": "6",
            "retire_age": "60",
        },
    ),
    # the same numbers asked in several ways: 能拿多少, 最终余额, 能滚到多少, 够不够花, 攒够100万
    (
        "我35岁，401k有10万美元，每年存2万美元，年化7%，60岁退休能拿多少？",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "我35岁，401k有10万美元，每年存2万美元，年化7%，到60岁最终余额是多少？",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "我35岁，401k有10万美元，每年存2万美元，年化7%，60岁能滚到多少？",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "我35岁，401k有10万美元，每年存2万美元，年化7%，到60岁账户里会有多少钱？",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "我35岁，401k有10万美元，每年存2万美元，年化7%，60岁退休够不够花",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
        },
    ),
    (
        "我35岁，401k有10万美元，每年存2万美元，年化7%，到60岁能不能攒够100万？",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
            "target": "1000000",
        },
    ),
    (
        "我35岁，401k有10万美元，每年存2万美元，年化7%，60岁退休的时候能不能有100万美元？",
        {
            "age": "35",
            "balance": "100000",
            "contrib_amount": "20000",
            "return": "7",
            "retire_age": "60",
            "target": "1000000",
        },
    ),
    # the age said bare after the retirement age (到55岁，45岁) or after it opens the text
    (
        "到62岁，35岁，每月存1000美元，已经有50000美元，公司匹配3%，能有多少？",
        {
            "retire_age": "62",
            "age": "35",
            "contrib_amount": "12000",
            "balance": "50000",
            "match": "100@3",
        },
    ),
    (
        "62岁退休，雇主配比5%，每月存1000美元，今年38岁，最后有多少钱？",
        {"retire_age": "62", "match": "100@5", "contrib_amount": "12000", "age": "38"},
    ),
    (
        "已经有20000美元，每年存18000美元，雇主配比5%，打算55岁退休，33岁，够不够？",
        {
            "balance": "20000",
            "contrib_amount": "18000",
            "match": "100@5",
            "retire_age": "55",
            "age": "33",
        },
    ),
    (
        "费用0.5%，每年存24000美元，已经有20000美元，年化8%，到55岁，45岁，够不够？",
        {
            "fee": "0.5",
            "contrib_amount": "24000",
            "balance": "20000",
            "return": "8",
            "retire_age": "55",
            "age": "45",
        },
    ),
    # 45岁，最后有多少钱: the comma after 岁 ends the age's item
    (
        "公司匹配6%，再干20年，工资每年涨2%，每個月存1000美元，45岁，最后有多少钱？",
        {"match": "100@6", "years": "20", "raise": "2", "contrib_amount": "12000", "age": "45"},
    ),
    (
        "年收入50000美元，预期年化5%，再干25年，401k存15%，401k里有100000美元，38岁，工资不涨，"
        "能攒多少？",
        {
            "salary": "50000",
            "return": "5",
            "years": "25",
            "contrib_pct": "15",
            "balance": "100000",
            "age": "38",
            "raise": "0",
        },
    ),
)

# Match formulas as people type them, and the tiers they give.
MATCHES = (
    ("my company matches 6%", "100@6"),
    ("they match 4%", "100@4"),
    ("employer match of 3%", "100@3"),
    ("match: 50% up to 6%", "50@6"),
    ("1:1 match up to 4%", "100@4"),
    ("they match 1:1 up to 4%", "100@4"),
    ("dollar for dollar up to 4%", "100@4"),
    ("a 100% match up to 5%", "100@5"),
    ("match 50 cents per dollar up to 6%", "50@6"),
    ("a match of 50% on the first 6%", "50@6"),
    ("50% match on 6%", "50@6"),
    ("matches half of my contributions up to 6%", "50@6"),
    ("match half up to 6%", "50@6"),
    ("100% match on the first 3%, 50% on the next 2%", "100@3+50@2"),
    ("100% on the first 3% and 50% on the next 2%", "100@3+50@2"),
    ("employer matches 50% of the first 6% I contribute", "50@6"),
    ("company matches my contributions dollar for dollar up to 5% of pay", "100@5"),
    ("employer puts in 50 cents for every dollar up to 6% of salary", "50@6"),
    ("4% employer match", "100@4"),
    ("company matches 100% of the first 4%", "100@4"),
    ("matching 50% up to 6%", "50@6"),
    ("50% match up to 6% of salary", "50@6"),
    ("公司1:1匹配4%", "100@4"),
    ("公司match 4%", "100@4"),
    ("雇主配比6%", "100@6"),
    ("公司按50%匹配，最高6%", "50@6"),
    ("公司匹配一半，上限6%", "50@6"),
    ("匹配比例50%，上限6%", "50@6"),
    ("前3%全额匹配，后2%匹配50%", "100@3+50@2"),
    ("公司100%匹配前4%", "100@4"),
    ("公司匹配50%，最多匹配到工资的6%", "50@6"),
    ("公司配对50%到6%", "50@6"),
    ("公司會相對提撥100%，上限6%", "100@6"),
    ("雇主按1:1配比，最高5%", "100@5"),
    ("公司给1:1 match到4%", "100@4"),
    ("公司全额匹配前5%", "100@5"),
    ("employer match of 6% of salary", "100@6"),
    ("they match 4% of my pay", "100@4"),
    ("my employer matches 3% of my salary", "100@3"),
    ("employer match: 100% of first 4%", "100@4"),
    ("50% match on first 6%", "50@6"),
    ("my employer matches 50% of my contributions up to 6% of my salary", "50@6"),
)

# Fact questions that carry a number stay questions (the notes answer them).
QUESTIONS = (
    "What is the 401k contribution limit for 2026?",
    "How does a 50% match up to 6% work?",
    "Can I withdraw from my 401k at 55 without a penalty?",
    "What is the catch-up contribution limit at 50?",
    "401k提前取出要交10%罚款吗？",
    "I'm 45 with 300k in my 401k, contributing 20k a year. Should I switch to Roth?",
    "I'm 52, 401k 600k, retiring at 60. What funds should I pick?",
    "I'm 45 with 300k in my 401k, contributing 20k a year. Can I borrow from it?",
    "我45岁，401k有30万美元，每年存2万美元。应该转Roth吗？",
    "我45岁，401k有30万美元，每年存2万美元。提前取罚款多少？",
    "我45岁，401k有30万美元，每年存2万美元。要不要换成指数基金？",
    # own numbers with a question about something else: advice, withdrawals, rollovers, fees
    "I'm 55, can I make catch-up contributions?",
    "I'm 45 and have 200k in my 401k. Should I roll it into an IRA?",
    "I'm 59 and have 500k in my 401k. How much can I withdraw each year?",
    "I'm 35, is it too late to start a 401k?",
    "I'm 40 with 100k in my 401k. Should I invest in bonds or stocks?",
    "Is 7% a realistic return for my 401k over 30 years?",
    "I have 500k in my 401k, what is the tax if I withdraw it all at 60?",
    "我60岁，401k有50万美元，每年能取多少？",
    "我40岁，401k有20万美元，应该买什么基金？",
    "My employer matches 50% up to 6%. Should I contribute 6% or 10%?",
    "I left my job at 45 with 80k in the 401k, can I leave it there?",
    "I'm 30 and my 401k has a 0.8% fee, is that too high?",
    "我50岁，401k有30万美元，换工作后要转到IRA吗？",
    "What is the 401k limit for someone who is 55?",
    "Is it better to contribute 6% or 10% to my 401k?",
    "Should I put 15% into my 401k or pay off my 5% car loan?",
    "Can I roll my 401k into an IRA at 55?",
    "How much should I have in my 401k at 35?",
    "Is a 4% match normal?",
    "What happens to my 401k match if I leave after 2 years?",
    "At what age can I take money out of my 401k without the 10% penalty?",
    "What is the 2026 catch-up contribution for people over 50?",
    "Is 7% a realistic return for a 401k?",
    "401k每年最多能存多少？2026年上限是多少？",
    "55岁可以从401k取钱吗？",
    "公司匹配6%算高吗？",
    "What is the required minimum distribution at 73?",
    "How is a 401k taxed when I withdraw at 60?",
)


@pytest.mark.parametrize(("text", "want"), REQUESTS, ids=[t[:40] for t, _ in REQUESTS])
def test_a_plain_request_is_read_exactly(text: str, want: dict[str, str]) -> None:
    found = understand(text)
    assert found is not None and found.calculator == "us401k", found
    read = {k: v for k, v in found.params.items() if k != "missing"}
    assert read == want


# Requests to the other calculators: (text, calculator, the inputs a right reading gives)
OTHER_REQUESTS: tuple[tuple[str, str, dict[str, str]], ...] = (
    # "paid social insurance 20 years", "at 100% of average wage" in English
    (
        "I'm a Chinese employee, born 1980, male, paid social insurance 20 years at 100% of "
        "average wage, how much pension will I get",
        "cn_pension",
        {"birth": "1980-01", "gender": "male", "index": "1", "years": "20"},
    ),
    # a terse "Monthly pension?" asks for the amount
    (
        "China pension: I've contributed for 25 years at 60% of the average wage, born 1968, "
        "male. Monthly pension?",
        "cn_pension",
        {"birth": "1968-01", "gender": "male", "index": "0.6", "years": "25"},
    ),
    # fractions spelled out: numeral words become digits later ("two thirds" is no "2 3rds")
    (
        "If two thirds of 401k plans put 2% into bitcoin, how much flows in?",
        "inflow",
        {"adoption": "66.7", "alloc": "2"},
    ),
    (
        "if three quarters of 401k plans allocate 1% to crypto how much money flows in",
        "inflow",
        {"adoption": "75", "alloc": "1"},
    ),
    # "有三个" out of "十个计划": a share of plans counted
    (
        "按401k总资产9.3万亿美元算，假如十个计划里有三个放开比特币，平均配1%，能带来多少资金？",
        "inflow",
        {"adoption": "30", "alloc": "1", "base": "9300000000000"},
    ),
    # two children's deduction said to be each one's
    (
        "月薪1万4，两个小孩的子女教育每人每月2000，每个月扣完五险和个税到手多少？",
        "cn_contrib",
        {"wage": "14000", "deductions": "48000"},
    ),
)


@pytest.mark.parametrize(
    ("text", "calculator", "want"), OTHER_REQUESTS, ids=[t[:40] for t, _, _ in OTHER_REQUESTS]
)
def test_a_plain_request_to_another_calculator_is_read_exactly(
    text: str, calculator: str, want: dict[str, str]
) -> None:
    found = understand(text)
    assert found is not None and found.calculator == calculator, found
    assert {k: v for k, v in found.params.items() if k != "missing"} == want


WRITTEN = yaml.safe_load(
    (Path(__file__).parent / "data" / "plain_requests.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("item", WRITTEN, ids=[item["id"] for item in WRITTEN])
def test_written_plain_requests_are_read_exactly(item: dict[str, Any]) -> None:
    found = understand(item["text"], today=LABELLED_ON)
    if item["calculator"] == "none":
        assert found is None, found
        return
    assert found is not None and found.calculator == item["calculator"], found
    read = {k: v for k, v in found.params.items() if k not in NOT_INPUTS}
    want = {str(k): str(v) for k, v in (item.get("read") or {}).items()}
    assert read.keys() == want.keys(), (read, want)
    assert all(same_value(k, read[k], want[k]) for k in read), (read, want)


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_fact_question_with_a_number_stays_a_question(text: str) -> None:
    assert understand(text) is None


@pytest.mark.parametrize(("text", "tiers"), MATCHES)
def test_a_typed_match_formula_gives_its_tiers(text: str, tiers: str) -> None:
    assert match_tiers(digits_for_words(normalize(text)))[0] == tiers


def test_the_engine_says_back_what_it_read(engine: Engine) -> None:
    """The reply to each request runs the 401(k) calculator and reports the same inputs."""
    plain = Engine(engine.content, charts=False, today=engine.today)
    for text, want in REQUESTS:
        reply = plain.handle(Message(text))
        read = (reply.result or {}).get("read") or {}
        assert reply.kind == "calc" and (reply.result or {}).get("calculator") == "us401k", text
        assert {str(k): str(v) for k, v in read.items()} == want, text


@pytest.mark.parametrize(
    "text",
    [
        "I get paid semi-monthly and $350 goes into my 401(k) each pay period. 39 years old, "
        "401k is 88k. If I retire at 65, what's the number at 7% per annum?",
        "I contribute $3,000 every quarter to my 401k and already have 60 grand in there. "
        "I'm 46. What do I have in 20 yrs at 6% p.a.?",
    ],
)
def test_an_amount_paid_per_period_is_not_called_unused(engine: Engine, text: str) -> None:
    """A quarter's or half-month's amount, read as a year's worth, is one the reply used."""
    reply = Engine(engine.content, charts=False, today=engine.today).handle(Message(text))
    assert reply.kind == "calc", reply.text
    reading = reply.text.split("\n")[0]
    assert reading.startswith("Read as:") and "Not used" not in reading, reading


# Shuffled typed fields: each input stated in one of several ways, in any order, joined as
# people list them. Every reading must be exact (a wrong one is worse than a gap).
FIELD_WAYS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "age": (
            "I'm {v}",
            "{v} years old",
            "age {v}",
            "{v}yo",
            "currently {v}",
            "{v} y/o",
            "me {v}",
            "{v}M",
            "{v}f",
            "I turn {v} this year",
        ),
        "salary": (
            "I make {k}",
            "salary {k}",
            "{k}/yr salary",
            "my income is {k}",
            "paid {k} a year",
            "${c} salary",
            "earning {k} annually",
            "gross {k}",
        ),
        "contrib_pct": (
            "contributing {v}%",
            "I put {v}% in my 401k",
            "saving {v}% of my pay",
            "{v}% contribution",
            "deferring {v}%",
            "I do {v}%",
            "{v}% pre-tax",
            "contribution rate {v}%",
        ),
        "contrib_amount": (
            "putting in {m} a month",
            "contributing {k} a year",
            "{k}/yr into my 401k",
            "${c} a year to the 401k",
            "I add {m} monthly",
        ),
        "balance": (
            "{k} in my 401k",
            "I have {k} saved",
            "401k balance {k}",
            "401k is at {k}",
            "401k: {k}",
            "current balance ${c}",
            "I've saved {k}",
        ),
        "match": (
            "employer matches {v}%",
            "{v}% match",
            "company match {v}%",
            "they match {v}%",
            "{v}% employer match",
            "match is {v}%",
            "company matches up to {v}%",
        ),
        "return": (
            "{v}% return",
            "assuming {v}% growth",
            "{v}%/yr growth",
            "{v}% avg return",
            "expect {v}% returns",
            "{v}% annualized",
            "at {v}%",
        ),
        "raise": ("{v}% raises", "salary grows {v}% a year", "pay increases {v}% a year"),
        "fee": ("{v}% fees", "expense ratio {v}%"),
        "retire_age": (
            "retire at {v}",
            "until {v}",
            "retire when I'm {v}",
            "stop working at {v}",
            "retire by {v}",
            "until age {v}",
        ),
        "years": ("for {v} years", "{v} more years", "retire in {v} years"),
    },
    "zh": {
        "age": ("我{v}岁", "今年{v}岁", "{v}岁", "本人{v}岁", "我今年{v}歲"),
        "salary": (
            "年薪{v}美元",
            "税前年薪{v}美元",
            "年收入{v}美元",
            "年薪{w}万美元",
            "年薪{w}万刀",
        ),
        "contrib_pct": ("每年存{v}%", "401k存{v}%", "自己存{v}%", "401k提撥{v}%"),
        "contrib_amount": (
            "每月存{m}美元",
            "每年存{v}美元",
            "401k每年存{v}刀",
            "每月往401k存{m}美元",
        ),
        "balance": ("401k里有{v}美元", "已经有{v}美元", "401k帳戶有{v}美元", "已经存了{w}万美元"),
        "match": ("公司匹配{v}%", "雇主配比{v}%", "公司1比1匹配到{v}%", "公司相對提撥{v}%"),
        "return": ("年化{v}%", "回报率{v}%", "報酬率{v}%", "预期年化{v}%", "投资回报率{v}%"),
        "raise": ("工资每年涨{v}%", "薪水每年增长{v}%", "工資每年漲{v}%"),
        "fee": ("管理费{v}%", "手續費{v}%"),
        "retire_age": ("{v}岁退休", "打算{v}岁退休", "到{v}岁", "想{v}歲退休", "干到{v}岁"),
        "years": ("存{v}年", "还有{v}年退休", "再干{v}年"),
    },
}
NONE_WAYS = {
    "en": {"match": "no match", "fee": "0 fees", "raise": "no raises"},
    "zh": {"match": "没有公司匹配", "fee": "没有管理费", "raise": "工资不涨"},
}
ASKS = {
    "en": ("What will I have?", "How much will I have?", "Am I on track?", "how much?"),
    "zh": ("能有多少？", "够不够？", "最后有多少钱？", "能攒多少？"),
}


def _shuffled_requests(count: int, seed: int = 9) -> list[tuple[str, dict[str, str]]]:
    rng = random.Random(seed)
    made = []
    for _ in range(count):
        script = rng.choice(("en", "zh"))
        want: dict[str, float] = {"age": rng.choice((25, 30, 33, 38, 42, 45, 50))}
        if rng.random() < 0.7:
            want["retire_age"] = rng.choice((55, 60, 62, 65, 67))
        else:
            want["years"] = rng.choice((10, 15, 20, 25, 30))
        if rng.random() < 0.5:
            want["salary"] = rng.choice((50_000, 60_000, 80_000, 100_000, 120_000))
            want["contrib_pct"] = rng.choice((4, 6, 8, 10, 15))
        else:
            want["contrib_amount"] = rng.choice((6000, 12_000, 18_000, 24_000))
        for key, values, share in (
            ("balance", (20_000, 50_000, 100_000, 250_000), 0.6),
            ("match", (3, 4, 5, 6), 0.5),
            ("return", (5, 6, 7, 8), 0.8),
            ("raise", (2, 3), 0.3),
            ("fee", (0.5, 1), 0.2),
        ):
            if rng.random() < share:
                want[key] = rng.choice(values)
            elif key in NONE_WAYS[script] and rng.random() < 0.15:
                want[key] = 0
        keys = list(want)
        rng.shuffle(keys)
        parts = []
        for key in keys:
            value = want[key]
            if value == 0:
                parts.append(NONE_WAYS[script][key])
                continue
            way = rng.choice(FIELD_WAYS[script][key])
            parts.append(
                way.format(
                    v=f"{value:g}",
                    k=f"{value / 1000:g}k",
                    m=f"{value / 12:g}",
                    c=f"{value:,.0f}",
                    w=f"{value / 10000:g}",
                )
            )
        sep = "，" if script == "zh" else ", "
        text = sep.join(parts) + ("，" if script == "zh" else ". ") + rng.choice(ASKS[script])
        read = {
            key: "0" if value == 0 else f"100@{value:g}" if key == "match" else f"{value:g}"
            for key, value in want.items()
        }
        made.append((text, read))
    return made


def test_shuffled_typed_fields_are_read_exactly() -> None:
    wrong = []
    for text, want in _shuffled_requests(400):
        found = understand(text)
        read = {k: v for k, v in found.params.items() if k != "missing"} if found else {}
        if found is None or found.calculator != "us401k" or read != want:
            wrong.append((text, read, want))
    assert not wrong, wrong[:5]
