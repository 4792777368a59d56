"""Turn a CalcRequest into calculator inputs (stated defaults included), run it, and collect
what the reply shows."""

import datetime as dt
import math
from dataclasses import dataclass, field, replace
from typing import Any

from bot.calcs.numbers import find_numbers
from bot.calcs.request import CalcRequest, fmt
from bot.calcs.rules import CalcRules
from bot.i18n.text import N_
from bot.knowledge.figures import Figure
from calc import (
    cn_contrib,
    cn_income_tax,
    cn_pension,
    cn_personal_pension,
    cn_resident_pension,
    inflow,
    us401k,
)
from calc.cn_retirement import Category, statutory_retirement
from calc.errors import CalcInputError, require_range


class MissingInputError(Exception):
    """An essential input is missing; the reply asks for it."""

    def __init__(self, calculator: str, fields: list[str], request: CalcRequest) -> None:
        super().__init__(", ".join(fields))
        self.calculator = calculator
        self.fields = fields
        self.request = request


@dataclass
class Adjustment:
    """A button that re-runs the calculation with one input changed."""

    label: str  # a msgid, translated by the reply layer
    amount: str
    request: CalcRequest


@dataclass
class CalcOutcome:
    """A finished calculation: JSON figures, template context, buttons, sources."""

    calculator: str
    inputs: dict[str, Any]
    figures: dict[str, Any]
    context: dict[str, Any]
    adjustments: list[Adjustment] = field(default_factory=list)
    sources: list[Figure] = field(default_factory=list)
    chart: Any = None
    defaults_used: list[str] = field(default_factory=list)
    # The template of a line that answers what was asked, put above the reading (the income
    # tax, when the tax on pay was asked): empty when the result itself is the answer.
    lead: str = ""


# The pension chart runs from the minimum years to this many years of contributions.
PENSION_CHART_LAST_YEAR = 45


@dataclass(frozen=True)
class PensionChart:
    """Monthly pension by years of contributions, and the user's own point."""

    by_years: list[tuple[int, float]]
    user_years: float
    user_total: float | None


@dataclass(frozen=True)
class SavingChart:
    """Net personal-pension saving by taxable income (bracket edges), and the user's income."""

    by_income: list[tuple[float, float]]
    user_taxable: float


def _value(request: CalcRequest, key: str) -> float | None:
    raw = request.params.get(key)
    if raw is None:
        return None
    cleaned = raw.strip().lower().rstrip("%")
    if cleaned in ("nan", "inf", "-inf", "infinity"):
        raise CalcInputError(key, "not_finite")
    try:
        value = float(cleaned)
    except ValueError:
        numbers = find_numbers(cleaned)
        if not numbers:
            raise CalcInputError(key, "not_finite") from None
        value = numbers[0].value
    if not math.isfinite(value):
        raise CalcInputError(key, "not_finite")
    return value


def _or_default(request: CalcRequest, key: str, default: float, used: list[str]) -> float:
    """The user's value, else the stated default (noted in `used`, which the reply names)."""
    value = _value(request, key)
    if value is None:
        used.append(key)
        return default
    return value


def _bump(
    request: CalcRequest, key: str, value: float, delta: float, low: float = 0.0
) -> CalcRequest:
    return request.with_param(key, fmt(max(low, round(value + delta, 6))))


# ---------- US 401(k) ----------


NO_MATCH = ("0", "none")  # "no match" as read from a message or typed as match=0


def _tiers(raw: str | None) -> tuple[us401k.MatchTier, ...]:
    if not raw or raw in NO_MATCH:
        return ()
    tiers = []
    for part in raw.split("+"):
        rate, _, width = part.partition("@")
        try:
            tiers.append(us401k.MatchTier(float(rate) / 100, float(width) / 100))
        except ValueError:
            raise CalcInputError("match", "not_finite") from None
    return tuple(tiers)


