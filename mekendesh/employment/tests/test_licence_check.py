"""The public licence check: found by number in any spelling (case, spaces, dashes, Cyrillic
look-alike letters) or by name in either script; each status in plain words; not found; warnings;
four languages; rate-limited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse

from mekendesh.employment.keys import licence_key
from mekendesh.employment.services import licence_status_change, warning_add

pytestmark = pytest.mark.kyrgyz_data


def check(client, query, **headers):
    return client.get(reverse("employment:licences"), {"q": query}, **headers)


@pytest.mark.parametrize(
    "spelling",
    ["МТ-2024-015", "MT-2024-015", "mt 2024 015", "мт2024015", "MT–2024–015", "№ МТ-2024/015", " Mт-2024-015 "],
)
def test_the_licence_number_is_found_in_any_usual_spelling(client, agency, spelling):
    body = check(client, spelling).content.decode()
    assert "ОсОО «Бакыт Жол»" in body
    assert "Licence valid: this agency may recruit for work abroad." in body


def test_look_alike_letters_count_as_the_latin_letters_they_look_like():
    assert licence_key("АВЕКМНОРСТХ-1") == licence_key("ABEKMHOPCTX 1") == "ABEKMHOPCTX1"
    assert licence_key("MT-2024-015") != licence_key("MT-2024-016")


def test_the_agency_is_found_by_its_name_in_either_script(client, agency):
    assert "ОсОО «Бакыт Жол»" in check(client, "бакыт жол").content.decode()
    assert "ОсОО «Бакыт Жол»" in check(client, "Bakyt Zhol").content.decode()


@pytest.mark.parametrize(
    ("action", "words"),
    [
        ("suspend", "Licence suspended: this agency may not recruit now. Do not pay it."),
        ("revoke", "Licence revoked: this agency may not recruit. Do not pay it."),
        ("expire", "Licence expired: this agency may not recruit. Do not pay it."),
    ],
)
def test_each_status_is_answered_in_plain_words_with_its_history(client, agency, employment_officer, action, words):
    licence_status_change(actor=employment_officer, agency=agency, action=action, reason="Decision No. 7")
    body = check(client, "MT-2024-015").content.decode()
    assert words in body
    assert "Decision No. 7" in body


def test_an_unknown_agency_is_not_found_and_the_visitor_is_told_not_to_pay(client, agency):
    body = check(client, "MT-1999-001").content.decode()
    assert "Not found: no licensed agency has this name or number." in body
    assert "ОсОО «Бакыт Жол»" not in body


def test_a_warning_about_an_illegal_recruiter_is_shown_by_name(client, employment_officer, today):
    warning_add(
        actor=employment_officer,
        name="Москва Жумуш Тез",
        where_reported="Osh, Instagram",
        reported_on=today - dt.timedelta(days=3),
        source="Press release of the migration service",
    )
    body = check(client, "москва жумуш").content.decode()
    assert "Warning: “Москва Жумуш Тез” was found recruiting illegally" in body
    assert "Osh, Instagram" in body and "Press release of the migration service" in body
    assert "Not found" not in body


def test_the_check_speaks_kyrgyz_and_russian_by_the_browsers_language(client, agency):
    for language in ("ky", "ru", "tk"):
        response = check(client, "MT-2024-015", HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()


def test_the_check_is_rate_limited_per_address(client, agency, settings):
    cache.clear()
    settings.EMPLOYMENT_LICENCE_CHECK_RATE_PER_HOUR = 3
    for _ in range(3):
        assert check(client, "MT-2024-015").status_code == 200
    refused = check(client, "MT-2024-015")
    assert refused.status_code == 429
    assert "Too many look-ups" in refused.content.decode()
    assert "ОсОО «Бакыт Жол»" not in refused.content.decode()
    assert int(refused["Retry-After"]) > 0


def test_the_empty_form_looks_nothing_up(client, agency):
    body = client.get(reverse("employment:licences")).content.decode()
    assert "Not found" not in body and "ОсОО «Бакыт Жол»" not in body
