"""The registrations target: a consulate's spreadsheet of citizens abroad, one person and their
stay per row.

Each row passes the rules the registration form applies (:mod:`mekendesh.people.validators` and
:func:`mekendesh.people.services.document_check`): names one script per word and at most 100
characters, real dates not in the future, the ICAO check digits of a machine-readable zone, known
countries and regions, the region where several consulates share a country, the officer's own
consular districts, and the person's consent. The check is pure work on a chunk of rows with the
reference data read once (:func:`registration_context`), so chunks run in worker processes; the
values to store come out ready for the database (document numbers encrypted, their keyed hash
and the name index words beside them), and the promotion only writes them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from mekendesh.accounts.permissions import officer_district_ids
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import AuditEntry, audit_record_rows
from mekendesh.imports.bulk import PERSON_AUDITED_FIELDS, StoredPerson, new_ids, rows_copy
from mekendesh.imports.targets import Checked, ImportField, ImportTarget, RowError, SourceRow, target_register
from mekendesh.lib.hashing import lookup_hash, normalise_document_number
from mekendesh.lib.mrz import parse_mrz
from mekendesh.names import parse_name
from mekendesh.people.models import (
    Consent,
    ConsentPurpose,
    DocumentKind,
    IdentityDocument,
    NameForm,
    NameSource,
    NameToken,
    PermitType,
    Person,
    Script,
    Stay,
    StayPurpose,
    StayStatus,
)
from mekendesh.people.search_index import index_terms
from mekendesh.people.services import CONSENT_WORDING_VERSION, DocumentInput, document_check, name_search_key
from mekendesh.people.validators import (
    normalise_phone,
    script_of_letters,
    validate_birth_date,
    validate_name,
    validate_stay_dates,
)
from mekendesh.reference.models import ConsularDistrict, Country, District, HostRegion, Region

TARGET = "registrations"

FIELDS = [
    ImportField(
        "full_name",
        _("full name"),
        (
            "ФИО",
            "Ф.И.О.",
            "Фамилия Имя Отчество",
            "Фамилия, имя, отчество",
            "Полное имя",
            "Аты-жөнү",
            "Толук аты-жөнү",
            "Full name",
            "Name",
            "Doly ady",
            "Ady we familiýasy",
        ),
        one_of="name",
    ),
    ImportField(
        "surname",
        _("surname"),
        ("Фамилия", "Фамилиясы", "Surname", "Last name", "Family name", "Familiýasy"),
        one_of="name",
    ),
    ImportField("given_names", _("given names"), ("Имя", "Аты", "Given name", "Given names", "First name", "Ady")),
    ImportField(
        "patronymic",
        _("patronymic"),
        ("Отчество", "Атасынын аты", "Атасынын аты-жөнү", "Patronymic", "Father's name", "Middle name", "Atasynyň ady"),
    ),
    ImportField(
        "latin_surname",
        _("surname in Latin letters (passport)"),
        (
            "Фамилия (латиницей)",
            "Фамилия латиницей",
            "Фамилия на латинице",
            "Фамилиясы (латынча)",
            "Surname (Latin)",
            "Surname in Latin",
            "Familiýasy (latyn)",
        ),
    ),
    ImportField(
        "latin_given_names",
        _("given names in Latin letters (passport)"),
        (
            "Имя (латиницей)",
            "Имя латиницей",
            "Имя на латинице",
            "Аты (латынча)",
            "Given names (Latin)",
            "Given name (Latin)",
            "Ady (latyn)",
        ),
    ),
    ImportField("sex", _("sex"), ("Пол", "Жынысы", "Sex", "Gender", "Jynsy"), required=True, default_allowed=True),
    ImportField(
        "birth_date",
        _("date of birth"),
        (
            "Дата рождения",
            "Дата рожд.",
            "Д.р.",
            "Туулган күнү",
            "Туулган датасы",
            "Date of birth",
            "Birth date",
            "DOB",
            "Doglan senesi",
            "Doglan güni",
        ),
        required=True,
    ),
    ImportField(
        "citizenship",
        _("citizenship"),
        ("Гражданство", "Жарандыгы", "Жарандык", "Citizenship", "Nationality", "Raýatlygy"),
    ),
    ImportField(
        "document_number",
        _("document number"),
        (
            "Серия и номер паспорта",
            "Номер паспорта",
            "Паспорт",
            "Серия, номер паспорта",
            "Паспорттун номери",
            "Паспорттун сериясы жана номери",
            "Номер документа",
            "Passport number",
            "Passport",
            "Document number",
            "Pasport belgisi",
            "Pasportyň belgisi",
        ),
    ),
    ImportField(
        "document_expiry",
        _("document expiry date"),
        (
            "Срок действия паспорта",
            "Паспорт действителен до",
            "Дата окончания срока действия",
            "Паспорттун мөөнөтү",
            "Паспорттун жарактуу мөөнөтү",
            "Passport expiry",
            "Expiry date",
            "Date of expiry",
            "Pasportyň möhleti",
        ),
    ),
    ImportField("mrz", _("machine-readable zone"), ("МЧЗ", "Машиночитаемая зона", "MRZ", "Machine-readable zone")),
    ImportField(
        "origin_region",
        _("region of origin"),
        (
            "Область",
            "Область проживания в КР",
            "Регион происхождения",
            "Облусу",
            "Облус",
            "Region of origin",
            "Oblast",
            "Welaýaty",
        ),
    ),
    ImportField(
        "origin_district",
        _("district of origin"),
        ("Район", "Район проживания в КР", "Району", "Район происхождения", "District of origin", "Etraby"),
    ),
    # Where the person last lived in the country of origin before leaving (optional; an empty
    # cell is "not stated", never the region of origin).
    ImportField(
        "residence_region",
        _("region of last residence"),
        (
            "Последнее место жительства (область)",
            "Область последнего места жительства",
            "Область проживания до выезда",
            "Акыркы жашаган жери (облус)",
            "Акыркы жашаган облусу",
            "Кеткенге чейин жашаган облусу",
            "Last residence (region)",
            "Region of last residence",
            "Region before departure",
            "Soňky ýaşan ýeri (welaýat)",
            "Soňky ýaşan welaýaty",
        ),
    ),
    ImportField(
        "residence_district",
        _("district of last residence"),
        (
            "Последнее место жительства (район)",
            "Район последнего места жительства",
            "Район проживания до выезда",
            "Акыркы жашаган жери (район)",
            "Акыркы жашаган району",
            "Кеткенге чейин жашаган району",
            "Last residence (district)",
            "District of last residence",
            "District before departure",
            "Soňky ýaşan ýeri (etrap)",
            "Soňky ýaşan etraby",
        ),
    ),
    ImportField(
        "country",
        _("country of stay"),
        (
            "Страна пребывания",
            "Страна",
            "Страна проживания",
            "Өлкө",
            "Болгон өлкөсү",
            "Жашаган өлкөсү",
            "Country",
            "Country of stay",
            "Host country",
            "Ýurdy",
            "Bolýan ýurdy",
        ),
        required=True,
        default_allowed=True,
    ),
    ImportField(
        "host_region",
        _("region of stay"),
        (
            "Регион пребывания",
            "Субъект РФ",
            "Субъект",
            "Место пребывания",
            "Регион",
            "Жашаган аймагы",
            "Аймагы",
            "Region of stay",
            "Host region",
            "Region",
            "Sebiti",
            "Bolýan sebiti",
        ),
        default_allowed=True,
    ),
    ImportField("city", _("city"), ("Город", "Населённый пункт", "Населенный пункт", "Шаар", "City", "Town", "Şäher")),
    ImportField(
        "address",
        _("address"),
        ("Адрес", "Адрес пребывания", "Адрес проживания", "Дареги", "Жашаган дареги", "Address", "Salgysy", "Salgy"),
    ),
    ImportField(
        "employer",
        _("employer"),
        (
            "Работодатель",
            "Место работы",
            "Иш берүүчү",
            "Иштеген жери",
            "Employer",
            "Place of work",
            "Iş beriji",
            "Iş ýeri",
        ),
    ),
    ImportField(
        "purpose",
        _("purpose"),
        (
            "Цель пребывания",
            "Цель поездки",
            "Цель въезда",
            "Цель",
            "Максаты",
            "Барган максаты",
            "Purpose",
            "Purpose of stay",
            "Maksady",
        ),
        default_allowed=True,
    ),
    ImportField(
        "permit_type",
        _("permit"),
        (
            "Разрешительный документ",
            "Документ на работу",
            "Вид разрешения",
            "Уруксат",
            "Permit",
            "Permit type",
            "Rugsatnama",
        ),
    ),
    ImportField(
        "permit_expiry",
        _("permit expires"),
        (
            "Срок действия патента",
            "Срок действия разрешения",
            "Уруксаттын мөөнөтү",
            "Permit expiry",
            "Permit expires",
            "Rugsatnamanyň möhleti",
        ),
    ),
    ImportField(
        "arrival_date",
        _("arrival date"),
        (
            "Дата въезда",
            "Дата прибытия",
            "Дата въезда в страну",
            "Келген күнү",
            "Келген датасы",
            "Arrival date",
            "Date of arrival",
            "Entry date",
            "Gelen senesi",
        ),
        required=True,
    ),
    ImportField(
        "departure_date",
        _("departure or return date"),
        (
            "Дата выезда",
            "Дата возвращения",
            "Кеткен күнү",
            "Кайткан күнү",
            "Departure date",
            "Return date",
            "Giden senesi",
        ),
    ),
    ImportField(
        "email",
        _("e-mail address"),
        ("Электронная почта", "Эл. почта", "E-mail", "Email", "Электрондук почта", "Elektron poçta"),
    ),
    ImportField(
        "phone", _("phone number"), ("Телефон", "Тел.", "Номер телефона", "Телефон номери", "Phone", "Telefon")
    ),
    ImportField(
        "consent",
        _("consent to be kept on the register"),
        (
            "Согласие на обработку данных",
            "Согласие на обработку персональных данных",
            "Согласие",
            "Макулдугу",
            "Макулдук",
            "Consent",
            "Razylyk",
            "Razylygy",
        ),
        required=True,
        default_allowed=False,
    ),
]

# --- values ---------------------------------------------------------------------------------

_YES = {
    "да",
    "д",
    "yes",
    "y",
    "ооба",
    "ооба.",
    "hawa",
    "howa",
    "1",
    "true",
    "истина",
    "+",
    "x",
    "х",
    "✓",
    "✔",
    "согласен",
    "согласна",
}
_SEX = {
    "м": "M", "муж": "M", "мужской": "M", "m": "M", "male": "M", "эркек": "M", "э": "M", "erkek": "M", "e": "M",
    "ж": "F", "жен": "F", "женский": "F", "f": "F", "female": "F", "аял": "F", "а": "F", "aýal": "F", "ayal": "F",
}  # fmt: skip
_PURPOSE = {
    "работа": "work", "труд": "work", "трудовая": "work", "трудовая деятельность": "work", "work": "work",
    "иш": "work", "эмгек": "work", "iş": "work",
    "учеба": "study", "учёба": "study", "обучение": "study", "study": "study", "окуу": "study", "okuw": "study",
    "семья": "family", "семейная": "family", "воссоединение семьи": "family", "family": "family",
    "үй-бүлө": "family", "үй бүлө": "family", "maşgala": "family",
    "другое": "other", "иное": "other", "other": "other", "башка": "other", "beýleki": "other",
}  # fmt: skip
_PERMIT = {
    "патент": "patent", "patent": "patent",
    "разрешение на работу": "work_permit", "work permit": "work_permit",
    "трудовой договор": "eaeu_contract", "договор": "eaeu_contract", "трудовой договор еаэс": "eaeu_contract",
    "рвп": "temporary_residence", "разрешение на временное проживание": "temporary_residence",
    "внж": "residence", "вид на жительство": "residence", "residence permit": "residence",
    "студенческая виза": "student_visa", "student visa": "student_visa",
    "нет": "none", "не требуется": "none", "none": "none",
}  # fmt: skip
_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y.%m.%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
_TWO_DIGIT_YEAR = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2}$")
_PLACE_NOISE = re.compile(r"\b(г|гор|город|city|с|пгт|п|пос|посёлок|поселок)\b\.?", re.IGNORECASE)
_PLACE_ABBREVIATIONS = (("обл.", "область"), ("обл ", "область "), ("респ.", "республика"), ("р-н", "район"))
_TURKMEN_LETTERS = set("ýäňöüşçžÝÄŇÖÜŞÇŽ")
_KYRGYZ_LETTERS = set("өүңӨҮҢ")
_TAJIK_LETTERS = set("ҳҷӣқғӯҲҶӢҚҒӮ")
_UZBEK_LATIN = re.compile(r"[OoGg][ʻ‘'`]")

LENGTHS = {"city": 100, "address": 300, "employer": 200, "email": 254}


@functools.lru_cache(maxsize=20_000)
def place_key(value: str) -> str:
    """A place name as compared with the reference names: case, «г.» and «обл.», punctuation
    and «ё» folded («г. Москва» and «МОСКВА» are one key)."""
    text = " ".join(str(value).casefold().replace("ё", "е").split())
    for short, long in _PLACE_ABBREVIATIONS:
        text = text.replace(short, long)
    text = _PLACE_NOISE.sub(" ", text)
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def _names_of(row: Any) -> list[str]:
    return [name for name in (row.name_en, row.name_ru, row.name_ky, row.name_tk, row.name_tg, row.name_uz) if name]


# Names of countries that people write besides the reference names.
COUNTRY_ALIASES = {
    "KG": ("Киргизия", "Кыргызская Республика", "Киргизская Республика", "Kyrgyz Republic", "Kirgizia",
           "Kyrgyzstan Republic", "Кыргыз Республикасы", "КР", "Kirghizia"),
    "RU": ("Россия", "Russia", "Российская Федерация", "РФ", "Russian Federation", "Орусия", "Россия Федерациясы"),
    "KZ": ("Республика Казахстан", "РК", "Kazakhstan Republic", "Казахстан"),
    "TR": ("Турецкая Республика", "Türkiye", "Turkiye", "Түркия", "Туркия"),
    "US": ("США", "Соединённые Штаты Америки", "Соединенные Штаты Америки", "USA", "АКШ"),
    "GB": ("Великобритания", "United Kingdom", "UK", "Улуу Британия"),
    "AE": ("ОАЭ", "UAE", "Объединённые Арабские Эмираты", "Объединенные Арабские Эмираты"),
    "KR": ("Южная Корея", "Корея", "Республика Корея", "South Korea", "Түштүк Корея"),
    "TM": ("Туркмения", "Туркменистан", "Turkmenistan", "Türkmenistan", "Туркменская Республика"),
    "TJ": ("Таджикистан", "Республика Таджикистан", "Tajikistan", "Тоҷикистон", "Ҷумҳурии Тоҷикистон", "РТ"),
    "UZ": ("Узбекистан", "Республика Узбекистан", "Uzbekistan", "Oʻzbekiston", "O'zbekiston", "Ўзбекистон", "РУз"),
}  # fmt: skip


@dataclass
class RegistrationContext:
    """What checking a row needs, read once from the database (it pickles: rows are checked in
    worker processes)."""

    origin_country: str
    countries: dict[str, str]  # place key → country code
    host_regions: dict[tuple[str, str], int]  # (country code, place key) → host region id
    host_region_country: dict[int, str]
    region_district: dict[int, int]  # host region id → consular district id
    country_district: dict[str, int]  # country code → the district serving it whole
    shared_countries: set[str]  # countries served by several districts: the region is needed
    allowed_districts: set[int] | None  # None: every district
    regions: dict[str, int]
    districts: dict[str, tuple[int, int]]  # place key → (district id, its region id)
    defaults: dict[str, str]
    today: dt.date
    horizon: dt.date
    column_names: dict[str, str] = field(default_factory=dict)  # field → the file's header


def registration_context(batch: Any, actor: Any) -> RegistrationContext:
    countries: dict[str, str] = {}
    for country in Country.objects.all():
        for name in (*_names_of(country), country.code, country.alpha3, country.numeric):
            countries.setdefault(place_key(name), country.code)
    for code, aliases in COUNTRY_ALIASES.items():
        for alias in aliases:
            countries.setdefault(place_key(alias), code)
    host_regions: dict[tuple[str, str], int] = {}
    host_region_country: dict[int, str] = {}
    for region in HostRegion.objects.all():
        host_region_country[region.pk] = region.country_id
        for name in (*_names_of(region), region.code, region.code.split("-", 1)[-1]):
            host_regions.setdefault((region.country_id, place_key(name)), region.pk)
    region_district: dict[int, int] = {}
    country_district: dict[str, int] = {}
    serving: dict[str, set[int]] = {}
    for district in ConsularDistrict.objects.prefetch_related("countries", "host_regions").order_by("code"):
        for region in district.host_regions.all():
            region_district.setdefault(region.pk, district.pk)
            serving.setdefault(region.country_id, set()).add(district.pk)
        for country in district.countries.all():
            country_district.setdefault(country.code, district.pk)
            serving.setdefault(country.code, set()).add(district.pk)
    origin = settings.ORIGIN_COUNTRY
    regions: dict[str, int] = {}
    for origin_region in Region.objects.filter(country_id=origin):
        for name in (*_names_of(origin_region), origin_region.code):
            regions.setdefault(place_key(name), origin_region.pk)
    districts: dict[str, tuple[int, int]] = {}
    for origin_district in District.objects.filter(region__country_id=origin):
        for name in (*_names_of(origin_district), origin_district.code):
            districts.setdefault(place_key(name), (origin_district.pk, origin_district.region_id))
    allowed = officer_district_ids(actor)
    today = timezone.localdate()
    return RegistrationContext(
        origin_country=origin,
        countries=countries,
        host_regions=host_regions,
        host_region_country=host_region_country,
        region_district=region_district,
        country_district=country_district,
        shared_countries={code for code, ids in serving.items() if len(ids) > 1},
        allowed_districts=allowed,
        regions=regions,
        districts=districts,
        defaults={str(key): str(value) for key, value in (batch.defaults or {}).items()},
        today=today,
        horizon=today + dt.timedelta(days=366),
    )


# --- checking a row -------------------------------------------------------------------------


def _messages(exc: ValidationError) -> list[tuple[str, dict[str, Any]]]:
    """The English source and parameters of each message of a validation error (checks run
    with English active, so that the message is translated when it is shown)."""
    found = []
    for error in exc.error_list:
        params = dict(error.params or {})
        found.append((str(error.message), {key: str(value) for key, value in params.items()}))
    return found


_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_date(value: str) -> dt.date | None:
    """A date as consulates write it (31.12.1990, 1990-12-31, 31/12/1990); ``ValueError`` for
    something that is not a date (31.02.1991) or has a two-digit year."""
    text = value.strip()
    if not text:
        return None
    dotted = _DOTTED_DATE.match(text)
    if dotted:  # the common form, without strptime's cost per call
        day, month, year = (int(part) for part in dotted.groups())
        return dt.date(year, month, day)
    if _TWO_DIGIT_YEAR.match(text):
        raise ValueError("two-digit year")
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a calendar date)
        except ValueError:
            continue
    raise ValueError(text)


class _Values:
    """Values of a row by field, and the errors found in them."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values
        self.errors: list[RowError] = []

    def value(self, name: str) -> str:
        return self.values.get(name, "")

    def errors_from(self, exc: ValidationError, name: str) -> None:
        for message, params in _messages(exc):
            self.errors.append(RowError(field=name, value=self.value(name)[:200], message=message, params=params))


