"""The Turkmen catalogue of third-party messages is complete, and the account pages a Turkmen
visitor sees (sign-in, sign-up, password reset, a failed sign-in) hold no Kyrgyz or Russian text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import polib
import pytest

from mekendesh.conftest import PASSWORD

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "tk" / "LC_MESSAGES" / "django.po"
CYRILLIC = re.compile(r"[А-Яа-яЁёҢңӨөҮү]")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}|</?\w+[^>]*>")


def test_every_entry_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(CATALOGUE))
    assert po.metadata["Language"] == "tk"
    entries = [entry for entry in po if not entry.obsolete]
    assert len(entries) > 300
    untranslated = [entry.msgid for entry in entries if not entry.translated()]
    fuzzy = [entry.msgid for entry in entries if "fuzzy" in entry.flags]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


def test_translations_keep_the_placeholders_and_are_not_english_or_cyrillic():
    po = polib.pofile(str(CATALOGUE))
    for entry in po:
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in forms:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(entry.msgid)), entry.msgid
            assert text != entry.msgid, f"copied from English: {entry.msgid!r}"
            assert not CYRILLIC.search(text), text


def visible_text(page: str) -> str:
    """The text a reader sees, without scripts, styles and the language menu's options (each
    language's own name, such as «Кыргызча» and «Русский»)."""
    page = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", page)
    page = re.sub(r"(?is)<option\b[^>]*>.*?</option\s*>", " ", page)
    page = re.sub(r"(?s)<!--.*?-->", " ", page)
    page = re.sub(r"(?s)<[^>]*>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(page)).strip()


@pytest.fixture
def kyrgyz_default(settings):
    """The project's real default language, so that a message missing in Turkmen would fall back
    to Kyrgyz as it does in production (the shared fixtures make English the default in tests).
    Translations already loaded keep the fallback they were built with, so they are dropped."""
    from django.utils.translation import trans_real

    settings.LANGUAGE_CODE = "ky"
    trans_real._translations = {}  # type: ignore[attr-defined]  # private, not in the stubs
    yield
    trans_real._translations = {}  # type: ignore[attr-defined]  # private, not in the stubs


def assert_turkmen(response, *expected: str) -> None:
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="tk"' in page
    text = visible_text(page)
    cyrillic = sorted({match.group(0) for match in re.finditer(r"\S*[А-Яа-яЁёҢңӨөҮү]\S*", text)})
    assert not cyrillic, f"Cyrillic words on a Turkmen page: {cyrillic[:10]}\n{text}"
    for phrase in expected:
        assert phrase in text, f"{phrase!r} not on the page:\n{text}"


@pytest.mark.django_db
@pytest.mark.usefixtures("kyrgyz_default")
class TestTurkmenAccountPages:
    def test_sign_in_page(self, client):
        response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="tk")
        assert_turkmen(response, "Parolyňyzy ýatdan çykardyňyzmy?", "Parol")

    def test_sign_up_page(self, client):
        response = client.get("/accounts/signup/", HTTP_ACCEPT_LANGUAGE="tk")
        assert_turkmen(response, "Parol (gaýtadan)")

    def test_password_reset_page(self, client):
        response = client.get("/accounts/password/reset/", HTTP_ACCEPT_LANGUAGE="tk")
        assert_turkmen(response, "Paroly täzeden dikeltmek", "Parolymy täzeden dikeltmek")

    def test_failed_sign_in(self, client, migrant_account):
        response = client.post(
            "/accounts/login/",
            {"login": migrant_account.email, "password": PASSWORD + "-wrong"},
            HTTP_ACCEPT_LANGUAGE="tk",
        )
        assert_turkmen(response, "Görkezen e-poçta salgyňyz we/ýa-da parolyňyz nädogry.")
