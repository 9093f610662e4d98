"""The demo under each country of origin: its people come from its regions, carry its passports,
phones and names (in its script, with Russian spellings), and go where its people go; the profiles,
lists, users and guidance it ships agree with the reference data and with its citizens' rules."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from io import StringIO

import pytest

from mekendesh.demo.generator import people_generate
from mekendesh.demo.profiles import EAEU, profile_for
from mekendesh.lib.mrz import parse_mrz
from mekendesh.names import detect_script, mixed_script_words
from mekendesh.origin import ORIGINS
from mekendesh.reference.data.abroad import CONSULAR_DISTRICTS, HOST_REGIONS
from mekendesh.reference.data.origins import DIVISIONS

TODAY = dt.date(2026, 11, 21)
OTHERS = ("TM", "TJ", "UZ")
# The country most of each origin's people stay in, and the share of them there at least.
LEADING = {"KG": ("RU", 0.6), "TM": ("TR", 0.45), "TJ": ("RU", 0.9), "UZ": ("RU", 0.6)}
# The letters of each country's own script that Russian does not have.
OWN_LETTERS = {"TM": "äçňöşüýž", "TJ": "ғӣқӯҳҷ", "UZ": "ʻ"}
RUSSIAN = re.compile(r"^[А-Яа-яЁё \-]*$")


@pytest.fixture
def origin(request, settings):
    """The installation's country of origin set to ``request.param`` for the test."""
    code = request.param
    settings.ORIGIN_COUNTRY = code
    settings.ORIGIN = ORIGINS[code]
    return code


_POPULATIONS: dict[tuple[str, int], list] = {}


def population(code: str, count: int = 1500) -> list:
    """``count`` people of the installation's country of origin (``code``, set by the ``origin``
    fixture), made once per module."""
    from django.conf import settings

    assert code == settings.ORIGIN_COUNTRY
    if (code, count) not in _POPULATIONS:
        _POPULATIONS[code, count] = list(people_generate(count=count, seed=7, today=TODAY))
    return _POPULATIONS[code, count]


@pytest.mark.parametrize("origin", OTHERS, indirect=True)
def test_the_people_come_from_the_regions_and_districts_of_the_country(origin):
    divisions = DIVISIONS[origin]
    regions = {row.code for row in divisions.regions}
    district_region = {row.code: row.region for row in divisions.districts()}
    people = population(origin)
    for person in people:
        assert person.origin_region in regions
        assert district_region[person.origin_district] == person.origin_region
        for stay in person.stays:
            assert stay.residence_region == "" or stay.residence_region in regions
            assert stay.residence_district == "" or district_region[stay.residence_district] == stay.residence_region
    assert len({person.origin_region for person in people}) >= len(profile_for(origin).origin_weights) - 1


@pytest.mark.parametrize("origin", OTHERS, indirect=True)
def test_passports_are_the_countrys_with_a_valid_machine_readable_zone(origin):
    alpha3 = ORIGINS[origin].alpha3
    people = population(origin)
    numbers = [person.document.number for person in people]
    assert len(numbers) == len(set(numbers))
    passports = [person for person in people if person.document.kind == "passport"]
    assert len(passports) > 0.9 * len(people)
    for person in passports[:400]:
        zone = parse_mrz(person.document.mrz)
        assert zone.issuing_state == alpha3 and zone.nationality == alpha3
        assert zone.document_number == person.document.number and zone.birth_date == person.birth_date
        latin = person.names[-1]
        assert latin.script == "Latn-ICAO" and zone.surname == latin.surname.replace("-", " ")


@pytest.mark.parametrize("origin", OTHERS, indirect=True)
def test_phones_have_the_countrys_prefix_and_its_operators(origin):
    profile = profile_for(origin)
    prefix = ORIGINS[origin].phone_prefix
    assert profile.phone_prefix == prefix
    phones = [person.phone for person in population(origin) if person.phone]
    home = [phone for phone in phones if phone.startswith(prefix)]
    abroad = [phone for phone in phones if not phone.startswith(prefix)]
    assert len(home) > len(phones) / 3
    assert all(
        phone.startswith(tuple(start for _share, start, _digits in profile.host_phones.values())) for phone in abroad
    )
    for phone in home:
        national = phone.removeprefix(prefix)
        assert national.isdigit() and national.startswith(profile.phone_operators)
        assert len(national) == len(profile.phone_operators[0]) + profile.phone_digits
    assert len({phone.removeprefix(prefix)[:2] for phone in home}) >= 5


