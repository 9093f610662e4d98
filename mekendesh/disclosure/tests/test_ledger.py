"""The release ledger: a new table is checked against every table published before from the same data."""

import pytest

from mekendesh.disclosure import CrossTab, DisclosureRefused, Ledger, Rules, Table, perturb, protect
from mekendesh.disclosure.tests.support import AGE, DESTINATION, SEX, audit_of, independent_intervals

# Kazakhstan: three women, 41 men in three age groups of 13 to 14 each.
COUNTS = {
    ("RU", "F", "18-29"): 150, ("RU", "F", "30-44"): 160, ("RU", "F", "45+"): 102,
    ("RU", "M", "18-29"): 300, ("RU", "M", "30-44"): 420, ("RU", "M", "45+"): 258,
    ("KZ", "F", "18-29"): 1, ("KZ", "F", "30-44"): 2, ("KZ", "F", "45+"): 0,
    ("KZ", "M", "18-29"): 14, ("KZ", "M", "30-44"): 13, ("KZ", "M", "45+"): 14,
    ("UZ", "F", "18-29"): 12, ("UZ", "F", "30-44"): 0, ("UZ", "F", "45+"): 0,
    ("UZ", "M", "18-29"): 4, ("UZ", "M", "30-44"): 3, ("UZ", "M", "45+"): 0,
    ("TR", "F", "18-29"): 10, ("TR", "F", "30-44"): 10, ("TR", "F", "45+"): 6,
    ("TR", "M", "18-29"): 12, ("TR", "M", "30-44"): 13, ("TR", "M", "45+"): 10,
}  # fmt: skip
RULES = Rules(threshold=10, protection=4)
BY_SEX = CrossTab("stock-by-sex", ("destination", "sex"))
BY_SEX_AGE = CrossTab("stock-by-sex-age", ("destination", "sex", "age"))


def data() -> Table:
    return Table.from_counts([DESTINATION, SEX, AGE], COUNTS)


def test_a_second_release_that_would_reveal_a_cell_by_difference_is_refused():
    table = data()
    january = protect(table, [BY_SEX], rules=RULES, release="2026-01")
    assert january.table("stock-by-sex").cell(destination="KZ").value == 44
    # Protected on its own, the finer table is safe, and it hides Kazakhstan's total — which
    # January published: with it, February's cells pin the women of Kazakhstan.
    february = protect(table, [BY_SEX_AGE], rules=RULES, release="2026-02")
    assert audit_of(february).passes
    assert february.table("stock-by-sex-age").cell(destination="KZ").value is None
    with pytest.raises(DisclosureRefused) as refused:
        Ledger(january.tables).check(table, february, rules=RULES)
    assert refused.value.code == "differencing"
    cells = refused.value.params["cells"]
    assert isinstance(cells, list)
    assert cells
    assert all(cell["destination"] == "KZ" and cell["sex"] == "F" for cell in cells)
    assert refused.value.params["tables"] == ["stock-by-sex-age@2026-02"]
    assert refused.value.params["published"] == ["stock-by-sex@2026-01"]


def test_a_release_protected_with_the_ledger_passes_the_check_and_keeps_earlier_suppressions():
    table = data()
    january = protect(table, [BY_SEX], rules=RULES, release="2026-01")
    ledger = Ledger(january.tables)
    february = protect(table, [BY_SEX_AGE], rules=RULES, release="2026-02", ledger=ledger)
    audit = ledger.check(table, february, rules=RULES)
    assert audit.passes
    finer = february.table("stock-by-sex-age")
    for cell in january.table("stock-by-sex").cells:
        if cell.value is None:
            assert finer.cell(**cell.cell).value is None  # suppressed before, suppressed again
    everything = [*january.tables, *february.tables]
    intervals = independent_intervals(table, everything)
    for audited in audit.cells:
        if audited.primary:
            low, high = intervals[audited.index]
            assert high - low > RULES.protection, audited


def test_a_ledger_whose_values_the_data_no_longer_give_is_refused():
    table = data()
    january = protect(table, [BY_SEX], rules=RULES, release="2026-01")
    other = Table.from_counts([DESTINATION, SEX, AGE], {**COUNTS, ("RU", "F", "18-29"): 151})
    with pytest.raises(DisclosureRefused) as refused:
        Ledger(january.tables).check(other, protect(other, [BY_SEX_AGE], rules=RULES), rules=RULES)
    assert refused.value.code == "inconsistent_ledger"


def test_perturbed_tables_are_recorded_but_not_taken_as_true_sums():
    records = [
        {"destination": d, "sex": s, "age": a, "record_key": (7 * n + len(d)) % 256}
        for (d, s, a), count in COUNTS.items()
        for n in range(count)
    ]
    table = Table.from_records([DESTINATION, SEX, AGE], records)
    perturbed = perturb(table, [BY_SEX_AGE], release="2026-01")
    ledger = Ledger(perturbed.tables)
    assert ledger.exact() == ()
    release = protect(table, [BY_SEX], rules=RULES, release="2026-02", ledger=ledger)
    assert ledger.check(table, release, rules=RULES).passes


def test_the_ledger_lists_its_tables_in_a_canonical_order():
    table = data()
    january = protect(table, [BY_SEX], rules=RULES, release="2026-01")
    february = protect(table, [BY_SEX_AGE], rules=RULES, release="2026-02", ledger=Ledger(january.tables))
    assert Ledger([*february.tables, *january.tables]).tables == Ledger(january.tables).with_release(february).tables


def test_groups_too_large_to_solve_whole_are_checked_with_moves_and_still_refuse_a_bad_pattern():
    table = data()
    small_groups = Rules(threshold=10, protection=4, exact_limit=2)
    january = protect(table, [BY_SEX], rules=small_groups, release="2026-01")
    audit = Ledger().check(table, january, rules=small_groups)
    assert audit.passes
    assert any(not cell.exact for cell in audit.cells)
    february = protect(table, [BY_SEX_AGE], rules=small_groups, release="2026-02")
    with pytest.raises(DisclosureRefused) as refused:
        Ledger(january.tables).check(table, february, rules=small_groups)
    assert refused.value.code == "differencing"
