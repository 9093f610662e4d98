"""A host-country list arrives as a file: each file a version, with what it added, changed and
removed; the same file twice changes nothing; a version that removes most of the list waits for
confirmation; the list's own rows are kept as evidence."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from mekendesh.screening.models import ListEntry, ListVersion, VersionStatus
from mekendesh.screening.services import list_version_apply, list_version_reject

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

ROWS = [
    ["1", "ТОКТОСУНОВА Айгерим Асановна", "12.04.1998", "Киргизия", "AC1234567", "05.02.2025"],
    ["2", "Мамытов Нурлан Бакытович", "03.11.1990", "Кыргызстан", "", "05.02.2025"],
    ["3", "Осмонова Жылдыз", "1987", "Киргизская Республика", "", "10.03.2025"],
    ["4", "Абдыкадыров Талант", "14.07.1995", "Киргизия", "", "10.03.2025"],
]


def test_a_list_is_taken_only_once_the_ministry_has_described_it(send_list, analyst):
    code, output = send_list(ROWS, name="Список неизвестного органа")
    assert code == 2 and "is not a list the ministry has described yet" in output
    assert not ListVersion.objects.exists() and not ListEntry.objects.exists()


def test_the_first_file_is_version_1_with_every_row_kept_as_evidence(send_list, controlled):
    code, _output = send_list(ROWS)
    assert code == 0
    version = ListVersion.objects.get()
    assert (version.number, version.status, version.rows, version.added) == (1, VersionStatus.APPLIED, 4, 4)
    entry = ListEntry.objects.get(key="id:1")
    assert (entry.full_name, entry.birth_date, str(entry.listed_on)) == (
        "ТОКТОСУНОВА Айгерим Асановна",
        "1998-04-12",
        "2025-02-05",
    )
    assert entry.raw["ФИО"] == "ТОКТОСУНОВА Айгерим Асановна" and entry.raw["Документ"] == "AC1234567"
    assert entry.document_number == "AC1234567" and entry.document_hash
    assert ListEntry.objects.get(key="id:3").birth_date == "1987"


def test_the_same_file_again_makes_no_new_version(send_list, controlled):
    send_list(ROWS)
    _code, output = send_list(ROWS)
    assert ListVersion.objects.count() == 1
    assert "already" in output.lower()


def test_a_new_version_says_what_it_added_changed_and_removed_and_keeps_the_old_rows(send_list, controlled):
    send_list(ROWS)
    changed = ["2", "Мамытов Нурлан Бакытович", "03.11.1990", "Кыргызстан", "AN9876543", "05.02.2025"]
    added = ["5", "Жумабаев Эрлан", "01.01.1992", "Киргизия", "", "20.04.2025"]
    send_list([ROWS[0], changed, ROWS[2], added])
    second = ListVersion.objects.get(number=2)
    assert (second.added, second.changed, second.removed, second.unchanged) == (1, 1, 1, 2)
    old, new = ListEntry.objects.filter(key="id:2").order_by("pk")
    assert (old.gone_in, old.gone_reason, new.gone_in) == (second, "changed", None)
    removed = ListEntry.objects.get(key="id:4")
    assert (removed.gone_in, removed.gone_reason) == (second, "removed")
    assert ListEntry.objects.get(key="id:1").last_version == second


def test_a_version_that_drops_most_of_the_list_waits_for_confirmation(send_list, controlled, analyst):
    rows = [[str(n), f"Асанов Бакыт {n}", "01.01.1990", "Киргизия", "", ""] for n in range(1, 21)]
    send_list(rows)
    send_list(rows[:2])
    waiting = ListVersion.objects.get(number=2)
    assert waiting.status == VersionStatus.PENDING and waiting.removed == 18
    assert ListEntry.objects.filter(gone_in__isnull=True).count() == 20  # nothing applied yet
    with pytest.raises(ValidationError) as refused:
        list_version_apply(actor=analyst, version=waiting)
    assert "removes 18 of the 20 people" in refused.value.message_dict["confirm_large_removal"][0]
    list_version_apply(actor=analyst, version=waiting, confirm_large_removal=True)
    assert ListEntry.objects.filter(gone_in__isnull=True).count() == 2


def test_a_version_waiting_for_confirmation_can_be_set_aside(send_list, controlled, analyst):
    rows = [[str(n), f"Асанов Бакыт {n}", "01.01.1990", "Киргизия", "", ""] for n in range(1, 11)]
    send_list(rows)
    send_list(rows[:1])
    waiting = ListVersion.objects.get(number=2)
    list_version_reject(actor=analyst, version=waiting)
    waiting.refresh_from_db()
    assert waiting.status == VersionStatus.REJECTED
    assert ListEntry.objects.filter(gone_in__isnull=True).count() == 10


def test_a_list_without_dates_of_birth_in_latin_upper_case_with_initials_is_taken(send_list, controlled):
    header = ["ФИО", "Гражданство"]
    code, _output = send_list([["TOKTOSUNOVA AIGERIM", "KYRGYZSTAN"], ["Токонов Б.Т.", "Киргизия"]], header=header)
    assert code == 0
    version = ListVersion.objects.get()
    assert (version.rows, version.without_birth_date) == (2, 2)
    assert set(ListEntry.objects.values_list("full_name", flat=True)) == {"TOKTOSUNOVA AIGERIM", "Токонов Б.Т."}
    assert all(key.startswith("c:") for key in ListEntry.objects.values_list("key", flat=True))


def test_the_same_entry_twice_in_a_file_is_reported_and_kept_once(send_list, controlled):
    _code, output = send_list([ROWS[0], ROWS[1], ROWS[0]])
    assert ListEntry.objects.count() == 2
    assert "1 duplicates within the file" in output or "duplicate" in output.lower()


def test_a_citizen_of_another_country_is_not_kept_and_an_impossible_date_keeps_its_year(send_list, controlled):
    rows = [
        ["1", "Иванов Иван Иванович", "01.01.1980", "Узбекистан", "", ""],
        ["2", "Асанов Бакыт", "31.02.1990", "Киргизия", "", ""],
    ]
    _code, output = send_list(rows)
    assert "A citizen of another country (Узбекистан)" in output
    assert list(ListEntry.objects.values_list("full_name", "birth_date")) == [("Асанов Бакыт", "1990")]