class _Row(_Values):
    def __init__(self, source: SourceRow, context: RegistrationContext) -> None:
        # Each value with its spaces collapsed, or the value given for every row: read once.
        values = dict(context.defaults)
        for name, value in source.values.items():
            collapsed = " ".join(value.split())
            if collapsed:
                values[name] = collapsed
        super().__init__(values)
        self.source = source
        self.context = context

    def error(self, name: str, message: str, **params: Any) -> None:
        self.errors.append(RowError(field=name, value=self.value(name)[:200], message=message, params=params))

    def date(self, name: str, *, required: bool = False) -> dt.date | None:
        text = self.value(name)
        if not text:
            if required:
                self.error(name, gettext_noop("This column is empty; it is needed for every row."))
            return None
        try:
            return parse_date(text)
        except ValueError as exc:
            if str(exc) == "two-digit year":
                self.error(name, gettext_noop("Write the year with four digits, for example 31.12.1990."))
            else:
                self.error(name, gettext_noop("“%(value)s” is not a date; write it as 31.12.1990."), value=text)
            return None


def _script_for(surname: str, given: str, patronymic: str) -> str:
    text = f"{surname} {given} {patronymic}"
    if script_of_letters(text) in ("cyrillic", "mixed") and any("\u0400" <= char <= "\u04ff" for char in text):
        if _KYRGYZ_LETTERS & set(text):
            return Script.KYRGYZ_CYRILLIC
        return Script.TAJIK_CYRILLIC if _TAJIK_LETTERS & set(text) else Script.RUSSIAN_CYRILLIC
    if _TURKMEN_LETTERS & set(text):
        return Script.TURKMEN_LATIN
    if _UZBEK_LATIN.search(text):
        return Script.UZBEK_LATIN
    return Script.PASSPORT_LATIN


