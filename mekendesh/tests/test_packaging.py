"""Installed from its wheel, not from the source tree, Mekendesh serves its pages in Kyrgyz.

The wheel is built from a copy of the source (``pip wheel``, which runs the build step of
``setup.py`` that compiles the catalogues), installed without its dependencies into a new virtual
environment, and run from a directory outside the source tree. The new environment reads the
dependencies from this one through a ``.pth`` line, which adds their directory to the path without
running the ``.pth`` files inside it: an editable install of Mekendesh there stays invisible, so
``mekendesh`` itself can only come from the wheel (the test checks where it came from).
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import polib
import pytest

PROJECT = Path(__file__).resolve().parents[2]
SOURCE_FILES = ("pyproject.toml", "setup.py", "README.md", "LICENSE")
LANDING_MESSAGE = "Register your stay."
VENDOR_MESSAGE = "Enter a valid domain name."

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("packaging"), pytest.mark.kyrgyz_data]


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{command[:3]} failed:\n{result.stdout}\n{result.stderr}"
    return result


def translation_of(catalogue: Path, msgid: str) -> str:
    entry = polib.pofile(str(catalogue)).find(msgid)
    assert entry is not None and entry.msgstr, f"{msgid!r} has no translation in {catalogue}"
    return entry.msgstr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A virtual environment with Mekendesh installed from a freshly built wheel."""
    if not (PROJECT / "setup.py").is_file():
        pytest.skip("not a source checkout")
    pytest.importorskip("setuptools", reason="building the wheel here needs setuptools (the test extra)")
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(
        PROJECT / "mekendesh",
        source / "mekendesh",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo"),
    )
    for name in SOURCE_FILES:
        shutil.copy2(PROJECT / name, source / name)
    # No build isolation: setuptools and polib (build-system.requires) come from this environment.
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(work / "dist"),
            str(source),
        ]
    )
    (wheel,) = (work / "dist").glob("mekendesh-*.whl")

    venv = work / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            str(wheel),
        ]
    )
    site = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "project-dependencies.pth").write_text("".join(f"{path}\n" for path in sorted(dependencies)))
    return {"venv": venv, "python": python, "site": site, "home": work / "home", "cwd": work}


def environment(installed: dict[str, Path]) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "PYTHONPATH", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(MEKENDESH_HOME=str(installed["home"]), MEKENDESH_ENV="development")
    return env


def test_the_wheel_carries_compiled_catalogues_of_every_language(installed):
    package = installed["site"] / "mekendesh"
    for language in ("ky", "ru", "tk"):
        assert (package / "locale" / language / "LC_MESSAGES" / "django.mo").is_file(), language
        assert (package / "vendor_translations" / "locale" / language / "LC_MESSAGES" / "django.mo").is_file()
    assert any((installed["site"]).glob("mekendesh-*.dist-info/licenses/LICENSE"))


def test_a_fresh_install_migrates_and_serves_the_landing_page_in_kyrgyz(installed):
    env = environment(installed)
    run([str(installed["venv"] / "bin" / "mekendesh"), "migrate", "-v", "0"], cwd=installed["cwd"], env=env)
    assert any(installed["home"].glob("*.sqlite3")), "no database in the new MEKENDESH_HOME"

    script = textwrap.dedent(f"""
        import django, mekendesh
        print(mekendesh.__file__)
        django.setup()
        from django.test import Client
        from django.utils import translation
        response = Client().get("/", HTTP_ACCEPT_LANGUAGE="ky")
        assert response.status_code == 200, response.status_code
        print(response.content.decode())
        with translation.override("ky"):
            print(translation.gettext({VENDOR_MESSAGE!r}))
    """)
    env["DJANGO_SETTINGS_MODULE"] = "mekendesh.settings"
    output = run([str(installed["python"]), "-c", script], cwd=installed["cwd"], env=env).stdout
    imported_from, page = output.split("\n", 1)

    assert Path(imported_from).is_relative_to(installed["site"]), f"mekendesh came from {imported_from}"
    kyrgyz = translation_of(PROJECT / "mekendesh" / "locale" / "ky" / "LC_MESSAGES" / "django.po", LANDING_MESSAGE)
    assert kyrgyz in html.unescape(page)
    assert LANDING_MESSAGE not in page
    assert 'lang="ky"' in page
    # A message of Django's that only Mekendesh's vendor_translations catalogue translates into Kyrgyz.
    vendor = translation_of(
        PROJECT / "mekendesh" / "vendor_translations" / "locale" / "ky" / "LC_MESSAGES" / "django.po", VENDOR_MESSAGE
    )
    assert page.rstrip().endswith(vendor)
