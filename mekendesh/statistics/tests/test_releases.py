"""Releases: protection before publication, the four-eyes review, immutability, the ledger
across releases, corrections."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from mekendesh.accounts.models import User
from mekendesh.statistics import services
from mekendesh.statistics.models import Method, ReleaseStatus
from mekendesh.statistics.tests.support import ready_dataset, stock_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_statistician(db):
    return User.objects.create_user(
        email="second@stat.example", password="x-long-password-1", role="statistician", full_name="Second"
    )


@pytest.fixture
def dataset(places):
    stock_register(None, places)
    return ready_dataset(None)


def built(statistician, dataset, dimensions=("destination", "sex"), method=Method.SUPPRESSION, **extra):
    release = services.release_create(actor=statistician, dataset=dataset, title="Citizens abroad 2026")
    table = services.release_table_add(
        actor=statistician, release=release, indicator="stock", dimensions=list(dimensions), method=method, **extra
    )
    services.release_table_protect(actor=statistician, table=table)
    release.refresh_from_db()
    return release


def publish(release, submitter, reviewer):
    services.release_submit(actor=submitter, release=release)
    release.refresh_from_db()
    services.release_publish(actor=reviewer, release=release)
    release.refresh_from_db()
    return release


def values(release):
    return [cell for table in release.tables.all() for cell in table.cells]


def test_no_published_cell_lies_between_one_and_the_threshold(statistician, dataset):
    release = built(statistician, dataset)
    cells = values(release)
    assert cells
    assert not [cell for cell in cells if cell["value"] is not None and 1 <= cell["value"] < 10]
    # The 72 people abroad are shown; the three women in Sverdlovsk and the two men in Korea are not.
    assert {"cell": {"destination": "_T", "sex": "_T"}, "value": 72, "obs_status": "A", "conf_status": "F"} in cells
    hidden = [cell for cell in cells if cell["value"] is None]
    assert {"destination": "RU-SVE", "sex": "F"} in [cell["cell"] for cell in hidden]
    # The public never learns which suppressed cells are the small ones.
    assert {cell["conf_status"] for cell in hidden} == {"C"}


def test_cell_key_perturbation_publishes_no_small_count(statistician, dataset):
    release = built(statistician, dataset, method=Method.CELL_KEY)
    shown = [cell["value"] for cell in values(release) if cell["value"] is not None]
    assert shown and min(shown) >= 10
    assert {cell["obs_status"] for cell in values(release) if cell["value"] is not None} == {"E"}


def test_the_one_who_submitted_cannot_publish(statistician, second_statistician, dataset):
    release = built(statistician, dataset)
    services.release_submit(actor=statistician, release=release)
    release.refresh_from_db()
    with pytest.raises(ValidationError, match="another statistician"):
        services.release_publish(actor=statistician, release=release)
    services.release_publish(actor=second_statistician, release=release)
    release.refresh_from_db()
    assert release.status == ReleaseStatus.PUBLISHED and release.published_at is not None
    assert release.reviewed_by == second_statistician


def test_a_release_in_review_can_be_returned_to_draft(statistician, second_statistician, dataset):
    release = built(statistician, dataset)
    services.release_submit(actor=statistician, release=release)
    release.refresh_from_db()
    services.release_return(actor=second_statistician, release=release, note="Add a table by age")
    release.refresh_from_db()
    assert release.status == ReleaseStatus.DRAFT
    services.release_update(actor=statistician, release=release, title="Citizens abroad, 1 January 2026")


def test_a_release_with_an_unprotected_table_cannot_be_submitted(statistician, dataset):
    release = services.release_create(actor=statistician, dataset=dataset, title="Draft")
    services.release_table_add(actor=statistician, release=release, indicator="stock", dimensions=["sex"])
    with pytest.raises(ValidationError, match="Protect every table"):
        services.release_submit(actor=statistician, release=release)


def test_a_published_release_cannot_be_changed(statistician, second_statistician, dataset):
    release = publish(built(statistician, dataset), statistician, second_statistician)
    table = release.tables.get()
    for change in (
        lambda: services.release_update(actor=statistician, release=release, title="Other"),
        lambda: services.release_table_add(actor=statistician, release=release, indicator="stock", dimensions=["sex"]),
        lambda: services.release_table_protect(actor=statistician, table=table),
        lambda: services.release_table_remove(actor=statistician, table=table),
        lambda: services.release_return(actor=second_statistician, release=release),
    ):
        with pytest.raises(ValidationError, match=r"published and can no longer be changed|Only a release in review"):
            change()
    assert release.tables.get().cells == table.cells


def test_a_cross_tabulation_that_would_reveal_a_suppressed_cell_by_difference_is_refused(
    statistician, second_statistician, dataset
):
    """Two drafts protected side by side, each safe on its own: destinations by sex with a
    threshold of 10, and the same with a threshold of 3. Once the first is published, the second
    would show Sverdlovsk's three women, suppressed in the first, and publishing it is refused."""
    by_sex = built(statistician, dataset)
    women = services.release_create(actor=statistician, dataset=dataset, title="Women abroad")
    table = services.release_table_add(
        actor=statistician, release=women, indicator="stock", dimensions=["destination", "sex"], threshold=3
    )
    services.release_table_protect(actor=statistician, table=table)
    services.release_submit(actor=statistician, release=women)
    publish(by_sex, statistician, second_statistician)
    women.refresh_from_db()
    with pytest.raises(ValidationError, match="by difference with tables already published"):
        services.release_publish(actor=second_statistician, release=women)
    women.refresh_from_db()
    assert women.status == ReleaseStatus.REVIEW


