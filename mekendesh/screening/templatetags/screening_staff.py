"""The line of the staff case page that says a case was opened from a confirmed list match:
``{% screening_case_origin case as origin %}`` gives the list and its row as read (the document
number masked unless the reader is an officer of the person's current district), or ``None``
for a case opened otherwise."""

from __future__ import annotations

import uuid
from typing import Any

from django import template

from mekendesh.people.selectors import can_see_document_numbers
from mekendesh.screening.evidence import raw_row
from mekendesh.screening.models import Candidate

register = template.Library()

PREFIX = "screening:"


@register.simple_tag(takes_context=True)
def screening_case_origin(context: template.Context, case: Any) -> dict[str, Any] | None:
    reference = str(getattr(case, "source_reference", "") or "")
    if not reference.startswith(PREFIX):
        return None
    try:
        public_id = uuid.UUID(reference.removeprefix(PREFIX))
    except ValueError:
        return None
    candidate = (
        Candidate.objects.filter(public_id=public_id)
        .select_related("entry__source", "entry__first_version__batch")
        .first()
    )
    if candidate is None:
        return None
    request = context.get("request")
    user = getattr(request, "user", None)
    show_numbers = case.person is not None and can_see_document_numbers(user, case.person)
    return {
        "candidate": candidate,
        "entry": candidate.entry,
        "raw": raw_row(candidate.entry, show_numbers=show_numbers),
    }


@register.filter
def list_date(value: str) -> str:
    """A date of birth as a list gives it (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) written as the
    register's dates are: 12.04.1998, 04.1998, 1998."""
    parts = str(value or "").split("-")
    return ".".join(reversed(parts)) if value else ""
