"""Demo assistance cases: every type, in several steps, some near or past their deadline, some
requests awaiting acceptance, paused, escalated, filed by a relative — so that an officer's case
list has work on the first start.

The cases are made through the cases module's own services (each move, note and audit row as in
real use), then dated back: a case opened weeks ago with its current step begun some days ago,
its deadline counted from then. The deadline round at the end escalates the overdue ones. No
message is sent for them.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from mekendesh.cases import notify
from mekendesh.cases.deadlines import step_due_date
from mekendesh.cases.models import OPEN, Case, CaseEvent, CaseNote, CaseType
from mekendesh.cases.services import (
    RepresentativeInput,
    SubjectInput,
    case_move,
    case_note_add,
    case_open,
    case_pause,
    case_request_for_other,
    cases_check_deadlines,
)
from mekendesh.cases.workflows import KINDS, kind_of
from mekendesh.people.models import Person, StayStatus
from mekendesh.reference.models import ConsularDistrict
from mekendesh.workflows.models import WorkflowAction

# How often each type comes up (seed 004: the register of controlled persons and deportations
# first), and what people say when they ask.
TYPE_WEIGHTS: dict[str, int] = {
    CaseType.REGISTER_REMOVAL: 8,
    CaseType.DEPORTATION: 5,
    CaseType.UNPAID_WAGES: 5,
    CaseType.ENTRY_BAN: 3,
    CaseType.DETENTION: 3,
    CaseType.LOST_DOCUMENTS: 3,
    CaseType.HEALTH: 2,
    CaseType.DEATH: 1,
    CaseType.OTHER: 2,
}
SUMMARIES: dict[str, tuple[str, ...]] = {
    CaseType.REGISTER_REMOVAL: (
        "Попал в реестр контролируемых лиц после просроченной миграционной регистрации, регистрацию продлил.",
        "Контролдонуучу адамдардын реестрине кирип калдым, патентим төлөнгөн.",
        "В реестре по ошибке: выехал из России вовремя, есть отметка о пересечении границы.",
    ),
    CaseType.DEPORTATION: (
        "Задержан за работу без патента, суд назначил выдворение, паспорт у работодателя.",
        "Депортацияга чечим чыкты, үйгө кайтуу үчүн документ керек.",
    ),
    CaseType.UNPAID_WAGES: (
        "Работодатель не платит три месяца, 180 000 рублей, договор есть.",
        "Курулушта иштедим, эки айлык айлык берилген жок.",
    ),
    CaseType.ENTRY_BAN: (
        "На границе не пустили: запрет въезда до 2029 года, причина неизвестна.",
        "Кирүүгө тыюу салынганын аэропорттон билдим.",
    ),
    CaseType.DETENTION: ("Сын задержан полицией, родственников не пускают.", "Полиция кармап кетти, котормочу жок."),
    CaseType.HEALTH: ("Травма на стройке, в больнице, страховки нет.", "Ооруканада жатам, дарыга акча жок."),
    CaseType.DEATH: ("Брат погиб на производстве, семья просит помочь с репатриацией.",),
    CaseType.LOST_DOCUMENTS: ("Украли паспорт в метро, нужна справка на возвращение.", "Паспортумду жоготуп алдым."),
    CaseType.OTHER: ("Нужна консультация по продлению патента.", "Балдарымдын документтери боюнча суроо бар."),
}
RELATIVES = (
    ("Асанова Гүлнара", "parent", "cannot_agree"),
    ("Токтогулов Бакыт", "sibling", "agreed"),
    ("Садыкова Айжан", "spouse", "cannot_agree"),
)


@dataclass(frozen=True)
class _Texts:
    """What the people of one country of origin write when they ask (in Russian and in their own
    language), the relatives who ask for someone else, and the notes their officers leave."""

    summaries: dict[str, tuple[str, ...]]
    relatives: tuple[tuple[str, str, str], ...]
    subject: str  # the person a relative asks about
    phone: str  # the relative's
    documents_note: str
    pause_note: str


# The other countries' people write as Kyrgyzstan's do, in Russian or in their language; their
# summaries name no currency or permit that is not theirs (Turkmen citizens work on a work permit,
# Tajik and Uzbek citizens in Russia on a patent).
_RUSSIAN_SUMMARIES: dict[str, tuple[str, ...]] = {
    CaseType.REGISTER_REMOVAL: (
        "Попал в реестр контролируемых лиц после просроченной миграционной регистрации, регистрацию продлил.",
        "В реестре по ошибке: выехал из России вовремя, есть отметка о пересечении границы.",
    ),
    CaseType.DEPORTATION: ("Задержан за работу без разрешения, суд назначил выдворение, паспорт у работодателя.",),
    CaseType.UNPAID_WAGES: ("Работодатель не платит три месяца, договор есть.",),
    CaseType.ENTRY_BAN: ("На границе не пустили: запрет въезда, причина неизвестна.",),
    CaseType.DETENTION: ("Сын задержан полицией, родственников не пускают.",),
    CaseType.HEALTH: ("Травма на работе, в больнице, страховки нет.",),
    CaseType.DEATH: ("Брат погиб на производстве, семья просит помочь с репатриацией.",),
    CaseType.LOST_DOCUMENTS: ("Украли паспорт, нужна справка на возвращение.",),
    CaseType.OTHER: ("Нужна консультация по продлению разрешения на пребывание.",),
}


def _with(native: dict[str, str]) -> dict[str, tuple[str, ...]]:
    return {
        case_type: (*texts, *([native[case_type]] if case_type in native else []))
        for case_type, texts in _RUSSIAN_SUMMARIES.items()
    }


TEXTS: dict[str, _Texts] = {
    "KG": _Texts(
        SUMMARIES,
        RELATIVES,
        "Асанов Нурбек Маратович",
        "+996555123456",
        "Пришлите фото паспорта, миграционной карты и чеков об оплате патента.",
        "Ждём ответа МВД на запрос.",
    ),
    "TM": _Texts(
        _with(
            {
                CaseType.REGISTER_REMOVAL: "Gözegçilikdäki adamlaryň sanawyna ýalňyşlyk bilen girizilipdirin.",
                CaseType.DEPORTATION: "Deportasiýa barada karar çykdy, öýe dolanmak üçin resminama gerek.",
                CaseType.UNPAID_WAGES: "Gurluşykda işledim, iki aýlyk zähmet hakymy bermediler.",
                CaseType.ENTRY_BAN: "Girmek gadaganlygynyň bardygyny howa menzilinde bildim.",
                CaseType.DETENTION: "Polisiýa saklady, terjimeçi ýok.",
                CaseType.HEALTH: "Keselhanada ýatyryn, derman üçin pul ýok.",
                CaseType.LOST_DOCUMENTS: "Pasportymy ýitirdim.",
                CaseType.OTHER: "Çagalarymyň resminamalary barada soragym bar.",
            }
        ),
        (
            ("Meredowa Jeren", "parent", "cannot_agree"),
            ("Ataýew Batyr", "sibling", "agreed"),
            ("Orazowa Maýsa", "spouse", "cannot_agree"),
        ),
        "Meredow Merdan Orazowiç",
        "+99365123456",
        "Пришлите фото паспорта, визы и разрешения на работу или вида на жительство.",
        "Ждём ответа миграционной службы на запрос.",
    ),
    "TJ": _Texts(
        _with(
            {
                CaseType.REGISTER_REMOVAL: "Маро ба феҳристи шахсони таҳти назорат дохил кардаанд, патентам пардохт шудааст.",
                CaseType.DEPORTATION: "Дар бораи ихроҷ қарор бароварданд, барои бозгашт ба ватан ҳуҷҷат лозим аст.",
                CaseType.UNPAID_WAGES: "Дар сохтмон кор кардам, музди ду моҳро надоданд.",
                CaseType.ENTRY_BAN: "Дар фурудгоҳ фаҳмидам, ки ба ман вуруд манъ аст.",
                CaseType.DETENTION: "Полис боздошт кард, тарҷумон нест.",
                CaseType.HEALTH: "Дар беморхона хобидаам, барои дору пул надорам.",
                CaseType.LOST_DOCUMENTS: "Шиносномаамро гум кардам.",
                CaseType.OTHER: "Дар бораи ҳуҷҷатҳои фарзандонам савол дорам.",
            }
        ),
        (
            ("Раҳимова Нигина", "parent", "cannot_agree"),
            ("Саидов Фаррух", "sibling", "agreed"),
            ("Назарзода Манижа", "spouse", "cannot_agree"),
        ),
        "Раҳимов Фирдавс Шамсиддинович",
        "+992931234567",
        "Пришлите фото паспорта, миграционной карты и чеков об оплате патента.",
        "Ждём ответа МВД на запрос.",
    ),
    "UZ": _Texts(
        _with(
            {
                CaseType.REGISTER_REMOVAL: "Nazorat qilinadigan shaxslar reyestriga kiritilibman, patentim toʻlangan.",
                CaseType.DEPORTATION: "Deportatsiya haqida qaror chiqdi, uyga qaytish uchun hujjat kerak.",
                CaseType.UNPAID_WAGES: "Qurilishda ishladim, ikki oylik maoshimni berishmadi.",
                CaseType.ENTRY_BAN: "Aeroportda kirishim taqiqlanganini bildim.",
                CaseType.DETENTION: "Politsiya ushlab ketdi, tarjimon yoʻq.",
                CaseType.HEALTH: "Kasalxonada yotibman, dori uchun pulim yoʻq.",
                CaseType.LOST_DOCUMENTS: "Pasportimni yoʻqotib qoʻydim.",
                CaseType.OTHER: "Bolalarimning hujjatlari boʻyicha savolim bor.",
            }
        ),
        (
            ("Karimova Dilnoza", "parent", "cannot_agree"),
            ("Tursunov Bahodir", "sibling", "agreed"),
            ("Yusupova Malika", "spouse", "cannot_agree"),
        ),
        "Karimov Jasur Olimovich",
        "+998901234567",
        "Пришлите фото паспорта, миграционной карты и чеков об оплате патента.",
        "Ждём ответа МВД на запрос.",
    ),
}


def _texts() -> _Texts:
    return TEXTS[settings.ORIGIN_COUNTRY]


@dataclass(frozen=True)
class _Actors:
    by_district: dict[str, Any]  # the officer who works each demo district's cases
    ministry: Any
    relative: Any | None


def _happy_path(case_type: str) -> list[str]:
    """The actions that take a case of this type from ``open`` to its last step, first move first."""
    kind = KINDS[case_type]
    path: list[str] = []
    state = OPEN
    while True:
        move = next((item for item in kind.moves if item.source == state), None)
        if move is None or move.target == state or len(path) > 12:
            return path
        path.append(move.action)
        state = move.target


def _people(district: ConsularDistrict, limit: int) -> list[Person]:
    return list(
        Person.objects.filter(
            stays__consular_district=district, stays__status__in=(StayStatus.DECLARED, StayStatus.VERIFIED)
        )
        .exclude(account__isnull=False)
        .order_by("id")
        .distinct()[:limit]
    )


def _backdate(case: Case, *, opened_days_ago: int, step_days_ago: int) -> None:
    """Date the case back: opened ``opened_days_ago``, its current step begun ``step_days_ago``
    (its deadline counted from that day, in the site's time zone), its history spread in between."""
    now = timezone.now()
    opened = now - dt.timedelta(days=opened_days_ago, hours=3)
    step_start = now - dt.timedelta(days=step_days_ago, hours=2)
    step = kind_of(case).step(case.status)
    # the day the step began where the site is: two hours back may be the day before
    start_day = timezone.localdate(step_start)
    due = step_due_date(case, step, start=start_day) if not case.is_finished else None
    Case.objects.filter(pk=case.pk).update(opened_at=opened, step_started_at=step_start, due_date=due)
    moves = list(
        WorkflowAction.objects.filter(content_type=ContentType.objects.get_for_model(Case), object_id=str(case.pk))
    )
    span = max(opened_days_ago - step_days_ago, 1)
    for index, move in enumerate(moves, start=1):
        at = opened + dt.timedelta(days=span * index / (len(moves) + 0.5))
        if index == len(moves):
            at = step_start
        WorkflowAction.objects.filter(pk=move.pk).update(at=at)
    CaseEvent.objects.filter(case=case, kind__in=(CaseEvent.Kind.OPENED, CaseEvent.Kind.REQUESTED)).update(at=opened)
    CaseNote.objects.filter(case=case).update(at=step_start + dt.timedelta(hours=1))


def _one(
    rng: random.Random, *, person: Person, district: ConsularDistrict, actors: _Actors, today: dt.date, plan: str
) -> Case:
    case_type = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
    officer = actors.by_district.get(district.code) or actors.ministry
    texts = _texts()
    summary = rng.choice(texts.summaries[case_type])
    if plan == "request":
        case = case_open(
            actor=officer,
            person=person,
            case_type=case_type,
            consular_district=district,
            summary=summary,
            awaiting_acceptance=True,
        )
        _backdate(case, opened_days_ago=rng.randint(0, 3), step_days_ago=rng.randint(0, 3))
        return case
    case = case_open(actor=officer, person=person, case_type=case_type, consular_district=district, summary=summary)
    path = _happy_path(case_type)
    steps = {"start": 0, "middle": max(len(path) // 2, 1), "late": max(len(path) - 1, 1), "closed": len(path)}[plan]
    for action in path[:steps]:
        case = case_move(actor=officer, case=case, action=action)
        if action == "request_documents":
            case_note_add(
                actor=officer,
                case=case,
                body=texts.documents_note,
                visible_to_person=True,
            )
    if plan == "closed":
        case = case_move(actor=officer, case=case, action="close", note="Вопрос решён, заявитель уведомлён.")
    opened_days_ago = rng.randint(15, 90)
    # Past its deadline (red), near it (amber) or in time: by how long ago the step began.
    step_days_ago = rng.choice((0, 1, 3, 6, 10, 20, 40))
    _backdate(case, opened_days_ago=opened_days_ago, step_days_ago=min(step_days_ago, opened_days_ago))
    case.refresh_from_db()
    if plan == "middle" and rng.random() < 0.2 and kind_of(case).step(case.status).party == "host_authority":
        case = case_pause(actor=officer, case=case, reason=texts.pause_note)
    return case


@transaction.atomic
def _create(*, actors: _Actors, today: dt.date, seed: int, per_district: int) -> int:
    rng = random.Random(seed)
    plans: Sequence[str] = ("request", "start", "start", "middle", "middle", "middle", "late", "late", "closed")
    made = 0
    districts = list(ConsularDistrict.objects.order_by("code"))
    for district in districts:
        worked_here = district.code in actors.by_district
        count = per_district if worked_here else 2
        for index, person in enumerate(_people(district, count)):
            plan = plans[index % len(plans)] if worked_here else rng.choice(plans[1:])
            _one(rng, person=person, district=district, actors=actors, today=today, plan=plan)
            made += 1
    if actors.relative is not None and "RU-MOSCOW" in {district.code for district in districts}:
        from mekendesh.reference.models import Country, HostRegion

        texts = _texts()
        name, relationship, basis = rng.choice(texts.relatives)
        case_request_for_other(
            actor=actors.relative,
            representative=RepresentativeInput(name, relationship, basis, True, phone=texts.phone),
            subject=SubjectInput(texts.subject, dt.date(1996, 2, 14)),
            case_type=CaseType.DETENTION,
            country=Country.objects.get(code="RU"),
            host_region=HostRegion.objects.get(code="RU-MOW"),
            summary="Брат не выходит на связь третий день, соседи говорят, что его задержала полиция.",
        )
        made += 1
    return made


def demo_cases_create(
    *,
    officers: dict[str, Any],
    ministry: Any,
    relative: Any | None,
    today: dt.date,
    seed: int,
    per_district: int = 14,
) -> int:
    """Make the demo cases and run the deadline round once; returns how many cases were made.
    ``officers`` maps a consular district's code to the officer who works its cases (the
    ministry's case officer works the others'); ``relative`` files a request for someone else."""
    actors = _Actors(by_district=officers, ministry=ministry, relative=relative)
    with notify.muted():
        made = _create(actors=actors, today=today, seed=seed, per_district=per_district)
        cases_check_deadlines(today=today)
    return made


def demo_migrant_case(*, person: Person | None, officers: dict[str, Any], today: dt.date) -> Case | None:
    """The demo migrant's own case: named on the register of controlled persons, the consulate's
    request sent to the host authority, a note for her to read."""
    if person is None:
        return None
    stay = person.stays.exclude(status=StayStatus.ENDED).exclude(consular_district=None).first()
    officer = officers.get(stay.consular_district.code) if stay is not None and stay.consular_district else None
    if stay is None or officer is None:
        return None
    with notify.muted(), transaction.atomic():
        case = case_open(
            actor=officer,
            person=person,
            case_type=CaseType.REGISTER_REMOVAL,
            consular_district=stay.consular_district,
            summary="Узнала на сайте МВД, что включена в реестр контролируемых лиц.",
        )
        for action in ("request_documents", "documents_complete", "send_request"):
            case = case_move(actor=officer, case=case, action=action)
        case_note_add(
            actor=officer,
            case=case,
            body="Запрос об исключении из реестра отправлен в ГУ МВД по г. Москве. Ответ ожидается в течение 30 дней.",
            visible_to_person=True,
        )
        _backdate(case, opened_days_ago=20, step_days_ago=6)
    return case
