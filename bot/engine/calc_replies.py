"""Calculation replies: what was read, the result, its assumptions and sources, buttons."""

import datetime as dt
import math
from typing import Any

from bot.calcs.registry import CALCULATORS
from bot.calcs.request import NOT_INPUTS, CalcRequest, explicit_calculator, parse_key_values
from bot.calcs.rules import CalcRules
from bot.calcs.run import NO_MATCH, CalcOutcome, MissingInputError
from bot.engine.answers import localized
from bot.engine.reply import Button, Reply, SourceRef
from bot.i18n.formatting import (
    format_age,
    format_cny,
    format_date,
    format_month,
    format_number,
    format_percent,
    format_usd,
    format_years,
)
from bot.i18n.lang import Lang
from bot.i18n.text import t
from bot.render.environment import render_html
from bot.render.plain import html_to_text
from calc.errors import CalcInputError


def _field_names(lang: Lang) -> dict[str, str]:
    """What each input is called in the user's language."""
    return {
        "years": t(lang, "number of years"),
        "age": t(lang, "age"),
        "current_age": t(lang, "age"),
        "retire_age": t(lang, "retirement age"),
        "retirement_age": t(lang, "retirement age"),
        "salary": t(lang, "salary"),
        "contribution": t(lang, "contribution"),
        "contrib_pct": t(lang, "contribution rate"),
        "contribution_rate": t(lang, "contribution rate"),
        "contrib_amount": t(lang, "contribution"),
        "contribution_amount": t(lang, "contribution"),
        "balance": t(lang, "current balance"),
        "current_balance": t(lang, "current balance"),
        "return": t(lang, "annual return"),
        "annual_return": t(lang, "annual return"),
        "fee": t(lang, "fees"),
        "expense_ratio": t(lang, "fees"),
        "inflation": t(lang, "inflation"),
        "raise": t(lang, "salary growth"),
        "salary_growth": t(lang, "salary growth"),
        "target": t(lang, "target balance"),
        "target_balance": t(lang, "target balance"),
        "match": t(lang, "employer match"),
        "match_rate": t(lang, "employer match"),
        "match_width": t(lang, "employer match"),
        "alloc": t(lang, "allocation"),
        "allocation": t(lang, "allocation"),
        "adoption": t(lang, "adoption"),
        "base": t(lang, "asset base"),
        "base_usd": t(lang, "asset base"),
        "base_name": t(lang, "asset base"),
        "phase": t(lang, "phase-in years"),
        "phase_in_years": t(lang, "phase-in years"),
        "avg_wage": t(lang, "local average wage"),
        "index": t(lang, "contribution index"),
        "wage": t(lang, "monthly wage"),
        "monthly_wage": t(lang, "monthly wage"),
        "birth": t(lang, "birth year and month"),
        "birth_year": t(lang, "birth year and month"),
        "birth_month": t(lang, "birth year and month"),
        "gender": t(lang, "men or women (and for women, worker or cadre)"),
        "account_balance": t(lang, "personal-account balance"),
        "annual_contrib": t(lang, "yearly contribution"),
        "basic": t(lang, "local basic pension"),
        "subsidy": t(lang, "yearly government subsidy"),
        "account_interest": t(lang, "account interest rate"),
        "pension_age": t(lang, "age the pension starts"),
        "floor": t(lang, "base floor"),
        "cap": t(lang, "base cap"),
        "base_floor": t(lang, "base floor"),
        "base_cap": t(lang, "base cap"),
        "taxable": t(lang, "taxable income"),
        "taxable_income": t(lang, "taxable income"),
        "income": t(lang, "income"),
        "deductions": t(lang, "deductions"),
        "focus": t(lang, "focus (focus=tax leads with the income tax)"),
    }


def _defaults_label(calculator: str, names: list[str], lang: Lang) -> str:
    return ", ".join(dict.fromkeys(_read_label(calculator, name, lang) for name in names))