def run_us401k(request: CalcRequest, rules: CalcRules) -> CalcOutcome:
    """A 401(k) projection."""
    d = rules.us401k_defaults
    used: list[str] = []

    def pick(key: str) -> float:
        return _or_default(request, key, d[key], used)

    age = _value(request, "age")
    retire_age = _value(request, "retire_age")
    years = _value(request, "years")
    if age is not None:
        require_range("current_age", age, 14, 100)
    if years is None and age is not None and retire_age is None and age >= d["retire_age"]:
        # Past the usual retirement age with no horizon given: ask for one, do not guess.
        raise MissingInputError("us401k", ["years"], request)
    if years is None and age is not None:
        if retire_age is None:
            retire_age = d["retire_age"]
            used.append("retire_age")
        years = retire_age - age
        if years <= 0:
            raise CalcInputError("retire_age", "order")
    tiers = _tiers(request.params.get("match"))
    if years is None and tiers:
        # "What does the company add?" is a one-year question.
        years = 1.0
        used.append("years")
    if years is None:
        raise MissingInputError("us401k", ["years"], request)
    salary = _value(request, "salary") or 0.0
    balance = _value(request, "balance") or 0.0
    contrib_pct = _value(request, "contrib_pct")
    contrib_amount = _value(request, "contrib_amount")
    contribute_max = (
        request.params.get("max") == "1" and contrib_pct is None and (contrib_amount is None)
    )
    if contrib_pct is not None and "salary" not in request.params and balance <= 0:
        raise MissingInputError("us401k", ["salary"], request)  # a share of no pay is nothing
    if contrib_pct is None and contrib_amount is None and not contribute_max:
        if salary > 0:
            contrib_pct = d["contrib_pct"]
            used.append("contrib_pct")
        elif "target" in request.params:
            contrib_amount = 0.0  # "how much a month to reach $2M?": the answer is that amount
        elif balance <= 0:
            raise MissingInputError("us401k", ["contribution"], request)
    if tiers and salary <= 0:
        raise MissingInputError("us401k", ["salary"], request)
    inputs = us401k.Us401kInputs(
        years=years,
        salary=salary,
        current_age=age,
        contribution_rate=None if contrib_pct is None else contrib_pct / 100,
        contribution_amount=contrib_amount,
        contribute_max=contribute_max,
        match=tiers,
        current_balance=balance,
        annual_return=pick("return") / 100,
        expense_ratio=pick("fee") / 100,
        inflation=pick("inflation") / 100,
        salary_growth=pick("raise") / 100,
        volatility=d["volatility"] / 100,
        target_balance=_value(request, "target"),
        start_year=rules.us401k.base_year,
    )
    result = us401k.project_401k(inputs, rules.us401k)
    adjustments = [
        Adjustment(
            N_("Return"), "-1%", _bump(request, "return", inputs.annual_return * 100, -1, -50)
        ),
        Adjustment(
            N_("Return"), "+1%", _bump(request, "return", inputs.annual_return * 100, 1, -50)
        ),
    ]
    if contrib_pct is not None:
        adjustments += [
            Adjustment(N_("Contribution"), "-1%", _bump(request, "contrib_pct", contrib_pct, -1)),
            Adjustment(N_("Contribution"), "+1%", _bump(request, "contrib_pct", contrib_pct, 1)),
        ]
    elif contrib_amount is not None:
        step = max(100.0, round(contrib_amount * 0.1, -2))
        adjustments += [
            Adjustment(
                N_("Contribution"),
                f"-{fmt(step)}",
                _bump(request, "contrib_amount", contrib_amount, -step),
            ),
            Adjustment(
                N_("Contribution"),
                f"+{fmt(step)}",
                _bump(request, "contrib_amount", contrib_amount, step),
            ),
        ]
    shown_inputs = {
        "current_age": age,
        "retirement_age": None if age is None else age + years,
        "years": years,
        "salary": salary,
        "salary_growth_pct": inputs.salary_growth * 100,
        "contribution_pct": contrib_pct,
        "contribution_usd_per_year": contrib_amount,
        "contribution_max": contribute_max,
        "match": [{"rate_pct": t.rate * 100, "up_to_pct": t.width * 100} for t in tiers],
        "current_balance": balance,
        "annual_return_pct": inputs.annual_return * 100,
        "expense_ratio_pct": inputs.expense_ratio * 100,
        "inflation_pct": inputs.inflation * 100,
        "volatility_pct": inputs.volatility * 100,
        "start_year": inputs.start_year,
        "paths": inputs.paths,
        "seed": inputs.seed,
    }
    figures = {
        "balance": round(result.balance, 2),
        "balance_today": round(result.balance_today, 2),
        "employee_total": round(result.employee_total, 2),
        "employer_total": round(result.employer_total, 2),
        "p10": round(result.p10, 2),
        "p50": round(result.p50, 2),
        "p90": round(result.p90, 2),
        "binding_years": result.binding_years,
    }
    if result.monthly_needed_for_target is not None:
        figures["monthly_needed_for_target"] = round(result.monthly_needed_for_target, 2)
        figures["months_to_target"] = result.months_to_target
    f = rules.figures
    return CalcOutcome(
        calculator="us401k",
        inputs=shown_inputs,
        figures=figures,
        context={
            "r": result,
            "i": inputs,
            "rules": rules.us401k,
            "contrib_pct": contrib_pct,
            # Nothing said about pay or money going in: the projection grows today's balance
            # alone, which must be said, not left to a "$0" in the breakdown.
            "contributions_unknown": not (_CONTRIBUTION_KEYS & request.params.keys()),
        },
        adjustments=adjustments,
        sources=[
            f["us401k_deferral_limit_2026"],
            f["us401k_catch_up_2026"],
            f["us401k_super_catch_up_2026"],
            f["us401k_total_additions_2026"],
        ],
        chart=result,
        defaults_used=used,
    )