def _names(row: _Row) -> list[list[Any]]:
    """The row's names, checked, with their search keys and index words. A file repeats the
    same surnames and given names over and over: each combination is checked once."""
    key = tuple(
        row.value(name)
        for name in ("full_name", "surname", "given_names", "patronymic", "latin_surname", "latin_given_names")
    )
    names, errors = _names_checked(key)
    row.errors += [RowError(field=e.field, value=e.value, message=e.message, params=dict(e.params)) for e in errors]
    return names


@functools.lru_cache(maxsize=200_000)
def _names_checked(values: tuple[str, ...]) -> tuple[list[list[Any]], tuple[RowError, ...]]:
    row = _Values(
        dict(
            zip(
                ("full_name", "surname", "given_names", "patronymic", "latin_surname", "latin_given_names"),
                values,
                strict=True,
            )
        )
    )
    return _names_of_row(row), tuple(row.errors)


def _names_of_row(row: Any) -> list[list[Any]]:
    full = row.value("full_name")
    if full:
        parsed = parse_name(full)
        surname = parsed.surname or ""
        given = " ".join((*parsed.given, *parsed.extra))
        patronymic = parsed.patronymic or ""
        fields = {"surname": "full_name", "given_names": "full_name", "patronymic": "full_name"}
        if not surname and not given and patronymic:
            surname, patronymic = patronymic, ""
    else:
        surname, given, patronymic = row.value("surname"), row.value("given_names"), row.value("patronymic")
        fields = {"surname": "surname", "given_names": "given_names", "patronymic": "patronymic"}
    forms: list[tuple[str, str, str, dict[str, str]]] = [(surname, given, patronymic, fields)]
    latin_surname, latin_given = row.value("latin_surname"), row.value("latin_given_names")
    if latin_surname or latin_given:
        forms.append(
            (
                latin_surname,
                latin_given,
                "",
                {"surname": "latin_surname", "given_names": "latin_given_names", "patronymic": "latin_surname"},
            )
        )
    names = []
    for index, (surname, given, patronymic, columns) in enumerate(forms):
        script = Script.PASSPORT_LATIN if index == 1 else _script_for(surname, given, patronymic)
        try:
            cleaned = validate_name(script=script, surname=surname, given_names=given, patronymic=patronymic)
        except ValidationError as exc:
            for part, errors in exc.error_dict.items():
                column = columns.get(part, columns["surname"])
                for error in errors:
                    row.errors_from(error, column)
            continue
        key = name_search_key(*cleaned)
        names.append([str(script), *cleaned, key, index_terms(key)])
    return names


