"""The engine and calculators never import telegram (STYLE.md, practice 4)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TELEGRAM_FREE = [ROOT / "calc", *[p for p in (ROOT / "bot").iterdir() if p.name != "tg"]]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_bot_tg_imports_telegram() -> None:
    offenders = []
    for base in TELEGRAM_FREE:
        files = [base] if base.is_file() else list(base.rglob("*.py"))
        for path in files:
            if path.suffix != ".py":
                continue
            if any(name.split(".")[0] == "telegram" for name in _imports(path)):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_calculators_do_no_io_and_no_babel() -> None:
    forbidden = {"babel", "telegram", "sqlite_utils", "jinja2", "bot"}
    for path in (ROOT / "calc").rglob("*.py"):
        roots = {name.split(".")[0] for name in _imports(path)}
        assert not roots & forbidden, f"{path.name} imports {roots & forbidden}"


IMPORT_EACH_FIRST = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m.split(".")[0] in ("bot", "calc")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except ImportError as error:
        failed.append(f"{name}: {error}")
print("\\n".join(failed))
"""


def test_every_module_imports_on_its_own() -> None:
    """No import cycle: each module imports first, alone (issue 9: bot.calcs.reply did not)."""
    import subprocess
    import sys

    modules = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for base in (ROOT / "bot", ROOT / "calc")
        for path in base.rglob("*.py")
    ]
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EACH_FIRST, *modules],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    assert result.stdout.strip() == ""