# ---------- crypto inflow ----------

# The scenario the 2025 news coverage used (2% of 401(k) assets); any other share can be asked.
SEED_ALLOCATION_PCT = 2.0


def run_inflow(request: CalcRequest, rules: CalcRules) -> CalcOutcome:
    """How much flows into crypto if plans allocate a share."""
    used: list[str] = []
    custom = _value(request, "base")
    base_name = request.params.get("base_name", "401k")
    if base_name not in rules.inflow_bases:
        raise CalcInputError("base_name", "out_of_range")
    base_figure = None if custom is not None else rules.inflow_bases[base_name]
    alloc = _or_default(request, "alloc", SEED_ALLOCATION_PCT, used)
    adoption = _value(request, "adoption")
    if adoption is None:
        adoption = 100.0
    phase = _value(request, "phase") or 1.0
    if not float(phase).is_integer():
        raise CalcInputError("phase", "not_finite")
    # "yearly=1" asks for the default yearly DC contributions; a larger value is the user's own.
    stated_yearly = _value(request, "yearly")
    yearly = rules.dc_contributions.number if stated_yearly == 1 else stated_yearly
    compare = rules.inflow_compare
    inputs = inflow.InflowInputs(
        base_usd=custom if custom is not None else base_figure.number,  # type: ignore[union-attr]
        base_name="custom" if custom is not None else base_name,
        base_as_of=None if base_figure is None else base_figure.as_of,
        allocation=alloc / 100,
        adoption=adoption / 100,
        phase_in_years=int(phase),
        yearly_contributions_usd=yearly,
        compare_usd=compare.number,
        compare_as_of=compare.as_of,
    )
    result = inflow.crypto_inflow(inputs)
    adjustments = [
        Adjustment(N_("Allocation"), "1%", request.with_param("alloc", "1")),
        Adjustment(N_("Allocation"), "5%", request.with_param("alloc", "5")),
        Adjustment(N_("Base"), "DC", request.with_param("base_name", "dc")),
        Adjustment(N_("Adoption"), "50%", request.with_param("adoption", "50")),
    ]
    sources = [compare] + ([base_figure] if base_figure is not None else [])
    if yearly is not None:
        sources.append(rules.dc_contributions)
    return CalcOutcome(
        calculator="inflow",
        inputs={
            "base_usd": inputs.base_usd,
            "base": inputs.base_name,
            "base_as_of": inputs.base_as_of.isoformat() if inputs.base_as_of else None,
            "allocation_pct": alloc,
            "adoption_pct": adoption,
            "phase_in_years": int(phase),
            "yearly_contributions_usd": yearly,
            "compare_usd": compare.number,
            "compare_as_of": compare.as_of.isoformat(),
        },
        figures={
            "inflow_usd": round(result.one_off_usd, 2),
            "base_usd": inputs.base_usd,
            "base_as_of": inputs.base_as_of.isoformat() if inputs.base_as_of else None,
            "yearly_inflow_usd": None
            if result.yearly_from_contributions_usd is None
            else round(result.yearly_from_contributions_usd, 2),
            "share_of_spot_etfs": None
            if result.share_of_compare is None
            else round(result.share_of_compare, 4),
        },
        context={"r": result, "i": inputs, "base_figure": base_figure, "compare": compare},
        adjustments=adjustments,
        sources=sources,
        chart=result,
        defaults_used=used,
    )


