"""A release's tables protected at once: the tables of one indicator are cross-tabulations of one
table of the data set, built once, and are protected in the release's order, each against the ones
before it — what protecting them one by one in that order stores; the patterns pass the audit over
every table of the release and every table already published; a refusal names the table to
change and changes nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mekendesh.accounts.models import User
from mekendesh.audit.models import AuditEvent
from mekendesh.disclosure import Ledger, Rules
from mekendesh.statistics import services
from mekendesh.statistics.indicators import table_for
from mekendesh.statistics.models import Method, ReleaseStatus, ReleaseTable
from mekendesh.statistics.tests.support import ready_dataset, stock_register

pytestmark = pytest.mark.django_db

# Linked tables of the stock: they share the margins of destination and of sex.
TABLES = (("destination", "sex"), ("sex", "age"), ("destination",), ("sex",))


@pytest.fixture
def second_statistician(db):
    return User.objects.create_user(
        email="second@stat.example", password="x-long-password-1", role="statistician", full_name="Second"
    )


@pytest.fixture
def dataset(places):
    stock_register(None, places)
    return ready_dataset(None)


def drafted(statistician, dataset, tables=TABLES, title="Citizens abroad", **extra):
    release = services.release_create(actor=statistician, dataset=dataset, title=title)
    for dimensions in tables:
        services.release_table_add(
            actor=statistician, release=release, indicator="stock", dimensions=list(dimensions), **extra
        )
    return release


def cells_by_code(release):
    return {table.code: table.cells for table in release.tables.order_by("order", "pk")}


def publish(release, submitter, reviewer):
    release.refresh_from_db()
    services.release_submit(actor=submitter, release=release)
    release.refresh_from_db()
    services.release_publish(actor=reviewer, release=release)
    release.refresh_from_db()
    return release


def test_every_table_of_a_release_is_protected_in_one_pass_and_publishes_no_small_count(statistician, dataset):
    release = drafted(statistician, dataset)
    protected = services.release_protect(actor=statistician, release=release)
    assert [table.code for table in protected] == list(cells_by_code(release))
    assert all(table.protected_at is not None for table in release.tables.all())
    for cells in cells_by_code(release).values():
        assert cells
        assert not [cell for cell in cells if cell["value"] is not None and 1 <= cell["value"] < 10]
    # Sverdlovsk's three women are hidden in the table by destination and sex; the same cell is
    # not in the others, which publish their margins (the 72 people abroad among them).
    by_sex = cells_by_code(release)["stock-destination-sex"]
    assert {"destination": "RU-SVE", "sex": "F"} in [cell["cell"] for cell in by_sex if cell["value"] is None]
    assert {"cell": {"sex": "_T"}, "value": 72, "obs_status": "A", "conf_status": "F"} in cells_by_code(release)[
        "stock-sex"
    ]


def test_the_release_stores_what_protecting_its_tables_one_by_one_in_its_order_stores(statistician, dataset):
    at_once = drafted(statistician, dataset, title="At once")
    services.release_protect(actor=statistician, release=at_once)
    expected = cells_by_code(at_once)
    one_by_one = drafted(statistician, dataset, title="One by one")
    for table in one_by_one.tables.order_by("order", "pk"):
        services.release_table_protect(actor=statistician, table=table)
    assert cells_by_code(one_by_one) == expected
    # Protected in another order first, the release protected at once stores the same again.
    again = drafted(statistician, dataset, title="Again")
    for table in again.tables.order_by("-order", "-pk"):
        services.release_table_protect(actor=statistician, table=table)
    services.release_protect(actor=statistician, release=again)
    assert cells_by_code(again) == expected
    services.release_protect(actor=statistician, release=at_once)
    assert cells_by_code(at_once) == expected


def test_the_pattern_passes_the_audit_over_every_table_of_the_release(statistician, dataset):
    release = drafted(statistician, dataset)
    services.release_protect(actor=statistician, release=release)
    tables = list(release.tables.order_by("order", "pk"))
    published = [services._published_table(table, release.slug) for table in tables]
    data = table_for(dataset, "stock", ["destination", "sex", "age"])
    audit = Ledger().check(data, published, rules=Rules(threshold=10, protection=4))
    assert audit.passes
    primary = [cell for cell in audit.cells if cell.primary]
    assert primary  # the small cells are audited, each with an interval wider than the protection level
    for cell in primary:
        assert cell.upper is None or cell.upper - max(cell.lower, 1) > 4


def test_a_table_protected_after_the_others_is_protected_against_them_and_leaves_them_as_they_are(
    statistician, second_statistician, dataset
):
    release = drafted(statistician, dataset, tables=(("destination",), ("destination", "sex")))
    first, second = release.tables.order_by("order", "pk")
    services.release_table_protect(actor=statistician, table=first)
    alone = release.tables.get(pk=first.pk).cells
    before = AuditEvent.objects.count()
    services.release_table_protect(actor=statistician, table=second)
    assert release.tables.get(pk=first.pk).cells == alone
    assert AuditEvent.objects.count() - before == 1
    # Sverdlovsk's three women stay hidden, and the two tables together pass the publication's check.
    by_sex = release.tables.get(pk=second.pk).cells
    assert {"destination": "RU-SVE", "sex": "F"} in [cell["cell"] for cell in by_sex if cell["value"] is None]
    assert publish(release, statistician, second_statistician).status == ReleaseStatus.PUBLISHED


def test_a_release_protected_after_a_publication_keeps_the_suppressions_already_published(
    statistician, second_statistician, dataset
):
    first = drafted(statistician, dataset, tables=(("destination", "sex"),), title="First")
    services.release_protect(actor=statistician, release=first)
    publish(first, statistician, second_statistician)
    hidden = {str(cell["cell"]) for cell in cells_by_code(first)["stock-destination-sex"] if cell["value"] is None}
    second = drafted(statistician, dataset, tables=(("destination", "sex"), ("sex", "age")), title="Second")
    services.release_protect(actor=statistician, release=second)
    again = cells_by_code(second)["stock-destination-sex"]
    assert hidden <= {str(cell["cell"]) for cell in again if cell["value"] is None}
    assert publish(second, statistician, second_statistician).status == ReleaseStatus.PUBLISHED


def test_a_release_that_cannot_be_protected_names_the_table_and_changes_nothing(statistician, dataset):
    release = drafted(statistician, dataset, tables=(("destination",),))
    services.release_table_add(
        actor=statistician,
        release=release,
        indicator="stock",
        dimensions=["destination"],
        filters={"sex": "F"},
        threshold=30,
        title="Women by destination",
    )
    with pytest.raises(services.ProtectionRefused, match=r"Women by destination.*Choose fewer dimensions") as refused:
        services.release_protect(actor=statistician, release=release)
    assert refused.value.table == release.tables.get(title_en="Women by destination").code
    assert not release.tables.filter(protected_at__isnull=False).exists()


def test_a_perturbed_table_is_protected_on_its_own_beside_the_suppressed_ones(statistician, dataset):
    release = drafted(statistician, dataset, tables=(("destination",),))
    services.release_table_add(
        actor=statistician, release=release, indicator="stock", dimensions=["sex"], method=Method.CELL_KEY
    )
    services.release_protect(actor=statistician, release=release)
    perturbed = release.tables.get(method=Method.CELL_KEY)
    alone = drafted(statistician, dataset, tables=(("sex",),), title="Alone", method=Method.CELL_KEY)
    services.release_protect(actor=statistician, release=alone)
    assert perturbed.cells == alone.tables.get().cells
    assert {cell["obs_status"] for cell in perturbed.cells if cell["value"] is not None} == {"E"}


def test_a_published_release_cannot_be_protected_again(statistician, second_statistician, dataset):
    release = drafted(statistician, dataset, tables=(("destination",),))
    services.release_protect(actor=statistician, release=release)
    publish(release, statistician, second_statistician)
    with pytest.raises(ValidationError, match="published and can no longer be changed"):
        services.release_protect(actor=statistician, release=release)


def test_the_release_page_protects_every_table_at_once(sign_in, statistician, dataset):
    release = drafted(statistician, dataset)
    client = sign_in(statistician)
    url = reverse("staff:statistics_release", kwargs={"release_id": release.public_id})
    assert 'id="protect-all"' in client.get(url).content.decode()
    page = client.post(url, {"do": "protect"}, follow=True).content.decode()
    assert "Every table is protected" in page
    assert not ReleaseTable.objects.filter(release=release, protected_at__isnull=True).exists()
