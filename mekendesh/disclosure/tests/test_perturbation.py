"""Cell-key perturbation, checked against the ONS's own package on the same microdata and ptable."""

import sysconfig
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from cell_key_perturbation.create_perturbed_table import create_perturbed_table
from cell_key_perturbation.utils.generate_test_data import generate_test_data
from cell_key_perturbation.utils.generate_test_ptable import generate_ptable_10_5_rule

from mekendesh.disclosure import (
    BUNDLED_VERSION,
    RECORD_KEY_RANGE,
    CrossTab,
    Dimension,
    DisclosureRefused,
    PerturbationTable,
    Table,
    perturb,
    record_key_new,
)
from mekendesh.disclosure.perturbation import BUNDLED_SHA256, ptable_generate
from mekendesh.disclosure.tests.support import DESTINATION, SEX

VARIABLES = ("var1", "var5", "var8")


@pytest.fixture(scope="module")
def micro():
    """The ONS package's own test microdata: 1,000 records with record keys from 0 to 255."""
    return generate_test_data()


@pytest.fixture(scope="module")
def ons_example_ptable_path(tmp_path_factory):
    """The ONS example ptable (threshold 10, rounding to base 5) as the package installs it."""
    installed = Path(sysconfig.get_path("data")) / "ptable_10_5_rule.csv"
    if installed.exists():
        return installed
    path = tmp_path_factory.mktemp("ptable") / "ptable_10_5_rule.csv"
    generate_ptable_10_5_rule().to_csv(path, index=False)
    return path


def ours(micro, ptable, variables, threshold=10):
    dimensions = [Dimension.flat(name, sorted({str(value) for value in micro[name]})) for name in VARIABLES]
    records = [
        {**{name: str(getattr(row, name)) for name in VARIABLES}, "record_key": int(row.record_key)}
        for row in micro.itertuples()
    ]
    table = Table.from_records(dimensions, records)
    release = perturb(table, [CrossTab("t", variables)], ptable=ptable, threshold=threshold)
    return {
        tuple(cell.cell[name] for name in variables): cell.value
        for cell in release.tables[0].cells
        if all(cell.cell[name] != "_T" for name in variables)
    }


def theirs(micro, ptable_frame, geography, variables, threshold=10):
    result = create_perturbed_table(
        data=micro,
        ptable=ptable_frame,
        geog=geography,
        tab_vars=variables,
        record_key="record_key",
        threshold=threshold,
    )
    names = geography + variables
    return {
        tuple(str(getattr(row, name)) for name in names): None if pd.isna(row.count) else int(row.count)
        for row in result.itertuples()
    }


def long_frame(ptable: PerturbationTable) -> pd.DataFrame:
    pcv, ckey = np.nonzero(np.ones_like(ptable.noise[1:], dtype=bool))
    return pd.DataFrame({"pcv": pcv + 1, "ckey": ckey, "pvalue": ptable.noise[1:][pcv, ckey]})


@pytest.mark.parametrize(
    ("geography", "variables"),
    [(["var1"], ["var5", "var8"]), ([], ["var1", "var5"]), (["var1"], []), ([], ["var8"])],
)
def test_our_cells_equal_the_ons_package_on_its_example_ptable(micro, ons_example_ptable_path, geography, variables):
    ptable = PerturbationTable.from_csv(ons_example_ptable_path, version="ons-10-5-example")
    expected = theirs(micro, pd.read_csv(ons_example_ptable_path), geography, variables)
    assert ours(micro, ptable, tuple(geography + variables)) == expected
    assert len(expected) > 1


@pytest.mark.parametrize("threshold", [0, 5, 10, 20])
def test_our_cells_equal_the_ons_package_on_our_bundled_ptable(micro, threshold):
    # The bundled table's noise depends on the cell key, unlike the ONS example's: this checks
    # the cell keys themselves.
    ptable = PerturbationTable.bundled()
    expected = theirs(micro, long_frame(ptable), ["var1"], ["var5", "var8"], threshold=threshold)
    assert ours(micro, ptable, VARIABLES, threshold=threshold) == expected


def test_counts_beyond_the_ptable_reuse_its_upper_rows_as_the_ons_package_does():
    ptable = PerturbationTable.bundled()
    rng = np.random.default_rng(3)
    micro = pd.DataFrame(
        {
            "var1": rng.choice(["1", "2"], size=2000, p=[0.9, 0.1]),
            "var5": ["1"] * 2000,
            "var8": ["A"] * 2000,
            "record_key": rng.integers(0, 256, size=2000),
        }
    )
    expected = theirs(micro, long_frame(ptable), ["var1"], [])
    assert max(value for value in expected.values() if value is not None) > 750
    assert ours(micro, ptable, ("var1",)) == expected