def _sex(row: _Row) -> str:
    text = row.value("sex").casefold().rstrip(".")
    sex = _SEX.get(text, "")
    if not sex:
        if text:
            row.error("sex", gettext_noop("“%(value)s” is not a sex; write М or Ж (M or F)."), value=row.value("sex"))
        else:
            row.error("sex", gettext_noop("This column is empty; it is needed for every row."))
    return sex


def _birth_date(row: _Row) -> dt.date | None:
    birth = row.date("birth_date", required=True)
    if birth is None:
        return None
    try:
        return validate_birth_date(birth, today=row.context.today)
    except ValidationError as exc:
        row.errors_from(exc, "birth_date")
        return None


def _citizenship(row: _Row) -> None:
    text = row.value("citizenship")
    if not text:
        return
    code = row.context.countries.get(place_key(text))
    if code is None:
        row.error("citizenship", gettext_noop("“%(value)s” is not a country we know."), value=text)
    elif code != row.context.origin_country:
        row.error(
            "citizenship",
            gettext_noop("The register keeps citizens of %(country)s; this row names another citizenship."),
            country=row.context.origin_country,
        )


def _document(row: _Row, birth_date: dt.date | None) -> tuple[list[Any] | None, str]:
    number_text, mrz = row.value("document_number"), row.source.values.get("mrz", "").strip()
    if not number_text and not mrz:
        return None, ""
    if not number_text and mrz:
        try:
            number_text = parse_mrz(mrz).document_number
        except Exception:
            number_text = ""
    number = normalise_document_number(number_text)
    document = DocumentInput(number=number, issuing_country=cast(Any, None), mrz=mrz)
    try:
        document_check(document, birth_date=birth_date)
    except ValidationError as exc:
        for part, errors in exc.error_dict.items():
            column = {"document_number": "document_number", "birth_date": "birth_date"}.get(part, "mrz")
            for error in errors:
                row.errors_from(error, column)
        return None, ""
    expiry = row.date("document_expiry")
    if expiry is None and mrz:
        expiry = parse_mrz(mrz).expiry_date
    mrz_text = "\n".join(line.strip() for line in mrz.splitlines()) or None
    number_field = IdentityDocument._meta.get_field("number")
    mrz_field = IdentityDocument._meta.get_field("mrz")
    kind = DocumentKind.ID_CARD if number.startswith("ID") else DocumentKind.PASSPORT
    number_hash = lookup_hash(number)
    return [
        str(kind),
        row.context.origin_country,
        encrypted(number_field, number),
        number_hash,
        expiry.isoformat() if expiry else None,
        encrypted(mrz_field, mrz_text) if mrz_text else None,
    ], number_hash


