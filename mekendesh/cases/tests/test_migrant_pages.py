"""The person's side of a case: a migrant sees her own cases only, reads each step in plain words
(what it means, who acts next and by when, the outcome of a finished case), and writes notes and
sends documents to the consulate — a bad file gets its message and nothing is stored."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.cases import services
from mekendesh.cases.models import CaseDocument, CaseNote

CASES = reverse("migrant:cases")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


@pytest.fixture
def nurlan_case(places, officer_moscow):
    """A case of another person on the register, in the same consular district."""
    from mekendesh.people.services import DocumentInput, NameInput, person_register

    nurlan = person_register(
        actor=officer_moscow,
        sex="M",
        birth_date=dt.date(1990, 1, 2),
        names=[NameInput(script="ky-Cyrl", surname="Осмонов", given_names="Нурлан", source="officer")],
        document=DocumentInput(number="AN0000001", issuing_country=places["KG"]),
    )
    return services.case_open(
        actor=officer_moscow,
        person=nurlan,
        case_type="detention",
        consular_district=places["moscow_district"],
        summary="Осмонов detained at the Kazansky station.",
    )


def page_of(case) -> str:
    return reverse("migrant:case", kwargs={"case_id": case.public_id})


def note_url(case) -> str:
    return reverse("migrant:case_note", kwargs={"case_id": case.public_id})


def document_url(case) -> str:
    return reverse("migrant:case_document_add", kwargs={"case_id": case.public_id})


def download_url(case, document) -> str:
    return reverse("migrant:case_document", kwargs={"case_id": case.public_id, "document_id": document.pk})


def multipart(name: str, content: bytes) -> tuple[bytes, str]:
    """A form with one file part whose name is sent exactly as given (the test client would
    strip a path from it before sending)."""
    boundary = "mekendeshBoundary7MA4YWxk"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def upload(client, case, name: str, content: bytes):
    body, content_type = multipart(name, content)
    return client.generic("POST", document_url(case), body, content_type=content_type)


def stored_files(case) -> list[str]:
    """The files kept for ``case`` (each case has a directory of its own)."""
    root = settings.CASE_DOCUMENTS_DIR / str(case.public_id)
    return [str(path) for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_the_anonymous_are_sent_to_sign_in(open_case):
    for url in (CASES, page_of(open_case)):
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_a_migrant_sees_her_own_cases_and_no_one_elses(client, aigerim, open_case, nurlan_case):
    page = client.get(CASES).content.decode()
    assert open_case.number in page and page_of(open_case) in page
    assert "Removal from a host-country register" in page
    assert nurlan_case.number not in page and "Осмонов" not in page


def test_someone_elses_case_answers_404_on_every_page_and_takes_nothing(client, aigerim, nurlan_case, officer_moscow):
    shared = services.case_document_add(
        actor=officer_moscow, case=nurlan_case, name="decision.pdf", content=PDF, visible_to_person=True
    ).document
    assert client.get(page_of(nurlan_case)).status_code == 404
    assert client.get(download_url(nurlan_case, shared)).status_code == 404
    assert client.post(note_url(nurlan_case), {"body": "Hello", "submission_key": str(uuid.uuid4())}).status_code == 404
    assert upload(client, nurlan_case, "mine.pdf", PDF + b"other").status_code == 404
    assert client.get(reverse("migrant:case", kwargs={"case_id": uuid.uuid4()})).status_code == 404
    assert not CaseNote.objects.filter(case=nurlan_case).exists()
    assert CaseDocument.objects.filter(case=nurlan_case).count() == 1


def test_a_staff_account_has_no_case_pages_of_a_migrant(sign_in, officer_moscow, open_case):
    client = sign_in(officer_moscow)
    assert client.get(CASES).status_code == 404
    assert client.get(page_of(open_case)).status_code == 404


def test_the_case_page_says_what_the_step_means_who_acts_next_and_by_when(client, aigerim, open_case):
    page = client.get(page_of(open_case)).content.decode()
    assert "The consulate is studying why the host country&#x27;s register names you" in page
    assert "Who acts now" in page and "Embassy in Moscow" in page
    assert open_case.due_date.strftime("%d.%m.%Y") in page
    assert "in time" in page or "deadline near" in page


def test_the_person_is_told_when_the_next_step_is_theirs(client, aigerim, open_case, officer_moscow):
    services.case_move(actor=officer_moscow, case=open_case, action="request_documents", note="Patent, passport.")
    page = client.get(page_of(open_case)).content.decode()
    assert "The consulate needs documents from you" in page
    assert "<dd>you</dd>" in page and 'href="#add-document"' in page


def test_the_timeline_shows_shared_notes_and_the_person_text_but_never_internal_notes(
    client, aigerim, open_case, officer_moscow
):
    services.case_note_add(actor=officer_moscow, case=open_case, body="Internal: ask the FMS contact first.")
    services.case_note_add(
        actor=officer_moscow, case=open_case, body="Bring your patent on Monday.", visible_to_person=True
    )
    services.case_move(actor=officer_moscow, case=open_case, action="documents_complete", note="Staff-only remark.")
    services.case_document_add(actor=officer_moscow, case=open_case, name="internal.pdf", content=PDF + b"internal")
    page = client.get(page_of(open_case)).content.decode()
    assert "Bring your patent on Monday." in page and "Note from the consulate" in page
    assert "The consulate has your documents and prepares the request to take you off the register" in page
    assert "Internal: ask the FMS contact first." not in page
    assert "Staff-only remark." not in page and "internal.pdf" not in page
    assert "officer.moscow" not in page


def test_a_declined_request_shows_the_consulates_answer(client, aigerim, requested_case, officer_moscow):
    services.case_move(
        actor=officer_moscow,
        case=requested_case,
        action="decline",
        note="Labour disputes in Moscow go to the migrants' trade union: +7 495 000-00-00.",
    )
    page = client.get(page_of(requested_case)).content.decode()
    assert "Request declined" in page and "The consulate could not take this request." in page
    assert "The consulate's answer" in page
    assert page.count("Labour disputes in Moscow go to the migrants&#x27; trade union") == 2  # the answer, the timeline
    assert "Who acts now" not in page


def test_a_closed_case_shows_its_outcome(client, aigerim, open_case, officer_moscow):
    services.case_move(actor=officer_moscow, case=open_case, action="close", note="Taken off the register on 3 March.")
    page = client.get(page_of(open_case)).content.decode()
    assert "Your case is closed." in page and "Taken off the register on 3 March." in page


def test_a_migrant_writes_a_note_that_the_consulate_and_she_both_read(client, aigerim, open_case):
    key = str(uuid.uuid4())
    response = client.post(note_url(open_case), {"body": "I have the patent now.", "submission_key": key})
    assert response.status_code == 302 and response["Location"] == page_of(open_case) + "#timeline"
    note = CaseNote.objects.get(case=open_case)
    assert (note.body, note.by_person, note.visible_to_person, note.author) == (
        "I have the patent now.",
        True,
        True,
        aigerim.account,
    )
    page = client.get(page_of(open_case)).content.decode()
    assert "I have the patent now." in page and "Note from the person&#x27;s side" in page


def test_the_same_note_sent_twice_is_one_note(client, aigerim, open_case):
    data = {"body": "Sent twice by a double tap.", "submission_key": str(uuid.uuid4())}
    assert client.post(note_url(open_case), data).status_code == 302
    assert client.post(note_url(open_case), data).status_code == 302
    assert CaseNote.objects.filter(case=open_case).count() == 1


def test_an_empty_note_is_refused_naming_the_field(client, aigerim, open_case):
    response = client.post(note_url(open_case), {"body": "   ", "submission_key": str(uuid.uuid4())})
    page = response.content.decode()
    assert response.status_code == 200 and "Write the note." in page and 'href="#field-body"' in page
    assert not CaseNote.objects.exists()


def test_a_migrant_sends_a_pdf_and_downloads_it_back_as_an_attachment(client, aigerim, open_case):
    response = upload(client, open_case, "patent.pdf", PDF)
    assert response.status_code == 302
    document = CaseDocument.objects.get(case=open_case)
    assert (document.name, document.content_type, document.by_person, document.visible_to_person) == (
        "patent.pdf",
        "application/pdf",
        True,
        True,
    )
    page = client.get(page_of(open_case)).content.decode()
    assert download_url(open_case, document) in page and "Document from the person&#x27;s side" in page
    download = client.get(download_url(open_case, document))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment;") and "patent.pdf" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Security-Policy"].startswith("sandbox")
    assert download["Content-Type"] in ("application/pdf", "application/octet-stream")
    assert AuditEvent.objects.filter(action="export", object_type="cases.casedocument", actor=aigerim.account).exists()


def test_the_same_file_sent_twice_is_one_document(client, aigerim, open_case):
    upload(client, open_case, "patent.pdf", PDF)
    response = upload(client, open_case, "patent (1).pdf", PDF)
    assert response.status_code == 302 and CaseDocument.objects.filter(case=open_case).count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.pdf", PROGRAM, "This file is a program, not a document"),
        ("scan.pdf", b"", "The file is empty. Choose the file again."),
        ("notes.pdf", b"just some text, not a document at all" * 20, "Only PDF files and photos"),
    ],
    ids=["an executable renamed to .pdf", "an empty file", "a text file renamed to .pdf"],
)
def test_a_bad_document_gets_its_message_on_the_file_field_and_nothing_is_stored(
    client, aigerim, open_case, name, content, message
):
    response = upload(client, open_case, name, content)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page and 'href="#field-file"' in page
    assert not CaseDocument.objects.exists() and stored_files(open_case) == []


def test_a_file_above_the_limit_is_refused_with_its_size(client, aigerim, open_case):
    too_large = PDF + b"0" * (settings.CASE_DOCUMENT_MAX_BYTES + 1 - len(PDF))
    page = upload(client, open_case, "scan.pdf", too_large).content.decode()
    assert "at most 10 MB are accepted" in page
    assert not CaseDocument.objects.exists() and stored_files(open_case) == []


def test_a_200_mb_upload_gets_the_clear_413_page_before_anything_is_read(client, aigerim, open_case):
    body, content_type = multipart("film.pdf", PDF)
    response = client.generic(
        "POST", document_url(open_case), body, content_type=content_type, CONTENT_LENGTH=str(200 * 1024 * 1024)
    )
    assert response.status_code == 413 and "What was sent is too large" in response.content.decode()
    assert not CaseDocument.objects.exists()


def test_a_file_name_with_a_path_and_control_characters_is_stored_under_a_safe_name(client, aigerim, open_case):
    response = upload(client, open_case, "../../etc/pass\x07wd\x1b[31m.pdf", PDF)
    assert response.status_code == 302
    document = CaseDocument.objects.get()
    assert "/" not in document.name and ".." not in document.name
    assert all(ord(char) >= 32 for char in document.name) and document.name.endswith(".pdf")
    stored_as = str(document.file.name)
    assert stored_as.startswith(f"{open_case.public_id}/") and document.name not in stored_as


def test_no_file_chosen_is_refused_naming_the_field(client, aigerim, open_case):
    page = client.post(document_url(open_case), {}).content.decode()
    assert "Choose the file to add." in page and not CaseDocument.objects.exists()


def test_a_document_the_consulate_keeps_internal_cannot_be_downloaded_by_the_person(
    client, aigerim, open_case, officer_moscow
):
    internal = services.case_document_add(
        actor=officer_moscow, case=open_case, name="internal.pdf", content=PDF
    ).document
    shared = services.case_document_add(
        actor=officer_moscow, case=open_case, name="decision.pdf", content=PDF + b"decision", visible_to_person=True
    ).document
    assert client.get(download_url(open_case, internal)).status_code == 404
    assert client.get(download_url(open_case, shared)).status_code == 200


def test_the_case_pages_hold_no_inline_script_and_are_not_stored(client, aigerim, open_case):
    from mekendesh.web.tests.test_security_headers import assert_no_inline_script

    for url in (CASES, page_of(open_case), reverse("migrant:case_help"), reverse("migrant:case_help_other")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_inline_script(response)
        assert "no-store" in response.headers["Cache-Control"]


def test_the_migrants_home_leads_to_her_cases_and_to_asking_for_help(client, aigerim):
    page = client.get(reverse("migrant:home")).content.decode()
    assert CASES in page and reverse("migrant:case_help") in page