def test_the_same_cell_gets_the_same_noise_in_every_table_and_release():
    records = [
        {"destination": destination, "sex": sex, "record_key": (37 * number) % 256}
        for number, (destination, sex) in enumerate([("RU", "F")] * 40 + [("RU", "M")] * 55 + [("KZ", "M")] * 23)
    ]
    table = Table.from_records([DESTINATION, SEX], records)
    first = perturb(table, [CrossTab("by-sex", ("destination", "sex"))], release="2026-01")
    second = perturb(table, [CrossTab("by-destination", ("destination",))], release="2026-02")
    for destination in ("RU", "KZ", "CIS", "_T"):
        assert (
            first.table("by-sex").cell(destination=destination).value
            == second.table("by-destination").cell(destination=destination).value
        )
    assert first == perturb(table, [CrossTab("by-sex", ("destination", "sex"))], release="2026-01")


def test_every_cell_of_a_perturbed_table_carries_the_same_flag():
    records = [{"destination": "RU", "sex": "F", "record_key": n % 256} for n in range(300)]
    release = perturb(Table.from_records([DESTINATION, SEX], records), [CrossTab("t", ("destination", "sex"))])
    shown = {(cell.obs_status, cell.conf_status) for cell in release.tables[0].cells if cell.value is not None}
    hidden = {(cell.obs_status, cell.conf_status) for cell in release.tables[0].cells if cell.value is None}
    assert shown == {("E", "F")}
    assert hidden == {("O", "A")}
    assert release.tables[0].method_version == f"{BUNDLED_VERSION};threshold=10"


def test_record_keys_are_drawn_in_the_ons_range():
    keys = {record_key_new() for _ in range(2000)}
    assert min(keys) >= 0
    assert max(keys) < RECORD_KEY_RANGE == 256
    assert len(keys) > 200


def test_the_bundled_ptable_never_changes_and_is_unbiased():
    ptable = PerturbationTable.bundled()
    assert ptable.fingerprint() == BUNDLED_SHA256
    assert (ptable.largest_count, ptable.key_range) == (750, 256)
    mean_noise = ptable.noise[1:].mean(axis=1)
    assert np.abs(mean_noise).max() <= 1 / 256
    counts = np.arange(1, 751)[:, None]
    assert ((counts + ptable.noise[1:]) >= 0).all()
    # The shipped file is what the documented generator makes.
    rows = ptable_generate()
    regenerated = PerturbationTable.from_rows(
        "again", ((pcv, key, value) for pcv, first, last, value in rows for key in range(first, last + 1))
    )
    assert regenerated.fingerprint() == BUNDLED_SHA256


def test_a_table_without_record_keys_cannot_be_perturbed():
    table = Table.from_counts([DESTINATION, SEX], {("RU", "F"): 40})
    with pytest.raises(DisclosureRefused) as refused:
        perturb(table, [CrossTab("t", ("destination", "sex"))])
    assert refused.value.code == "no_record_keys"


def test_key_sums_from_the_database_perturb_like_microdata():
    records = [{"destination": "RU", "sex": "F", "record_key": (11 * n) % 256} for n in range(120)]
    from_records = Table.from_records([DESTINATION, SEX], records)
    from_counts = Table.from_counts(
        [DESTINATION, SEX], {("RU", "F"): 120}, key_sums={("RU", "F"): sum((11 * n) % 256 for n in range(120))}
    )
    crosstabs = [CrossTab("t", ("destination", "sex"))]
    assert perturb(from_records, crosstabs) == perturb(from_counts, crosstabs)


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        ([], "it has no rows"),
        ([(1, 0, -2)], "pcv 1 with noise -2 falls below zero"),
        ([(1, 0, 0), (1, 0, 1)], "two rows for pcv 1 and cell key 0"),
    ],
)
def test_a_broken_ptable_is_refused(rows, reason):
    with pytest.raises(DisclosureRefused) as refused:
        PerturbationTable.from_rows("broken", rows)
    assert (refused.value.code, refused.value.params) == ("bad_ptable", {"reason": reason})


def test_a_ptable_with_another_key_range_is_refused():
    ptable = PerturbationTable.from_rows("small", [(1, 0, 0), (1, 15, 0)])
    records = [{"destination": "RU", "sex": "F", "record_key": 3}]
    with pytest.raises(DisclosureRefused) as refused:
        perturb(Table.from_records([DESTINATION, SEX], records), [CrossTab("t", ("destination",))], ptable=ptable)
    assert refused.value.code == "ptable_key_range"
