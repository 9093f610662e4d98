"""Working days of a consulate: the weekends and public holidays of Kyrgyzstan and of the host
country, the days off moved by decree, deadlines counted in working or calendar days."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mekendesh.lib.workdays import WEEKEND, WorkCalendar, work_calendar

D = dt.date


# -- the calendars as published -------------------------------------------------------------------


def test_russia_rests_from_the_first_to_the_eighth_of_january_2025_and_works_on_the_ninth():
    russia = work_calendar("RU")
    assert [russia.is_working_day(D(2025, 1, day)) for day in range(1, 10)] == [False] * 8 + [True]
    assert russia.day_off_reason(D(2025, 1, 7)) == "Christmas Day"
    assert russia.day_off_reason(D(2025, 1, 3)) == "New Year Holidays"


def test_russia_rests_until_the_eleventh_of_january_2026_with_the_ninth_moved_from_the_third():
    russia = work_calendar("RU")
    assert not any(russia.is_working_day(D(2026, 1, day)) for day in range(1, 12))
    assert russia.is_working_day(D(2026, 1, 12))
    assert russia.day_off_reason(D(2026, 1, 9)) == "Day off (substituted from 01/03/2026)"
    assert russia.day_off_reason(D(2026, 1, 10)) == WEEKEND


def test_a_saturday_worked_by_decree_is_a_working_day_in_russia():
    russia = work_calendar("RU")
    # November 2025: Saturday the 1st worked, Monday the 3rd off, Tuesday the 4th Unity Day.
    assert russia.is_working_day(D(2025, 11, 1))
    assert not russia.is_working_day(D(2025, 11, 3)) and not russia.is_working_day(D(2025, 11, 4))
    # February 2027: Saturday the 20th worked for Monday the 22nd.
    assert russia.is_working_day(D(2027, 2, 20)) and not russia.is_working_day(D(2027, 2, 22))


def test_kyrgyzstan_rests_on_nooruz_and_on_independence_day():
    kyrgyzstan = work_calendar("KG")
    assert kyrgyzstan.day_off_reason(D(2025, 3, 21)) == "Nooruz Holiday"
    assert kyrgyzstan.day_off_reason(D(2026, 8, 31)) == "Independence Day"
    assert kyrgyzstan.is_working_day(D(2025, 3, 20)) and kyrgyzstan.is_working_day(D(2026, 9, 1))


def test_kyrgyzstan_worked_saturday_the_eleventh_of_january_2025_for_the_second():
    kyrgyzstan = work_calendar("KG")
    assert kyrgyzstan.is_working_day(D(2025, 1, 11))
    assert not kyrgyzstan.is_working_day(D(2025, 1, 2))


def test_kyrgyzstan_works_on_the_remembrance_days_its_labour_code_of_2025_made_working():
    kyrgyzstan = work_calendar("KG")
    # 7 April and 7–8 November are remembered, not rested, since 2025.
    assert kyrgyzstan.is_working_day(D(2025, 4, 7))
    assert kyrgyzstan.is_working_day(D(2025, 11, 7))
    assert not kyrgyzstan.is_working_day(D(2024, 11, 7))


def test_holiday_names_come_in_the_language_asked_for_where_the_package_has_it():
    assert work_calendar("KG", language="ky").day_off_reason(D(2025, 3, 21)) == "Элдик Нооруз майрамы"
    assert work_calendar("RU", language="ru").day_off_reason(D(2026, 1, 7)) == "Рождество Христово"
    # Turkmen is not among Russia's languages: English instead of the machine's locale.
    assert work_calendar("RU", language="tk").day_off_reason(D(2026, 1, 7)) == "Christmas Day"


# -- a consulate keeps both calendars -------------------------------------------------------------


def test_a_consulate_in_moscow_rests_on_kyrgyz_and_on_russian_holidays():
    moscow = work_calendar("KG", "RU")
    assert moscow.day_off_reason(D(2025, 3, 21)) == "Nooruz Holiday"  # worked in Russia
    assert moscow.day_off_reason(D(2025, 6, 12)) == "Russia Day"  # worked in Kyrgyzstan
    assert moscow.day_off_reason(D(2026, 1, 7)) == "Christmas Day"  # both, named once
    assert moscow.is_working_day(D(2025, 6, 11))


def test_a_saturday_worked_in_one_country_is_still_a_day_off_where_the_other_rests():
    moscow = work_calendar("KG", "RU")
    assert not moscow.is_working_day(D(2027, 2, 20))
    assert moscow.day_off_reason(D(2027, 2, 20)) == WEEKEND


def test_every_day_of_four_years_agrees_with_the_package_for_each_country_and_both():
    kyrgyzstan, russia = holidays.country_holidays("KG"), holidays.country_holidays("RU")
    moscow = work_calendar("KG", "RU")
    day = D(2024, 1, 1)
    while day <= D(2027, 12, 31):
        expected = kyrgyzstan.is_working_day(day), russia.is_working_day(day)
        assert (work_calendar("KG").is_working_day(day), work_calendar("RU").is_working_day(day)) == expected, day
        assert moscow.is_working_day(day) == all(expected), day
        day += dt.timedelta(days=1)


def test_each_country_keeps_its_own_weekend():
    saudi_arabia, emirates = work_calendar("SA"), work_calendar("AE")
    friday, saturday, sunday = D(2026, 1, 16), D(2026, 1, 17), D(2026, 1, 18)
    assert saudi_arabia.day_off_reason(friday) == WEEKEND and saudi_arabia.day_off_reason(saturday) == WEEKEND
    assert saudi_arabia.is_working_day(sunday)
    # The Emirates moved their weekend from Friday–Saturday to Saturday–Sunday in 2022.
    assert emirates.is_working_day(friday) and not emirates.is_working_day(sunday)
    assert not emirates.is_working_day(D(2021, 1, 15)) and emirates.is_working_day(D(2021, 1, 17))
    # A consulate in Riyadh rests on Kyrgyz Saturdays and Sundays and Saudi Fridays.
    riyadh = work_calendar("KG", "SA")
    assert not any(riyadh.is_working_day(day) for day in (friday, saturday, sunday))


def test_any_year_asked_is_loaded_when_first_asked_about():
    russia = WorkCalendar(["RU"])
    assert russia.day_off_reason(D(2041, 1, 2)) == "New Year Holidays"
    assert russia.day_off_reason(D(1999, 6, 12)) is not None


def test_threads_asking_about_a_new_year_at_once_all_get_the_whole_year():
    from concurrent.futures import ThreadPoolExecutor

    moscow = WorkCalendar(["KG", "RU"])
    days = [D(2033, 1, 1) + dt.timedelta(days=n) for n in range(365)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(moscow.is_working_day, days))
    expected = [work_calendar("KG", "RU").is_working_day(day) for day in days]
    assert answers == expected and answers.count(True) > 200


# -- deadlines -----------------------------------------------------------------------------------


def test_a_deadline_spanning_the_new_year_skips_every_day_off_of_both_countries():
    moscow, bishkek = work_calendar("KG", "RU"), work_calendar("KG")
    # Friday 26 December 2025 plus three working days: Monday 29th, Tuesday 30th, then Russia rests
    # from the 31st to Sunday 11 January.
    assert moscow.add_working_days(D(2025, 12, 26), 3) == D(2026, 1, 12)
    # Kyrgyzstan works on the 31st and from the 8th.
    assert bishkek.add_working_days(D(2025, 12, 26), 3) == D(2025, 12, 31)
    assert bishkek.add_working_days(D(2025, 12, 26), 4) == D(2026, 1, 8)
    assert moscow.working_days_between(D(2025, 12, 26), D(2026, 1, 12)) == 3


def test_counting_back_goes_over_the_days_off_too():
    moscow = work_calendar("KG", "RU")
    assert moscow.add_working_days(D(2026, 1, 12), -1) == D(2025, 12, 30)
    assert moscow.working_days_between(D(2026, 1, 12), D(2025, 12, 30)) == -1


def test_zero_working_days_from_a_day_off_is_the_next_working_day():
    moscow = work_calendar("KG", "RU")
    assert moscow.add_working_days(D(2026, 1, 3), 0) == D(2026, 1, 12)
    assert moscow.add_working_days(D(2026, 1, 14), 0) == D(2026, 1, 14)
    assert moscow.next_working_day(D(2026, 1, 3)) == D(2026, 1, 12)
    assert moscow.previous_working_day(D(2026, 1, 3)) == D(2025, 12, 30)


def test_a_deadline_seen_on_the_day_after_it_is_one_working_day_late():
    moscow = work_calendar("KG", "RU")
    friday, saturday, monday = D(2026, 1, 16), D(2026, 1, 17), D(2026, 1, 19)
    assert moscow.working_days_between(saturday, friday) == -1
    assert moscow.working_days_between(monday, friday) == -1
    assert moscow.working_days_between(D(2026, 1, 15), friday) == 1
    assert moscow.working_days_between(friday, friday) == 0


def test_a_term_in_calendar_days_ending_on_a_day_off_ends_on_the_next_working_day():
    moscow, bishkek = work_calendar("KG", "RU"), work_calendar("KG")
    # Ten days from 29 December 2025 end on 8 January 2026: a holiday in Russia, worked in Kyrgyzstan.
    assert moscow.add_calendar_days(D(2025, 12, 29), 10) == D(2026, 1, 12)
    assert bishkek.add_calendar_days(D(2025, 12, 29), 10) == D(2026, 1, 8)
    assert moscow.add_calendar_days(D(2026, 1, 13), 2) == D(2026, 1, 15)
    # Counted back, it never ends later than counted.
    assert moscow.add_calendar_days(D(2026, 1, 14), -4) == D(2025, 12, 30)


def test_days_off_lists_each_with_its_reason():
    assert work_calendar("KG").days_off(D(2026, 8, 28), D(2026, 9, 1)) == [
        (D(2026, 8, 29), WEEKEND),
        (D(2026, 8, 30), WEEKEND),
        (D(2026, 8, 31), "Independence Day"),
    ]


# -- naming the countries ------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["XX", "KGZ", "", "Russia", "K1"])
def test_an_unknown_country_code_is_refused_with_a_message_naming_it(code):
    with pytest.raises(ValueError, match=repr(code)):
        WorkCalendar([code])
    with pytest.raises(ValueError):
        work_calendar("KG", code)


def test_a_calendar_needs_a_country():
    with pytest.raises(ValueError, match="at least one country"):
        work_calendar()


def test_one_calendar_is_kept_per_set_of_countries_whatever_their_order_or_case():
    assert work_calendar("ru", "KG") is work_calendar("KG", "RU", "RU")
    assert work_calendar("KG", "RU").countries == ("KG", "RU")
    assert work_calendar("KG") is not work_calendar("KG", "RU")


def test_a_single_code_given_as_a_string_names_one_country():
    assert WorkCalendar("KG").countries == ("KG",)


# -- properties ----------------------------------------------------------------------------------

COUNTRY_SETS = [("KG",), ("RU",), ("KG", "RU"), ("KG", "KZ"), ("SA",), ("KG", "AE"), ("KG", "TR")]
days_in_range = st.dates(min_value=D(1995, 1, 1), max_value=D(2040, 12, 31))


@settings(max_examples=300, deadline=None)
@given(countries=st.sampled_from(COUNTRY_SETS), start=days_in_range, days=st.integers(-80, 80))
def test_adding_working_days_lands_on_a_working_day_that_many_working_days_away(countries, start, days):
    calendar = work_calendar(*countries)
    end = calendar.add_working_days(start, days)
    assert calendar.is_working_day(end)
    if days:
        assert calendar.working_days_between(start, end) == days
        assert (end > start) == (days > 0)
    else:
        assert end == calendar.next_working_day(start)


@settings(max_examples=200, deadline=None)
@given(countries=st.sampled_from(COUNTRY_SETS), start=days_in_range, end=days_in_range)
def test_counting_the_working_days_to_a_working_day_and_adding_them_back_returns_to_it(countries, start, end):
    calendar = work_calendar(*countries)
    end = calendar.next_working_day(min(end, start + dt.timedelta(days=200)))
    counted = calendar.working_days_between(start, end)
    if counted:
        assert calendar.add_working_days(start, counted) == end


@settings(max_examples=200, deadline=None)
@given(countries=st.sampled_from(COUNTRY_SETS), start=days_in_range, days=st.integers(-60, 60))
def test_a_term_in_calendar_days_ends_on_a_working_day_no_earlier_than_counted(countries, start, days):
    calendar = work_calendar(*countries)
    end = calendar.add_calendar_days(start, days)
    counted = start + dt.timedelta(days=days)
    assert calendar.is_working_day(end)
    assert end >= counted if days >= 0 else end <= counted
    assert calendar.day_off_reason(end) is None
    step = dt.timedelta(days=1 if end >= counted else -1)
    for n in range(abs((end - counted).days)):
        assert not calendar.is_working_day(counted + n * step)
