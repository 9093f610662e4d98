"""``mekendesh demo --no-serve`` prepares a database a visitor can sign in to, once."""

from __future__ import annotations

import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mekendesh.accounts.models import Role, User
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import GENESIS_HASH, event_digest
from mekendesh.demo.users import DEMO_USERS, totp_code
from mekendesh.people.models import Person, Stay
from mekendesh.people.selectors import people_visible_to

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


@pytest.fixture
def demo_home(settings, tmp_path):
    settings.HOME = tmp_path
    return tmp_path


def run_demo(*args):
    out = StringIO()
    call_command("demo", "--no-serve", "--people", "60", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_demo_makes_a_user_for_every_role_and_prints_how_to_sign_in(demo_home):
    output = run_demo()
    for role in Role:
        assert User.objects.filter(role=role).exists(), role
    for user in User.objects.all():
        assert user.email in output
    moscow = User.objects.get(email="officer.moscow@mfa.example")
    assert list(moscow.consular_districts.values_list("code", flat=True)) == ["RU-MOSCOW"]
    assert "TOTP secret:" in output and "mekendesh demo totp" in output
    assert (demo_home / "demo-logins.json").exists()


def test_the_printed_password_is_the_officers_password(demo_home):
    output = run_demo()
    lines = output.splitlines()
    index = next(i for i, line in enumerate(lines) if "officer.moscow@mfa.example" in line)
    password = lines[index + 1].split(":", 1)[1].strip()
    assert User.objects.get(email="officer.moscow@mfa.example").check_password(password)


def test_the_demo_people_are_stored_and_an_officer_sees_those_of_the_district(demo_home):
    run_demo()
    assert Person.objects.count() == 60
    assert not Stay.objects.filter(consular_district__isnull=True).exists()
    moscow = User.objects.get(email="officer.moscow@mfa.example")
    visible = people_visible_to(moscow)
    assert visible.exists()
    assert visible.count() == Person.objects.filter(stays__consular_district__code="RU-MOSCOW").distinct().count()
    migrant = User.objects.get(role=Role.MIGRANT)
    assert Person.objects.get(account=migrant).stays.filter(host_region__code="RU-MOW").exists()


def test_running_the_demo_twice_keeps_the_data_and_the_logins(demo_home):
    first = run_demo()
    people = list(Person.objects.values_list("public_id", flat=True))
    second = run_demo("--people", "10")
    assert "reusing" in second
    assert list(Person.objects.values_list("public_id", flat=True)) == people
    assert User.objects.count() == len(DEMO_USERS) + 1
    secrets_printed = [line for line in first.splitlines() if "password:" in line or "TOTP secret:" in line]
    assert secrets_printed == [line for line in second.splitlines() if "password:" in line or "TOTP secret:" in line]


def test_the_demo_audit_trail_has_a_row_per_person_and_an_unbroken_chain(demo_home):
    run_demo()
    people = {str(public_id) for public_id in Person.objects.values_list("public_id", flat=True)}
    created = AuditEvent.objects.filter(action="create", object_type="people.person")
    assert set(created.values_list("person_id", flat=True)) == people
    previous = GENESIS_HASH
    for event in AuditEvent.objects.order_by("sequence"):
        assert event.prev_hash == previous and event_digest(event) == event.hash, event.sequence
        previous = event.hash


def test_the_totp_command_prints_the_code_an_authenticator_app_shows(demo_home):
    output = run_demo()
    secret = next(line.split(":", 1)[1].strip() for line in output.splitlines() if "TOTP secret:" in line)
    out = StringIO()
    call_command("demo", "totp", "officer.moscow@mfa.example", stdout=out)
    # The code may roll over between the two reads; either of the two windows is the right one.
    now = time.time()
    assert out.getvalue().strip() in {totp_code(secret, now), totp_code(secret, now - 30)}


def test_the_demo_refuses_a_database_that_holds_real_people(demo_home, registered_migrant):
    with pytest.raises(CommandError, match="not demo data"):
        run_demo()
    assert Person.objects.count() == 1
    assert not User.objects.filter(email="officer.moscow@mfa.example").exists()


def test_the_demo_gives_the_moscow_officer_cases_to_work_some_of_them_late(demo_home):
    from mekendesh.cases.deadlines import Urgency, case_clock
    from mekendesh.cases.models import Case
    from mekendesh.cases.selectors import CaseFilters, case_list, cases_visible_to

    run_demo("--people", "400")
    moscow = User.objects.get(email="officer.moscow@mfa.example")
    cases = list(cases_visible_to(moscow))
    assert len(cases) >= 10
    assert len({case.status for case in cases}) >= 4
    assert {case_clock(case).urgency for case in cases} >= {Urgency.RED, Urgency.GREEN}
    assert case_list(moscow, CaseFilters(state="requested")).exists()
    assert Case.objects.filter(escalation__gt=0).exists()
    assert len({case.case_type for case in Case.objects.all()}) >= 6
    migrant = User.objects.get(email="migrant@example.com")
    assert Case.objects.filter(person__account=migrant).exists()
    assert Case.objects.filter(representative__account=migrant).exists()


def _name_forms(person):
    return {
        " ".join(" ".join(part for part in parts if part).casefold().split())
        for name in person.names.all()
        for parts in (
            (name.surname, name.given_names, name.patronymic),
            (name.given_names, name.patronymic, name.surname),
        )
    }


def test_the_demo_imports_a_host_country_list_and_screens_it_so_the_review_queue_has_work(demo_home, sign_in):
    from django.urls import reverse

    from mekendesh.demo.screening import DEMO_LIST_NAME
    from mekendesh.screening.models import Candidate, CandidateStatus, ListSource, ScreeningRun, VersionStatus

    output = run_demo("--people", "400")
    source = ListSource.objects.get(name=DEMO_LIST_NAME)
    assert source.kind == "controlled_persons" and source.consequence and source.import_source.target == "host_list"
    version = source.versions.get()
    assert version.status == VersionStatus.APPLIED and version.batch is not None
    assert version.rows >= 2900 and source.entries.filter(gone_in__isnull=True).count() == version.rows
    run = ScreeningRun.objects.get(version=version)
    assert run.finished_at is not None and run.entries == version.rows and run.people == 400
    assert run.job is not None and run.job.status == "succeeded"
    queue = Candidate.objects.filter(entry__source=source, status=CandidateStatus.OPEN).select_related("entry")
    assert queue.filter(decision="review").exists() and queue.filter(decision="match").exists()
    # Among them, demo people the list writes with errors (another spelling, a typo, a wrong date).
    miswritten = [
        candidate
        for candidate in queue.prefetch_related("person__names")
        if " ".join(candidate.entry.full_name.casefold().split()) not in _name_forms(candidate.person)
        or candidate.entry.birth_date != candidate.person.birth_date.isoformat()
    ]
    assert len(miswritten) >= 3
    assert f"{queue.count()} candidate matches to review" in output
    # The demo analyst signs in and finds them in the review queue.
    analyst = User.objects.get(email="analyst@mfa.example")
    page = sign_in(analyst).get(reverse("staff:screening_queue"))
    assert page.status_code == 200
    assert sum(str(candidate.public_id) in page.text for candidate in queue) >= min(queue.count(), 10)


def test_the_demo_list_is_in_russian_spelling_and_names_some_demo_people():
    import datetime as dt

    from mekendesh.demo.generator import people_generate
    from mekendesh.demo.lists import Listed, host_list_changed, host_list_rows

    people = list(people_generate(count=200, seed=7, today=dt.date(2026, 12, 1)))
    members = [
        Listed(p.names[0].surname, p.names[0].given_names, p.names[0].patronymic, p.birth_date, p.sex) for p in people
    ]
    rows = host_list_rows(members=members, count=1000, seed=3, today=dt.date(2026, 12, 1))
    assert len(rows) == 1000 and [row[0] for row in rows] == [str(n) for n in range(1, 1001)]
    text = " ".join(row[1] for row in rows)
    assert not set(text.casefold()) & set("ңөүғқҳўӣӯә")
    rows.sort(key=lambda row: row[0])
    again = host_list_rows(members=members, count=1000, seed=3, today=dt.date(2026, 12, 1))
    assert sorted(again) == sorted(rows)
    changed = host_list_changed(again, changed=50, seed=4, today=dt.date(2026, 12, 1))
    assert sum(a != b for a, b in zip(again, changed, strict=True)) == 50
    assert all(a[:6] == b[:6] for a, b in zip(again, changed, strict=True))


def test_the_demo_cases_deadlines_come_from_the_host_countrys_rules_shown_with_their_legal_basis(demo_home, sign_in):
    from django.urls import reverse

    from mekendesh.cases.deadlines import case_deadline_rule, step_start
    from mekendesh.cases.models import Case, CaseType
    from mekendesh.cases.selectors import rule_deadline_steps
    from mekendesh.lib.workdays import work_calendar

    run_demo("--people", "400")
    ruled = Case.objects.filter(rule_deadline_steps(), closed_at__isnull=True, host_country_id="RU")
    kinds = set()
    for case in ruled:
        rule = case_deadline_rule(case)
        assert rule is not None and rule.citizenship_id == "KG", case.pk
        # The rule's days in the host country's calendar days, moved off a Russian day off.
        assert case.due_date == work_calendar("RU").add_calendar_days(step_start(case), rule.value), case.pk
        kinds.add(rule.kind)
    assert "authority_answer_days" in kinds
    # The demo migrant's own case waits for the host authority's answer: 30 days, Federal Law No. 59-FZ.
    case = Case.objects.get(person__account__email="migrant@example.com", case_type=CaseType.REGISTER_REMOVAL)
    assert case.status == "request_sent"
    assert case.due_date == work_calendar("RU").add_calendar_days(step_start(case), 30)
    basis = "Федеральный закон от 02.05.2006 № 59-ФЗ"
    migrant = User.objects.get(email="migrant@example.com")
    page = sign_in(migrant).get(reverse("migrant:case", kwargs={"case_id": case.public_id})).text
    shown = page.split('id="deadline-rule"', 1)[1].split("</p>", 1)[0]
    assert "30 days" in shown and basis in shown and "статья 12, часть 1" in shown
    assert case.due_date.strftime("%d.%m.%Y") in page
    officer = User.objects.get(email="officer.moscow@mfa.example")
    page = sign_in(officer).get(reverse("staff:case", kwargs={"case_id": case.public_id})).text
    assert basis in page.split('id="deadline-rule"', 1)[1].split("</span>", 1)[0]
