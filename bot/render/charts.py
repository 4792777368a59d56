"""Charts as PNG bytes (matplotlib, Agg): the 401(k) path and the crypto-inflow scenarios.

Labels follow the user's language and script. Chinese labels are drawn with a small font
shipped in the package (`fonts/`, the characters of the chart labels cut from Noto Sans CJK,
SIL OFL 1.1), so they need no system font.
"""

import io
import string
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from bot.i18n.lang import LANGS, Lang
from bot.i18n.text import N_, t

_PYPLOT_LOCK = threading.Lock()  # pyplot keeps global state; doors may call from threads
CHART_FONT_FAMILY = "Pillarbot CJK"
CHART_FONT_PATH = Path(__file__).parent / "fonts" / "PillarbotCJK-Regular.otf"
# Every label a chart draws: the chart font holds their characters in every script.
CHART_LABELS = (
    N_("10th-90th percentile"),
    N_("Balance at the assumed return"),
    N_("Money paid in"),
    N_("401(k) projection"),
    N_("Year"),
    N_("US spot bitcoin + ether ETFs"),
    N_("Crypto inflow by allocation"),
    N_("Share of assets moved"),
    N_("Your allocation"),
    N_("taken up by {share}"),
    N_("Monthly pension by years of contributions"),
    N_("Years of contributions"),
    N_("You"),
    N_("Net tax saving by taxable income"),
    N_("Taxable income a year"),
)


@cache
def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def chart_characters() -> set[str]:
    """The characters the chart font must hold: every label in every script, and the
    digits and signs of axis numbers."""
    text = "".join(t(lang, label) for label in CHART_LABELS for lang in LANGS)
    return {ch for ch in text if not ch.isspace()} | set(string.digits + "%$¥.,-+kMB·")


@cache
def cjk_font() -> str | None:
    """The font that draws Chinese labels: the shipped one (None only if it is missing)."""
    _pyplot()
    from matplotlib import font_manager

    if not CHART_FONT_PATH.exists():
        return None
    font_manager.fontManager.addfont(str(CHART_FONT_PATH))
    return CHART_FONT_FAMILY


def chart_lang(lang: Lang) -> Lang:
    """The language charts are labelled in: the user's, since the chart font ships with us."""
    return lang if lang == "en" or cjk_font() else "en"


@contextmanager
def _canvas(lang: Lang) -> Iterator[tuple[Any, Any]]:
    """A figure whose every text uses a font that can draw the language."""
    plt = _pyplot()
    font = cjk_font() if lang != "en" else None
    families = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    with _PYPLOT_LOCK, plt.rc_context({"font.family": families, "axes.unicode_minus": False}):
        fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
        # Fixed margins instead of tight_layout, which measured every label again (~30 ms).
        fig.subplots_adjust(left=0.12, right=0.97, top=0.9, bottom=0.14)
        try:
            yield fig, ax
        finally:
            plt.close(fig)


def _legend_font(lang: Lang) -> Any:
    from matplotlib.font_manager import FontProperties

    font = cjk_font() if lang != "en" else None
    return FontProperties(family=[font, "DejaVu Sans"] if font else ["DejaVu Sans"], size=8)


def _mark(ax: Any, label: str, xy: tuple[Any, float], lang: Lang, below: bool = False) -> None:
    """Name the user's own bar (above it) or point (below and to the right)."""
    ax.annotate(
        label,
        xy=xy,
        xytext=(6, -12) if below else (0, 4),
        textcoords="offset points",
        ha="left" if below else "center",
        fontproperties=_legend_font(lang),
    )


# zlib level 1: a chart of flat colours compresses almost as well as at the default level 6,
# in a fraction of the time (about 11 ms less per chart).
PNG_COMPRESSION = 1


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", pil_kwargs={"compress_level": PNG_COMPRESSION})
    return buffer.getvalue()


def _title(ax: Any, text: str) -> None:
    """The chart's title at a fixed height: placed automatically, matplotlib measures every
    tick label again on each draw to keep clear of them (about 10 ms a chart)."""
    ax.set_title(text, y=1.0, pad=6)


def _money_axis(ax: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    def label(value: float, _: int) -> str:
        if abs(value) >= 1e9:
            return f"${value / 1e9:,.0f}B"
        if abs(value) >= 1e6:
            return f"${value / 1e6:,.1f}M"
        return f"${value / 1e3:,.0f}k" if value else "$0"

    ax.yaxis.set_major_formatter(FuncFormatter(label))


def _year_axis(ax: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=8))


