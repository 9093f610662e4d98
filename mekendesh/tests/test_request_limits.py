"""A request's body has a size limit, forms that take no files refuse file parts, and a view that
takes uploads raises its own limit."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.views.decorators.csrf import csrf_exempt

from mekendesh import urls as site_urls
from mekendesh.people.models import Person
from mekendesh.people.tests.test_registration_page import registration_data
from mekendesh.web.request_checks import request_body_limit

pytestmark = pytest.mark.kyrgyz_data

MEGABYTE = 1024 * 1024


@csrf_exempt
@request_body_limit(30 * MEGABYTE)
def _upload(request: HttpRequest) -> HttpResponse:
    uploaded = request.FILES["file"]
    assert isinstance(uploaded, UploadedFile)
    return HttpResponse(f"{uploaded.size} bytes")


urlpatterns = [path("upload/", _upload), *site_urls.urlpatterns]


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_a_registration_with_a_20_mb_file_part_is_refused_with_413(client, places):
    data = registration_data(places, file=SimpleUploadedFile("big.bin", b"x" * (20 * MEGABYTE)))
    response = client.post(reverse("migrant:register"), data)
    assert response.status_code == 413
    assert "What was sent is too large" in response.content.decode()
    assert not Person.objects.exists()


def test_a_small_file_part_on_a_form_that_takes_no_files_is_refused(client, places):
    data = registration_data(places, file=SimpleUploadedFile("note.txt", b"hello"))
    response = client.post(reverse("migrant:register"), data)
    assert response.status_code == 413
    assert "This form takes no files" in response.content.decode()
    assert not Person.objects.exists()


def test_the_same_registration_without_a_file_is_accepted_as_multipart(client, places):
    response = client.post(reverse("migrant:register"), registration_data(places))
    assert response.status_code == 302 and Person.objects.exists()


def test_the_limit_follows_the_setting(client, places, settings):
    settings.REQUEST_BODY_MAX_BYTES = 1000
    response = client.post(reverse("migrant:register"), registration_data(places))
    assert response.status_code == 413
    assert not Person.objects.exists()


@pytest.mark.urls("mekendesh.tests.test_request_limits")
def test_a_view_that_takes_uploads_sets_its_own_limit(client, db):
    response = client.post("/upload/", {"file": SimpleUploadedFile("list.csv", b"x" * (20 * MEGABYTE))})
    assert response.status_code == 200 and response.content == f"{20 * MEGABYTE} bytes".encode()
    too_large = client.post("/upload/", {"file": SimpleUploadedFile("list.csv", b"x" * (31 * MEGABYTE))})
    assert too_large.status_code == 413
