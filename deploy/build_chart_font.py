"""Rebuild the chart font: the few Chinese characters chart labels use, cut from Noto Sans CJK.

Run after changing a chart label or its translation (a test fails until you do):

    python deploy/build_chart_font.py path/to/NotoSansCJKsc-Regular.otf

The source font is Noto Sans CJK SC (SIL Open Font License 1.1; the PyPI package `mplfonts`
carries a copy). The subset is renamed "Pillarbot CJK" so it never shadows an installed Noto.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fontTools import subset
from fontTools.ttLib import TTFont

from bot.render.charts import (
    CHART_FONT_FAMILY,
    CHART_FONT_PATH,
    chart_characters,
)


def build(source: Path, target: Path = CHART_FONT_PATH) -> int:
    """Write the subset; return how many characters it covers."""
    characters = chart_characters()
    options = subset.Options()
    options.name_IDs = ["*"]
    options.layout_features = ["*"]
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters)))
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 4, 16):
            record.string = CHART_FONT_FAMILY
        elif record.nameID == 6:
            record.string = CHART_FONT_FAMILY.replace(" ", "")
    font.save(target)
    return len(characters)


if __name__ == "__main__":
    count = build(Path(sys.argv[1]))
    print(f"{CHART_FONT_PATH.name}: {count} characters, {CHART_FONT_PATH.stat().st_size} bytes")
