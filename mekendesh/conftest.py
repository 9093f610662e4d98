"""Shared test actors: a migrant from Osh working in Moscow, an officer of the Moscow consular
district, an officer of another district, a screening analyst, a ministry case officer, a
statistician, a diaspora coordinator, an administrator — and the outsider, who is not signed in."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest
from django.conf import settings

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API beside live_server

PASSWORD = "correct-horse-battery-7"
# The authenticator secret staff_client gives staff users (Base32); compute codes from it with
# ``allauth.mfa.totp.internal.auth.hotp_value`` when a test types one.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"


def pytest_collection_modifyitems(config, items):
    """A transactional test must restore the database it found (``serialized_rollback=True``).
    Without it, Django's flush after the test lets post-migrate signals write content types and
    permissions again, and the next test on the same worker that restores its serialized
    database fails on their duplicate keys, depending on which tests share a worker."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: a transactional test needs "
                "@pytest.mark.django_db(transaction=True, serialized_rollback=True)"
            )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests hash passwords with MD5: the real hasher is slow on purpose, and nothing here needs it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_content_types():
    """Each test reads content types from its own database: a transactional test's flush and
    restore may number them anew, and Django's in-process cache would keep the old ids (a workflow
    action or submission would then point at another model's row)."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _kyrgyz_data(request, settings):
    """A test marked ``kyrgyz_data`` checks a rule on Kyrgyzstan's data (Osh region, a Russian list
    naming Kyrgyz citizens, Kyrgyzstan's holidays, pages in Kyrgyz). When the suite runs for another
    country of origin (MEKENDESH_ORIGIN_COUNTRY), such a test runs with Kyrgyzstan's settings; the
    reference data of every country of origin is in the test database either way."""
    if settings.ORIGIN_COUNTRY == "KG" or request.node.get_closest_marker("kyrgyz_data") is None:
        return
    from mekendesh import settings as project_settings
    from mekendesh.origin import ORIGINS

    settings.ORIGIN = ORIGINS["KG"]
    settings.ORIGIN_COUNTRY = "KG"
    settings.LANGUAGES = [(code, project_settings._LANGUAGE_NAMES[code]) for code in ORIGINS["KG"].languages]


@pytest.fixture(autouse=True)
def _english_unless_asked(_kyrgyz_data, settings):
    """Tests read messages in English, their source language, unless a request or a test asks for
    another; the tests of language choice use the project's real default."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _sms_outbox(settings):
    """SMS go to the in-memory backend's outbox, emptied before each test (as Django does with
    ``mail.outbox``): ``mekendesh.notifications.sms.backends.locmem.outbox``."""
    from mekendesh.notifications.sms.backends import locmem

    settings.SMS_BACKEND = "mekendesh.notifications.sms.backends.locmem.SmsBackend"
    locmem.outbox.clear()


@pytest.fixture
def staff_client(db):
    """A factory: ``staff_client(user)`` returns a test ``Client`` signed in as that staff user,
    with the second factor passed, so that staff pages (``/staff/``, ``/api/``, ``/admin/``) open.

    The user gets an authenticator app with :data:`TOTP_SECRET` if they have none, and the session
    is marked the way activating one marks it. A bare ``client.force_login(user)`` is not enough
    for staff pages: the second-factor middleware signs such a session out.
    """
    from django.test import Client

    from mekendesh.accounts.second_factor import second_factor_mark_done
    from mekendesh.accounts.services import has_totp, totp_activate

    def make(user, client=None):
        if not has_totp(user):
            totp_activate(user=user, secret=TOTP_SECRET)
        client = client or Client()
        client.force_login(user)
        session = client.session
        second_factor_mark_done(session=session, user=user)
        session.save()
        return client

    return make


