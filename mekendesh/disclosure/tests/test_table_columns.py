"""A table from its finest cells column by column (as a database's GROUP BY gives them) is the table
from counts; its totals are the sums of the leaves under each code, in every hierarchy; anything
but the plain case is read, and refused, as counts are."""

from __future__ import annotations

import random

import numpy as np
import pytest

from mekendesh.disclosure import Dimension, DisclosureRefused, Table
from mekendesh.disclosure.tests.support import DESTINATION, REGION, SEX


def random_tree(name: str, codes: int, rng: random.Random) -> Dimension:
    parents: dict[str, str | None] = {"_T": None}
    for number in range(codes):
        parents[f"{name}{number}"] = rng.choice(list(parents))
    return Dimension.tree(name, parents)


def test_every_total_is_the_sum_of_the_leaves_under_it_in_every_hierarchy():
    rng = random.Random(11)
    for trial in range(200):
        dimensions = [random_tree(f"d{axis}", rng.randint(0, 10), rng) for axis in range(rng.randint(1, 4))]
        leaves = np.random.default_rng(trial).integers(0, 40, size=tuple(len(item.leaves) for item in dimensions))
        table = Table(dimensions, leaves, leaf_key_sums=leaves * 7)
        expected = leaves
        for axis, dimension in enumerate(dimensions):
            expected = np.moveaxis(np.tensordot(dimension.aggregation(), expected, axes=([1], [axis])), 0, axis)
        assert (table.values == expected).all(), trial
        assert table.key_sums is not None and (table.key_sums == expected * 7).all(), trial
        assert not table.structural.any()


def test_a_table_from_columns_is_the_table_from_counts():
    rng = random.Random(5)
    cells = [
        {"destination": rng.choice(DESTINATION.leaves), "sex": rng.choice(SEX.leaves), "region": region}
        for region in rng.choices(REGION.leaves, k=60)
    ]
    counts = [rng.randint(0, 30) for _ in cells]
    keys = [rng.randint(0, 255 * count) for count in counts]
    dimensions = [DESTINATION, SEX, REGION]
    columns = {name: [cell[name] for cell in cells] for name in ("destination", "sex", "region")}
    fast = Table.from_columns(dimensions, columns, counts, key_sums=keys)
    slow = Table.from_counts(
        dimensions, list(zip(cells, counts, strict=True)), key_sums=list(zip(cells, keys, strict=True))
    )
    assert (fast.values == slow.values).all()
    assert fast.key_sums is not None and slow.key_sums is not None
    assert (fast.key_sums == slow.key_sums).all()
    # A cell given twice adds up, as it does from counts.
    twice = Table.from_columns([SEX], {"sex": ["F", "F", "M"]}, [2, 3, 4])
    assert twice.value({"sex": "F"}) == 5 and twice.value({}) == 9


@pytest.mark.parametrize(
    ("codes", "counts", "code"),
    [
        ({"destination": ["RU", "MARS"]}, [1, 2], "unknown_code"),
        ({"destination": ["RU", "KZ"]}, [1, -2], "negative_count"),
        ({"destination": ["RU", "KZ"]}, [1, 2.5], "not_a_count"),
        ({"destination": ["RU", "KZ"]}, [1, True], "not_a_count"),
        ({"destination": ["RU", "CIS"]}, [1, 5], "totals_do_not_add_up"),
    ],
)
def test_what_is_not_plain_is_refused_as_from_counts(codes, counts, code):
    with pytest.raises(DisclosureRefused) as refused:
        Table.from_columns([DESTINATION], codes, counts)
    assert refused.value.code == code


def test_an_aggregate_given_with_its_parts_is_checked_and_accepted_when_it_adds_up():
    table = Table.from_columns([DESTINATION], {"destination": ["RU", "KZ", "CIS"]}, [1, 2, 3])
    assert table.value({"destination": "CIS"}) == 3 and table.value({}) == 3
