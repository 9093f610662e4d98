"""Every operation of the API, called with what its OpenAPI document allows (and some of what it
does not), answers without a server error, for every staff role.

The document comes from drf-spectacular's generator in this process (the page ``/api/schema/`` is
for signed-in staff); schemathesis generates the requests and sends them to the WSGI application,
with the session cookie of a staff user who has passed the second factor. New modules' endpoints
are in the same document, so they are tested here without a line of their own.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

STAFF_ROLES = ("officer_moscow", "ministry_officer", "analyst", "statistician", "coordinator", "administrator")
# Any 32 letters and digits are a valid CSRF secret: sent as the cookie and as the header, they let
# the unsafe methods that a new module adds reach their views.
CSRF_SECRET = "schemathesisCsrfSecret0123456789"


def api_document() -> dict[str, Any]:
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


schema = schemathesis.openapi.from_dict(api_document())


@pytest.fixture
def wsgi_application() -> Any:
    """The site's WSGI application, called in the test's transaction: like Django's test client, it
    must not close the database connection at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def staff_sessions(
    request: pytest.FixtureRequest, staff_client: Any, registered_migrant: Any
) -> dict[str, dict[str, str]]:
    """Cookies of a signed-in session for each staff role (with a registered person and a case of
    hers to look at)."""
    from mekendesh.cases.services import case_open

    case_open(
        actor=request.getfixturevalue("officer_moscow"),
        person=registered_migrant,
        case_type="register_removal",
        consular_district=registered_migrant.stays.get().consular_district,
        summary="Named on the register of controlled persons.",
    )
    sessions = {}
    for role in STAFF_ROLES:
        client = staff_client(request.getfixturevalue(role))
        cookies = {name: morsel.value for name, morsel in client.cookies.items()}
        cookies["csrftoken"] = CSRF_SECRET
        sessions[role] = cookies
    return sessions


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_api_operation_answers_a_server_error_to_any_staff_role(case, db, staff_sessions, wsgi_application):
    for role, cookies in staff_sessions.items():
        response = case.call(
            app=wsgi_application, cookies=cookies, headers={"X-CSRFToken": CSRF_SECRET, "Accept-Language": "en"}
        )
        try:
            case.validate_response(response, checks=[not_a_server_error])
        except Exception as failure:
            failure.add_note(f"as {role}")
            raise