ORIGIN_PLACES = {
    "KG": (
        ("KG", "KGZ", "417", "Kyrgyzstan", "Кыргызстан"),
        ("KG-O", "Osh Region"),
        ("KG-O-KARASUU", "Kara-Suu District"),
    ),
    "TM": (
        ("TM", "TKM", "795", "Turkmenistan", "Туркменистан"),
        ("TM-L", "Lebap Region"),
        ("TM-L-FARAP", "Farap District"),
    ),
    "TJ": (
        ("TJ", "TJK", "762", "Tajikistan", "Таджикистан"),
        ("TJ-SU", "Sughd Region"),
        ("TJ-SU-ISFARA", "Isfara District"),
    ),
    "UZ": (
        ("UZ", "UZB", "860", "Uzbekistan", "Узбекистан"),
        ("UZ-FA", "Fergana Region"),
        ("UZ-FA-QUVA", "Quva District"),
    ),
}


@pytest.fixture
def places(db):
    """The reference data tests rely on (shipped by the reference migrations; made here if absent)."""
    from mekendesh.reference.models import ConsularDistrict, Country, District, HostRegion, Region

    def country(code, alpha3, numeric, en, ru):
        obj, _ = Country.objects.get_or_create(
            code=code, defaults={"alpha3": alpha3, "numeric": numeric, "name_en": en, "name_ru": ru}
        )
        return obj

    # The migrant's home: Kara-Suu in Osh region for Kyrgyzstan, a region and district of the same
    # kind for the other countries of origin (the suite runs under each; settings.ORIGIN_COUNTRY).
    (code, alpha3, numeric, en, ru_name), (region_code, region_en), (district_code, district_en) = ORIGIN_PLACES[
        settings.ORIGIN_COUNTRY
    ]
    kg = country(code, alpha3, numeric, en, ru_name)
    ru = country("RU", "RUS", "643", "Russian Federation", "Российская Федерация")
    kz = country("KZ", "KAZ", "398", "Kazakhstan", "Казахстан")
    osh, _ = Region.objects.get_or_create(code=region_code, defaults={"country": kg, "name_en": region_en})
    kara_suu, _ = District.objects.get_or_create(code=district_code, defaults={"region": osh, "name_en": district_en})
    moscow, _ = HostRegion.objects.get_or_create(
        code="RU-MOW", defaults={"country": ru, "name_en": "Moscow", "name_ru": "Москва"}
    )
    sverdlovsk, _ = HostRegion.objects.get_or_create(
        code="RU-SVE", defaults={"country": ru, "name_en": "Sverdlovsk Oblast"}
    )
    moscow_district, created = ConsularDistrict.objects.get_or_create(
        code="RU-MOSCOW", defaults={"city": "Moscow", "name_en": "Embassy in Moscow"}
    )
    if created:
        moscow_district.host_regions.add(moscow)
    ekb_district, created = ConsularDistrict.objects.get_or_create(
        code="RU-YEKATERINBURG", defaults={"city": "Yekaterinburg", "name_en": "Consulate General in Yekaterinburg"}
    )
    if created:
        ekb_district.host_regions.add(sverdlovsk)
    return {
        "KG": kg,  # the country of origin (Kyrgyzstan unless the suite runs for another)
        "origin": kg,
        "RU": ru,
        "KZ": kz,
        "osh": osh,
        "kara_suu": District.objects.get(code=kara_suu.code),
        "moscow": moscow,
        "sverdlovsk": sverdlovsk,
        "moscow_district": ConsularDistrict.objects.get(code=moscow_district.code),
        "other_district": ConsularDistrict.objects.get(code=ekb_district.code),
    }


def _user(email, role, districts=(), **extra):
    from mekendesh.accounts.models import User

    user = User.objects.create_user(email=email, password=PASSWORD, role=role, full_name=email.split("@")[0], **extra)
    if districts:
        user.consular_districts.set(districts)
    return user


@pytest.fixture
def officer_moscow(places):
    return _user("officer.moscow@mfa.example", "consular_officer", [places["moscow_district"]])


@pytest.fixture
def officer_other(places):
    return _user("officer.yekaterinburg@mfa.example", "consular_officer", [places["other_district"]])


@pytest.fixture
def analyst(db):
    return _user("analyst@mfa.example", "screening_analyst")


@pytest.fixture
def ministry_officer(db):
    """A case officer of the ministry's headquarters: every district's assistance cases."""
    return _user("cases@mfa.example", "ministry_officer")


@pytest.fixture
def statistician(db):
    return _user("statistician@stat.example", "statistician")