def _source_refs(outcome: CalcOutcome, lang: Lang) -> tuple[list[SourceRef], list[dict[str, str]]]:
    refs: list[SourceRef] = []
    shown: list[dict[str, str]] = []
    seen: set[str] = set()
    for figure in outcome.sources:
        if figure.url in seen:
            continue
        seen.add(figure.url)
        title = localized(figure.source, lang)
        refs.append(SourceRef(title=title, url=figure.url, date=figure.as_of.isoformat()))
        shown.append({"title": title, "url": figure.url, "date": format_date(figure.as_of, lang)})
    return refs, shown


def _template_context(outcome: CalcOutcome, rules: CalcRules, lang: Lang) -> dict[str, Any]:
    ctx = dict(outcome.context)
    ctx["defaults"] = _defaults_label(outcome.calculator, outcome.defaults_used, lang)
    if outcome.calculator == "us401k":
        result = ctx["r"]
        ctx["end_year"] = result.inputs.start_year + round(result.inputs.years)
        if result.months_to_target:
            years = math.ceil(result.months_to_target / 12)
            ctx["target_years"] = years
            ctx["target_year"] = result.inputs.start_year + years
    elif outcome.calculator == "inflow":
        inputs = ctx["i"]
        names = {
            "401k": t(lang, "401(k) assets"),
            "dc": t(lang, "all defined-contribution plan assets"),
            "all": t(lang, "all US retirement assets"),
            "custom": t(lang, "the assets you gave"),
        }
        label = f"{names[inputs.base_name]} ({format_usd(inputs.base_usd, lang)}"
        if inputs.base_as_of:
            label += ", " + format_date(inputs.base_as_of, lang)
        ctx["base_label"] = label + ")"
        ctx["compare_date"] = format_date(ctx["compare"].as_of, lang)
        ctx["contrib_year"] = rules.dc_contributions.as_of.year
        ctx["contrib_given"] = (
            outcome.inputs.get("yearly_contributions_usd") is not None
            and outcome.inputs["yearly_contributions_usd"] != rules.dc_contributions.number
        )
    elif outcome.calculator == "cn_pension":
        retirement = ctx["retirement"]
        months = ctx["age_months"]
        ctx["age_label"] = _age_label(months, lang)
        ctx["accrual"] = rules.pension_accrual
        ctx["account_wage"] = (
            ctx["i"].monthly_wage
            if ctx["i"].monthly_wage is not None
            else ctx["i"].avg_wage * ctx["i"].index
        )
        if retirement is not None:
            ctx["retirement_date"] = format_month(
                dt.date(retirement.year, retirement.month, 1), lang
            )
    elif outcome.calculator == "cn_contrib":
        ctx["insurances"] = [
            ("pension", t(lang, "Pension")),
            ("medical", t(lang, "Medical (incl. maternity)")),
            ("unemployment", t(lang, "Unemployment")),
            ("injury", t(lang, "Work injury")),
        ]
        ctx["rates"] = rules.contribution_rates
        ctx["avg_wage"] = outcome.inputs["avg_wage"]
        ctx["floor_pct"] = rules.base_floor_share * 100
        ctx["cap_pct"] = rules.base_cap_share * 100
        spc = rules.figures["cn_spc_interp_effective"].value
        assert isinstance(spc, dt.date)
        ctx["spc_date"] = format_date(spc, lang)
        ctx["basic_deduction"] = rules.basic_deduction
    elif outcome.calculator == "cn_personal_pension":
        ctx["withdrawal_rate"] = rules.personal_pension.withdrawal_rate
        ctx["basic_deduction"] = rules.basic_deduction
        ctx["floor_share"] = rules.base_floor_share
        ctx["cap_share"] = rules.base_cap_share
    return ctx


def _age_label(months: int, lang: Lang) -> str:
    years, rest = divmod(months, 12)
    if rest == 0:
        return format_age(years, lang)
    return t(lang, "{years} and {months} months").format(
        years=format_age(years, lang), months=format_number(rest, lang)
    )


_PERCENT_KEYS = frozenset(
    {"contrib_pct", "return", "fee", "inflation", "raise", "alloc", "adoption"}
)
_YEAR_KEYS = frozenset({"years", "phase"})
_PLAIN_KEYS = frozenset({"age", "retire_age", "index"})