@pytest.mark.parametrize("origin", OTHERS, indirect=True)
def test_names_are_in_the_countrys_script_with_their_russian_spellings(origin):
    script = ORIGINS[origin].name_script
    assert profile_for(origin).script == script
    people = population(origin)
    own = 0
    for person in people:
        primary, latin = person.names[0], person.names[-1]
        full = " ".join(part for part in (primary.surname, primary.given_names, primary.patronymic) if part)
        assert primary.script == script and primary.source == "self"
        assert not mixed_script_words(full)
        assert latin.surname.isascii() and latin.surname == latin.surname.upper()
        russian = [name for name in person.names if name.script == "ru-Cyrl"]
        if script.endswith("-Latn"):
            assert detect_script(full.replace(" ", "").replace("ʻ", "")) == "latin", full
            assert len(russian) == 1, full
        if set(full.casefold()) & set(OWN_LETTERS[origin]):
            own += 1
            assert russian, full
        for name in russian:
            written = " ".join(part for part in (name.surname, name.given_names, name.patronymic) if part)
            assert RUSSIAN.match(written), written
    assert own > len(people) / 5


def test_the_name_examples_of_the_brief_come_out_as_the_passports_write_them():
    from mekendesh.demo import spelling

    assert spelling.turkmen_patronymic("Oraz", "M") == "Orazowiç"
    assert spelling.russian_to_turkmen("Иванов Сергей Николаевич") == "Iwanow Sergeý Nikolaýewiç"
    assert spelling.tajik_to_russian("Раҳимов Ҷамшед") == "Рахимов Джамшед"
    assert spelling.uzbek_to_russian("Karimov Jasur Olimovich") == "Каримов Жасур Олимович"
    assert spelling.uzbek_patronymic("Abdulla", "F") == "Abdullayevna"
    assert spelling.feminine("Раҳимзода") == "Раҳимзода" and spelling.feminine("Meredow") == "Meredowa"


@pytest.mark.parametrize("origin", OTHERS, indirect=True)
def test_minorities_are_there_in_small_shares(origin):
    groups = Counter(person.group for person in population(origin))
    main, count = groups.most_common(1)[0]
    assert main == {"TM": "turkmen", "TJ": "tajik", "UZ": "uzbek"}[origin]
    assert count > 0.75 * groups.total()
    expected = {"TM": {"uzbek", "russian", "kazakh"}, "TJ": {"uzbek", "russian", "kyrgyz"}}.get(
        origin, {"tajik", "karakalpak", "kazakh", "russian"}
    )
    assert expected <= set(groups)


@pytest.mark.parametrize("origin", ["KG", *OTHERS], indirect=True)
def test_destinations_are_led_by_the_countrys_main_one(origin):
    people = population(origin)
    countries = Counter(person.current_stay.country for person in people)
    leading, share = LEADING[origin]
    assert countries.most_common(1)[0][0] == leading
    assert countries[leading] > share * len(people)
    if origin == "TM":
        assert countries.most_common(2)[1][0] == "RU"
        assert {"CY", "AE", "BY"} <= set(countries)
    if origin in ("TJ", "UZ"):
        assert countries.most_common(2)[1][0] == "KZ"


@pytest.mark.parametrize("origin", OTHERS, indirect=True)
def test_the_permits_are_those_of_citizens_outside_the_eurasian_union(origin):
    stays = [stay for person in population(origin) for stay in person.stays]
    permits = Counter((stay.country, stay.purpose, stay.permit_type) for stay in stays)
    assert not any(permit == "eaeu_contract" for _country, _purpose, permit in permits)
    russian_work = {permit for (country, purpose, permit) in permits if (country, purpose) == ("RU", "work")}
    assert russian_work == ({"work_permit"} if origin == "TM" else {"patent"})
    if origin == "TM":
        purposes = Counter(
            purpose for (country, purpose, _permit), n in permits.items() for _ in range(n) if country == "RU"
        )
        assert purposes["study"] > purposes["work"]  # Turkmen in Russia are mostly students


@pytest.mark.parametrize("code", OTHERS)
def test_the_same_seed_makes_the_same_people_for_each_country(code):
    first = list(people_generate(count=40, seed=3, today=TODAY, country=code))
    assert first == list(people_generate(count=40, seed=3, today=TODAY, country=code))
    assert first[0].names[0].script == ORIGINS[code].name_script


# --- the profiles against the reference data ---------------------------------------------------


