"""Threshold suppression: primary and secondary cells, hierarchies, linked tables, zeros and ones."""

import random

import pytest

from mekendesh.disclosure import CrossTab, Dimension, DisclosureRefused, Ledger, Rules, Table, protect
from mekendesh.disclosure.tests.support import (
    AGE,
    DESTINATION,
    REGION,
    SEX,
    audit_of,
    independent_intervals,
    published_values,
    stock_table,
)

STOCK = CrossTab("stock", ("destination", "sex"))


def test_no_published_cell_holds_one_to_nine_persons():
    release = protect(stock_table(), [STOCK], release="2026-01")
    assert all(value == 0 or value >= 10 for value in published_values(release))
    kz_f = release.table("stock").cell(destination="KZ", sex="F")
    assert (kz_f.value, kz_f.obs_status, kz_f.conf_status) == (None, "O", "A")


def test_each_primary_cell_can_be_pinned_no_closer_than_the_protection_level():
    table = stock_table()
    rules = Rules(threshold=10, protection=4)
    release = protect(table, [STOCK], rules=rules, release="2026-01")
    intervals = independent_intervals(table, list(release.tables))
    primaries = [cell for cell in audit_of(release).cells if cell.primary]
    assert primaries
    for cell in primaries:
        low, high = intervals[cell.index]
        assert high - low > rules.protection, cell
        assert (cell.lower, cell.upper) == (round(low), round(high))  # the library's audit agrees
        assert cell.exact and cell.passes


def test_secondary_cells_are_flagged_apart_from_primary_ones_and_published_cells_are_true():
    table = stock_table()
    release = protect(table, [STOCK])
    statuses = {cell.conf_status for cell in release.table("stock").cells}
    assert statuses == {"F", "A", "D"}
    for cell in release.table("stock").cells:
        if cell.value is not None:
            assert cell.value == table.value(cell.cell)
            assert (cell.obs_status, cell.conf_status) == ("A", "F")


def test_published_totals_agree_with_the_published_cells_under_them():
    release = protect(stock_table(), [STOCK])
    stock = release.table("stock")
    for destination in DESTINATION.codes:
        row = [stock.cell(destination=destination, sex=sex).value for sex in ("F", "M")]
        total = stock.cell(destination=destination).value
        if total is not None and None not in row:
            assert total == sum(value or 0 for value in row)


def test_a_suppressed_subtotal_cannot_be_recovered_from_the_level_above():
    # Osh oblast's districts are small; the oblast's own total must not give them away.
    counts = {("Kara-Suu", "F"): 4, ("Kara-Suu", "M"): 30, ("Uzgen", "F"): 22, ("Uzgen", "M"): 25,
              ("Nookat", "F"): 15, ("Nookat", "M"): 2, ("KG-C", "F"): 80, ("KG-C", "M"): 95,
              ("KG-B", "F"): 120, ("KG-B", "M"): 130}  # fmt: skip
    table = Table.from_counts([REGION, SEX], counts)
    release = protect(table, [CrossTab("by-region", ("region", "sex"))])
    intervals = independent_intervals(table, list(release.tables))
    for cell in audit_of(release).cells:
        if cell.primary:
            low, high = intervals[cell.index]
            assert high - low > 4
    assert audit_of(release).passes


def test_two_ones_beside_a_published_total_are_not_left_to_each_other():
    # sdcTools UserSupport #194: in 15 = 10 + 3 + 1 + 1, suppressing the two 1s alone leaves
    # x + x = 2, and since an empty cell would have been published, both are 1.
    dimension = Dimension.flat("age", ["a", "b", "c", "d"])
    table = Table.from_counts([dimension], {("a",): 10, ("b",): 3, ("c",): 1, ("d",): 1})
    ages = CrossTab("ages", ("age",))
    release = protect(table, [ages], rules=Rules(protection=4))
    intervals = independent_intervals(table, list(release.tables))
    for code in ("c", "d"):
        low, high = intervals[table.index({"age": code})]
        assert high - low > 4
    assert release.table("ages").cell(age="a").conf_status == "D"
    # The pattern that tau-ARGUS could choose is refused by the audit.
    naive = release.tables[0].__class__(
        id="ages", dimensions=("age",), totals={"age": "_T"}, release="", method="suppression", method_version="",
        cells=tuple(
            cell.__class__(cell.cell, None if cell.cell["age"] in ("c", "d") else table.value(cell.cell),
                           "O" if cell.cell["age"] in ("c", "d") else "A",
                           "A" if cell.cell["age"] in ("c", "d") else "F")
            for cell in release.tables[0].cells
        ),
    )  # fmt: skip
    with pytest.raises(DisclosureRefused) as refused:
        Ledger().check(table, [naive], rules=Rules(protection=0))
    assert refused.value.code == "audit_failed"
    assert refused.value.params["cells"] == [{"age": "c"}, {"age": "d"}]


def test_zeros_are_published_and_never_suppressed_so_every_suppressed_cell_holds_someone():
    table = stock_table()
    release = protect(table, [STOCK])
    us_f = release.table("stock").cell(destination="US", sex="F")
    assert (us_f.value, us_f.conf_status) == (0, "F")
    assert all(cell.value > 0 for cell in audit_of(release).cells)