def encrypted(field: Any, value: str) -> str:
    """The value as the encrypted field stores it (its Fernet token). The field's own
    ``get_db_prep_save`` first tries to decrypt the plain value (``to_python``), which costs more
    than the encryption itself; its key ring (``field.f``) is used directly."""
    return str(field.f.encrypt(value.encode("utf-8")).decode("utf-8"))


def _origin(
    row: _Row, region_field: str = "origin_region", district_field: str = "origin_district"
) -> tuple[int | None, int | None]:
    """A region and district of the country of origin (of origin, or of last residence), the
    district in the region; a district alone names its region."""
    region_text, district_text = row.value(region_field), row.value(district_field)
    region_id = district_id = None
    if region_text:
        region_id = row.context.regions.get(place_key(region_text))
        if region_id is None:
            row.error(region_field, gettext_noop("“%(value)s” is not a region we know."), value=region_text)
    if district_text:
        found = row.context.districts.get(place_key(district_text))
        if found is None:
            row.error(district_field, gettext_noop("“%(value)s” is not a district we know."), value=district_text)
        elif region_id is not None and found[1] != region_id:
            row.error(district_field, gettext_noop("This district is not in the chosen region."))
        else:
            district_id, region_id = found[0], region_id or found[1]
    return region_id, district_id