@pytest.fixture
def coordinator(db):
    return _user("diaspora@mfa.example", "diaspora_coordinator")


@pytest.fixture
def administrator(db):
    return _user("admin@mfa.example", "administrator", is_staff=True, is_superuser=True)


@pytest.fixture
def migrant_account(db):
    return _user("aigerim@example.com", "migrant")


@pytest.fixture
def registered_migrant(places, migrant_account):
    """Aigerim Asan kyzy Toktosunova from Kara-Suu (Osh), working in Moscow since March 2025."""
    from mekendesh.people.models import ConsentPurpose, Script
    from mekendesh.people.services import DocumentInput, NameInput, StayInput, person_register, stay_add

    person = person_register(
        actor=migrant_account,
        sex="F",
        birth_date=dt.date(1998, 4, 12),
        names=[
            NameInput(
                script=Script.KYRGYZ_CYRILLIC, surname="Токтосунова", given_names="Айгерим", patronymic="Асан кызы"
            ),
            NameInput(script=Script.PASSPORT_LATIN, surname="TOKTOSUNOVA", given_names="AIGERIM", source="passport"),
        ],
        origin_region=places["osh"],
        origin_district=places["kara_suu"],
        email=migrant_account.email,
        document=DocumentInput(number="AC1234567", issuing_country=places["KG"]),
        consents=[ConsentPurpose.REGISTER, ConsentPurpose.REMINDERS],
        account=migrant_account,
    )
    stay_add(
        actor=migrant_account,
        person=person,
        stay=StayInput(
            country=places["RU"],
            host_region=places["moscow"],
            city="Moscow",
            employer="ООО «Стройка»",
            arrival_date=dt.date(2025, 3, 1),
        ),
    )
    return person


# Headless Chromium (Debian's package) driven by Playwright against pytest-django's live server.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed: `./run test` installs Debian's chromium package")
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(chromium):
    """A page the size of a 360-pixel-wide phone, in Kyrgyz; axe-core checks every page it shows."""
    from mekendesh.tests.accessibility import checked_page

    context = chromium.new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        locale="ky-KG",
        extra_http_headers={"Accept-Language": "ky"},
    )
    page = checked_page(context)
    yield page
    try:
        page.axe_assert_no_violations()
    finally:
        context.close()


@pytest.fixture
def desk(chromium):
    """A desktop page in Russian, as at a consulate; axe-core checks every page it shows."""
    from mekendesh.tests.accessibility import checked_page

    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="ru-RU", extra_http_headers={"Accept-Language": "ru"}
    )
    page = checked_page(context)
    yield page
    try:
        page.axe_assert_no_violations()
    finally:
        context.close()


@pytest.fixture
def sign_in(staff_client):
    """``sign_in(user)`` → a client signed in as ``user`` (staff with their second factor passed,
    through ``staff_client``), reading pages in English, the source language of the messages the
    tests look for."""
    from django.test import Client

    def make(user):
        client = Client(headers={"Accept-Language": "en"})
        if getattr(user, "is_staff_role", False):
            return staff_client(user, client)
        client.force_login(user)
        return client

    return make


@pytest.fixture
def officer_moscow_2(places):
    """A second officer of the Moscow consular district."""
    return _user("officer2.moscow@mfa.example", "consular_officer", [places["moscow_district"]])


@pytest.fixture
def aigerim(client, registered_migrant):
    """The registered migrant, signed in on ``client``."""
    client.force_login(registered_migrant.account)
    return registered_migrant


@pytest.fixture(autouse=True)
def _reference_data_for_browser_tests(request):
    """A browser test runs on a transactional database, and a transactional test before it on
    the same worker may have flushed the tables the reference migrations fill (countries, regions,
    consular districts): they are loaded again, as a fresh installation has them."""
    if request.node.get_closest_marker("browser") is None:
        return
    request.getfixturevalue("transactional_db")
    from mekendesh.reference.loading import reference_load
    from mekendesh.reference.models import ConsularDistrict, Country

    if not (Country.objects.filter(code="US").exists() and ConsularDistrict.objects.exists()):
        reference_load()
