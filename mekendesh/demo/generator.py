"""Demo people, generated from a fixed seed: the same seed, date and country of origin give the
same people.

Pure data, no database: :func:`people_generate` yields :class:`DemoPerson` records, and
:mod:`mekendesh.demo.loading` stores them. The country of origin's profile
(:mod:`mekendesh.demo.profiles`, ``settings.ORIGIN_COUNTRY`` unless another is given) says how:
each person has a name in the country's script (Kyrgyz Cyrillic, Turkmen Latin, Tajik Cyrillic
or Uzbek Latin; primary), its Russian spelling where it differs, and its passport Latin (ICAO
9303); a region and district of origin weighted as the profile says; a passport of the country
with a valid machine-readable zone, or an identity card; and one or two stays abroad, each with
the place the person last lived in before leaving (mostly their district of origin, for some the
capital or the region around it, for others not stated).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from mekendesh.demo import spelling as scripts
from mekendesh.demo.names import (
    POOLS,
    feminine_surname,
    kyrgyz_patronymic,
    russian_of_kyrgyz,
    russian_patronymic,
    spelling,
)
from mekendesh.demo.profiles import DemoProfile, current_profile, profile_for
from mekendesh.lib.mrz import build_td3
from mekendesh.names import icao_latin

DEFAULT_SEED = 20260123


@dataclass(frozen=True)
class DemoName:
    script: str  # a mekendesh.people.models.Script value
    source: str  # a mekendesh.people.models.NameSource value
    surname: str
    given_names: str
    patronymic: str


@dataclass(frozen=True)
class DemoDocument:
    kind: str  # "passport" or "id_card"
    number: str
    expiry_date: dt.date
    mrz: str


@dataclass(frozen=True)
class DemoStay:
    country: str
    host_region: str
    city: str
    address: str
    employer: str
    purpose: str
    permit_type: str
    permit_expiry: dt.date | None
    arrival_date: dt.date
    departure_date: dt.date | None
    verified_on: dt.date | None  # set for a stay a consulate has verified
    # Region and district of the last residence before leaving ("" when not stated).
    residence_region: str = ""
    residence_district: str = ""


@dataclass(frozen=True)
class DemoPerson:
    public_id: uuid.UUID
    group: str
    sex: str
    birth_date: dt.date
    origin_region: str
    origin_district: str
    phone: str
    email: str
    names: tuple[DemoName, ...]
    document: DemoDocument
    stays: tuple[DemoStay, ...]
    consents: tuple[str, ...]

    @property
    def current_stay(self) -> DemoStay:
        return self.stays[-1]


def _weighted[K](rng: random.Random, weights: dict[K, float]) -> K:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[key] for key in keys])[0]


_russian = russian_of_kyrgyz


def _pick(rng: random.Random, entries: Sequence[str]) -> tuple[str, str]:
    kyrgyz, russian = spelling(rng.choice(entries))
    return kyrgyz, russian or _russian(kyrgyz)


class _Generator:
    def __init__(self, seed: int, today: dt.date, profile: DemoProfile) -> None:
        self.profile = profile
        self.rng = random.Random(seed)
        # The last residences are drawn from a stream of their own, so that adding them left the
        # rest of the people a seed makes as they were.
        self.residence_rng = random.Random(f"{seed}:residence")
        self.origin = ("", "")
        self.today = today
        self.numbers: set[str] = set()
        districts: dict[str, dict[str, float]] = {}
        for code, region in profile.districts():
            districts.setdefault(region, {})[code] = profile.district_weights.get(code, 1.0)
        self.districts = districts
        self.destinations = {code: weight for code, (weight, _) in profile.destinations.items()}

    def _date_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, max((end - start).days, 0)))

    def _names(self, group: str, sex: str) -> tuple[DemoName, ...]:
        if self.profile.names is not None:
            return self._names_written(group, sex)
        pool = POOLS[group]
        rng = self.rng
        given_ky, given_ru = _pick(rng, pool.male if sex == "M" else pool.female)
        surname_ky, surname_ru = _pick(rng, pool.surnames)
        if sex == "F":
            surname_ky, surname_ru = feminine_surname(surname_ky), feminine_surname(surname_ru)
        father_ky, father_ru = _pick(rng, POOLS[group].male)
        if rng.random() < pool.uulu_share:
            patronymic_ky, patronymic_ru = kyrgyz_patronymic(father_ky, sex), kyrgyz_patronymic(father_ru, sex)
        else:
            patronymic_ky, patronymic_ru = russian_patronymic(father_ky, sex), russian_patronymic(father_ru, sex)
        names = [DemoName("ky-Cyrl", "self", surname_ky, given_ky, patronymic_ky)]
        if (surname_ru, given_ru, patronymic_ru) != (surname_ky, given_ky, patronymic_ky):
            names.append(DemoName("ru-Cyrl", "derived", surname_ru, given_ru, patronymic_ru))
        # A passport's Latin has no patronymic: ICAO 9303 writes surname and given names only.
        names.append(DemoName("Latn-ICAO", "passport", icao_latin(surname_ky), icao_latin(given_ky), ""))
        return tuple(names)

    def _names_written(self, group: str, sex: str) -> tuple[DemoName, ...]:
        """A name of a country whose register writes names by its profile's :class:`NameGroup`:
        in the country's script, in Russian, in passport Latin."""
        profile = self.profile
        assert profile.names is not None
        written = profile.names[group]
        pool, rng = written.pool, self.rng
        given = rng.choice(pool.male if sex == "M" else pool.female)
        surname = rng.choice(pool.surnames)
        father = rng.choice(pool.male)
        given_native, given_ru = written.native(given), written.russian(given)
        surname_native, surname_ru = written.native(surname), written.russian(surname)
        if sex == "F":
            surname_native, surname_ru = scripts.feminine(surname_native), scripts.feminine(surname_ru)
        father_native, father_ru = written.native(father), written.russian(father)
        draw = rng.random()
        if draw < written.connector_share:
            word, word_ru = scripts.CONNECTORS[written.connector][sex]
            patronymic_native, patronymic_ru = f"{father_native} {word}", f"{father_ru} {word_ru}"
        elif draw < written.connector_share + written.none_share:
            patronymic_native = patronymic_ru = ""
        else:
            patronymic_native = profile.patronymic(father_native, sex)
            patronymic_ru = scripts.russian_patronymic(father_ru, sex)
        names = [DemoName(profile.script, "self", surname_native, given_native, patronymic_native)]
        if (surname_ru, given_ru, patronymic_ru) != (surname_native, given_native, patronymic_native):
            names.append(DemoName("ru-Cyrl", "derived", surname_ru, given_ru, patronymic_ru))
        # The passport Latin of the MRZ: Uzbek oʻ and gʻ lose their mark, as the apostrophes do.
        surname_latin, given_latin = (
            icao_latin(text.replace(scripts.TURNED_COMMA, "")) for text in (surname_native, given_native)
        )
        names.append(DemoName("Latn-ICAO", "passport", surname_latin, given_latin, ""))
        return tuple(names)

    def _document(self, names: tuple[DemoName, ...], sex: str, birth_date: dt.date) -> DemoDocument:
        rng = self.rng
        profile = self.profile
        kind = "passport" if rng.random() < profile.passport_share else "id_card"
        if kind == "passport":
            prefix = rng.choice(profile.passport_prefixes)
        else:
            cards = profile.id_card_prefixes
            prefix = cards[0] if len(cards) == 1 else rng.choice(cards)
        number = f"{prefix}{rng.randint(1_000_000, 9_999_999)}"
        while number in self.numbers:
            number = f"{prefix}{rng.randint(1_000_000, 9_999_999)}"
        self.numbers.add(number)
        # Ten years of validity; about one in twenty has expired.
        expiry = self.today + dt.timedelta(days=rng.randint(-200, 3650))
        mrz = ""
        if kind == "passport":
            latin = names[-1]
            mrz = build_td3(
                issuing_state=profile.alpha3,
                surname=latin.surname,
                given_names=latin.given_names,
                document_number=number,
                nationality=profile.alpha3,
                birth_date=birth_date,
                sex=sex,
                expiry_date=expiry,
            )
        return DemoDocument(kind=kind, number=number, expiry_date=expiry, mrz=mrz)

    def _residence(self) -> tuple[str, str]:
        """Where the person lived last before leaving: mostly their district of origin, for some
        the capital or the region around it (moved there first), for others not stated."""
        rng = self.residence_rng
        profile = self.profile
        region, district = self.origin
        if rng.random() >= profile.residence_stated:
            return "", ""
        draw = rng.random()
        for elsewhere, share in profile.residence_elsewhere.get(region, profile.residence_elsewhere_default).items():
            if draw < share:
                return elsewhere, _weighted(rng, self.districts[elsewhere])
            draw -= share
        if rng.random() < profile.residence_other_district:
            return region, _weighted(rng, self.districts[region])
        return region, district

    def _stay(self, *, arrival: dt.date, departure: dt.date | None, region: str | None = None) -> DemoStay:
        rng = self.rng
        profile = self.profile
        region = region or _weighted(rng, self.destinations)
        country = region.split("-")[0]
        city = rng.choice(profile.destinations[region][1])
        purpose = _weighted(rng, profile.purposes[country])
        permit_type = profile.permit(country, purpose)
        end = departure or self.today
        permit_expiry = None
        if permit_type != "none":
            # A permit or contract for a year or so; for a current stay some run out soon or have.
            permit_expiry = (
                end - dt.timedelta(days=rng.randint(0, 60))
                if departure
                else self.today + dt.timedelta(days=rng.randint(-30, 365))
            )
            permit_expiry = max(permit_expiry, arrival)
        address = ""
        if rng.random() < 0.7:
            street = rng.choice(profile.streets[country])
            address = f"{street}, {rng.randint(1, 120)}"
            if country in ("RU", "KZ", "BY") and rng.random() < 0.6:
                address = f"{street}, д. {rng.randint(1, 120)}, кв. {rng.randint(1, 300)}"
        employer = rng.choice(profile.employers[country]) if purpose == "work" and rng.random() < 0.8 else ""
        verified_on = None
        if departure is None and rng.random() < 0.4:
            verified_on = min(arrival + dt.timedelta(days=rng.randint(1, 60)), self.today)
        residence_region, residence_district = self._residence()
        return DemoStay(
            country=country,
            host_region=region if "-" in region else "",
            city=city,
            address=address,
            employer=employer,
            purpose=purpose,
            permit_type=permit_type,
            permit_expiry=permit_expiry,
            arrival_date=arrival,
            departure_date=departure,
            verified_on=verified_on,
            residence_region=residence_region,
            residence_district=residence_district,
        )

    def _stays(self, birth_date: dt.date) -> tuple[DemoStay, ...]:
        rng = self.rng
        adult = (
            birth_date.replace(year=birth_date.year + 18)
            if not (birth_date.month == 2 and birth_date.day == 29)
            else dt.date(birth_date.year + 18, 3, 1)
        )
        earliest = max(adult, self.today - dt.timedelta(days=8 * 365))
        stays = []
        if rng.random() < 0.2 and (self.today - earliest).days > 400:
            # An earlier stay, ended before the present one began.
            arrival = self._date_between(earliest, self.today - dt.timedelta(days=400))
            ended = min(arrival + dt.timedelta(days=rng.randint(90, 900)), self.today - dt.timedelta(days=200))
            stays.append(self._stay(arrival=arrival, departure=max(ended, arrival)))
            earliest = max(ended, arrival) + dt.timedelta(days=30)
        arrival = self._date_between(
            max(earliest, self.today - dt.timedelta(days=6 * 365)), self.today - dt.timedelta(days=7)
        )
        departure: dt.date | None = None
        if rng.random() < 0.15 and (self.today - arrival).days > 60:
            # Returned home.
            departure = self._date_between(arrival + dt.timedelta(days=30), self.today - dt.timedelta(days=1))
        stays.append(self._stay(arrival=arrival, departure=departure))
        return tuple(stays)

    def _contacts(self, names: tuple[DemoName, ...], stay: DemoStay, index: int) -> tuple[str, str]:
        rng = self.rng
        profile = self.profile
        phone = ""
        if rng.random() < 0.75:
            host = profile.host_phones.get(stay.country)
            if host is not None and rng.random() < host[0]:
                _share, start, digits = host
                phone = f"{start}{rng.randint(10 ** (digits - 1), 10**digits - 1)}"
            else:
                operator = rng.choice(profile.phone_operators)
                digits = profile.phone_digits
                phone = f"{profile.phone_prefix}{operator}{rng.randint(10 ** (digits - 1), 10**digits - 1)}"
        email = ""
        if rng.random() < 0.4:
            latin = names[-1]
            local = f"{latin.given_names.split()[0]}.{latin.surname.split()[0]}".lower()
            email = f"{local}{index}@example.com"
        return phone, email

    def person(self, index: int) -> DemoPerson:
        rng = self.rng
        public_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        region = _weighted(rng, self.profile.origin_weights)
        district = _weighted(rng, self.districts[region])
        groups = self.profile.group_weights
        group = _weighted(rng, groups.get(district) or groups[region])
        sex = "M" if rng.random() < 0.62 else "F"
        age_days = int(rng.triangular(18 * 365 + 5, 60 * 365, 27 * 365))
        birth_date = self.today - dt.timedelta(days=age_days)
        names = self._names(group, sex)
        document = self._document(names, sex, birth_date)
        self.origin = (region, district)
        stays = self._stays(birth_date)
        phone, email = self._contacts(names, stays[-1], index)
        consents = ["register"]
        if rng.random() < 0.7:
            consents.append("consular_contact")
        if rng.random() < 0.5:
            consents.append("reminders")
        return DemoPerson(
            public_id=public_id,
            group=group,
            sex=sex,
            birth_date=birth_date,
            origin_region=region,
            origin_district=district,
            phone=phone,
            email=email,
            names=names,
            document=document,
            stays=stays,
            consents=tuple(consents),
        )


def people_generate(
    *, count: int, seed: int = DEFAULT_SEED, today: dt.date, country: str | None = None
) -> Iterator[DemoPerson]:
    """``count`` demo people of ``country`` (the installation's country of origin by default);
    the same ``seed``, ``today`` and country give the same people in the same order."""
    generator = _Generator(seed, today, profile_for(country) if country else current_profile())
    for index in range(count):
        yield generator.person(index)