_CONTRIBUTION_KEYS = frozenset({"salary", "contrib_pct", "contrib_amount", "max"})


# ---------- China basic pension ----------

_CATEGORIES = {c.value: c for c in Category}


def _birth(raw: str | None) -> tuple[int, int] | None:
    if not raw:
        return None
    year, _, month = raw.partition("-")
    try:
        return int(year), int(month or 1)
    except ValueError:
        raise CalcInputError("birth", "not_finite") from None


# Statutory ages run from 50 to 63 after the 2025 reform; early retirement for special jobs
# starts at 45, and some people keep contributing until 70. Outside that is a misreading.
MIN_CN_RETIRE_AGE = 40
MAX_CN_RETIRE_AGE = 75


def run_cn_pension(request: CalcRequest, rules: CalcRules, today: dt.date) -> CalcOutcome:
    """A basic-pension estimate under the 2025 retirement-age reform."""
    used: list[str] = []
    years = _value(request, "years")
    if years is None:
        raise MissingInputError("cn_pension", ["years"], request)
    birth = _birth(request.params.get("birth"))
    gender = request.params.get("gender")
    if gender is not None and gender not in _CATEGORIES:
        raise CalcInputError("gender", "out_of_range")
    retire_age = _value(request, "retire_age")
    retirement = None
    if retire_age is not None:
        require_range("retire_age", retire_age, MIN_CN_RETIRE_AGE, MAX_CN_RETIRE_AGE)
        age_months = round(retire_age * 12)
        retire_year = birth[0] + (birth[1] - 1 + age_months) // 12 if birth else today.year
    elif birth is not None:
        if gender is None:
            raise MissingInputError("cn_pension", ["gender"], request)
        retirement = statutory_retirement(birth[0], birth[1], _CATEGORIES[gender], rules.retirement)
        age_months, retire_year = retirement.age_months, retirement.year
    else:
        category = _CATEGORIES[gender or "male"]
        age_months = rules.retirement.schedules[category].original_age * 12
        retire_year = today.year
        used.append("retire_age")
    avg_wage = require_range(
        "avg_wage", _or_default(request, "avg_wage", rules.avg_wage_monthly, used), 100, 1e6
    )
    wage = _value(request, "wage")
    annual = _value(request, "annual_contrib")
    if wage is None and annual is not None:
        wage = annual / 12 / rules.flexible_rate
    index = _value(request, "index")
    index_clipped = False
    if index is None:
        if wage is not None:
            raw_index = wage / avg_wage
            index = min(max(raw_index, rules.base_floor_share), rules.base_cap_share)
            index_clipped = index != raw_index
        else:
            index = 1.0
            used.append("index")
    inputs = cn_pension.PensionInputs(
        avg_wage=avg_wage,
        index=index,
        years=years,
        retirement_age_months=age_months,
        retirement_year=retire_year,
        index_floor=rules.base_floor_share,
        index_cap=rules.base_cap_share,
        account_balance=_value(request, "balance"),
        monthly_wage=wage,
        account_rate=rules.pension_account_share,
        crediting_rate=rules.crediting_rate,
    )
    result = cn_pension.estimate_pension(inputs, rules.retirement, rules.pension_accrual)
    at_minimum = None
    if not result.meets_minimum:
        # No monthly pension below the minimum: show what the minimum would pay instead.
        at_minimum = cn_pension.estimate_pension(
            replace(inputs, years=result.minimum_years), rules.retirement, rules.pension_accrual
        )
    f = rules.figures
    by_years = [
        (
            span,
            cn_pension.estimate_pension(
                replace(inputs, years=span), rules.retirement, rules.pension_accrual
            ).total,
        )
        for span in range(int(result.minimum_years), PENSION_CHART_LAST_YEAR + 1)
    ]
    floor = fmt(rules.base_floor_share)
    return CalcOutcome(
        calculator="cn_pension",
        chart=PensionChart(by_years, years, result.total if result.meets_minimum else None),
        inputs={
            "birth": request.params.get("birth"),
            "category": gender,
            "retirement_age_months": age_months,
            "avg_wage": avg_wage,
            "index": round(index, 4),
            "years": years,
            "account_balance": inputs.account_balance,
            "monthly_wage": wage,
            "account_share_pct": rules.pension_account_share * 100,
            "crediting_rate_pct": rules.crediting_rate * 100,
        },
        figures={
            "retirement_date": f"{retirement.year}-{retirement.month:02d}" if retirement else None,
            "retirement_age_months": age_months,
            "months_divisor": round(result.months_divisor, 2),
            "basic": round(result.basic, 2),
            "personal": round(result.personal, 2),
            "total": round(result.total, 2),
            "minimum_years": result.minimum_years,
            "meets_minimum": result.meets_minimum,
            "total_at_minimum": None if at_minimum is None else round(at_minimum.total, 2),
        },
        context={
            "r": result,
            "i": inputs,
            "retirement": retirement,
            "index_clipped": index_clipped,
            "age_months": age_months,
            "at_minimum": at_minimum,
        },
        adjustments=[
            Adjustment(N_("Years"), "+5", _bump(request, "years", years, 5)),
            # The lowest index: the contribution base's floor, as a share of the average wage.
            Adjustment(N_("Index"), floor, request.with_param("index", floor)),
            Adjustment(N_("Index"), "1.0", request.with_param("index", "1")),
            Adjustment(N_("Index"), "2.0", request.with_param("index", "2")),
        ],
        sources=[
            f["cn_pension_accrual_pct"],
            f["cn_payout_months_60"],
            f["cn_min_contrib_new"],
            f["cn_avg_wage_nonprivate_2024"],
            f["cn_assumed_crediting_rate"],
        ],
        defaults_used=used,
    )


