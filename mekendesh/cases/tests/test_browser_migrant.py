"""A migrant in Moscow asks her consulate for help from a 360-pixel-wide phone, in Kyrgyz, and
follows her case: the consulate accepts it and asks for documents, she sends one and writes back,
and reads the outcome when the case is closed. Headless Chromium against the live server, axe-core
on every page; the officer's side is done through the services between her visits."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.cases import services
from mekendesh.cases.models import Case, CaseDocument, CaseNote
from mekendesh.conftest import PASSWORD
from mekendesh.notifications.models import Notification

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.kyrgyz_data,
]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def open_link(page, url_name: str, **kwargs) -> None:
    """Follow the page's link to ``url_name`` (found by its address: the words are Kyrgyz)."""
    path = reverse(url_name, kwargs=kwargs or None)
    page.locator(f"main a[href='{path}']").first.click()
    page.wait_for_url("**" + path + "*")


def test_a_migrant_asks_for_help_on_a_phone_in_kyrgyz_and_follows_her_case(
    live_server, phone, registered_migrant, officer_moscow, places
):
    page = phone
    page.goto(live_server.url + reverse("account_login"))
    page.fill("input[name=login]", registered_migrant.account.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**" + reverse("migrant:home"))
    assert page.locator("html").get_attribute("lang") == "ky"

    # From her page to the request form, which already knows where she stays.
    open_link(page, "migrant:case_help")
    assert fits_the_screen(page)
    assert page.input_value("#id_country") == "RU"
    assert page.input_value("#id_host_region") == str(places["moscow"].pk)
    page.check("input[name=case_type][value=unpaid_wages]")
    page.fill("#id_summary", "Иш берүүчү үч айдан бери айлык төлөбөй жатат.")
    page.check("#id_contact_consent")
    page.click("main form button[type=submit]")

    case = Case.objects.get()
    page.wait_for_url("**" + reverse("migrant:case", kwargs={"case_id": case.public_id}))
    assert (case.status, case.consular_district) == ("requested", places["moscow_district"])
    assert fits_the_screen(page)
    assert case.due_date is not None and case.due_date.strftime("%d.%m.%Y") in page.content()
    assert page.locator("#status .badge").count() == 1  # the deadline's colour, in words

    # The consulate accepts the request and asks for her papers.
    case = services.case_move(actor=officer_moscow, case=case, action="accept")
    case = services.case_move(actor=officer_moscow, case=case, action="request_documents", note="internal: urgent")
    services.case_note_add(
        actor=officer_moscow, case=case, body="Эмгек келишимиңизди жибериңиз.", visible_to_person=True
    )

    # She is told by message too (the notifications module sends it).
    told = Notification.objects.filter(event_key__startswith=f"case:{case.pk}:move:", template="cases/moved")
    assert told.exists()

    # She finds the case again from her list and sees that the next step is hers.
    page.goto(live_server.url + reverse("migrant:home"))
    open_link(page, "migrant:cases")
    assert fits_the_screen(page)
    open_link(page, "migrant:case", case_id=case.public_id)
    content = page.content()
    assert "Эмгек келишимиңизди жибериңиз." in content and "internal: urgent" not in content
    assert page.locator("#status.waiting").count() == 1
    assert fits_the_screen(page)

    # She sends the contract as a PDF, then a line to the consulate.
    page.set_input_files("#id_file", files=[{"name": "келишим.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.click("#add-document button[type=submit]")
    page.wait_for_load_state()
    document = CaseDocument.objects.get(case=case)
    assert document.by_person and document.name == "келишим.pdf"
    assert (
        page.locator(
            f"a[href='{reverse('migrant:case_document', kwargs={'case_id': case.public_id, 'document_id': document.pk})}']"
        ).count()
        == 1
    )
    page.fill("#id_body", "Келишимди жибердим. Айлык баракчалары жок.")
    page.click("#write button[type=submit]")
    page.wait_for_load_state()
    assert CaseNote.objects.filter(case=case, by_person=True).count() == 1
    assert "Келишимди жибердим." in page.content()
    assert fits_the_screen(page)

    # The consulate works the case to its end and closes it with the outcome she reads.
    case.refresh_from_db()
    for action in ("documents_complete", "send_claim", "record_answer", "record_paid"):
        case = services.case_move(actor=officer_moscow, case=case, action=action)
    services.case_move(
        actor=officer_moscow, case=case, action="close", note="Иш берүүчү 3 айлык акыны 15-майда төлөдү."
    )
    page.reload()
    content = page.content()
    assert "Иш берүүчү 3 айлык акыны 15-майда төлөдү." in content
    assert page.locator("#status .badge").count() == 0 and page.locator("#write").count() == 1
    assert fits_the_screen(page)