def _read_value(calculator: str, key: str, raw: str, lang: Lang) -> str:
    """One input as the user gave it, formatted for their language."""
    if key == "match" and raw in NO_MATCH:
        return t(lang, "none")
    if key == "match":
        try:
            tiers = [(float(a), float(b)) for a, _, b in (p.partition("@") for p in raw.split("+"))]
        except ValueError:
            return raw  # unreadable: the calculator refuses it, the reading shows it as typed
        return ", ".join(
            t(lang, "{rate} up to {width} of pay").format(
                rate=format_percent(rate, lang), width=format_percent(width, lang)
            )
            for rate, width in tiers
        )
    if key == "max":
        return t(lang, "the IRS maximum each year")
    if key == "gender":
        return {
            "male": t(lang, "man"),
            "female_50": t(lang, "woman worker"),
            "female_55": t(lang, "woman cadre"),
        }.get(raw, raw)
    try:
        value = float(raw)
    except ValueError:
        return raw  # a birth month (1975-05) or a named base reads as written
    if key in _PERCENT_KEYS:
        return format_percent(value, lang)
    if key in _YEAR_KEYS:
        return format_years(value, lang)
    if key in _PLAIN_KEYS:
        return format_number(value, lang)
    if (calculator, key) == ("cn_personal_pension", "salary"):
        # Pay in China is said by the month ("月薪8000"): the year's figure shows it too.
        return t(lang, "{yearly} ({monthly} a month)").format(
            yearly=format_cny(value, lang), monthly=format_cny(value / 12, lang)
        )
    return (format_usd if CALCULATORS[calculator].currency == "USD" else format_cny)(value, lang)


def _read_params(request: CalcRequest | None) -> dict[str, str]:
    """The inputs taken from the message, in the calculator's own order."""
    if request is None:
        return {}
    order = CALCULATORS[request.calculator].keys if request.calculator in CALCULATORS else ()
    keys = sorted(
        (k for k in request.params if k not in NOT_INPUTS),
        key=lambda k: order.index(k) if k in order else len(order),
    )
    return {key: request.params[key] for key in keys}


def _read_label(calculator: str, key: str, lang: Lang) -> str:
    """What an input is called in a 'Read as' line (shorter than in an error)."""
    special = {
        ("cn_pension", "years"): t(lang, "years of contributions"),
        ("cn_resident_pension", "years"): t(lang, "years of contributions"),
        ("cn_resident_pension", "retire_age"): t(lang, "age the pension starts"),
        ("cn_resident_pension", "return"): t(lang, "account interest rate"),
        ("cn_personal_pension", "salary"): t(lang, "yearly pay"),
        ("cn_personal_pension", "deductions"): t(lang, "special additional deductions a year"),
        ("cn_contrib", "deductions"): t(lang, "special additional deductions a year"),
        ("us401k", "salary"): t(lang, "yearly pay"),
    }
    if (calculator, key) in special:
        return special[(calculator, key)]
    if key == "gender":
        return t(lang, "sex")
    if key == "max":
        return t(lang, "contribution")
    return _field_names(lang).get(key, key)


def reading_html(request: CalcRequest, lang: Lang) -> str:
    """'Read as: …': every input taken from the message, then the numbers it did not use, so a
    misreading shows either way (issue 9)."""
    separator = "; " if lang == "en" else "；"
    items = separator.join(
        f"{_read_label(request.calculator, key, lang)} "
        f"{_read_value(request.calculator, key, raw, lang)}"
        for key, raw in _read_params(request).items()
    )
    unused = separator.join(request.unused)
    if not items and not unused:
        return ""
    space = " " if lang == "en" else ""
    return render_html(
        lang, "_calc_reading.html.j2", items=items or "-", unused=unused, space=space
    )


