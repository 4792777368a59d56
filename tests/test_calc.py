"""Calculators against independent references: hand arithmetic, closed forms, official examples."""

import math
from typing import Any

import numpy as np
import pytest

from bot.calcs.rules import CalcRules, build_rules
from bot.knowledge.content import Content
from calc import cn_contrib, cn_pension, cn_personal_pension, inflow, us401k
from calc.cn_retirement import Category, minimum_years, payout_months, statutory_retirement
from calc.errors import CalcInputError


@pytest.fixture(scope="module")
def rules(content: Content) -> CalcRules:
    return build_rules(content)


def _inputs(**kw: Any) -> us401k.Us401kInputs:
    base: dict[str, Any] = {
        "years": 10.0,
        "annual_return": 0.0,
        "expense_ratio": 0.0,
        "inflation": 0.0,
        "salary_growth": 0.0,
        "paths": 2000,
    }
    base.update(kw)
    return us401k.Us401kInputs(**base)


def test_zero_return_balance_is_the_sum_of_contributions(rules: CalcRules) -> None:
    result = us401k.project_401k(
        _inputs(salary=60_000, contribution_rate=0.05, current_balance=1_000), rules.us401k
    )
    assert result.employee_total == pytest.approx(10 * 0.05 * 60_000)
    assert result.balance == pytest.approx(1_000 + 10 * 3_000)
    assert result.growth == pytest.approx(0, abs=1e-6)


def test_maxing_out_puts_in_each_years_limit_with_the_catch_ups_by_age(rules: CalcRules) -> None:
    limits = rules.us401k
    # Ages 58 to 61 over four years: the regular catch-up, then the larger one from 60.
    result = us401k.project_401k(
        _inputs(years=4.0, current_age=58, contribute_max=True, salary=300_000), limits
    )
    expected = (
        4 * limits.deferral_limit + 2 * limits.catch_up_limit + 2 * limits.super_catch_up_limit
    )
    assert result.employee_total == pytest.approx(expected)
    assert result.binding_years == []  # the maximum is what was asked, not a cut


def test_balance_matches_the_closed_form_annuity(rules: CalcRules) -> None:
    monthly, annual, years = 500.0, 0.07, 30
    result = us401k.project_401k(
        _inputs(years=years, contribution_amount=monthly * 12, annual_return=annual), rules.us401k
    )
    g = (1 + annual) ** (1 / 12)
    expected = monthly * (g ** (12 * years) - 1) / (g - 1)
    assert result.balance == pytest.approx(expected, rel=1e-9)


def test_zero_volatility_range_collapses_onto_the_path(rules: CalcRules) -> None:
    result = us401k.project_401k(
        _inputs(contribution_amount=6000, annual_return=0.05, volatility=0.0), rules.us401k
    )
    assert result.p10 == pytest.approx(result.balance, rel=1e-4)
    assert result.p90 == pytest.approx(result.balance, rel=1e-4)


def test_range_is_ordered_and_reproducible(rules: CalcRules) -> None:
    first = us401k.project_401k(
        _inputs(years=30, contribution_amount=6000, annual_return=0.06), rules.us401k
    )
    again = us401k.project_401k(
        _inputs(years=30, contribution_amount=6000, annual_return=0.06), rules.us401k
    )
    assert first.p10 < first.p50 < first.p90
    assert (first.p10, first.p50, first.p90) == (again.p10, again.p50, again.p90)


def test_deferral_limit_binds_at_high_salaries(rules: CalcRules) -> None:
    result = us401k.project_401k(
        _inputs(years=1, salary=400_000, contribution_rate=0.2, current_age=40), rules.us401k
    )
    assert result.employee_total == pytest.approx(rules.us401k.deferral_limit)
    assert result.binding_years == [rules.us401k.base_year]


def test_super_catch_up_applies_from_60_to_63_only(rules: CalcRules) -> None:
    result = us401k.project_401k(
        _inputs(years=6, salary=400_000, contribution_rate=0.5, current_age=59), rules.us401k
    )
    r = rules.us401k
    yearly = np.diff(np.concatenate([[0.0], result.yearly_contributions]))
    assert yearly[0] == pytest.approx(r.deferral_limit + r.catch_up_limit)  # age 59
    assert yearly[1] == pytest.approx(r.deferral_limit + r.super_catch_up_limit)  # age 60
    assert yearly[4] == pytest.approx(r.deferral_limit + r.super_catch_up_limit)  # age 63
    assert yearly[5] == pytest.approx(r.deferral_limit + r.catch_up_limit)  # age 64