# ---------- China urban-rural residents' pension ----------

# A residents' scheme member joins from 16; an age outside this is a misreading.
MIN_RESIDENT_AGE = 16
MAX_RESIDENT_AGE = 100
MAX_RESIDENT_PENSION_AGE = 75


def run_cn_resident_pension(request: CalcRequest, rules: CalcRules) -> CalcOutcome:
    """An urban-rural residents' pension estimate: basic pension + account / 139."""
    r = rules.resident
    used: list[str] = []
    age = _value(request, "age")
    if age is not None:
        require_range("age", age, MIN_RESIDENT_AGE, MAX_RESIDENT_AGE)
    pension_age = _value(request, "retire_age")
    if pension_age is not None:
        require_range("pension_age", pension_age, r.pension_age, MAX_RESIDENT_PENSION_AGE)
    years = _value(request, "years")
    if years is None and age is not None and age < r.pension_age:
        years = (pension_age or r.pension_age) - age  # paying every year from now until then
        used.append("years")
    if years is None:
        raise MissingInputError("cn_resident_pension", ["years"], request)
    yearly = _value(request, "annual_contrib")
    if yearly is None:
        # A grade named without its amount ("最高档") differs by province: ask, never guess.
        raise MissingInputError("cn_resident_pension", ["annual_contrib"], request)
    require_range("annual_contrib", yearly, 0, cn_resident_pension.MAX_YEARLY_CONTRIBUTION)
    subsidy = _or_default(request, "subsidy", r.subsidy_for(yearly), used)
    basic = _or_default(request, "basic", r.basic_minimum, used)
    interest = _or_default(request, "return", r.assumed_interest * 100, used)
    inputs = cn_resident_pension.ResidentPensionInputs(
        yearly_contribution=yearly,
        yearly_subsidy=subsidy,
        years=years,
        basic_pension=basic,
        interest=interest / 100,
        payout_months=r.payout_months,
        minimum_years=r.minimum_years,
    )
    result = cn_resident_pension.estimate_resident_pension(inputs)
    at_minimum = None
    if not result.meets_minimum:
        at_minimum = cn_resident_pension.estimate_resident_pension(
            replace(inputs, years=r.minimum_years)
        )
    by_years = [
        (span, cn_resident_pension.estimate_resident_pension(replace(inputs, years=span)).total)
        for span in range(int(r.minimum_years), PENSION_CHART_LAST_YEAR + 1)
    ]
    f = rules.figures
    step = max(100.0, round(yearly * 0.5, -2))
    return CalcOutcome(
        calculator="cn_resident_pension",
        chart=PensionChart(by_years, years, result.total if result.meets_minimum else None),
        inputs={
            "annual_contrib": yearly,
            "years": years,
            "age": age,
            "pension_age": pension_age if pension_age is not None else r.pension_age,
            "basic": basic,
            "subsidy": subsidy,
            "interest_pct": interest,
            "payout_months": r.payout_months,
        },
        figures={
            "basic": round(basic, 2),
            "personal": round(result.personal, 2),
            "total": round(result.total, 2),
            "account_balance": round(result.account_balance, 2),
            "own_paid": round(result.own_paid, 2),
            "subsidy_paid": round(result.subsidy_paid, 2),
            "months_divisor": r.payout_months,
            "minimum_years": r.minimum_years,
            "meets_minimum": result.meets_minimum,
            "total_at_minimum": None if at_minimum is None else round(at_minimum.total, 2),
        },
        context={
            "r": result,
            "i": inputs,
            "rules": r,
            "at_minimum": at_minimum,
            "age": age,
            "pension_age": pension_age if pension_age is not None else r.pension_age,
            "subsidy_given": "subsidy" in request.params,
            "basic_given": "basic" in request.params,
        },
        adjustments=[
            Adjustment(N_("Years"), "+5", _bump(request, "years", years, 5)),
            *(
                # A lower grade only while one is left above nothing.
                [
                    Adjustment(
                        N_("Contribution"),
                        f"-{fmt(step)}",
                        _bump(request, "annual_contrib", yearly, -step),
                    )
                ]
                if yearly > step
                else []
            ),
            Adjustment(
                N_("Contribution"), f"+{fmt(step)}", _bump(request, "annual_contrib", yearly, step)
            ),
        ],
        sources=[
            f["cn_resident_basic_min_2026"],
            f["cn_resident_payout_months"],
            f["cn_resident_subsidy_min"],
            f["cn_resident_min_years"],
            f["cn_resident_assumed_interest"],
        ],
        defaults_used=used,
    )


