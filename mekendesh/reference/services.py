"""Writes of the reference data that are not shipped with the code."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.origin import ORIGINS
from mekendesh.reference.models import InstalledOrigin


def installed_origin_set(*, country: str, actor: Any | None = None) -> InstalledOrigin:
    """Record ``country`` as the country of origin this database is for.

    Allowed only while the register holds no one: a register of one country's citizens cannot
    become another's by changing a setting. The change reaches the audit trail.
    """
    from mekendesh.people.models import Person

    code = country.strip().upper()
    if code not in ORIGINS:
        message = _("“%(code)s” is not a country of origin; use one of %(known)s.")
        raise ValidationError({"country": message % {"code": country, "known": ", ".join(ORIGINS)}})
    with transaction.atomic():
        record = InstalledOrigin.objects.select_for_update().first()
        if record is not None and record.country == code:
            return record
        if Person.objects.exists():
            message = _(
                "The register already holds people of %(recorded)s; it cannot become the register of "
                "%(code)s. Install a new database for %(code)s."
            )
            recorded = record.country if record else "?"
            raise ValidationError({"country": message % {"recorded": recorded, "code": code}})
        if record is None:
            record = InstalledOrigin.objects.create(country=code)
            action = AuditEvent.Action.CREATE
        else:
            record.country = code
            record.save(update_fields=["country", "recorded_at"])
            action = AuditEvent.Action.UPDATE
        audit_record(actor=actor, action=action, obj=record, fields=["country"])
    return record
