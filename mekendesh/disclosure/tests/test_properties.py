"""Properties of every protected table, on random tables with hierarchies (hypothesis)."""

import math

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mekendesh.disclosure import CrossTab, Dimension, DisclosureRefused, Rules, Table, protect
from mekendesh.disclosure.system import LinearSystem
from mekendesh.disclosure.tests.support import audit_of, independent_intervals

REGION = Dimension.tree(
    "region", {"KG": None, "North": "KG", "South": "KG", "Chui": "North", "Talas": "North", "Osh": "South", "Batken": "South", "Jalal-Abad": "South"}
)  # fmt: skip
SEX = Dimension.flat("sex", ["F", "M"])
AGE = Dimension.flat("age", ["young", "middle", "old"])

small_or_large = st.one_of(st.integers(0, 12), st.integers(0, 12), st.integers(10, 80))


@st.composite
def cases(draw):
    three = draw(st.booleans())
    dimensions = [REGION, SEX, AGE] if three else [REGION, SEX]
    shape = [len(dimension.leaves) for dimension in dimensions]
    counts = draw(st.lists(small_or_large, min_size=int(np.prod(shape)), max_size=int(np.prod(shape))))
    table = Table.from_counts(
        dimensions,
        {
            tuple(dimension.leaves[i] for dimension, i in zip(dimensions, index, strict=True)): count
            for index, count in zip(np.ndindex(*shape), counts, strict=True)
        },
    )
    if three and draw(st.booleans()):
        crosstabs = [CrossTab("by-sex", ("region", "sex")), CrossTab("by-age", ("region", "age"))]
    else:
        crosstabs = [CrossTab("all", tuple(dimension.name for dimension in dimensions))]
    rules = Rules(
        threshold=draw(st.sampled_from([3, 5, 10])),
        protection=draw(st.integers(0, 5)),
        zeros=draw(st.sampled_from(["publish", "hide"])),
    )
    return table, crosstabs, rules


def protected(table, crosstabs, rules):
    try:
        return protect(table, crosstabs, rules=rules, release="r")
    except DisclosureRefused as refused:
        code = refused.code
    # The only honest answers besides a protected table.
    assert code in {"suppress_everything", "cannot_protect"}
    return None


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(cases())
def test_no_published_cell_holds_fewer_persons_than_the_threshold_except_empty_ones(case):
    table, crosstabs, rules = case
    release = protected(table, crosstabs, rules)
    if release is None:
        return
    for published in release.tables:
        for cell in published.cells:
            if cell.value is not None:
                assert cell.value == 0 or cell.value >= rules.threshold
                assert cell.value == table.value(cell.cell)
            elif 1 <= table.value(cell.cell) < rules.threshold:
                assert cell.conf_status == "A"


@PROPERTY
@given(cases())
def test_every_primary_cell_interval_is_wider_than_the_protection_level(case):
    table, crosstabs, rules = case
    release = protected(table, crosstabs, rules)
    if release is None:
        return
    intervals = independent_intervals(table, list(release.tables), lower_bound=rules.lower_bound)
    audit = audit_of(release)
    assert audit.passes
    for cell in audit.cells:
        low, high = intervals[cell.index]
        low, high = math.ceil(low - 1e-6), high if math.isinf(high) else math.floor(high + 1e-6)
        assert (cell.lower, cell.upper) == (low, None if math.isinf(high) else high)  # the audit is exact here
        if cell.primary:
            if 1 <= cell.value <= rules.own_count:
                system = LinearSystem(table, crosstabs)
                finest = bool(system.finest[system.position(np.array([cell.index]))[0]])
                if finest:
                    assert low <= 1
                low = max(low, 1)
            assert high - low > rules.protection, cell


@PROPERTY
@given(cases())
def test_the_published_cells_add_up_wherever_a_total_and_its_parts_are_all_published(case):
    table, crosstabs, rules = case
    release = protected(table, crosstabs, rules)
    if release is None:
        return
    system = LinearSystem(table, crosstabs)
    shown = np.full(system.cells.size, np.nan)
    for published in release.tables:
        for cell in published.cells:
            if cell.value is not None:
                shown[int(system.position(np.array([table.index(cell.cell)]))[0])] = cell.value
    matrix = system.matrix.tocsr()
    for row in range(matrix.shape[0]):
        columns = matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]
        if not np.isnan(shown[columns]).any():
            assert matrix.data[matrix.indptr[row] : matrix.indptr[row + 1]] @ shown[columns] == 0


@settings(max_examples=25, deadline=None)
@given(cases())
def test_the_same_table_and_rules_give_the_same_cells_every_time(case):
    table, crosstabs, rules = case
    first = protected(table, crosstabs, rules)
    second = protected(table, crosstabs, rules)
    assert (first is None) == (second is None)
    if first is not None and second is not None:
        assert first.tables == second.tables