def test_a_table_protected_after_a_publication_keeps_its_suppressions(statistician, second_statistician, dataset):
    publish(built(statistician, dataset), statistician, second_statistician)
    women = services.release_create(actor=statistician, dataset=dataset, title="Women abroad")
    table = services.release_table_add(
        actor=statistician, release=women, indicator="stock", dimensions=["destination"], filters={"sex": "F"}
    )
    services.release_table_protect(actor=statistician, table=table)
    publish(women, statistician, second_statistician)
    assert women.status == ReleaseStatus.PUBLISHED


def test_a_table_whose_only_protection_is_to_suppress_everything_is_refused(statistician, dataset):
    release = services.release_create(actor=statistician, dataset=dataset, title="Too fine")
    table = services.release_table_add(
        actor=statistician,
        release=release,
        indicator="stock",
        dimensions=["destination"],
        filters={"sex": "F"},
        threshold=30,
    )
    with pytest.raises(ValidationError, match="Choose fewer dimensions"):
        services.release_table_protect(actor=statistician, table=table)


def test_a_correction_names_what_it_corrects_and_what_changed(statistician, second_statistician, dataset):
    release = publish(built(statistician, dataset), statistician, second_statistician)
    with pytest.raises(ValidationError, match="Say what the correction changes"):
        services.release_correct(actor=statistician, release=release, changes="  ")
    correction = services.release_correct(
        actor=statistician, release=release, changes="The Sverdlovsk figures counted ended stays."
    )
    assert correction.corrects == release and correction.status == ReleaseStatus.DRAFT
    assert correction.changes == "The Sverdlovsk figures counted ended stays."
    assert correction.slug != release.slug
    assert [table.indicator for table in correction.tables.all()] == ["stock"]


def test_a_table_of_one_year_of_departures_is_published(statistician, second_statistician, dataset):
    release = services.release_create(actor=statistician, dataset=dataset, title="Departures in 2025")
    table = services.release_table_add(
        actor=statistician, release=release, indicator="departures", dimensions=["month", "destination"], period="2025"
    )
    services.release_table_protect(actor=statistician, table=table)
    release.refresh_from_db()
    published = publish(release, statistician, second_statistician)
    assert published.status == "published"
    months = {cell["cell"]["month"] for cell in values(published)}
    assert months and all(month.startswith("2025") for month in months)