@pytest.mark.parametrize("code", ["KG", *OTHERS])
def test_every_place_of_a_profile_is_in_the_reference_data(code):
    profile = profile_for(code)
    divisions = DIVISIONS[code]
    regions = {row.code for row in divisions.regions}
    districts = {row.code for row in divisions.districts()}
    assert set(profile.origin_weights) <= regions
    assert set(profile.district_weights) <= districts
    assert set(profile.group_weights) <= regions | districts
    assert set(profile.origin_weights) <= set(profile.group_weights)
    for weights in (profile.residence_elsewhere_default, *profile.residence_elsewhere.values()):
        assert set(weights) <= regions
    host_regions = {row.code for row in HOST_REGIONS}
    missions = CONSULAR_DISTRICTS[code]
    for place in profile.destinations:
        if "-" in place:
            assert place in host_regions, place
        else:
            # A stay without a host region in a country of several consulates would fall in none.
            serving = [
                row for row in missions if place in row.countries or any(r.startswith(place) for r in row.host_regions)
            ]
            assert len(serving) <= 1, place
    for country in profile.countries:
        assert profile.purposes[country] and profile.streets[country], country
        assert country in profile.employers or set(profile.purposes[country]) == {"study"}, country
    for group in {group for weights in profile.group_weights.values() for group in weights}:
        assert profile.names is None or group in profile.names, group


@pytest.mark.parametrize("code", ["KG", *OTHERS])
def test_the_demo_officers_work_in_consular_districts_of_the_country(code):
    from mekendesh.demo.users import demo_users

    missions = {row.code for row in CONSULAR_DISTRICTS[code]}
    districts = {district for user in demo_users(code) for district in user.districts}
    assert districts <= missions and "RU-MOSCOW" in districts
    if code == "TM":
        assert {"TR-ISTANBUL", "TR-ANKARA"} & districts


# --- the host-country list --------------------------------------------------------------------


@pytest.mark.parametrize("origin", OTHERS, indirect=True)
def test_the_host_country_list_names_citizens_of_the_country_in_russian_spelling(origin):
    from mekendesh.demo.lists import Listed, host_list_rows
    from mekendesh.imports.registrations import COUNTRY_ALIASES

    people = population(origin, 100)
    members = []
    for person in people:
        name = next(name for name in person.names if name.script.endswith("-Cyrl"))
        members.append(Listed(name.surname, name.given_names, name.patronymic, person.birth_date, person.sex))
    rows = host_list_rows(members=members, count=600, seed=3, today=TODAY, country=origin)
    assert {row[4] for row in rows} <= set(COUNTRY_ALIASES[origin])
    assert "Киргизия" not in {row[4] for row in rows}
    text = " ".join(row[1] for row in rows)
    assert not re.search(r"[A-Za-z]", text)
    assert not set(text.casefold()) & set("ңөүғқҳўӣӯәҷ")


# --- the guidance: each citizenship's own rules -----------------------------------------------


@pytest.mark.parametrize("code", ["KG", *OTHERS])
def test_every_rule_an_article_cites_is_stated_for_the_citizenship(code):
    from mekendesh.guidance.demo import demo_guidance

    rules, articles = demo_guidance(code)
    stated = {(rule.destination, str(rule.kind)) for rule in rules}
    for (destination, topic), texts in articles.items():
        assert "ru" in texts and "en" in texts, (destination, topic)
        for _title, body, basis in texts.values():
            assert basis
            for kind in re.findall(r"\{\{rule:(\w+)\}\}", body):
                assert (destination, kind) in stated, (code, destination, topic, kind)
            assert not re.search(r"(?<!\{)\{rule:", body)


@pytest.mark.parametrize("code", OTHERS)
def test_kyrgyz_rules_and_texts_never_go_under_another_citizenship(code):
    from mekendesh.guidance.demo import demo_guidance

    rules, articles = demo_guidance(code)
    assert ("RU", "registration_days", 30) not in {(rule.destination, str(rule.kind), rule.value) for rule in rules}
    assert not any(rule.destination in EAEU and "ЕАЭС" in rule.basis for rule in rules)
    for texts in articles.values():
        for _title, body, basis in texts.values():
            for word in ("Кыргыз", "Kyrgyz", "Gyrgyz", "ЕАЭС", "EAEU", "Eurasian Economic Union"):
                assert word not in body and word not in basis, (code, word)
    native = {"TM": "tk", "TJ": "tg", "UZ": "uz"}[code]
    assert all(native in texts for texts in articles.values())
    if code == "TM":
        assert ("RU", "entry") in articles and "виз" in articles[("RU", "entry")]["ru"][1]
    else:
        assert "патент" in articles[("RU", "work")]["ru"][1]
        assert ("RU", "registration_days", 15) in {(r.destination, str(r.kind), r.value) for r in rules}


