"""Building tables of counts: from microdata and from counts, with hierarchies and their totals."""

import pickle
import random
import subprocess
import sys

import pytest

from mekendesh.disclosure import MESSAGES, REFUSAL_CODES, CrossTab, Dimension, DisclosureRefused, Table
from mekendesh.disclosure.tests.support import DESTINATION, REGION, SEX


def test_a_table_from_counts_adds_its_totals_up_every_hierarchy():
    table = Table.from_counts([DESTINATION, SEX], {("RU", "F"): 5, ("KZ", "M"): 7, ("US", "F"): 2})
    assert table.value({"destination": "CIS"}) == 12
    assert table.value({"destination": "CIS", "sex": "F"}) == 5
    assert table.value({"sex": "F"}) == 7
    assert table.value({}) == 14
    assert table.value(("OTHER", "_T")) == 2


def test_a_table_from_microdata_counts_persons_and_sums_their_record_keys():
    records = [
        {"destination": "RU", "sex": "F", "record_key": 200},
        {"destination": "RU", "sex": "F", "record_key": 100},
        {"destination": "KZ", "sex": "M", "record_key": 3},
    ]
    table = Table.from_records([DESTINATION, SEX], records)
    assert table.value({"destination": "RU", "sex": "F"}) == 2
    assert table.key_sums is not None
    assert int(table.key_sums.flat[table.index({"destination": "RU", "sex": "F"})]) == 300
    assert int(table.key_sums.flat[table.index({})]) == 303


def test_official_totals_that_add_up_are_accepted():
    table = Table.from_counts([DESTINATION, SEX], {("RU", "F"): 5, ("RU", "M"): 6, ("RU", "_T"): 11, ("_T", "_T"): 11})
    assert table.value({"destination": "RU"}) == 11


def test_totals_that_do_not_add_up_are_refused_with_the_cell_named():
    with pytest.raises(DisclosureRefused) as refused:
        Table.from_counts([DESTINATION, SEX], {("RU", "F"): 5, ("RU", "M"): 6, ("RU", "_T"): 12})
    assert refused.value.code == "totals_do_not_add_up"
    assert refused.value.params == {"cell": {"destination": "RU"}, "stated": 12, "computed": 11}
    assert str(refused.value) == "The cell (destination=RU) is given as 12, but the cells under it add up to 11."


def test_a_negative_count_is_refused():
    with pytest.raises(DisclosureRefused) as refused:
        Table.from_counts([DESTINATION, SEX], {("KZ", "F"): -1})
    assert refused.value.code == "negative_count"
    assert refused.value.params["cell"] == {"destination": "KZ", "sex": "F"}


def test_a_count_that_is_not_a_whole_number_is_refused():
    with pytest.raises(DisclosureRefused) as refused:
        Table.from_counts([DESTINATION, SEX], {("KZ", "F"): 2.5})
    assert refused.value.code == "not_a_count"


def test_an_unknown_code_is_refused_with_its_dimension():
    with pytest.raises(DisclosureRefused) as refused:
        Table.from_counts([DESTINATION, SEX], {("XX", "F"): 1})
    assert (refused.value.code, refused.value.params) == ("unknown_code", {"dimension": "destination", "code": "XX"})


def test_a_person_counted_in_a_total_is_refused():
    with pytest.raises(DisclosureRefused) as refused:
        Table.from_records([DESTINATION, SEX], [{"destination": "CIS", "sex": "F", "record_key": 1}])
    assert refused.value.code == "not_a_leaf"
    assert refused.value.params == {"record": 1, "dimension": "destination", "code": "CIS"}


def test_a_record_without_a_value_or_a_key_is_refused_by_its_number():
    with pytest.raises(DisclosureRefused) as refused:
        Table.from_records(
            [DESTINATION, SEX], [{"destination": "RU", "sex": "F", "record_key": 1}, {"destination": "RU"}]
        )
    assert (refused.value.code, refused.value.params) == ("missing_value", {"record": 2, "dimension": "sex"})
    with pytest.raises(DisclosureRefused) as refused:
        Table.from_records([DESTINATION, SEX], [{"destination": "RU", "sex": "F"}])
    assert refused.value.code == "missing_record_key"


def test_a_record_key_outside_the_ons_range_is_refused():
    with pytest.raises(DisclosureRefused) as refused:
        Table.from_records([DESTINATION, SEX], [{"destination": "RU", "sex": "F", "record_key": 256}])
    assert refused.value.params == {"record": 1, "key": 256, "largest": 255}


def test_a_structural_zero_must_be_empty_and_makes_its_totals_structural_when_all_are():
    table = Table.from_counts([REGION, SEX], {("Uzgen", "F"): 4}, structural_zeros=[("Nookat", "F"), ("Nookat", "M")])
    assert table.structural.flat[table.index({"region": "Nookat"})]
    assert not table.structural.flat[table.index({"region": "KG-O"})]
    with pytest.raises(DisclosureRefused) as refused:
        Table.from_counts([REGION, SEX], {("Uzgen", "F"): 4}, structural_zeros=[("Uzgen", "F")])
    assert refused.value.code == "structural_zero_not_zero"


@pytest.mark.parametrize(
    ("parents", "code"),
    [
        ({"_T": None, "A": "_T", "B": "Z"}, "unknown_parent"),
        ({"_T": None, "A": None}, "not_one_total"),
        ({"_T": None, "A": "B", "B": "A"}, "hierarchy_cycle"),
        ({}, "empty_dimension"),
    ],
)
def test_a_broken_hierarchy_is_refused(parents, code):
    with pytest.raises(DisclosureRefused) as refused:
        Dimension.tree("region", parents)
    assert refused.value.code == code


def test_a_code_listed_twice_is_refused():
    with pytest.raises(DisclosureRefused) as refused:
        Dimension.flat("sex", ["F", "M", "F"])
    assert refused.value.code == "duplicate_code"


def test_the_order_codes_are_given_in_does_not_change_the_table():
    pairs = list(REGION.parent_of.items())
    random.Random(4).shuffle(pairs)
    shuffled = Dimension.tree("region", pairs)
    assert shuffled.codes == REGION.codes
    assert shuffled == REGION


def test_a_cross_tabulation_is_the_lattice_with_the_other_dimensions_at_their_totals():
    table = Table.from_counts([DESTINATION, SEX], {("RU", "F"): 5})
    cells = table.crosstab_cells(CrossTab("by-destination", ("destination",)))
    assert [table.cell(int(cell), ("destination",)) for cell in cells][:3] == [
        {"destination": "_T"},
        {"destination": "CIS"},
        {"destination": "KZ"},
    ]
    assert all(table.cell(int(cell))["sex"] == "_T" for cell in cells)


def test_every_refusal_code_has_a_sentence_and_survives_pickling():
    assert set(MESSAGES) == REFUSAL_CODES
    refusal = DisclosureRefused("differencing", tables=["b@2"], cells=[{"destination": "KZ"}], published=["a@1"])
    copy = pickle.loads(pickle.dumps(refusal))  # noqa: S301 (bytes made by this test)
    assert (copy.code, copy.params) == (refusal.code, refusal.params)
    assert (
        str(copy) == "Publishing b@2 would reveal (destination=KZ) by difference with what was already published (a@1)."
    )
    with pytest.raises(ValueError):
        DisclosureRefused("no_such_code")


def test_the_library_imports_no_django():
    code = "import sys, mekendesh.disclosure; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