def _stay(row: _Row, birth_date: dt.date | None) -> list[Any] | None:
    context = row.context
    country_text = row.value("country")
    country = context.countries.get(place_key(country_text)) if country_text else None
    if not country_text:
        row.error("country", gettext_noop("This column is empty; it is needed for every row."))
    elif country is None:
        row.error("country", gettext_noop("“%(value)s” is not a country we know."), value=country_text)
    elif country == context.origin_country:
        row.error("country", gettext_noop("A stay abroad cannot be in the country of origin."))
        country = None
    region_text = row.value("host_region")
    host_region = None
    if country is not None and region_text:
        host_region = context.host_regions.get((country, place_key(region_text)))
        if host_region is None and country in context.shared_countries:
            row.error(
                "host_region",
                gettext_noop("“%(value)s” is not a region of stay we know in this country."),
                value=region_text,
            )
    district = None
    if country is not None:
        if host_region is not None:
            district = context.region_district.get(host_region) or context.country_district.get(country)
        elif country in context.shared_countries:
            if not region_text:
                row.error(
                    "host_region", gettext_noop("Choose the region: this country is served by several consulates.")
                )
        else:
            district = context.country_district.get(country)
        if district is not None and context.allowed_districts is not None and district not in context.allowed_districts:
            row.error(
                "host_region" if host_region is not None else "country",
                gettext_noop(
                    "This place is outside your consular districts: the consulate that serves it registers the stay."
                ),
            )
        elif district is None and not row.errors and context.allowed_districts is not None:
            row.error("country", gettext_noop("No consulate of ours serves this country."))
    arrival = row.date("arrival_date", required=True)
    departure = row.date("departure_date")
    if arrival is not None:
        try:
            validate_stay_dates(arrival, departure, birth_date=birth_date, today=context.today)
        except ValidationError as exc:
            for part, errors in exc.error_dict.items():
                for error in errors:
                    row.errors_from(error, part)
    for name, limit in (("city", 100), ("address", 300), ("employer", 200)):
        if len(row.value(name)) > limit:
            row.error(
                name,
                gettext_noop("At most %(limit)s characters; this value has %(length)s."),
                limit=limit,
                length=len(row.value(name)),
            )
    purpose_text = row.value("purpose")
    purpose = _PURPOSE.get(purpose_text.casefold(), "") if purpose_text else str(StayPurpose.WORK)
    if not purpose:
        row.error(
            "purpose",
            gettext_noop("“%(value)s” is not a purpose of stay; write работа, учёба, семья or другое."),
            value=purpose_text,
        )
    permit_text = row.value("permit_type")
    permit = _PERMIT.get(permit_text.casefold(), "") if permit_text else str(PermitType.NONE)
    if not permit:
        row.error("permit_type", gettext_noop("“%(value)s” is not a kind of permit we know."), value=permit_text)
    permit_expiry = row.date("permit_expiry")
    if country is None or arrival is None:
        return None
    status = StayStatus.ENDED if departure is not None and departure <= context.today else StayStatus.DECLARED
    return [
        country,
        host_region,
        row.value("city"),
        row.value("address"),
        row.value("employer"),
        purpose,
        permit,
        permit_expiry.isoformat() if permit_expiry else None,
        arrival.isoformat(),
        departure.isoformat() if departure else None,
        str(status),
        district,
    ]


