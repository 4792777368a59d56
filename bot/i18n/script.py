"""Simplified <-> Traditional Chinese conversion with OpenCC (converters built lazily)."""

import re
from functools import cache, lru_cache

import opencc

# Domain terms that OpenCC's Taiwan phrase table turns into computing words: 社会安全局 would
# become 社會安全域性 (安全局 read as "security domain"), 声明 宣告, 文件 檔案, 程序 程式,
# 支持 支援. Each is written as Taiwan writes it in law and finance instead.
PROTECTED_TRADITIONAL = {
    "安全局": "安全局",
    "声明": "聲明",
    "文件": "文件",
    "程序": "程序",
    "支持": "支持",
    "账户": "帳戶",
    "帐户": "帳戶",
    "通胀": "通膨",  # Taiwan says 通膨; OpenCC gives Hong Kong's 通脹
    "审核": "審核",  # OpenCC's 稽核 means an audit
    "致残": "致殘",  # 非因工致残: OpenCC reads 工致 as 工緻 ("fine workmanship")
    "发布": "發布",  # rules and notices are 發布 in Taiwan; OpenCC's 釋出 means "release"
    "社区": "社區",  # a neighbourhood (社区服务中心); OpenCC's 社群 is an online community
}
_PROTECTED = re.compile("|".join(sorted(PROTECTED_TRADITIONAL, key=len, reverse=True)))


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@lru_cache(maxsize=4096)
def to_traditional(text: str) -> str:
    """Convert 简体 text to 繁體 as written in Taiwan (phrases included), domain terms kept.

    Most calls convert the same titles, labels and template lines again: they are cached.
    """
    if not text:
        return text
    convert = _converter("s2twp").convert
    pieces = _PROTECTED.split(text)
    terms = [PROTECTED_TRADITIONAL[m] for m in _PROTECTED.findall(text)]
    out = [str(convert(pieces[0])) if pieces[0] else ""]
    for term, piece in zip(terms, pieces[1:], strict=True):
        out.append(term)
        out.append(str(convert(piece)) if piece else "")
    return "".join(out)


def to_simplified(text: str) -> str:
    """Convert 繁體 text (any region) to 简体."""
    return str(_converter("t2s").convert(text)) if text else text


def traditional_only_count(text: str) -> int:
    """Count characters that exist only in the Traditional script."""
    simplified = to_simplified(text)
    return sum(1 for a, b in zip(text, simplified, strict=False) if a != b)


def simplified_only_count(text: str) -> int:
    """Count characters that exist only in the Simplified script."""
    traditional = str(_converter("s2t").convert(text))
    return sum(1 for a, b in zip(text, traditional, strict=False) if a != b)


def to_mainland_simplified(text: str) -> str:
    """Convert 繁體 to 简体 with mainland vocabulary (計畫 → 计划, 軟體 → 软件), for search."""
    return str(_converter("tw2sp").convert(text)) if text else text
