"""Each bad input gets a message naming its field, and nothing is stored."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.diaspora import services
from mekendesh.diaspora.models import Event, Project, Recommendation, Representative

pytestmark = pytest.mark.django_db


def representative(coordinator, country, **changes):
    fields = {
        "full_name": "Азамат Бекмуратов",
        "country": country,
        "seat": "1",
        "mandate_from": dt.date(2021, 8, 25),
        "mandate_until": dt.date(2024, 8, 24),
        "decision": "Decision No. 7 (example)",
        "contacts": "usa.representative@council.example",
    }
    return services.representative_create(actor=coordinator, **{**fields, **changes})


def test_a_mandate_overlapping_another_for_the_same_seat_is_refused_and_not_stored(coordinator, countries):
    representative(coordinator, countries["US"])
    audit_rows = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        representative(
            coordinator,
            countries["US"],
            full_name="Бакыт Асанов",
            mandate_from=dt.date(2024, 1, 1),
            mandate_until=None,
        )
    message = refused.value.message_dict["mandate_from"][0]
    assert "overlaps the mandate of Азамат Бекмуратов for the same seat" in message
    assert "25.08.2021 – 24.08.2024" in message
    assert Representative.objects.count() == 1 and AuditEvent.objects.count() == audit_rows


def test_a_mandate_after_the_last_one_or_for_another_seat_or_country_is_accepted(coordinator, countries):
    representative(coordinator, countries["US"])
    representative(
        coordinator, countries["US"], full_name="Бакыт Асанов", mandate_from=dt.date(2024, 8, 25), mandate_until=None
    )
    representative(coordinator, countries["US"], full_name="Айгүл Осмонова", seat="2")
    representative(coordinator, countries["JP"], full_name="Жылдыз Сатыбалдиева")
    assert Representative.objects.count() == 4


def test_editing_a_mandate_does_not_count_as_overlapping_itself(coordinator, countries):
    first = representative(coordinator, countries["US"])
    services.representative_update(actor=coordinator, representative=first, mandate_until=dt.date(2025, 8, 24))
    first.refresh_from_db()
    assert first.mandate_until == dt.date(2025, 8, 24)


def event_fields(country, **changes):
    return {
        "title": "Risks and consequences of migration",
        "kind": "roundtable",
        "date": dt.date(2021, 3, 18),
        "country": country,
        "place": "Osh",
        "organisers": "Coordination council",
        "participants_total": 40,
        "participants_women": 24,
        "participants_men": 16,
        **changes,
    }


def test_participants_by_sex_that_do_not_add_up_to_the_total_are_refused(coordinator, countries):
    with pytest.raises(ValidationError) as refused:
        services.event_create(actor=coordinator, **event_fields(countries["KG"], participants_men=15))
    assert refused.value.message_dict["participants_total"] == [
        "The participants by sex do not add up: 24 women and 15 men make 39, not 40."
    ]
    assert not Event.objects.exists()


def test_a_recommendation_without_an_owner_is_refused(coordinator, countries):
    with pytest.raises(ValidationError) as refused:
        services.recommendation_create(
            actor=coordinator,
            text="Create a separate migration service in Osh.",
            owner=None,
            source_document="Roundtable report (seed 001)",
            country=countries["KG"],
            issued_on=dt.date(2021, 3, 18),
        )
    assert "Name the state body that owns this recommendation" in refused.value.message_dict["owner"][0]
    assert not Recommendation.objects.exists()


def test_a_recommendation_without_a_source_is_refused(coordinator, countries, state_body):
    with pytest.raises(ValidationError) as refused:
        services.recommendation_create(
            actor=coordinator, text="Something.", owner=state_body, country=countries["KG"], issued_on=dt.date.today()
        )
    assert refused.value.message_dict["source_document"] == [
        "Give the source: the event it came from, or the document."
    ]
    assert not Recommendation.objects.exists()


@pytest.mark.parametrize("code", ["XYZ", "DOLLARS", "$"])
def test_funding_in_an_unknown_currency_is_refused(coordinator, countries, code):
    with pytest.raises(ValidationError) as refused:
        services.project_create(
            actor=coordinator,
            title="Mentoring for small businesses",
            kind="small_business",
            owner="Association (example)",
            country=countries["US"],
            funding_amount=Decimal("25000"),
            funding_currency=code,
        )
    assert refused.value.message_dict["funding_currency"] == [
        f"“{code.upper()}” is not a currency code of ISO 4217: use three letters such as USD, KGS or RUB."
    ]
    assert not Project.objects.exists()


def test_a_known_currency_in_small_letters_is_stored_in_capitals(coordinator, countries):
    project = services.project_create(
        actor=coordinator,
        title="Culture days",
        kind="culture",
        owner="Association (example)",
        country=countries["JP"],
        funding_amount=Decimal("1500000"),
        funding_currency="jpy",
    )
    assert project.funding_currency == "JPY"


def test_the_forms_put_each_refusal_on_its_field_and_store_nothing(sign_in, coordinator, countries, state_body):
    client = sign_in(coordinator)
    page = client.post(
        reverse("staff:diaspora_event_new"),
        {
            "title": "Roundtable",
            "kind": "roundtable",
            "date": "2021-03-18",
            "country": "KG",
            "place": "Osh",
            "organisers": "Council",
            "participants_total": "40",
            "participants_women": "24",
            "participants_men": "10",
            "participants_state": "0",
            "participants_civil": "0",
            "participants_international": "0",
            "participants_media": "0",
        },
    )
    assert page.status_code == 400
    assert 'id="id_participants_total_error"' in page.text
    assert "24 women and 10 men make 34, not 40" in page.text
    page = client.post(
        reverse("staff:diaspora_recommendation_new"),
        {"text": "One body for migration and employment.", "source_document": "Seed 001", "country": "KG"},
    )
    assert page.status_code == 400
    assert 'id="id_owner_error"' in page.text and "Name the state body that owns" in page.text
    page = client.post(
        reverse("staff:diaspora_project_new"),
        {
            "title": "Jobs at home",
            "kind": "returnee_jobs",
            "owner": "Council (example)",
            "country": "RU",
            "funding_amount": "100",
            "funding_currency": "ABC",
        },
    )
    assert page.status_code == 400 and 'id="id_funding_currency_error"' in page.text
    assert not Event.objects.exists() and not Recommendation.objects.exists() and not Project.objects.exists()