# ---------- China social-insurance contributions ----------


def _monthly_contributions(
    wage: float,
    rules: CalcRules,
    avg: float | None = None,
    floor: float | None = None,
    cap: float | None = None,
) -> cn_contrib.ContribResult:
    """Both sides' social insurance on a month's wage, the base kept between the floor and cap
    (by default the set shares of the average wage)."""
    avg = rules.avg_wage_monthly if avg is None else avg
    return cn_contrib.contributions(
        cn_contrib.ContribInputs(
            wage=wage,
            base_floor=floor if floor is not None else avg * rules.base_floor_share,
            base_cap=cap if cap is not None else avg * rules.base_cap_share,
            rates=rules.contribution_rates,
        )
    )


def run_cn_contrib(request: CalcRequest, rules: CalcRules) -> CalcOutcome:
    """Each side's monthly contributions for a wage, and the take-home after income tax."""
    used: list[str] = []
    wage = _value(request, "wage")
    if wage is None:
        raise MissingInputError("cn_contrib", ["wage"], request)
    avg = _or_default(request, "avg_wage", rules.avg_wage_monthly, used)
    floor = _value(request, "floor")
    cap = _value(request, "cap")
    deductions = _value(request, "deductions")
    result = _monthly_contributions(wage, rules, avg, floor, cap)
    inputs = result.inputs
    # The year's tax on twelve such months, shown as a month's average (issue 9).
    pay_tax = cn_income_tax.tax_on_pay(
        12 * wage,
        12 * result.employee_total,
        deductions or 0.0,
        rules.basic_deduction,
        rules.personal_pension.brackets,
    )
    # Whole yuan, so the take-home shown beside it is the before-tax one minus exactly the tax.
    monthly_tax = cn_income_tax.monthly_average(pay_tax.tax)
    f = rules.figures
    return CalcOutcome(
        calculator="cn_contrib",
        inputs={
            "wage": wage,
            "avg_wage": avg,
            "base_floor": round(inputs.base_floor, 2),
            "base_cap": round(inputs.base_cap, 2),
            "rates_pct": {
                k: {"employee": r.employee * 100, "employer": r.employer * 100}
                for k, r in inputs.rates.items()
            },
            "basic_deduction": rules.basic_deduction,
            "deductions": deductions,
        },
        figures={
            "base": round(result.base, 2),
            "employee": {k: round(v, 2) for k, v in result.employee.items()},
            "employer": {k: round(v, 2) for k, v in result.employer.items()},
            "employee_total": round(result.employee_total, 2),
            "employer_total": round(result.employer_total, 2),
            "take_home": round(result.take_home, 2),
            "taxable_income_yearly": round(pay_tax.taxable, 2),
            "income_tax_yearly": round(pay_tax.tax, 2),
            "income_tax_monthly": round(monthly_tax, 2),
            "take_home_after_tax": round(result.take_home - monthly_tax, 2),
        },
        context={
            "r": result,
            "i": inputs,
            "tax": pay_tax,
            "monthly_tax": monthly_tax,
            "deductions": deductions or 0.0,
        },
        adjustments=[
            Adjustment(N_("Wage"), "-1000", _bump(request, "wage", wage, -1000)),
            Adjustment(N_("Wage"), "+1000", _bump(request, "wage", wage, 1000)),
        ],
        sources=[
            f["cn_rate_pension_employer"],
            f["cn_example_medical_employer"],
            f["cn_base_cap_pct"],
            f["cn_avg_wage_nonprivate_2024"],
            f["cn_iit_rate_max"],
            f["cn_iit_basic_deduction"],
        ],
        defaults_used=used,
    )