def calc_reply(
    outcome: CalcOutcome,
    rules: CalcRules,
    lang: Lang,
    today: dt.date,
    request: CalcRequest | None = None,
) -> Reply:
    """The reply for a finished calculation, starting with what was read from the request."""
    refs, shown = _source_refs(outcome, lang)
    context = _template_context(outcome, rules, lang)
    html = render_html(
        lang,
        f"calc_{outcome.calculator}.html.j2",
        sources=shown,
        as_of=format_date(today, lang),
        **context,
    )
    reading = reading_html(request, lang) if request is not None else ""
    if reading:
        html = f"{reading}\n\n{html}"
    if outcome.lead:
        # What was asked comes first ("工资2万扣多少税": the tax), then what was read.
        lead = render_html(lang, outcome.lead, **context)
        html = f"{lead}\n{html}" if reading else f"{lead}\n\n{html}"
    buttons = [
        Button(
            label=f"{t(lang, adjustment.label)} {adjustment.amount}",
            action=adjustment.request.as_text(),
        )
        for adjustment in outcome.adjustments
    ]
    if request is not None and _read_params(request):
        # A misread input is one tap (and one typed value) from fixed.
        buttons.append(
            Button(label=t(lang, "✏️ Change a value"), action=fix_action(request), nav=True)
        )
    # What the numbers rest on, and what they leave out ("am I on track?" is a projection
    # and a question about how much is enough): the notes are one tap away.
    notes = CALCULATORS[outcome.calculator].notes
    buttons.append(
        Button(label=t(lang, "📖 The notes behind this"), action=f"topic:{notes}", nav=True)
    )
    return Reply(
        lang=lang,
        kind="calc",
        html=html,
        text=html_to_text(html),
        sources=refs,
        buttons=buttons,
        result={
            "calculator": outcome.calculator,
            "read": _read_params(request),
            "inputs": outcome.inputs,
            "chart": None,
            **outcome.figures,
        },
    )


FIX = "fix "
FIX_ASK = "fixask "


def fix_action(request: CalcRequest) -> str:
    """The button action that lists a calculation's inputs to change one."""
    return FIX + request.as_text().removeprefix("calc ")


def fix_menu_reply(request: CalcRequest, lang: Lang) -> Reply:
    """'Which value should I change?': every input that was read, as a button."""
    html = render_html(lang, "calc_fix.html.j2", question=t(lang, "Which value should I change?"))
    buttons = [
        Button(
            label=f"{_read_label(request.calculator, key, lang)}: "
            f"{_read_value(request.calculator, key, raw, lang)}",
            action=f"{FIX_ASK}{key} {request.as_text().removeprefix('calc ')}",
        )
        for key, raw in _read_params(request).items()
    ]
    return Reply(lang=lang, kind="calc", html=html, text=html_to_text(html), buttons=buttons)


def fix_ask_reply(request: CalcRequest, key: str, lang: Lang) -> Reply:
    """Ask for the new value of one input; the next message answers it."""
    raw = request.params.get(key, "")
    question = t(lang, "Send the new {name} (now {value}).").format(
        name=_read_label(request.calculator, key, lang),
        value=_read_value(request.calculator, key, raw, lang),
    )
    html = render_html(lang, "calc_fix.html.j2", question=question)
    reply = Reply(lang=lang, kind="calc", html=html, text=html_to_text(html))
    reply.pending = request.with_param("fix", key).as_text()
    return reply


# The parameter a bare follow-up answer fills, per missing field.
_MISSING_PARAM = {"contribution": "contrib_amount", "income": "salary"}


