"""Calculator rules built from content/figures.yaml: code holds no policy number."""

import datetime as dt
from dataclasses import dataclass

from bot.knowledge.content import Content
from bot.knowledge.figures import Figure
from calc.cn_contrib import Rates
from calc.cn_income_tax import TaxBracket
from calc.cn_personal_pension import PersonalPensionRules
from calc.cn_resident_pension import ResidentPensionRules
from calc.cn_retirement import Category, ReformSchedule, RetirementRules
from calc.us401k import Us401kRules


@dataclass(frozen=True)
class CalcRules:
    """Everything the calculators need, with the figures each came from."""

    us401k: Us401kRules
    us401k_defaults: dict[str, float]
    retirement: RetirementRules
    pension_accrual: float
    pension_account_share: float
    crediting_rate: float
    flexible_rate: float  # pension rate a flexible worker pays on the chosen base
    avg_wage_monthly: float
    contribution_rates: dict[str, Rates]
    base_floor_share: float
    base_cap_share: float
    personal_pension: PersonalPensionRules
    resident: ResidentPensionRules
    basic_deduction: float
    inflow_bases: dict[str, Figure]
    inflow_compare: Figure
    dc_contributions: Figure
    figures: dict[str, Figure]


def _pct(figures: dict[str, Figure], key: str) -> float:
    return figures[key].number / 100


def _date(figures: dict[str, Figure], key: str) -> dt.date:
    value = figures[key].value
    assert isinstance(value, dt.date), key
    return value


def build_rules(content: Content) -> CalcRules:
    """Read every rule number the calculators use from the content's figures."""
    f = content.figures
    n = {key: fig.number for key, fig in f.items() if not isinstance(fig.value, dt.date)}
    us = Us401kRules(
        base_year=int(n["us401k_year_2026"]) if "us401k_year_2026" in n else 2026,
        deferral_limit=n["us401k_deferral_limit_2026"],
        catch_up_limit=n["us401k_catch_up_2026"],
        super_catch_up_limit=n["us401k_super_catch_up_2026"],
        total_additions_limit=n["us401k_total_additions_2026"],
        compensation_limit=n["us401k_compensation_limit_2026"],
        roth_catch_up_wage_threshold=n["us401k_roth_catch_up_wage_threshold_2026"],
        catch_up_age=int(n["us401k_catch_up_age"]),
        super_catch_up_ages=(
            int(n["us401k_super_catch_up_age_min"]),
            int(n["us401k_super_catch_up_age_max"]),
        ),
    )
    defaults = {
        "return": n["us401k_assumed_return"],
        "volatility": n["us401k_assumed_volatility"],
        "fee": n["us401k_assumed_expense_ratio"],
        "inflation": n["us401k_assumed_inflation"],
        "raise": n["us401k_assumed_salary_growth"],
        "contrib_pct": n["us401k_assumed_contribution"],
        "retire_age": n["us401k_assumed_retirement_age"],
    }
    slow, fast = int(n["cn_reform_step_months_slow"]), int(n["cn_reform_step_months_fast"])

    def schedule(old: str, new: str, first: str, step: int) -> ReformSchedule:
        birth = _date(f, first)
        return ReformSchedule(
            original_age=int(n[old]),
            first_birth=(birth.year, birth.month),
            months_per_step=step,
            max_delay_months=round((n[new] - n[old]) * 12),
        )

    retirement = RetirementRules(
        schedules={
            Category.MALE: schedule(
                "cn_ret_age_men_old", "cn_ret_age_men_new", "cn_reform_first_birth_men", slow
            ),
            Category.FEMALE_55: schedule(
                "cn_ret_age_women_staff_old",
                "cn_ret_age_women_staff_new",
                "cn_reform_first_birth_women_55",
                slow,
            ),
            Category.FEMALE_50: schedule(
                "cn_ret_age_women_worker_old",
                "cn_ret_age_women_worker_new",
                "cn_reform_first_birth_women_50",
                fast,
            ),
        },
        min_years_before=n["cn_min_contrib_old"],
        min_years_after=n["cn_min_contrib_new"],
        min_years_start_year=_date(f, "cn_min_contrib_start").year,
        min_years_step=n["cn_min_contrib_step"] / 12,
        payout_months={age: n[f"cn_payout_months_{age}"] for age in range(40, 71)},
    )
    rates = {
        "pension": Rates(_pct(f, "cn_rate_pension_employee"), _pct(f, "cn_rate_pension_employer")),
        "medical": Rates(
            _pct(f, "cn_example_medical_employee"), _pct(f, "cn_example_medical_employer")
        ),
        "unemployment": Rates(
            _pct(f, "cn_example_unemp_employee"), _pct(f, "cn_example_unemp_employer")
        ),
        "injury": Rates(0.0, _pct(f, "cn_example_injury_employer")),
    }
    thresholds = [0.0] + [n[f"cn_iit_threshold_{i}"] for i in range(2, 8)]
    rates_pct = [
        n["cn_iit_rate_min"],
        n["cn_iit_rate_second"],
        n["cn_iit_rate_3"],
        n["cn_iit_rate_4"],
        n["cn_iit_rate_5"],
        n["cn_iit_rate_6"],
        n["cn_iit_rate_max"],
    ]
    personal = PersonalPensionRules(
        brackets=tuple(
            TaxBracket(lower, rate / 100) for lower, rate in zip(thresholds, rates_pct, strict=True)
        ),
        cap=n["cn_pp_cap"],
        withdrawal_rate=_pct(f, "cn_pp_withdraw_tax"),
    )
    resident = ResidentPensionRules(
        pension_age=int(n["cn_resident_age"]),
        minimum_years=n["cn_resident_min_years"],
        payout_months=n["cn_resident_payout_months"],
        basic_minimum=n["cn_resident_basic_min_2026"],
        basic_year=int(n["cn_resident_basic_year_2026"]),
        subsidy_minimum=n["cn_resident_subsidy_min"],
        subsidy_minimum_high=n["cn_resident_subsidy_min_high"],
        high_grade=n["cn_resident_subsidy_high_grade"],
        assumed_interest=_pct(f, "cn_resident_assumed_interest"),
    )
    return CalcRules(
        us401k=us,
        us401k_defaults=defaults,
        retirement=retirement,
        pension_accrual=_pct(f, "cn_pension_accrual_pct"),
        pension_account_share=_pct(f, "cn_rate_pension_employee"),
        crediting_rate=_pct(f, "cn_assumed_crediting_rate"),
        flexible_rate=_pct(f, "cn_flex_pension_rate"),
        avg_wage_monthly=n["cn_avg_wage_nonprivate_2024"] / 12,
        contribution_rates=rates,
        base_floor_share=_pct(f, "cn_base_floor_pct"),
        base_cap_share=_pct(f, "cn_base_cap_pct"),
        personal_pension=personal,
        resident=resident,
        basic_deduction=n["cn_iit_basic_deduction"],
        inflow_bases={
            "401k": f["us_401k_assets_2025q3"],
            "dc": f["us_dc_assets_2025q3"],
            "all": f["us_ret_assets_2025q3"],
        },
        inflow_compare=f["crypto_spot_etf_total"],
        dc_contributions=f["us_dc_contributions_2017"],
        figures=f,
    )
