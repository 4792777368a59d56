"""A non-editable install ships content, catalogs and templates, and works from any folder."""

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_python_package_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for base in ("bot", "calc")
        for path in (ROOT / base).rglob("__init__.py")
    }
    assert found <= listed


def test_installed_package_answers_from_another_directory(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("PILLARBOT_CONTENT", None)
    script = (
        "import bot, json, sys; from bot.cli import main; "
        "print(bot.__file__, file=sys.stderr); main(['ask', '--json', '個人養老金每年最多存多少'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stderr.strip().startswith(str(target)), result.stderr
    reply = json.loads(result.stdout)
    assert reply["kind"] == "answer" and reply["lang"] == "zh-Hant"
    assert "資訊截至" in reply["text"]