def _contacts(row: _Row) -> tuple[str, str]:
    email = row.value("email")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            row.error("email", gettext_noop("“%(value)s” is not an e-mail address."), value=email)
    phone = ""
    try:
        phone = normalise_phone(row.value("phone"))
    except ValidationError as exc:
        row.errors_from(exc, "phone")
    return email, phone


def _consent(row: _Row) -> None:
    if row.value("consent").casefold().rstrip(".") not in _YES:
        row.error(
            "consent",
            gettext_noop(
                "The register keeps a person only with their consent; write “да” (yes) when the person gave it."
            ),
        )


def check_registrations(rows: Sequence[SourceRow], context: RegistrationContext) -> list[Checked]:
    """Check a chunk of rows; pure work (no database), in English so that messages are stored as
    their source and translated for each reader."""
    checked = []
    with translation.override("en"):
        for source in rows:
            row = _Row(source, context)
            names = _names(row)
            sex = _sex(row)
            birth = _birth_date(row)
            _citizenship(row)
            document, key_hash = _document(row, birth)
            origin_region, origin_district = _origin(row)
            residence = _origin(row, "residence_region", "residence_district")
            stay = _stay(row, birth)
            email, phone = _contacts(row)
            _consent(row)
            if row.errors or not names or birth is None or stay is None:
                checked.append(Checked(row=source.row, raw=source.raw, errors=row.errors))
                continue
            payload = {
                "p": [sex, birth.isoformat(), origin_region, origin_district, email, phone],
                "n": names,
                "d": document,
                "s": [*stay, *residence],
                "c": [str(ConsentPurpose.REGISTER)],
            }
            checked.append(Checked(row=source.row, raw=source.raw, payload=payload, key_hash=key_hash))
    return checked


# --- the register: rows already there, possible duplicates -------------------------------------


def find_registered(batch: Any) -> None:
    """Mark staged rows whose document number is already registered: one statement joining the
    staged rows' keyed hashes with the register's, whatever the size of either."""
    from mekendesh.imports.models import StagedRow, StagedStatus

    documents = IdentityDocument.objects.filter(number_hash=OuterRef("key_hash"))
    holders = documents.values("person__public_id")[:1]
    StagedRow.objects.filter(batch=batch, status=StagedStatus.VALID).exclude(key_hash="").filter(
        Exists(documents)
    ).update(status=StagedStatus.REGISTERED, existing_person=Subquery(holders))


def find_possible_duplicates(batch: Any) -> None:
    """Propose staged rows that the linkage engine finds already registered by name and date of
    birth (a namesake born the same day in another script: «KULUBAEV ZHEENBEK» for «Кулубаев
    Жээнбек»). One pass: the file's rows and the register's people born on the same days are
    linked together; nothing is merged, the officer decides."""
    from mekendesh.imports.models import StagedRow, StagedStatus
    from mekendesh.linkage.engine import link

    if not Person.objects.exists():
        return  # a first import into an empty register: nobody to be already registered
    staged = StagedRow.objects.filter(batch=batch, status=StagedStatus.VALID)
    left: list[dict[str, Any]] = []
    births: set[str] = set()
    for row_number, payload in staged.values_list("row", "payload").iterator(chunk_size=5000):
        surname, given, patronymic = payload["n"][0][1:4]
        births.add(payload["p"][1])
        left.append(
            {
                "id": str(row_number),
                "full_name": " ".join(part for part in (surname, given, patronymic) if part),
                "birth_date": payload["p"][1],
                "sex": payload["p"][0],
            }
        )
    if not left:
        return
    right = []
    people = (
        Person.objects.filter(birth_date__in=[dt.date.fromisoformat(day) for day in births])
        if len(births) < 5000
        else Person.objects.all()
    )
    for public_id, birth, sex, surname, given, patronymic in (
        NameForm.objects.filter(person__in=people, is_primary=True)
        .values_list("person__public_id", "person__birth_date", "person__sex", "surname", "given_names", "patronymic")
        .iterator(chunk_size=5000)
    ):
        if birth.isoformat() not in births:
            continue
        right.append(
            {
                "id": str(public_id),
                "full_name": " ".join(part for part in (surname, given, patronymic) if part),
                "birth_date": birth.isoformat(),
                "sex": sex,
            }
        )
    if not right:
        return
    result = link(left, right, right_may_repeat=True)
    best: dict[int, tuple[str, float]] = {}
    for pair in result.matches:
        row_number = int(pair.left_id)
        if row_number not in best or pair.match_probability > best[row_number][1]:
            best[row_number] = (pair.right_id, pair.match_probability)
    ids = dict(staged.filter(row__in=list(best)).values_list("row", "id"))
    StagedRow.objects.bulk_update(
        [
            StagedRow(
                id=ids[row_number],
                status=StagedStatus.POSSIBLE_DUPLICATE,
                existing_person=uuid.UUID(person_key),
                match_probability=probability,
            )
            for row_number, (person_key, probability) in best.items()
        ],
        ["status", "existing_person", "match_probability"],
        batch_size=1000,
    )


# --- promotion ------------------------------------------------------------------------------

PROMOTE_CHUNK = 5000  # rows written per batch of inserts