def us401k_chart(result: Any, lang: Lang) -> bytes:
    """The balance path with its 10-90% band, against the money paid in, from today to the
    year the reply names (yearly values are year ends, so the path starts at today's balance)."""
    lang = chart_lang(lang)
    start = result.inputs.start_year
    years = [start + i for i in range(len(result.yearly_balance) + 1)]
    opening = result.inputs.current_balance

    def path(values: Any) -> list[float]:
        return [opening, *(float(v) for v in values)]

    with _canvas(lang) as (fig, ax):
        ax.fill_between(
            years,
            path(result.yearly_p10),
            path(result.yearly_p90),
            alpha=0.25,
            color="#2b7bb9",
            label=t(lang, "10th-90th percentile"),
        )
        ax.plot(
            years,
            path(result.yearly_balance),
            color="#2b7bb9",
            linewidth=2,
            marker="o" if len(years) <= 4 else None,
            label=t(lang, "Balance at the assumed return"),
        )
        ax.plot(
            years,
            path(result.yearly_contributions),
            color="#666666",
            linestyle="--",
            label=t(lang, "Money paid in"),
        )
        _title(ax, t(lang, "401(k) projection"))
        ax.set_xlabel(t(lang, "Year"))
        ax.set_xlim(years[0], years[-1])
        _year_axis(ax)
        _money_axis(ax)
        ax.grid(alpha=0.3)
        ax.legend(loc="upper left", prop=_legend_font(lang))
        return _png(fig)


def inflow_chart(result: Any, lang: Lang) -> bytes:
    """One-off inflow for 1-5% allocations and the user's own, with spot crypto ETF assets
    for scale."""
    lang = chart_lang(lang)
    own = result.inputs.allocation
    rows = sorted(
        [*(row for row in result.table if abs(row[0] - own) > 1e-9), (own, result.one_off_usd)]
    )
    with _canvas(lang) as (fig, ax):
        labels = [f"{allocation * 100:g}%" for allocation, _ in rows]
        colors = ["#c0392b" if allocation == own else "#f2a900" for allocation, _ in rows]
        ax.bar(labels, [flow for _, flow in rows], color=colors)
        own_label = labels[[allocation for allocation, _ in rows].index(own)]
        _mark(ax, t(lang, "Your allocation"), (own_label, result.one_off_usd), lang)
        if result.inputs.compare_usd:
            ax.axhline(
                result.inputs.compare_usd,
                color="#444444",
                linestyle="--",
                label=t(lang, "US spot bitcoin + ether ETFs"),
            )
            ax.legend(loc="upper left", prop=_legend_font(lang))
        _title(ax, t(lang, "Crypto inflow by allocation"))
        xlabel = t(lang, "Share of assets moved")
        if result.inputs.adoption < 1:
            adoption = f"{result.inputs.adoption * 100:g}%"
            xlabel += " · " + t(lang, "taken up by {share}").format(share=adoption)
        ax.set_xlabel(xlabel)
        _money_axis(ax)
        ax.grid(axis="y", alpha=0.3)
        return _png(fig)


def _yuan_axis(ax: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"¥{value:,.0f}"))


def cn_pension_chart(data: Any, lang: Lang) -> bytes:
    """Monthly pension for each number of contribution years from the minimum, the user's
    own point marked."""
    lang = chart_lang(lang)
    with _canvas(lang) as (fig, ax):
        spans = [span for span, _ in data.by_years]
        ax.plot(spans, [total for _, total in data.by_years], color="#2b7bb9", linewidth=2)
        if data.user_total is not None:
            ax.scatter([data.user_years], [data.user_total], color="#c0392b", zorder=3)
            _mark(ax, t(lang, "You"), (data.user_years, data.user_total), lang, below=True)
        _title(ax, t(lang, "Monthly pension by years of contributions"))
        ax.set_xlabel(t(lang, "Years of contributions"))
        _year_axis(ax)
        _yuan_axis(ax)
        ax.grid(alpha=0.3)
        return _png(fig)


def cn_personal_pension_chart(data: Any, lang: Lang) -> bytes:
    """Net saving (tax saved now less tax on withdrawal) at each bracket edge and at the
    user's own taxable income."""
    lang = chart_lang(lang)
    with _canvas(lang) as (fig, ax):
        labels = [f"¥{level / 1000:,.0f}k" for level, _ in data.by_income]
        colors = [
            "#c0392b" if abs(level - data.user_taxable) < 0.5 else "#2b7bb9"
            for level, _ in data.by_income
        ]
        savings = [saving for _, saving in data.by_income]
        ax.bar(labels, savings, color=colors)
        mine = next(
            i for i, (level, _) in enumerate(data.by_income) if abs(level - data.user_taxable) < 0.5
        )
        _mark(ax, t(lang, "You"), (labels[mine], savings[mine]), lang)
        _title(ax, t(lang, "Net tax saving by taxable income"))
        ax.set_xlabel(t(lang, "Taxable income a year"))
        _yuan_axis(ax)
        ax.grid(axis="y", alpha=0.3)
        return _png(fig)
