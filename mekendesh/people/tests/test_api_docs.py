"""The API's documentation page works on a closed network: Swagger UI is served by the site itself."""

import pytest
from django.urls import reverse


def test_the_api_documentation_loads_its_files_from_the_site_not_a_cdn(staff_client, analyst):
    page = staff_client(analyst).get(reverse("api-docs")).content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "cdn.jsdelivr.net" not in page and "unpkg.com" not in page


def test_the_openapi_document_is_offered_to_a_signed_in_staff_member(staff_client, analyst):
    response = staff_client(analyst).get(reverse("api-schema"))
    assert response.status_code == 200
    assert b"/api/people/" in response.content


@pytest.mark.parametrize("url", ["api-schema", "api-docs"])
def test_the_openapi_document_and_its_page_are_closed_to_the_anonymous(client, db, url):
    response = client.get(reverse(url))
    assert response.status_code in (401, 403)
    assert b"/api/people/" not in response.content


@pytest.mark.parametrize("url", ["api-schema", "api-docs"])
def test_the_openapi_document_and_its_page_are_closed_to_a_migrant(client, migrant_account, url):
    client.force_login(migrant_account)
    response = client.get(reverse(url))
    assert response.status_code == 403
    assert b"/api/people/" not in response.content


def test_a_staff_session_without_the_second_factor_gets_no_openapi_document(client, analyst):
    client.force_login(analyst)
    assert client.get(reverse("api-schema")).status_code in (302, 403)
