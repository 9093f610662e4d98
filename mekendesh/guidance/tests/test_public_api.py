"""The public guidance API: the published texts by destination, topic and language, and the rules
of stay in force, read by anyone, in the OpenAPI document; no draft, nothing to write, and an
address that asks too often is told to wait."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from mekendesh.guidance.models import ArticleVersion, RuleKind, Topic
from mekendesh.guidance.services import article_create, rule_save, version_publish, version_save, version_submit

pytestmark = pytest.mark.django_db

BASIS = "Договор о Евразийском экономическом союзе, статья 97"
DRAFT_MARK = "DRAFT-ONLY-TEXT"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def write(actor, article, language, title, body, *, reviewer=None):
    current = ArticleVersion.objects.filter(article=article, language=language).first()
    version = version_save(
        actor=actor,
        article=article,
        language=language,
        title=title,
        body=body,
        legal_basis=BASIS,
        expected_version=current.version if current else None,
    )
    if reviewer is not None:
        version = version_publish(actor=reviewer, version=version_submit(actor=actor, version=version))
    return version


@pytest.fixture
def texts(places, editor, coordinator):
    """Russia's registration article, published in Russian and English; Kazakhstan's work
    article, a draft never published; an article on every destination, published in Russian."""
    registration = article_create(actor=editor, destination=places["RU"], topic=Topic.REGISTRATION)
    write(
        editor,
        registration,
        "ru",
        "Регистрация",
        "<p>Встать на учёт в течение {{rule:registration_days}} дней.</p>",
        reviewer=coordinator,
    )
    write(editor, registration, "en", "Registration", "<p>Register within {{rule:registration_days}} days.</p>")
    version_publish(
        actor=coordinator,
        version=version_submit(actor=editor, version=ArticleVersion.objects.get(article=registration, language="en")),
    )
    work = article_create(actor=editor, destination=places["KZ"], topic=Topic.WORK)
    write(editor, work, "ru", DRAFT_MARK, f"<p>{DRAFT_MARK}</p>")
    everywhere = article_create(actor=editor, destination=None, topic=Topic.EMERGENCY)
    write(editor, everywhere, "ru", "Экстренные контакты", "<p>Звоните в консульство.</p>", reviewer=coordinator)
    rule_save(
        actor=editor,
        citizenship=places["origin"],
        destination=places["RU"],
        kind=RuleKind.REGISTRATION_DAYS,
        value=30,
        effective_from=dt.date(2015, 8, 12),
        effective_to=None,
        legal_basis=BASIS,
        note="internal note of the editors",
    )
    return {"registration": registration, "work": work, "everywhere": everywhere}


def articles(client, **query):
    response = client.get(reverse("guidance_api:articles"), query)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_api_lists_every_published_text_without_signing_in(client, texts):
    found = [(item["destination"], item["topic"], item["language"], item["title"]) for item in articles(client)]
    assert found == [
        (None, "emergency-contacts", "ru", "Экстренные контакты"),
        ("RU", "registration", "en", "Registration"),
        ("RU", "registration", "ru", "Регистрация"),
    ]


def test_the_list_filters_by_destination_topic_and_language(client, texts):
    assert [item["language"] for item in articles(client, destination="RU", language="ru")] == ["ru"]
    assert [item["title"] for item in articles(client, destination="all")] == ["Экстренные контакты"]
    assert [item["destination"] for item in articles(client, topic="registration")] == ["RU", "RU"]
    assert articles(client, destination="ru", topic="work") == []
    assert articles(client, destination="KZ") == []


def test_an_entry_links_its_text_in_the_api_and_its_public_page(client, texts):
    entry = articles(client, destination="RU", language="en")[0]
    assert entry["url"] == reverse(
        "guidance_api:article", kwargs={"country": "ru", "topic": "registration", "language": "en"}
    )
    assert entry["page"] == "/guidance/ru/registration/?lang=en"
    assert entry["legal_basis"] == BASIS
    assert entry["out_of_date"] is False
    assert entry["topic_label"] == "Migration registration"


def test_a_text_gives_its_body_with_the_rules_in_force_and_their_legal_basis(client, texts, places):
    url = reverse("guidance_api:article", kwargs={"country": "ru", "topic": "registration", "language": "ru"})
    body = client.get(url).json()
    assert f'<strong class="rule" title="{BASIS}">30</strong>' in body["body"]
    assert "{{rule:" not in body["body"]
    assert body["rules"] == [
        {
            "citizenship": places["origin"].code,
            "destination": "RU",
            "kind": "registration_days",
            "kind_label": "days to register after arrival",
            "value": 30,
            "effective_from": "2015-08-12",
            "effective_to": None,
            "legal_basis": BASIS,
        }
    ]


def test_a_draft_is_never_found_nor_shown(client, texts):
    url = reverse("guidance_api:article", kwargs={"country": "kz", "topic": "work", "language": "ru"})
    assert client.get(url).status_code == 404
    assert DRAFT_MARK not in client.get(reverse("guidance_api:articles")).text
    for missing in (
        {"country": "ru", "topic": "registration", "language": "ky"},
        {"country": "ru", "topic": "no-such-topic", "language": "ru"},
        {"country": "rus", "topic": "registration", "language": "ru"},
    ):
        assert client.get(reverse("guidance_api:article", kwargs=missing)).status_code == 404


def test_a_text_being_revised_shows_what_was_published(client, texts, editor):
    write(editor, texts["registration"], "ru", DRAFT_MARK, f"<p>{DRAFT_MARK}</p>")
    url = reverse("guidance_api:article", kwargs={"country": "ru", "topic": "registration", "language": "ru"})
    body = client.get(url).json()
    assert body["title"] == "Регистрация"
    assert DRAFT_MARK not in client.get(url).text
    assert DRAFT_MARK not in client.get(reverse("guidance_api:articles")).text


def test_a_translation_from_an_older_source_is_marked_out_of_date(client, texts, editor, coordinator):
    write(editor, texts["registration"], "ru", "Регистрация", "<p>Новый текст.</p>", reviewer=coordinator)
    english = articles(client, destination="RU", language="en")[0]
    assert english["out_of_date"] is True
    assert articles(client, destination="RU", language="ru")[0]["out_of_date"] is False


def test_a_bad_filter_is_refused_naming_it(client, texts):
    for query, field in (
        ({"topic": "nonsense"}, "topic"),
        ({"language": "xx"}, "language"),
        ({"destination": "RUS"}, "destination"),
    ):
        response = client.get(reverse("guidance_api:articles"), query)
        assert response.status_code == 400
        assert field in response.json()
    response = client.get(reverse("guidance_api:rules"), {"on": "31.02.2025"})
    assert response.status_code == 400 and "on" in response.json()


# --- rules ------------------------------------------------------------------------------------


@pytest.fixture
def rules(places, editor):
    def save(value, start, end=None, kind=RuleKind.REGISTRATION_DAYS, destination="RU"):
        return rule_save(
            actor=editor,
            citizenship=places["origin"],
            destination=places[destination],
            kind=kind,
            value=value,
            effective_from=start,
            effective_to=end,
            legal_basis=BASIS,
            note="internal note of the editors",
        )

    save(7, dt.date(2010, 1, 1), dt.date(2015, 8, 11))
    save(30, dt.date(2015, 8, 12))
    save(15, timezone.localdate() + dt.timedelta(days=10))
    save(90, dt.date(2020, 1, 1), kind=RuleKind.STAY_DAYS, destination="KZ")


def rules_on(client, **query):
    response = client.get(reverse("guidance_api:rules"), query)
    assert response.status_code == 200, response.content
    return [(rule["destination"], rule["kind"], rule["value"]) for rule in response.json()]


def test_the_rules_in_force_today_one_of_each_kind(client, rules):
    assert rules_on(client) == [("KZ", "stay_days", 90), ("RU", "registration_days", 30)]


def test_the_rules_in_force_on_another_day(client, rules):
    assert rules_on(client, on="2012-05-01", destination="RU") == [("RU", "registration_days", 7)]
    later = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    assert rules_on(client, on=later, destination="ru") == [("RU", "registration_days", 15)]
    assert rules_on(client, on="2005-01-01") == []


def test_the_rules_filter_by_citizenship_and_kind(client, rules, places):
    assert rules_on(client, kind="stay_days") == [("KZ", "stay_days", 90)]
    assert rules_on(client, citizenship=places["origin"].code.lower(), destination="RU") == [
        ("RU", "registration_days", 30)
    ]
    assert rules_on(client, citizenship="ZZ") == []


def test_a_rule_gives_its_dates_and_legal_basis_and_nothing_of_the_editors(client, rules):
    rule = client.get(reverse("guidance_api:rules"), {"destination": "RU"}).json()[0]
    assert (rule["effective_from"], rule["effective_to"], rule["legal_basis"]) == ("2015-08-12", None, BASIS)
    text = client.get(reverse("guidance_api:rules")).text
    assert "internal note" not in text and "editor" not in text


# --- read-only, rate-limited, documented ---------------------------------------------------------


def test_the_api_is_read_only(client, texts):
    urls = (
        reverse("guidance_api:articles"),
        reverse("guidance_api:article", kwargs={"country": "ru", "topic": "registration", "language": "ru"}),
        reverse("guidance_api:rules"),
    )
    for url in urls:
        assert client.post(url, {}, content_type="application/json").status_code == 405
        assert client.put(url, {}, content_type="application/json").status_code == 405
        assert client.delete(url).status_code == 405


def test_an_address_that_asks_too_often_is_told_to_wait(client, settings, texts):
    settings.GUIDANCE_API_RATE_PER_HOUR = 3
    url = reverse("guidance_api:rules")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(reverse("guidance_api:articles"))
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert client.get(url, REMOTE_ADDR="192.0.2.7").status_code == 200, "another address is not held back"


def test_the_operations_are_in_the_openapi_document():
    from drf_spectacular.generators import SchemaGenerator

    document = SchemaGenerator().get_schema(request=None, public=True)
    paths = document["paths"]
    listing = paths["/api/guidance/articles/"]
    assert set(listing) == {"get"} and listing["get"]["operationId"] == "guidance_articles"
    assert {parameter["name"] for parameter in listing["get"]["parameters"]} == {"destination", "topic", "language"}
    assert set(listing["get"]["responses"]) == {"200", "400", "429"}
    text = paths["/api/guidance/articles/{country}/{topic}/{language}/"]
    assert set(text) == {"get"} and text["get"]["operationId"] == "guidance_article"
    rules = paths["/api/guidance/rules/"]
    assert {parameter["name"] for parameter in rules["get"]["parameters"]} == {
        "citizenship",
        "destination",
        "kind",
        "on",
    }
