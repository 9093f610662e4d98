"""The interface answers in Kyrgyz, Russian, Turkmen or English: by the browser's
Accept-Language, then by the visitor's choice, which is remembered."""

import pytest

pytestmark = pytest.mark.kyrgyz_data

GREETING = {
    "ky": "Чет өлкөдө иштейсизби?",
    "ru": "Работаете за рубежом?",
    "tk": "Daşary ýurtda işleýärsiňizmi?",
    "en": "Working abroad?",
}


@pytest.mark.parametrize("language", ["ky", "ru", "tk", "en"])
def test_the_landing_page_answers_in_the_browsers_language(client, db, language):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=f"{language},en;q=0.5")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
    assert GREETING[language] in response.content.decode()


def test_a_visitor_without_a_preference_gets_kyrgyz(client, db, settings):
    settings.LANGUAGE_CODE = settings.ORIGIN.languages[0]  # the project's real default for Kyrgyzstan
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="")
    assert 'lang="ky"' in response.content.decode()


def test_the_chosen_language_is_remembered_over_the_browsers(client, db):
    client.post("/i18n/setlang/", {"language": "tk", "next": "/"})
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert 'lang="tk"' in response.content.decode()
    assert GREETING["tk"] in response.content.decode()


def test_every_page_offers_the_four_languages(client, db):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for code in ("ky", "ru", "tk", "en"):
        assert f'<option value="{code}"' in page
