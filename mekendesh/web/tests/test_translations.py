"""Every message of the interface is translated into Kyrgyz, Russian, Turkmen, Tajik and Uzbek, and the
catalogues are in step with the code."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parents[2]
LOCALE = PACKAGE / "locale"
LANGUAGES = ("ky", "ru", "tk", "tg", "uz", "en")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", ["ky", "ru", "tk", "tg", "uz"])
def test_every_message_has_a_translation(language):
    po = catalogue(language)
    missing = [entry.msgid for entry in po if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)]
    assert not missing, f"{len(missing)} messages lack a {language} translation, e.g. {missing[:5]}"


@pytest.mark.parametrize("language", ["ky", "ru", "tk", "tg", "uz"])
def test_translations_are_not_copies_of_the_english(language):
    po = catalogue(language)
    entries = [entry for entry in po if entry.translated() and not entry.obsolete]

    # Names of things (Mekendesh, e-mail formats, codes) may stay as they are; sentences may not.
    def words(text: str) -> list[str]:
        return re.findall(r"[^\W\d_]{2,}", re.sub(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdif]|<[^>]+>", "", text))

    copied = [e.msgid for e in entries if e.msgstr == e.msgid and len(words(e.msgid)) >= 3]
    assert not copied, f"{language}: copied from English: {copied[:5]}"


def test_catalogues_hold_every_message_of_the_code(tmp_path):
    if shutil.which("xgettext") is None:
        pytest.skip("gettext tools are not installed")
    work = tmp_path / "project"
    shutil.copytree(PACKAGE, work / "mekendesh", ignore=shutil.ignore_patterns("__pycache__", "tests"))
    shutil.rmtree(work / "mekendesh" / "locale")
    (work / "mekendesh" / "locale" / "ru" / "LC_MESSAGES").mkdir(parents=True)
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "ru", "--no-obsolete", "-v", "0"],
        cwd=work,
        check=True,
        env={
            "DJANGO_SETTINGS_MODULE": "mekendesh.settings",
            "PATH": "/usr/bin:/bin",
            "MEKENDESH_HOME": str(tmp_path / "home"),
            "PYTHONPATH": str(work),
        },
    )
    fresh = {
        entry.msgid for entry in polib.pofile(str(work / "mekendesh" / "locale" / "ru" / "LC_MESSAGES" / "django.po"))
    }
    known = {entry.msgid for entry in catalogue("ru") if not entry.obsolete}
    missing = sorted(fresh - known)
    assert not missing, f"messages not in mekendesh/locale/*/django.po (run makemessages): {missing[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_message_is_defined_twice_in_a_catalogue(language):
    """Catalogues merged by union may repeat an entry, which msgfmt refuses to compile."""
    from collections import Counter

    counts = Counter((entry.msgctxt, entry.msgid) for entry in catalogue(language) if not entry.obsolete)
    repeated = [msgid for (context, msgid), count in counts.items() if count > 1]
    assert not repeated, f"{language}: defined twice: {repeated[:5]}"