def _at(day: str | None) -> dt.date | None:
    return dt.date.fromisoformat(day) if day else None


def promote_registrations(batch: Any, actor: Any, rows: Iterator[Any]) -> int:
    """Store the valid staged rows (called inside the pipeline's one transaction): people, their
    names with the name index words, documents, stays, consents and one audit row per person."""
    stored = 0
    now = timezone.now()
    chunk: list[Any] = []
    for staged in rows:
        chunk.append(staged)
        if len(chunk) >= PROMOTE_CHUNK:
            stored += _promote_chunk(chunk, actor, now)
            chunk = []
    if chunk:
        stored += _promote_chunk(chunk, actor, now)
    return stored


PERSON_COLUMNS = (
    "id", "public_id", "sex", "birth_date", "origin_region_id", "origin_district_id", "email", "phone",
    "created_at", "updated_at", "version",
)  # fmt: skip
NAME_COLUMNS = (
    "id",
    "person_id",
    "script",
    "source",
    "surname",
    "given_names",
    "patronymic",
    "is_primary",
    "search_key",
)
TOKEN_COLUMNS = ("token", "name_form_id", "person_id")
DOCUMENT_COLUMNS = (
    "person_id", "kind", "issuing_country_id", "number", "number_hash", "expiry_date", "mrz", "created_at",
)  # fmt: skip
STAY_COLUMNS = (
    "person_id", "country_id", "host_region_id", "city", "address", "employer", "purpose", "permit_type",
    "permit_expiry", "arrival_date", "departure_date", "status", "consular_district_id", "created_at", "version",
    "residence_region_id", "residence_district_id",
)  # fmt: skip
CONSENT_COLUMNS = ("person_id", "purpose", "wording_version", "given_at")


def _promote_chunk(chunk: list[Any], actor: Any, now: dt.datetime) -> int:
    """Store one chunk of staged rows: one insert per table (rows as the database stores them)."""
    person_ids = new_ids(Person, len(chunk))
    name_count = sum(len(payload["n"]) for _row, payload in chunk)
    name_ids = iter(new_ids(NameForm, name_count))
    people: list[tuple[Any, ...]] = []
    names: list[tuple[Any, ...]] = []
    tokens: list[tuple[Any, ...]] = []
    documents: list[tuple[Any, ...]] = []
    stays: list[tuple[Any, ...]] = []
    consents: list[tuple[Any, ...]] = []
    public_ids = []
    source = str(NameSource.IMPORT)
    for person_id, (_row, payload) in zip(person_ids, chunk, strict=True):
        sex, birth, origin_region, origin_district, email, phone = payload["p"]
        public_id = uuid.uuid4()
        public_ids.append(public_id)
        people.append(
            (person_id, public_id, sex, _at(birth), origin_region, origin_district, email, phone, now, now, 1)
        )
        for index, (script, surname, given, patronymic, key, words) in enumerate(payload["n"]):
            name_id = next(name_ids)
            names.append((name_id, person_id, script, source, surname, given, patronymic, index == 0, key))
            tokens += [(word, name_id, person_id) for word in words]
        if payload["d"]:
            kind, issuing, number, number_hash, expiry, mrz = payload["d"]
            documents.append((person_id, kind, issuing, number, number_hash, _at(expiry), mrz, now))
        country, host_region, city, address, employer, purpose, permit, permit_expiry, arrival, departure, status, district = payload["s"][:12]  # fmt: skip
        # Rows checked before the last residence was asked have no such values: not stated.
        residence_region, residence_district = [*payload["s"][12:14], None, None][:2]
        stays.append(
            (
                person_id, country, host_region, city, address, employer, purpose, permit, _at(permit_expiry),
                _at(arrival), _at(departure), status, district, now, 1, residence_region, residence_district,
            )
        )  # fmt: skip
        consents += [(person_id, purpose, CONSENT_WORDING_VERSION, now) for purpose in payload["c"]]
    rows_copy(Person, PERSON_COLUMNS, people)
    rows_copy(NameForm, NAME_COLUMNS, names)
    rows_copy(NameToken, TOKEN_COLUMNS, tokens)
    rows_copy(IdentityDocument, DOCUMENT_COLUMNS, documents)
    rows_copy(Stay, STAY_COLUMNS, stays)
    rows_copy(Consent, CONSENT_COLUMNS, consents)
    audit_record_rows(
        actor=actor,
        insert_rows=lambda columns, rows: rows_copy(AuditEvent, columns, rows),
        entries=[
            AuditEntry(
                action=AuditEvent.Action.CREATE,
                object_type="people.person",
                object_id=str(public_id),
                person=StoredPerson(public_id),
                fields=PERSON_AUDITED_FIELDS,
            )
            for public_id in public_ids
        ],
    )
    return len(chunk)


def _person_url(public_id: str) -> str:
    from django.urls import reverse

    return reverse("staff:person", args=[public_id])


REGISTRATIONS = target_register(
    ImportTarget(
        name=TARGET,
        label=_("Registrations of citizens abroad"),
        permission="import.registrations",
        fields=FIELDS,
        context=registration_context,
        check=check_registrations,
        promote=promote_registrations,
        find_registered=find_registered,
        find_possible_duplicates=find_possible_duplicates,
        object_url=_person_url,
    )
)
