"""The search a migrant types: Kyrgyz, Russian or Latin letters, with or without the Kyrgyz
letters, finds the Russian registration rule; bad input gets a message, never an error."""

from __future__ import annotations

import pytest

from mekendesh.guidance.models import Topic
from mekendesh.guidance.search import guidance_search

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def first_registration_in_russia(results, language=None):
    for hit in results.hits:
        article = hit.version.article
        in_russia = article.destination_id == "RU" and article.topic == Topic.REGISTRATION
        if in_russia and (language is None or hit.version.language == language):
            return hit
    return None


@pytest.mark.parametrize(
    "typed", ["каттоо", "Каттоо", "регистрация", "registratsiya", "registraciya", "миграциялык каттоо"]
)
def test_the_russian_registration_rule_is_found_however_it_is_typed(starter_set, typed):
    results = guidance_search(typed, language="ky")
    hit = first_registration_in_russia(results, "ky")
    assert hit is not None, [str(h.version) for h in results.hits]
    assert "<mark>" in hit.title + hit.snippet


def test_a_query_in_russian_finds_the_russian_version_first(starter_set):
    results = guidance_search("миграционный учёт", language="ky")
    assert results.hits[0].version.language == "ru"
    assert results.hits[0].version.article.topic == Topic.REGISTRATION


def test_without_kyrgyz_letters_the_kyrgyz_word_is_found(starter_set):
    with_letters = guidance_search("көзөмөлдөнүүчү", language="ky")
    without = guidance_search("козомолдонуучу", language="ky")
    assert with_letters.hits
    assert [hit.version.pk for hit in without.hits] == [hit.version.pk for hit in with_letters.hits]


def test_turkmen_typed_without_its_letters_is_found(starter_set):
    results = guidance_search("gozegcilikdaki", language="tk")
    assert results.hits and results.hits[0].version.language == "tk"


def test_a_typo_is_forgiven(starter_set):
    results = guidance_search("регистарция", language="ru")
    assert results.hits
    assert results.corrected


@pytest.mark.parametrize(
    "typed",
    ['"', "*", "NEAR", "OR", 'регистрация" OR "*', "NEAR(a b)", "'; DROP TABLE guidance_articleversion; --", "a:*|!"],
)
def test_search_syntax_is_only_text(starter_set, typed):
    results = guidance_search(typed, language="ru")
    assert isinstance(results.hits, list)


def test_only_punctuation_gets_a_message(starter_set):
    results = guidance_search("?!…—«»", language="ru")
    assert not results.hits
    assert results.messages == ["Type a word to search for: letters or digits."]


def test_ten_thousand_characters_are_cut_with_a_message(starter_set):
    results = guidance_search("регистрация " * 900, language="ru")
    assert len(results.text) <= 200
    assert results.messages and "long" in results.messages[0]
    assert results.hits


def test_highlighting_escapes_the_text(starter_set):
    results = guidance_search("<script>регистрация", language="ru")
    for hit in results.hits:
        assert "<script>" not in hit.snippet