# ---------- personal pension tax ----------


# What a personal-pension reply leads with: `tax` (the income tax on pay was asked, issue 9).
FOCUSES = ("tax",)


def run_cn_personal_pension(request: CalcRequest, rules: CalcRules) -> CalcOutcome:
    """Tax saved by a personal-pension contribution, after the income tax on pay itself."""
    used: list[str] = []
    focus = request.params.get("focus")
    if focus is not None and focus not in FOCUSES:
        raise CalcInputError("focus", "out_of_range")
    taxable = _value(request, "taxable")
    salary = _value(request, "salary")
    deductions = _value(request, "deductions")
    social = base = 0.0
    social_rate = sum(r.employee for r in rules.contribution_rates.values())
    if deductions is not None:
        require_range("deductions", deductions, 0, 1e9)
    if taxable is None:
        if salary is None:
            raise MissingInputError("cn_personal_pension", ["income"], request)
        # The employee's social insurance on a month's pay, as the contributions calculator
        # works it out (pay far above the base cap changes nothing, so it is passed on capped
        # at the largest wage that calculator takes).
        monthly = _monthly_contributions(min(salary / 12, cn_contrib.MAX_WAGE), rules)
        social, base = 12 * monthly.employee_total, monthly.base
        taxable = cn_income_tax.taxable_pay(
            salary, social, deductions or 0.0, rules.basic_deduction
        )
    contribution = _or_default(request, "contribution", rules.personal_pension.cap, used)
    result = cn_personal_pension.personal_pension_saving(
        taxable, contribution, rules.personal_pension
    )
    f = rules.figures
    levels = sorted({b.lower for b in rules.personal_pension.brackets if b.lower > 0} | {taxable})
    by_income = [
        (
            level,
            cn_personal_pension.personal_pension_saving(
                level, contribution, rules.personal_pension
            ).net_benefit,
        )
        for level in levels
    ]
    from_pay = _value(request, "taxable") is None
    sources = [
        f["cn_pp_cap"],
        f["cn_pp_withdraw_tax"],
        f["cn_iit_rate_max"],
        f["cn_iit_basic_deduction"],
    ]
    if from_pay and focus == "tax":
        # The income tax rests on the social-insurance estimate: its rates and base.
        sources += [
            f["cn_rate_pension_employee"],
            f["cn_example_medical_employee"],
            f["cn_base_cap_pct"],
            f["cn_avg_wage_nonprivate_2024"],
        ]
    return CalcOutcome(
        calculator="cn_personal_pension",
        chart=SavingChart(by_income, taxable),
        inputs={
            "taxable_income": round(taxable, 2),
            "salary": salary,
            "social_insurance_estimate": round(social, 2) if from_pay else None,
            "basic_deduction": rules.basic_deduction if from_pay else None,
            "deductions": deductions if from_pay else None,
            "contribution": contribution,
        },
        figures={
            "income_tax": round(result.tax_before, 2),
            "income_tax_monthly": round(result.tax_before / 12, 2),
            "tax_saved": round(result.tax_saved, 2),
            "withdrawal_tax": round(result.withdrawal_tax, 2),
            "net_benefit": round(result.net_benefit, 2),
            "marginal_rate_pct": result.marginal_rate * 100,
        },
        context={
            "r": result,
            "salary": salary if from_pay else None,
            "social": social,
            "social_base": base,
            "social_rate": social_rate,
            "deductions": (deductions or 0.0) if from_pay else 0.0,
            "monthly_tax": cn_income_tax.monthly_average(result.tax_before),
            "focus": focus,
        },
        adjustments=[
            Adjustment(
                N_("Contribution"),
                fmt(rules.personal_pension.cap / 2),
                request.with_param("contribution", fmt(rules.personal_pension.cap / 2)),
            ),
            Adjustment(
                N_("Contribution"),
                fmt(rules.personal_pension.cap),
                request.with_param("contribution", fmt(rules.personal_pension.cap)),
            ),
        ],
        sources=sources,
        defaults_used=used,
        lead="calc_cn_income_tax_lead.html.j2" if focus == "tax" else "",
    )