def need_input_reply(need: MissingInputError, lang: Lang) -> Reply:
    """Ask for the one input the calculation cannot do without."""
    field_name = need.fields[0]
    questions = {
        ("us401k", "years"): t(
            lang,
            "How many years should I project, or how old are you now and when will you retire?",
        ),
        ("us401k", "contribution"): t(
            lang,
            "How much do you put in: a share of pay (like 10%) or an amount (like $500 a month)?",
        ),
        ("us401k", "salary"): t(
            lang, "What is your yearly salary? The employer match depends on it."
        ),
        ("cn_pension", "years"): t(
            lang,
            "How many years have you contributed (or will you have contributed by retirement)?",
        ),
        ("cn_pension", "gender"): t(
            lang,
            "Are you a man, a woman worker, or a woman cadre (managerial or technical post)?"
            " The retirement age depends on it.",
        ),
        ("cn_resident_pension", "years"): t(
            lang, "How many years have you paid (or will you pay) into the residents' pension?"
        ),
        ("cn_resident_pension", "annual_contrib"): t(
            lang,
            "How much do you pay a year (your contribution grade)? The grades, and the top"
            " grade, differ by province, so please give the amount.",
        ),
        ("cn_contrib", "wage"): t(lang, "What is your monthly wage before tax?"),
        ("cn_personal_pension", "income"): t(
            lang, "What is your yearly salary, or your taxable comprehensive income?"
        ),
    }
    examples = {
        ("us401k", "years"): t(lang, "I'm 30 and retire at 65"),
        ("us401k", "contribution"): t(lang, "10% of my $80k salary"),
        ("us401k", "salary"): t(lang, "salary $80,000"),
        ("cn_pension", "years"): t(lang, "30 years of contributions"),
        ("cn_pension", "gender"): t(lang, "man"),
        ("cn_resident_pension", "years"): t(lang, "15 years of contributions"),
        ("cn_resident_pension", "annual_contrib"): t(lang, "500 yuan a year"),
        ("cn_contrib", "wage"): t(lang, "monthly wage 8,000"),
        ("cn_personal_pension", "income"): t(lang, "salary 300,000 a year"),
    }
    key = (need.calculator, field_name)
    html = render_html(
        lang, "calc_need.html.j2", question=questions[key], example=examples.get(key)
    )
    reading = reading_html(need.request, lang)  # what was read so far, so a misreading shows
    if reading:
        html = f"{reading}\n\n{html}"
    reply = Reply(
        lang=lang,
        kind="calc",
        html=html,
        text=html_to_text(html),
        result={
            "calculator": need.calculator,
            "read": _read_params(need.request),
            "inputs": dict(need.request.params),
            "missing": need.fields,
            "chart": None,
        },
    )
    reply.pending = need.request.with_param(
        "missing", _MISSING_PARAM.get(field_name, field_name)
    ).as_text()
    return reply


# Inputs the calculators take as shares (0.1) but people write as percentages (10%).
_SHARE_FIELDS = frozenset(
    {
        "contribution_rate",
        "annual_return",
        "expense_ratio",
        "inflation",
        "salary_growth",
        "volatility",
        "match_rate",
        "match_width",
        "allocation",
        "adoption",
        "crediting_rate",
        "account_interest",
    }
)


def calc_error_reply(error: CalcInputError, lang: Lang) -> Reply:
    """A clear error about one input, in the user's language."""
    name = _field_names(lang).get(error.field, error.field)
    if error.reason == "order":
        message = t(
            lang,
            "Please check the {name}: it has to come after the other value"
            " (for example, retirement after your current age).",
        ).format(name=name)
    elif error.reason == "missing":
        message = t(lang, "I need the {name} for this calculation.").format(name=name)
    elif error.reason == "unknown":
        message = t(lang, "This calculator takes no input called “{name}”.").format(name=name)
    elif error.low is not None and error.high is not None:
        scale, suffix = (100, "%") if error.field in _SHARE_FIELDS else (1, "")
        message = t(lang, "The {name} has to be between {low} and {high}.").format(
            name=name,
            low=format_number(error.low * scale, lang) + suffix,
            high=format_number(error.high * scale, lang) + suffix,
        )
    else:
        message = t(lang, "The {name} doesn't look like a number I can use.").format(name=name)
    html = render_html(
        lang,
        "error.html.j2",
        message=message,
        hint=t(lang, "Change it and ask again; type /calc to see examples."),
    )
    return Reply(lang=lang, kind="error", html=html, text=html_to_text(html))


def request_from_action(action: str) -> CalcRequest | None:
    """A button's `calc name key=value ...` action back into a request."""
    if not action.startswith("calc "):
        return None
    name = explicit_calculator(action)
    return CalcRequest(name, parse_key_values(action)) if name else None