def test_employer_match_tiers_and_the_415c_cap(rules: CalcRules) -> None:
    tiers = (us401k.MatchTier(1.0, 0.03), us401k.MatchTier(0.5, 0.02))
    assert us401k.employer_match(0.05, 100_000, tiers) == pytest.approx(4_000)
    assert us401k.employer_match(0.02, 100_000, tiers) == pytest.approx(2_000)
    generous = (us401k.MatchTier(3.0, 0.5),)
    result = us401k.project_401k(
        _inputs(years=1, salary=300_000, contribution_rate=0.1, match=generous), rules.us401k
    )
    assert result.employee_total + result.employer_total == pytest.approx(
        rules.us401k.total_additions_limit
    )


def test_later_limits_are_indexed_and_rounded_down_like_the_irs(rules: CalcRules) -> None:
    limits = us401k.limits_for_year(rules.us401k, rules.us401k.base_year + 1, None, 0.03)
    assert limits.deferral == math.floor(rules.us401k.deferral_limit * 1.03 / 500) * 500
    assert limits.total_additions % 1000 == 0


def test_target_needs_the_level_monthly_payment(rules: CalcRules) -> None:
    result = us401k.project_401k(
        _inputs(years=13, current_balance=195_727, annual_return=0.05, target_balance=622_000),
        rules.us401k,
    )
    assert result.balance == pytest.approx(195_727 * 1.05**13, rel=1e-9)
    g, m = 1.05 ** (1 / 12), 13 * 12
    assert result.monthly_needed_for_target == pytest.approx(
        (622_000 - result.balance) * (g - 1) / (g**m - 1)
    )


@pytest.mark.parametrize(("base", "expected"), [(8.7e12, 174e9), (8.9e12, 178e9)])
def test_inflow_reproduces_the_seed_article_arithmetic(base: float, expected: float) -> None:
    result = inflow.crypto_inflow(
        inflow.InflowInputs(base_usd=base, base_name="401k", base_as_of=None, allocation=0.02)
    )
    assert result.one_off_usd == pytest.approx(expected)
    assert [round(a, 2) for a, _ in result.table] == [0.01, 0.02, 0.03, 0.04, 0.05]


def test_inflow_phase_in_and_adoption() -> None:
    result = inflow.crypto_inflow(
        inflow.InflowInputs(
            base_usd=10e12,
            base_name="401k",
            base_as_of=None,
            allocation=0.03,
            adoption=0.5,
            phase_in_years=3,
            yearly_contributions_usd=500e9,
        )
    )
    assert result.one_off_usd == pytest.approx(150e9)
    assert result.schedule_usd.tolist() == pytest.approx([50e9 + 7.5e9] * 3)


@pytest.mark.parametrize(
    ("birth", "category", "age_months", "year", "month"),
    [
        ((1964, 12), Category.MALE, 720, 2024, 12),  # before the reform
        ((1965, 1), Category.MALE, 721, 2025, 2),  # first cohort: 60 and 1 month
        ((1970, 1), Category.MALE, 736, 2031, 5),  # 61 and 4 months
        ((1980, 1), Category.FEMALE_50, 631, 2032, 8),  # 52 and 7 months
        ((1976, 9), Category.MALE, 756, 2039, 9),  # 63, the full new age
        ((1984, 11), Category.FEMALE_50, 660, 2039, 11),  # 55
        ((1981, 9), Category.FEMALE_55, 696, 2039, 9),  # 58
    ],
)
def test_statutory_retirement_follows_the_2025_reform(
    rules: CalcRules,
    birth: tuple[int, int],
    category: Category,
    age_months: int,
    year: int,
    month: int,
) -> None:
    retirement = statutory_retirement(birth[0], birth[1], category, rules.retirement)
    assert (retirement.age_months, retirement.year, retirement.month) == (age_months, year, month)


@pytest.mark.parametrize(
    ("year", "minimum"), [(2029, 15), (2030, 15.5), (2035, 18), (2039, 20), (2045, 20)]
)
def test_minimum_contribution_years_rise_from_2030(
    rules: CalcRules, year: int, minimum: float
) -> None:
    assert minimum_years(year, rules.retirement) == minimum


