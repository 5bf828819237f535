"""The wheel, as a new user gets it: built from pyproject.toml, installed away from the source tree, run from an empty
folder. It must carry every template and answer through the ``nurture`` command and ``python -m bot``.

(.ci/run also installs the wheel with its dependencies into a brand-new virtual environment.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONVERSATION = "met Jane from Acme at PyCon, loves jazz, promised to send her the Ferrazzi book\n/draft followup Jane\n"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = dist.glob("nurture-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed into a folder of its own (its dependencies come from the running environment)."""
    site = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return site


def test_the_wheel_carries_every_template(wheel):
    in_repo = {
        "bot/" + path.relative_to(ROOT).as_posix()
        for path in (ROOT / "templates").rglob("*")
        if path.is_file() and path.suffix in (".html", ".txt")
    }
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
        entry_points = archive.read(next(n for n in in_wheel if n.endswith("entry_points.txt"))).decode()
    assert in_repo and in_repo <= in_wheel  # as bot/templates/...
    assert not any(name.startswith("templates/") for name in in_wheel)  # no top-level package named templates
    assert "nurture = bot.__main__:main" in entry_points


@pytest.mark.parametrize("how", ["nurture", "python -m bot"])
def test_a_conversation_and_a_draft_from_an_empty_folder(installed, tmp_path, how):
    empty = tmp_path / "somewhere-else"
    empty.mkdir()
    command = [str(installed / "bin" / "nurture")] if how == "nurture" else [sys.executable, "-m", "bot"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "COACH_", "PYTHON"))}
    # The installed copy comes first on the path, ahead of the source tree and any editable install.
    env["PYTHONPATH"] = str(installed)
    result = subprocess.run(
        [*command, "--console"], cwd=empty, env=env, input=CONVERSATION, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Saved Jane - Acme" in result.stdout
    assert "PyCon" in result.stdout and "Ferrazzi book" in result.stdout.split("/draft followup Jane")[-1]
    assert "Traceback" not in result.stderr and "TemplateNotFound" not in result.stdout + result.stderr
    assert (empty / "data" / "users").is_dir()  # the data folder is made where the bot was started
