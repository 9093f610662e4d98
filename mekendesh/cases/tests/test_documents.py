"""Documents on a case: checked by what they are, not what they are called; kept outside the web
root under a random name; given back only as a download, to those who may see the case; every
upload and download in the audit trail."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.cases.models import CaseDocument
from mekendesh.cases.services import case_document_add

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + b"0" * 400 + b"\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x11" * 500 + b"\xff\xd9"
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 300 + b"PE\x00\x00"


def _add(case, actor, name, content, **kwargs):
    return case_document_add(actor=actor, case=case, name=name, content=content, **kwargs)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("passport.pdf", WINDOWS_PROGRAM, "This file is a program, not a document"),
        ("run.pdf", b"#!/bin/sh\nrm -rf ~\n" + b" " * 300, "This file is a program, not a document"),
        ("empty.pdf", b"", "The file is empty"),
        ("notes.pdf", b"just some text, not a PDF at all\n" * 20, "Only PDF files and photos"),
    ],
)
def test_a_file_that_is_not_a_document_is_refused_with_its_reason_and_nothing_is_stored(
    open_case, officer_moscow, name, content, message
):
    with pytest.raises(ValidationError) as refused:
        _add(open_case, officer_moscow, name, content)
    assert message in refused.value.message_dict["file"][0]
    assert not CaseDocument.objects.exists()
    assert not list(settings.CASE_DOCUMENTS_DIR.rglob("*.*")) if settings.CASE_DOCUMENTS_DIR.exists() else True


def test_a_file_above_the_limit_is_refused_naming_the_limit(open_case, officer_moscow, settings):
    settings.CASE_DOCUMENT_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError) as refused:
        _add(open_case, officer_moscow, "big.pdf", PDF + b"0" * (1024 * 1024))
    assert "at most 1 MB" in refused.value.message_dict["file"][0]


def test_a_name_with_a_path_or_control_characters_is_kept_safe_and_the_file_stored_under_a_random_name(
    open_case, officer_moscow
):
    added = _add(open_case, officer_moscow, "../../etc/пас\x00порт\x1b.pdf", PDF)
    document = added.document
    assert added.created and added.renamed and document.name == "паспорт.pdf"
    stored = settings.CASE_DOCUMENTS_DIR / document.file.name
    assert stored.is_file() and stored.read_bytes() == PDF
    assert str(open_case.public_id) in document.file.name and "паспорт" not in document.file.name
    assert stored.resolve().is_relative_to(settings.CASE_DOCUMENTS_DIR.resolve())
    assert not stored.resolve().is_relative_to(settings.STATIC_ROOT.resolve())


def test_a_photo_named_pdf_is_stored_as_what_it_is(open_case, officer_moscow):
    document = _add(open_case, officer_moscow, "scan.pdf", JPEG).document
    assert document.content_type == "image/jpeg" and document.file.name.endswith(".jpg")


def test_the_same_file_sent_twice_is_stored_once(open_case, officer_moscow):
    first = _add(open_case, officer_moscow, "a.pdf", PDF)
    second = _add(open_case, officer_moscow, "a copy.pdf", PDF)
    assert first.created and not second.created and second.document == first.document
    assert CaseDocument.objects.count() == 1


def test_an_upload_and_each_download_reach_the_audit_trail(open_case, officer_moscow, sign_in, registered_migrant):
    document = _add(open_case, officer_moscow, "decision.pdf", PDF).document
    created = AuditEvent.objects.filter(object_type="cases.casedocument", action="create")
    assert created.get().person_id == str(registered_migrant.public_id)
    url = reverse("staff:case_document", kwargs={"case_id": open_case.public_id, "document_id": document.pk})
    response = sign_in(officer_moscow).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert AuditEvent.objects.filter(object_type="cases.casedocument", action="export").count() == 1


def test_a_download_is_an_attachment_the_browser_never_shows_or_runs(open_case, officer_moscow, sign_in):
    document = _add(open_case, officer_moscow, "решение.pdf", PDF).document
    url = reverse("staff:case_document", kwargs={"case_id": open_case.public_id, "document_id": document.pk})
    response = sign_in(officer_moscow).get(url)
    assert response["Content-Type"] == "application/octet-stream"
    assert (
        response["Content-Disposition"].startswith("attachment;")
        and "filename*=utf-8''" in response["Content-Disposition"]
    )
    assert response["X-Content-Type-Options"] == "nosniff" and "sandbox" in response["Content-Security-Policy"]


def test_an_officer_of_another_district_cannot_download_the_document(open_case, officer_moscow, officer_other, sign_in):
    document = _add(open_case, officer_moscow, "decision.pdf", PDF).document
    url = reverse("staff:case_document", kwargs={"case_id": open_case.public_id, "document_id": document.pk})
    assert sign_in(officer_other).get(url).status_code == 404
    assert not AuditEvent.objects.filter(object_type="cases.casedocument", action="export").exists()


def test_the_upload_page_shows_the_reason_of_a_refused_file(open_case, officer_moscow, sign_in):
    url = reverse("staff:case_document_add", kwargs={"case_id": open_case.public_id})
    upload = SimpleUploadedFile("scan.pdf", WINDOWS_PROGRAM, content_type="application/pdf")
    response = sign_in(officer_moscow).post(url, {"file": upload})
    assert response.status_code == 400
    assert "This file is a program, not a document" in response.content.decode()
    assert not CaseDocument.objects.exists()


def test_an_upload_far_above_the_limit_gets_a_clear_refusal_before_it_is_read(open_case, officer_moscow, sign_in):
    url = reverse("staff:case_document_add", kwargs={"case_id": open_case.public_id})
    client = sign_in(officer_moscow)
    response = client.generic(
        "POST",
        url,
        b"x",
        content_type="multipart/form-data; boundary=BoUnDaRy",
        headers={"Content-Length": str(200 * 1024 * 1024)},
    )
    assert response.status_code == 413
    assert "too large" in response.content.decode().lower()
    assert not CaseDocument.objects.exists()
