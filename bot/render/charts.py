"""Charts as PNG bytes (matplotlib, Agg): the 401(k) path and the crypto-inflow scenarios.

Labels follow the user's language when a CJK font is installed (Debian's fonts-wqy-microhei
or fonts-noto-cjk); without one, Chinese charts fall back to English labels.
"""

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from bot.i18n.lang import Lang
from bot.i18n.text import t

_PYPLOT_LOCK = threading.Lock()  # pyplot keeps global state; doors may call from threads
_CJK_FONTS = (
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Source Han Sans SC",
    "SimHei",
)


@cache
def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


@cache
def cjk_font() -> str | None:
    """The name of an installed font that can draw Chinese, if any."""
    _pyplot()
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in _CJK_FONTS if name in installed), None)


def chart_lang(lang: Lang) -> Lang:
    """The language charts are labelled in: Chinese only when a CJK font exists."""
    return lang if lang == "en" or cjk_font() else "en"


@contextmanager
def _canvas(lang: Lang) -> Iterator[tuple[Any, Any]]:
    """A figure whose every text uses a font that can draw the language."""
    plt = _pyplot()
    font = cjk_font() if lang != "en" else None
    families = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    with _PYPLOT_LOCK, plt.rc_context({"font.family": families, "axes.unicode_minus": False}):
        fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
        try:
            yield fig, ax
        finally:
            plt.close(fig)


def _legend_font(lang: Lang) -> Any:
    from matplotlib.font_manager import FontProperties

    font = cjk_font() if lang != "en" else None
    return FontProperties(family=[font, "DejaVu Sans"] if font else ["DejaVu Sans"], size=8)


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _money_axis(ax: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    def label(value: float, _: int) -> str:
        if abs(value) >= 1e9:
            return f"${value / 1e9:,.0f}B"
        if abs(value) >= 1e6:
            return f"${value / 1e6:,.1f}M"
        return f"${value / 1e3:,.0f}k" if value else "$0"

    ax.yaxis.set_major_formatter(FuncFormatter(label))


def us401k_chart(result: Any, lang: Lang) -> bytes:
    """The balance path with its 10-90% band, against the money paid in."""
    lang = chart_lang(lang)
    with _canvas(lang) as (fig, ax):
        years = [result.inputs.start_year + i for i in range(len(result.yearly_balance))]
        ax.fill_between(
            years,
            result.yearly_p10,
            result.yearly_p90,
            alpha=0.25,
            color="#2b7bb9",
            label=t(lang, "10th-90th percentile"),
        )
        ax.plot(
            years,
            result.yearly_balance,
            color="#2b7bb9",
            linewidth=2,
            label=t(lang, "Balance at the assumed return"),
        )
        ax.plot(
            years,
            result.yearly_contributions,
            color="#666666",
            linestyle="--",
            label=t(lang, "Money paid in"),
        )
        ax.set_title(t(lang, "401(k) projection"))
        ax.set_xlabel(t(lang, "Year"))
        _money_axis(ax)
        ax.grid(alpha=0.3)
        ax.legend(loc="upper left", prop=_legend_font(lang))
        return _png(fig)


def inflow_chart(result: Any, lang: Lang) -> bytes:
    """One-off inflow for 1-5% allocations, with spot crypto ETF assets for scale."""
    lang = chart_lang(lang)
    with _canvas(lang) as (fig, ax):
        labels = [f"{allocation * 100:g}%" for allocation, _ in result.table]
        ax.bar(labels, [flow for _, flow in result.table], color="#f2a900")
        if result.inputs.compare_usd:
            ax.axhline(
                result.inputs.compare_usd,
                color="#444444",
                linestyle="--",
                label=t(lang, "US spot bitcoin + ether ETFs"),
            )
            ax.legend(loc="upper left", prop=_legend_font(lang))
        ax.set_title(t(lang, "Crypto inflow by allocation"))
        ax.set_xlabel(t(lang, "Share of assets moved"))
        _money_axis(ax)
        ax.grid(axis="y", alpha=0.3)
        return _png(fig)
