"""Statistician A builds a table of the register's stock, protects it and sends the release to
review; statistician B publishes it. The public address of the release answers 404 before and
200 after.

Headless Chromium against the live server, in Russian, axe-core on every page.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.accounts.models import User
from mekendesh.accounts.services import totp_activate
from mekendesh.conftest import PASSWORD, TOTP_SECRET
from mekendesh.statistics.models import Release, ReleaseStatus
from mekendesh.statistics.tests.support import ready_dataset, stock_register
from mekendesh.web.tests.test_browser_officer import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_statistician_submits_a_table_and_a_second_publishes_it(live_server, desk, chromium, statistician, places):
    second = User.objects.create_user(
        email="second@stat.example", password=PASSWORD, role="statistician", full_name="Second"
    )
    for user in (statistician, second):
        totp_activate(user=user, secret=TOTP_SECRET)
    stock_register(None, places)
    dataset = ready_dataset(None)
    base = live_server.url
    sign_in(desk, base, statistician.email)

    desk.goto(base + reverse("staff:statistics_releases"))
    desk.click("#new-release")
    desk.select_option("select[name=dataset]", value=str(dataset.public_id))
    desk.fill("input[name=title_ru]", "Граждане за рубежом")
    desk.click("#release-form button[type=submit]")
    desk.click("#add-table")
    desk.check("input[name=dimensions][value=destination]")
    desk.check("input[name=dimensions][value=sex]")
    desk.click("#table-form button[type=submit]")
    desk.wait_for_selector("#unprotected")
    desk.click("#protect button[type=submit]")
    desk.wait_for_selector("#published")
    # What will be published: the small cells are marked, none is shown.
    assert desk.locator("#published td[data-kind=suppressed]").count() > 0
    shown = [text.strip() for text in desk.locator("#published td[data-kind=published]").all_inner_texts()]
    assert shown and all(int(text) == 0 or int(text) >= 10 for text in shown)

    release = Release.objects.get()
    public_url = reverse("statistics:release", kwargs={"slug": release.slug})
    assert desk.request.get(base + public_url).status == 404

    desk.goto(base + reverse("staff:statistics_release", kwargs={"release_id": release.public_id}))
    desk.click("#move-submit")
    desk.wait_for_load_state()
    release.refresh_from_db()
    assert release.status == ReleaseStatus.REVIEW

    from mekendesh.tests.accessibility import checked_page

    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="ru-RU", extra_http_headers={"Accept-Language": "ru"}
    )
    try:
        page = checked_page(context)
        sign_in(page, base, second.email)
        page.goto(base + reverse("staff:statistics_release", kwargs={"release_id": release.public_id}))
        page.click("#move-publish")
        page.wait_for_selector(".status-published")
        page.axe_assert_no_violations()
    finally:
        context.close()
    release.refresh_from_db()
    assert release.status == ReleaseStatus.PUBLISHED and release.reviewed_by == second

    assert desk.request.get(base + public_url).status == 200