def test_when_empty_cells_may_be_hidden_the_audit_no_longer_counts_on_one_person_per_cell():
    table = Table.from_counts([DESTINATION], {("KZ",): 3, ("UZ",): 0, ("RU",): 40})
    by_destination = [CrossTab("d", ("destination",))]
    shown = protect(table, by_destination, rules=Rules(protection=2))
    hidden = protect(table, by_destination, rules=Rules(protection=2, zeros="hide"))
    kz = table.index({"destination": "KZ"})
    assert next(cell for cell in audit_of(shown).cells if cell.index == kz).lower == 1
    assert next(cell for cell in audit_of(hidden).cells if cell.index == kz).lower == 0
    assert shown.table("d").cell(destination="UZ").value == 0


def test_structural_zeros_are_published_as_impossible_and_never_hide_anything():
    counts = {("Kara-Suu", "F"): 30, ("Kara-Suu", "M"): 31, ("Uzgen", "F"): 3, ("Uzgen", "M"): 25,
              ("KG-C", "F"): 80, ("KG-C", "M"): 95, ("KG-B", "F"): 120, ("KG-B", "M"): 130}  # fmt: skip
    table = Table.from_counts([REGION, SEX], counts, structural_zeros=[("Nookat", "F"), ("Nookat", "M")])
    release = protect(table, [CrossTab("by-region", ("region", "sex"))], rules=Rules(zeros="hide"))
    nookat = release.table("by-region").cell(region="Nookat")
    assert (nookat.value, nookat.obs_status, nookat.conf_status) == (None, "M", "F")
    assert audit_of(release).passes


def test_a_person_in_a_cell_of_two_cannot_prove_the_other_is_there():
    table = Table.from_counts([DESTINATION, SEX], {("KZ", "F"): 2, ("KZ", "M"): 30, ("RU", "F"): 50, ("RU", "M"): 60})
    release = protect(table, [STOCK], rules=Rules(protection=3, own_count=2))
    kz_f = next(cell for cell in audit_of(release).cells if cell.cell == {"destination": "KZ", "sex": "F"})
    assert kz_f.lower <= 1
    assert kz_f.upper is not None
    assert kz_f.upper - 1 > 3


def test_cells_declared_confidential_are_suppressed_and_flagged_c():
    release = protect(stock_table(), [STOCK], confidential=[{"destination": "TR", "sex": "F"}])
    assert release.table("stock").cell(destination="TR", sex="F").conf_status == "C"
    assert audit_of(release).passes


def test_a_cell_that_nothing_can_protect_is_refused_by_name():
    table = Table.from_counts([DESTINATION], {("KZ",): 3, ("UZ",): 40, ("RU",): 40})
    keep = [{"destination": code} for code in ("UZ", "RU", "CIS", "_T")]
    with pytest.raises(DisclosureRefused) as refused:
        protect(table, [CrossTab("d", ("destination",))], keep=keep)
    assert (refused.value.code, refused.value.params) == ("cannot_protect", {"cell": {"destination": "KZ"}})


def test_a_table_whose_only_protection_is_to_suppress_everything_is_refused():
    table = Table.from_counts([SEX], {("F",): 4, ("M",): 3})
    with pytest.raises(DisclosureRefused) as refused:
        protect(table, [CrossTab("sex", ("sex",))])
    assert (refused.value.code, refused.value.params) == ("suppress_everything", {"table": "sex"})


def test_linked_tables_are_protected_together_through_their_shared_margins():
    records = []
    rng = random.Random(7)
    for destination, size in (("RU", 300), ("KZ", 24), ("TR", 40), ("KR", 15), ("US", 12)):
        for number in range(size):
            records.append(
                {
                    "destination": destination,
                    "sex": rng.choice(["F", "M", "M"]),
                    "age": rng.choice(["18-29", "30-44", "45+"]),
                    "record_key": number % 256,
                }
            )
    table = Table.from_records([DESTINATION, SEX, AGE], records)
    crosstabs = [CrossTab("by-sex", ("destination", "sex")), CrossTab("by-age", ("destination", "age"))]
    release = protect(table, crosstabs, rules=Rules(protection=3))
    intervals = independent_intervals(table, list(release.tables))
    for cell in audit_of(release).cells:
        if cell.primary:
            low, high = intervals[cell.index]
            assert high - low > 3, cell
    # Each table alone would have been protected differently; together they pass the ledger.
    Ledger().check(table, release, rules=Rules(protection=3))


def test_the_same_table_gives_the_same_pattern_however_its_input_is_ordered():
    counts = list({("RU", "F"): 412, ("RU", "M"): 978, ("KZ", "F"): 3, ("KZ", "M"): 41, ("UZ", "F"): 12,
                   ("UZ", "M"): 7, ("TR", "F"): 26, ("TR", "M"): 35, ("KR", "F"): 1, ("KR", "M"): 19}.items())  # fmt: skip
    results = set()
    for seed in range(5):
        rng = random.Random(seed)
        rng.shuffle(counts)
        parents = list(DESTINATION.parent_of.items())
        rng.shuffle(parents)
        sexes = ["M", "F"] if seed % 2 else ["F", "M"]
        table = Table.from_counts([Dimension.tree("destination", parents), Dimension.flat("sex", sexes)], counts)
        release = protect(table, [STOCK], release="2026-01")
        results.add(
            tuple((tuple(sorted(cell.cell.items())), cell.value, cell.conf_status) for cell in release.tables[0].cells)
        )
    assert len(results) == 1
