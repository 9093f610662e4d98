"""The Django admin: administrators only; users with roles and districts; changes audited."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record


def _user_form(user, **changes):
    data = {
        "email": user.email,
        "full_name": user.full_name,
        "phone": "",
        "preferred_language": "",
        "role": user.role,
        "consular_districts": [district.pk for district in user.consular_districts.all()],
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_an_administrator_makes_an_analyst_a_consular_officer_and_the_change_is_audited(
    staff_client, administrator, analyst, places
):
    client = staff_client(administrator)
    url = reverse("admin:accounts_user_change", args=[analyst.pk])

    response = client.post(
        url, _user_form(analyst, role="consular_officer", consular_districts=[places["moscow_district"].pk])
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    analyst.refresh_from_db()
    assert analyst.role == "consular_officer"
    assert list(analyst.consular_districts.all()) == [places["moscow_district"]]
    event = AuditEvent.objects.get(action="update", object_type="accounts.user")
    assert event.actor == administrator
    assert event.object_id == str(analyst.pk)
    assert event.fields == ["consular_districts", "role"]


def test_a_consular_officer_without_a_district_is_refused_with_a_clear_message(staff_client, administrator, analyst):
    client = staff_client(administrator)

    response = client.post(
        reverse("admin:accounts_user_change", args=[analyst.pk]), _user_form(analyst, role="consular_officer")
    )

    assert response.status_code == 200
    assert "A consular officer needs at least one consular district." in response.content.decode()
    analyst.refresh_from_db()
    assert analyst.role == "screening_analyst"


def _add_user(client, *, email, role):
    return client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": email,
            "role": role,
            "usable_password": "true",
            "password1": "a-long-new-password-42",
            "password2": "a-long-new-password-42",
        },
    )


def test_an_administrator_adds_a_staff_user_and_the_password_is_not_recorded(staff_client, administrator):
    client = staff_client(administrator)

    response = _add_user(client, email="new.analyst@mfa.example", role="screening_analyst")

    assert response.status_code == 302
    event = AuditEvent.objects.get(action="create", object_type="accounts.user")
    assert event.fields == ["email", "password", "role"]
    assert "a-long-new-password-42" not in str(event.__dict__)
    # The new account opens in the admin, to be completed (a consular officer's districts, say).
    assert client.get(response["Location"]).status_code == 200


def test_the_admin_lists_staff_accounts_only_and_no_migrants_contacts(staff_client, administrator, analyst):
    from mekendesh.accounts.models import User

    migrant = User.objects.create_user(email="bakyt@example.com", phone="+996555123456", role="migrant")
    client = staff_client(administrator)

    changelist = client.get(reverse("admin:accounts_user_changelist"))
    assert analyst.email in changelist.text
    assert "bakyt@example.com" not in changelist.text and "+996555123456" not in changelist.text
    assert "bakyt@example.com" not in client.get(reverse("admin:accounts_user_changelist"), {"q": "bakyt"}).text
    change = client.get(reverse("admin:accounts_user_change", args=[migrant.pk]), follow=True)
    assert "bakyt@example.com" not in change.text and "+996555123456" not in change.text


def test_the_admin_cannot_make_a_migrant_account(staff_client, administrator):
    response = _add_user(staff_client(administrator), email="someone@example.com", role="migrant")
    assert response.status_code == 200
    assert not AuditEvent.objects.filter(action="create", object_type="accounts.user").exists()


@pytest.mark.parametrize("model", ["country", "region", "district", "hostregion", "consulardistrict", "language"])
def test_an_administrator_reads_the_reference_data(staff_client, administrator, places, model):
    client = staff_client(administrator)

    assert client.get(reverse(f"admin:reference_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:reference_{model}_add")).status_code == 200


def test_a_changed_consular_district_is_audited(staff_client, administrator, places):
    client = staff_client(administrator)
    district = places["moscow_district"]

    response = client.post(
        reverse("admin:reference_consulardistrict_change", args=[district.pk]),
        {
            "code": district.code,
            "city": district.city,
            "name_en": "Embassy in Moscow (consular section)",
            "name_ru": district.name_ru,
            "name_ky": district.name_ky,
            "name_tk": district.name_tk,
            "name_tg": district.name_tg,
            "name_uz": district.name_uz,
            "countries": [country.pk for country in district.countries.all()],
            "host_regions": [region.pk for region in district.host_regions.all()],
        },
    )

    assert response.status_code == 302
    assert AuditEvent.objects.get(action="update", object_type="reference.consulardistrict").fields == ["name_en"]


@pytest.mark.parametrize("role", ["officer_moscow", "analyst", "statistician", "coordinator"])
def test_other_staff_get_no_admin(staff_client, request, role):
    client = staff_client(request.getfixturevalue(role))

    response = client.get(reverse("admin:index"), follow=True)

    assert response.status_code == 403
    assert client.get(reverse("admin:accounts_user_changelist")).status_code in (302, 403)
    assert client.get(reverse("admin:accounts_user_changelist"), follow=True).status_code == 403


def test_a_migrant_gets_no_admin(client, migrant_account):
    client.force_login(migrant_account)

    assert client.get(reverse("admin:index"), follow=True).status_code == 403


def test_administrators_read_the_audit_trail_but_cannot_change_it(staff_client, administrator):
    with transaction.atomic():
        event = audit_record(actor=administrator, action="read", object_type="people.person", object_id="x")
    client = staff_client(administrator)

    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    page = client.get(reverse("admin:audit_auditevent_change", args=[event.pk]))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert client.post(reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