# The host countries' terms the cases run on: (destination, kind) → days, words of the legal basis.
CASE_TERMS = {
    ("RU", "authority_answer_days"): (30, ("№ 59-ФЗ", "статья 12, часть 1")),
    ("RU", "court_appeal_days"): (90, ("Кодекс административного судопроизводства", "статья 219, часть 1")),
    ("RU", "departure_days"): (5, ("об административных правонарушениях", "статья 32.10, часть 6")),
    ("TR", "authority_answer_days"): (30, ("Law No. 3071", "article 7")),
    ("TR", "court_appeal_days"): (60, ("Law No. 2577", "article 7, paragraph 1")),
    ("TR", "departure_days"): (15, ("Law No. 6458", "article 56, paragraph 1")),
    ("KR", "court_appeal_days"): (90, ("Administrative Litigation Act", "article 20, paragraph 1")),
}


@pytest.mark.django_db
@pytest.mark.parametrize("origin", ["KG", "TM"], indirect=True)
def test_the_demo_loads_the_host_countries_terms_for_the_citizenship_with_their_legal_basis(origin, places):
    from mekendesh.accounts.models import User
    from mekendesh.guidance.demo import guidance_demo_rules_load
    from mekendesh.guidance.models import Rule

    editor = User.objects.create_user(email="editor@mfa.example", password="x-correct-horse-7", role="editor")
    guidance_demo_rules_load(writer=editor)
    rules = Rule.objects.filter(kind__in=["authority_answer_days", "court_appeal_days", "departure_days"])
    assert set(rules.values_list("citizenship_id", flat=True)) == {origin}
    # The same for a member of the Eurasian Economic Union and for others; Korea only where the
    # country's people go (not Turkmenistan's).
    expected = {key for key in CASE_TERMS if key[0] in profile_for(origin).countries}
    assert {(rule.destination_id, rule.kind) for rule in rules} == expected
    assert (("KR", "court_appeal_days") in expected) == (origin == "KG")
    for rule in rules:
        days, words = CASE_TERMS[rule.destination_id, rule.kind]
        assert rule.value == days, rule
        assert all(word in rule.legal_basis for word in words), rule
        assert rule.note.startswith("Example content, to be reviewed by the ministry."), rule
    assert guidance_demo_rules_load(writer=editor) == 0  # loaded once


# --- the whole demo, in the database ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("origin", OTHERS, indirect=True)
def test_the_demo_command_prepares_the_countrys_demo(origin, settings, tmp_path):
    from django.core.management import call_command

    from mekendesh.accounts.models import User
    from mekendesh.diaspora.models import Organisation
    from mekendesh.employment.models import Agency
    from mekendesh.guidance.models import Article, Rule
    from mekendesh.people.models import IdentityDocument, Person
    from mekendesh.reference.loading import reference_load
    from mekendesh.reference.models import Region
    from mekendesh.screening.models import ListEntry
    from mekendesh.statistics.models import DataSet, Release

    if not Region.objects.filter(country_id=origin).exists():
        pytest.skip(f"the test database holds no regions of {origin}")
    reference_load()  # an installation for the country has that country's consulates
    settings.HOME = tmp_path
    out = StringIO()
    call_command("demo", "--no-serve", "--people", "80", stdout=out, stderr=StringIO())
    assert Person.objects.count() == 80
    assert set(Person.objects.values_list("origin_region__country_id", flat=True)) == {origin}
    assert set(IdentityDocument.objects.values_list("issuing_country_id", flat=True)) == {origin}
    migrant = Person.objects.get(account__email="migrant@example.com")
    primary = migrant.primary_name
    assert primary is not None and primary.script == ORIGINS[origin].name_script
    assert not User.objects.filter(role="consular_officer", consular_districts__isnull=True).exists()
    # Guidance: rules for the citizenship only, none of them Kyrgyzstan's.
    assert set(Rule.objects.values_list("citizenship_id", flat=True)) <= {origin}
    assert not Rule.objects.filter(destination_id="RU", kind="registration_days", value=30).exists()
    assert Article.objects.exists() and all(article.example for article in Article.objects.all())
    # The host-country list names citizens of the country.
    written = set(ListEntry.objects.values_list("citizenship", flat=True))
    assert written and not written & {"Киргизия", "Кыргызстан", "Киргизская Республика"}
    # The register's statistics are published; no official figures about another country.
    assert Release.objects.filter(status="published").exists()
    assert not DataSet.objects.filter(kind="official").exists()
    # Employment and diaspora examples of the country's own.
    assert Agency.objects.exists() and not Agency.objects.filter(name__contains="Бакыт").exists()
    assert Organisation.objects.exists() and all("example" in org.name for org in Organisation.objects.all())
    assert "80" in out.getvalue()
