"""Only the diaspora coordinator opens the diaspora pages; every change is audited."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.diaspora.models import Recommendation

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

PAGES = ["staff:diaspora_home", "staff:diaspora_board", "staff:diaspora_report", "staff:diaspora_organisations"]


@pytest.mark.parametrize("role", ["officer_moscow", "analyst", "statistician", "ministry_officer", "administrator"])
def test_other_staff_roles_get_404_for_the_diaspora_pages_and_change_nothing(request, sign_in, diaspora_demo, role):
    client = sign_in(request.getfixturevalue(role))
    for name in PAGES:
        assert client.get(reverse(name)).status_code == 404, name
    item = Recommendation.objects.get(text__startswith="Create a separate migration service")
    url = reverse("staff:diaspora_recommendation", kwargs={"recommendation_id": item.pk})
    assert client.post(url, {"do": "move", "action": "done", "version": item.version}).status_code == 404
    item.refresh_from_db()
    assert item.status == "open"


def test_a_migrant_gets_404_and_the_anonymous_are_sent_to_sign_in(client, migrant_account):
    assert Client().get(reverse("staff:diaspora_home")).status_code == 302
    client.force_login(migrant_account)
    assert client.get(reverse("staff:diaspora_home")).status_code == 404


def test_a_service_refuses_an_actor_without_the_role(analyst, countries):
    from django.core.exceptions import PermissionDenied

    from mekendesh.diaspora.services import organisation_create

    with pytest.raises(PermissionDenied):
        organisation_create(actor=analyst, name="X", country=countries["US"], kind="other")


def test_the_coordinator_edits_a_record_and_the_change_is_audited(sign_in, diaspora_demo):
    from mekendesh.diaspora.models import Organisation

    organisation = Organisation.objects.get(country="JP")
    client = sign_in(diaspora_demo)
    url = reverse("staff:diaspora_organisation", kwargs={"organisation_id": organisation.pk})
    assert client.get(url).status_code == 200
    answer = client.post(
        url,
        {
            "name": organisation.name,
            "country": "JP",
            "city": "Osaka",
            "kind": organisation.kind,
            "registration_status": "registered",
            "contacts": organisation.contacts,
            "is_public": "on",
        },
    )
    assert answer.status_code == 302
    organisation.refresh_from_db()
    assert organisation.city == "Osaka"
    row = AuditEvent.objects.filter(object_id=str(organisation.pk), action=AuditEvent.Action.UPDATE).last()
    assert row is not None and row.fields == ["city"] and row.actor_id == diaspora_demo.pk