def test_payout_months_use_the_table_and_interpolate_by_month(rules: CalcRules) -> None:
    assert payout_months(60 * 12, rules.retirement) == 139
    assert payout_months(55 * 12, rules.retirement) == 170
    assert payout_months(60 * 12 + 6, rules.retirement) == pytest.approx((139 + 132) / 2)
    with pytest.raises(CalcInputError):
        payout_months(80 * 12, rules.retirement)


def _pension_inputs(rules: CalcRules, **given: Any) -> cn_pension.PensionInputs:
    """Inputs at 60 with the content's base floor, cap and account rules."""
    return cn_pension.PensionInputs(
        retirement_age_months=720,
        index_floor=rules.base_floor_share,
        index_cap=rules.base_cap_share,
        account_rate=rules.pension_account_share,
        crediting_rate=rules.crediting_rate,
        **given,
    )


def test_basic_pension_hand_worked_example(rules: CalcRules) -> None:
    # 国发〔2005〕38号: (10,000 + 10,000 x 1.0) / 2 x 30 years x 1% = 3,000; 100,000 / 139 at 60.
    inputs = _pension_inputs(
        rules, avg_wage=10_000, index=1.0, years=30, retirement_year=2026, account_balance=100_000
    )
    result = cn_pension.estimate_pension(inputs, rules.retirement, 0.01)
    assert result.basic == pytest.approx(3_000)
    assert result.personal == pytest.approx(100_000 / 139)
    assert result.meets_minimum


def test_pension_warns_below_the_minimum_years(rules: CalcRules) -> None:
    inputs = _pension_inputs(rules, avg_wage=8_000, index=0.6, years=6, retirement_year=2031)
    result = cn_pension.estimate_pension(inputs, rules.retirement, 0.01)
    assert not result.meets_minimum and result.minimum_years == 16


def test_built_account_is_a_yearly_annuity() -> None:
    assert cn_pension.build_account(10_000, 2, 0.08, 0.0) == pytest.approx(19_200)
    assert cn_pension.build_account(10_000, 2, 0.08, 0.1) == pytest.approx(9_600 * 1.1 + 9_600)


def test_tax_bureau_example_saves_2900_not_3000(rules: CalcRules) -> None:
    result = cn_personal_pension.personal_pension_saving(310_000, 12_000, rules.personal_pension)
    assert result.tax_saved == pytest.approx(2_900)
    assert result.withdrawal_tax == pytest.approx(360)
    assert result.net_benefit == pytest.approx(2_540)
    assert not result.low_rate_warning


def test_low_marginal_rate_is_flagged(rules: CalcRules) -> None:
    result = cn_personal_pension.personal_pension_saving(30_000, 12_000, rules.personal_pension)
    assert result.tax_saved == pytest.approx(360)
    assert result.net_benefit == pytest.approx(0)
    assert result.low_rate_warning


def test_contributions_clamp_the_base_to_floor_and_cap(rules: CalcRules) -> None:
    def run(wage: float) -> cn_contrib.ContribResult:
        return cn_contrib.contributions(
            cn_contrib.ContribInputs(
                wage=wage, base_floor=6_000, base_cap=30_000, rates=rules.contribution_rates
            )
        )

    middle = run(10_000)
    assert middle.employee["pension"] == pytest.approx(800)
    assert middle.employer["pension"] == pytest.approx(1_600)
    assert middle.take_home == pytest.approx(10_000 - middle.employee_total)
    assert run(3_000).base == 6_000 and run(3_000).base_clamped == "floor"
    assert run(50_000).base == 30_000 and run(50_000).base_clamped == "cap"


@pytest.mark.parametrize(
    "bad",
    [
        {"salary": -5_000},
        {"contribution_rate": 5.0},
        {"current_age": 200},
        {"annual_return": float("nan")},
        {"salary": 1e308},
        {"current_balance": float("inf")},
    ],
)
def test_invalid_401k_inputs_raise_input_errors(rules: CalcRules, bad: dict[str, float]) -> None:
    with pytest.raises(CalcInputError):
        us401k.project_401k(_inputs(**bad), rules.us401k)
