"""A case's deadline that is a host-country term comes from the rules of stay the guidance module
keeps: the rule of the case's host country for citizens of the country of origin, in force when the
step began, else the workflow's own number. The case page says which rule set it, with its legal
basis and the article citing it; a changed rule moves the deadlines of the open cases it sets,
and — one change, three places — the article's text and the reminder with them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mekendesh.audit.models import AuditEvent
from mekendesh.cases.deadlines import case_deadline_rule, current_deadline
from mekendesh.cases.models import Case, CaseEvent
from mekendesh.cases.selectors import case_timeline
from mekendesh.cases.services import case_move, case_open, case_pause, case_resume
from mekendesh.cases.workflows import KINDS
from mekendesh.guidance.models import ArticleVersion, Reminder, ReminderSubject, RuleKind, Topic
from mekendesh.guidance.services import article_create, rule_save, version_publish, version_save, version_submit
from mekendesh.jobs.models import JobStatus
from mekendesh.jobs.services import job_run_inline
from mekendesh.lib.workdays import work_calendar
from mekendesh.notifications.sending import notifications_send_due

pytestmark = pytest.mark.django_db

APPEAL_BASIS = "Кодекс административного судопроизводства РФ, статья 219"
ANSWER_BASIS = "Федеральный закон № 59-ФЗ, статья 12"
DEPARTURE_BASIS = "КоАП РФ, статья 32.10, часть 6"


@pytest.fixture
def editor(db):
    from mekendesh.accounts.models import User

    return User.objects.create_user(
        email="editor@mfa.example", password="x-correct-horse-7", role="editor", full_name="editor"
    )


def save_rule(actor, places, kind, value, *, rule=None, effective_from=dt.date(2020, 1, 1), destination="RU", **extra):
    return rule_save(
        actor=actor,
        citizenship=places["origin"],
        destination=places[destination],
        kind=kind,
        value=value,
        effective_from=effective_from,
        effective_to=extra.pop("effective_to", None),
        legal_basis=extra.pop("legal_basis", APPEAL_BASIS),
        rule=rule,
        expected_version=rule.version if rule is not None else None,
        **extra,
    )


def publish_article(writer, reviewer, places, topic, body):
    """A published Russian article for Russia on ``topic``."""
    article = article_create(actor=writer, destination=places["RU"], topic=topic)
    version = version_save(
        actor=writer,
        article=article,
        language="ru",
        title="Как обжаловать",
        body=body,
        legal_basis=APPEAL_BASIS,
        expected_version=None,
    )
    version_publish(actor=reviewer, version=version_submit(actor=writer, version=version))
    return article


def moved(case, actor, *actions):
    for action in actions:
        case = case_move(actor=actor, case=case, action=action)
    return case


TO_REQUEST_SENT = ("documents_complete", "send_request")
TO_REFUSED = (*TO_REQUEST_SENT, "record_answer", "record_refused")


def host(days):
    """``days`` calendar days from today, moved off a Russian day off (the person and the host
    authority count in the host country's calendar)."""
    return work_calendar("RU").add_calendar_days(timezone.localdate(), days)


def test_without_a_rule_the_step_keeps_the_workflows_number(open_case, officer_moscow):
    case = moved(open_case, officer_moscow, *TO_REQUEST_SENT)
    assert case.due_date == host(30)
    assert case_deadline_rule(case) is None


def test_the_host_countrys_rule_sets_the_deadline_of_the_step_it_names(open_case, officer_moscow, editor, places):
    rule = save_rule(editor, places, RuleKind.AUTHORITY_ANSWER_DAYS, 15, legal_basis=ANSWER_BASIS)
    case = moved(open_case, officer_moscow, *TO_REQUEST_SENT)
    assert case.due_date == host(15)
    assert case_deadline_rule(case) == rule


def test_a_rule_of_another_destination_or_of_other_citizens_or_not_yet_in_force_sets_nothing(
    open_case, officer_moscow, editor, places
):
    save_rule(editor, places, RuleKind.AUTHORITY_ANSWER_DAYS, 15, destination="KZ")
    rule_save(  # for Kazakh citizens in Russia
        actor=editor,
        citizenship=places["KZ"],
        destination=places["RU"],
        kind=RuleKind.AUTHORITY_ANSWER_DAYS,
        value=16,
        effective_from=dt.date(2020, 1, 1),
        effective_to=None,
        legal_basis=ANSWER_BASIS,
    )
    save_rule(
        editor, places, RuleKind.AUTHORITY_ANSWER_DAYS, 17, effective_from=timezone.localdate() + dt.timedelta(days=3)
    )
    case = moved(open_case, officer_moscow, *TO_REQUEST_SENT)
    assert case.due_date == host(30)


def test_a_step_that_names_no_rule_ignores_the_rules(open_case, officer_moscow, editor, places):
    save_rule(editor, places, RuleKind.AUTHORITY_ANSWER_DAYS, 15)
    case = moved(open_case, officer_moscow, "request_documents")
    assert case.due_date == work_calendar("RU").add_working_days(timezone.localdate(), 10)


def test_the_departure_deadline_of_a_deportation_is_the_host_countrys_time_to_leave(
    registered_migrant, officer_moscow, editor, places
):
    save_rule(editor, places, RuleKind.DEPARTURE_DAYS, 5, legal_basis=DEPARTURE_BASIS)
    case = case_open(
        actor=officer_moscow,
        person=registered_migrant,
        case_type="deportation",
        consular_district=places["moscow_district"],
    )
    case = moved(case, officer_moscow, "contact", "issue_documents")
    assert case.due_date == host(5)
    rule = case_deadline_rule(case)
    assert rule is not None and rule.legal_basis == DEPARTURE_BASIS


def test_every_step_that_names_a_rule_names_one_the_guidance_knows():
    named = {step.deadline.rule for kind in KINDS.values() for step in kind.steps if step.deadline is not None}
    assert named - {""} == {RuleKind.DEPARTURE_DAYS, RuleKind.AUTHORITY_ANSWER_DAYS, RuleKind.COURT_APPEAL_DAYS}


# --- the case page ---------------------------------------------------------------------------


def test_the_case_page_names_the_rule_its_legal_basis_and_the_article_citing_it(
    open_case, officer_moscow, editor, coordinator, places, sign_in
):
    save_rule(editor, places, RuleKind.COURT_APPEAL_DAYS, 90)
    article = publish_article(
        editor,
        coordinator,
        places,
        Topic.RESTRICTION_REGISTERS,
        "<p>Обжаловать можно {{rule:court_appeal_days}} дней.</p>",
    )
    case = moved(open_case, officer_moscow, *TO_REFUSED)
    page = sign_in(officer_moscow).get(reverse("staff:case", kwargs={"case_id": case.public_id})).text
    rule = page.split('id="deadline-rule"', 1)[1].split("</span>", 1)[0]
    assert "days to appeal an authority&#x27;s decision in court" in rule
    assert "90 days" in rule
    assert APPEAL_BASIS in rule
    assert f'href="/guidance/ru/{article.topic}/"' in rule
    assert "Rests on" not in page.split('id="h-step"', 1)[1].split("</dl>", 1)[0]


def test_without_a_rule_the_case_page_gives_the_workflows_basis(open_case, officer_moscow, sign_in):
    case = moved(open_case, officer_moscow, *TO_REFUSED)
    page = sign_in(officer_moscow).get(reverse("staff:case", kwargs={"case_id": case.public_id})).text
    assert 'id="deadline-rule"' not in page
    assert "Rests on the host country&#x27;s time limit for a court appeal" in page


def test_the_migrant_reads_which_rule_set_the_deadline(open_case, officer_moscow, editor, places, aigerim, client):
    save_rule(editor, places, RuleKind.COURT_APPEAL_DAYS, 90)
    case = moved(open_case, officer_moscow, *TO_REFUSED)
    page = client.get(reverse("migrant:case", kwargs={"case_id": case.public_id})).text
    rule = page.split('id="deadline-rule"', 1)[1].split("</p>", 1)[0]
    assert "90 days" in rule and APPEAL_BASIS in rule
    assert host(90).strftime("%d.%m.%Y") in page


# --- a changed rule ------------------------------------------------------------------------------


def test_a_changed_rule_moves_the_deadline_of_the_open_cases_it_sets_and_only_theirs(
    open_case, registered_migrant, officer_moscow, editor, places, sign_in
):
    rule = save_rule(editor, places, RuleKind.AUTHORITY_ANSWER_DAYS, 30, legal_basis=ANSWER_BASIS)
    waiting = moved(open_case, officer_moscow, *TO_REQUEST_SENT)
    elsewhere = case_open(
        actor=officer_moscow,
        person=registered_migrant,
        case_type="entry_ban",
        consular_district=places["moscow_district"],
    )
    elsewhere = moved(elsewhere, officer_moscow, "request_documents")  # a step the rule does not set
    before_other = elsewhere.due_date
    version = waiting.version

    save_rule(editor, places, RuleKind.AUTHORITY_ANSWER_DAYS, 20, rule=rule, legal_basis=ANSWER_BASIS)

    waiting.refresh_from_db()
    elsewhere.refresh_from_db()
    assert waiting.due_date == host(20)
    assert waiting.version == version, "no officer's open form goes stale"
    assert elsewhere.due_date == before_other
    event = waiting.events.get(kind=CaseEvent.Kind.DEADLINE_MOVED)
    assert event.details["due_before"] == host(30).isoformat()
    assert event.details["due"] == host(20).isoformat()
    assert event.details["days"] == 20
    audit = AuditEvent.objects.filter(object_type="cases.case", object_id=str(waiting.public_id)).order_by("-sequence")[
        0
    ]
    assert (audit.action, audit.actor_id, audit.fields) == (AuditEvent.Action.UPDATE, editor.pk, ["due_date"])
    told = [entry.title for entry in case_timeline(case=waiting, for_person=True)]
    assert f"A rule of the host country changed: the deadline is now {host(20):%d.%m.%Y} (20 days)." in told


def test_a_rule_that_ends_before_the_step_began_gives_the_workflows_number_back(
    open_case, officer_moscow, editor, places
):
    rule = save_rule(editor, places, RuleKind.AUTHORITY_ANSWER_DAYS, 20)
    case = moved(open_case, officer_moscow, *TO_REQUEST_SENT)
    assert case.due_date == host(20)
    save_rule(
        editor,
        places,
        RuleKind.AUTHORITY_ANSWER_DAYS,
        20,
        rule=rule,
        effective_to=timezone.localdate() - dt.timedelta(1),
    )
    case.refresh_from_db()
    assert case.due_date == host(30)
    assert case_deadline_rule(case) is None


def test_a_closed_case_or_one_in_another_country_keeps_its_dates(
    open_case, registered_migrant, officer_moscow, editor, places
):
    rule = save_rule(editor, places, RuleKind.AUTHORITY_ANSWER_DAYS, 30)
    case = moved(open_case, officer_moscow, *TO_REQUEST_SENT)
    in_kazakhstan = case_open(
        actor=officer_moscow,
        person=registered_migrant,
        case_type="register_removal",
        consular_district=places["moscow_district"],
        host_country=places["KZ"],
    )
    in_kazakhstan = moved(in_kazakhstan, officer_moscow, *TO_REQUEST_SENT)
    closed = case_move(actor=officer_moscow, case=case, action="close", note="Resolved.")
    kz_due = in_kazakhstan.due_date
    save_rule(editor, places, RuleKind.AUTHORITY_ANSWER_DAYS, 10, rule=rule)
    closed.refresh_from_db()
    in_kazakhstan.refresh_from_db()
    assert closed.due_date is None
    assert in_kazakhstan.due_date == kz_due
    assert not CaseEvent.objects.filter(kind=CaseEvent.Kind.DEADLINE_MOVED).exists()


def test_a_changed_rule_keeps_the_days_a_case_was_paused(open_case, officer_moscow, editor, places):
    rule = save_rule(editor, places, RuleKind.AUTHORITY_ANSWER_DAYS, 30)
    case = moved(open_case, officer_moscow, *TO_REQUEST_SENT)
    case = case_pause(actor=officer_moscow, case=case, reason="The authority asked for a document.")
    # Paused for a week: the resume moves the deadline on by the working days that passed.
    Case.objects.filter(pk=case.pk).update(paused_since=timezone.localdate() - dt.timedelta(days=7))
    case.refresh_from_db()
    case = case_resume(actor=officer_moscow, case=case)
    paused = case.due_date
    assert paused is not None and paused > host(30)
    save_rule(editor, places, RuleKind.AUTHORITY_ANSWER_DAYS, 20, rule=rule)
    case.refresh_from_db()
    calendar = work_calendar("RU")  # the host authority's, whose answer the case waits for
    shift = calendar.working_days_between(timezone.localdate() - dt.timedelta(days=7), timezone.localdate())
    assert case.due_date == calendar.add_working_days(host(20), shift)
    assert current_deadline(case).due_date == case.due_date


def test_one_changed_rule_changes_the_article_the_reminder_and_the_case_deadline(
    open_case, officer_moscow, editor, coordinator, places, client
):
    """The court-appeal term of Russia: the article states it, the refused removal's deadline
    is it, and the person is reminded 30 days before it runs out. One change moves all three."""
    rule = save_rule(editor, places, RuleKind.COURT_APPEAL_DAYS, 90)
    article = publish_article(
        editor,
        coordinator,
        places,
        Topic.RESTRICTION_REGISTERS,
        "<p>Отказ можно обжаловать в суде в течение {{rule:court_appeal_days}} дней.</p>",
    )
    case = moved(open_case, officer_moscow, *TO_REFUSED)
    page = reverse("guidance:article", kwargs={"country": "ru", "topic": article.topic})

    def reminded(on):
        job = job_run_inline(kind="guidance.reminders", params={"date": on.isoformat()})
        assert job.status == JobStatus.SUCCEEDED, job.error
        notifications_send_due()
        return Reminder.objects.filter(subject=ReminderSubject.CASE).order_by("-pk").first()

    assert case.due_date == host(90)
    assert f'title="{APPEAL_BASIS}">90</strong>' in client.get(page).text
    first = reminded(host(90) - dt.timedelta(days=30))
    assert (first.due_date, first.days_before, first.reference) == (host(90), 30, f"case:{case.pk}:refused")

    save_rule(editor, places, RuleKind.COURT_APPEAL_DAYS, 60, rule=rule)

    case.refresh_from_db()
    assert case.due_date == host(60)
    text = client.get(page).text
    assert f'title="{APPEAL_BASIS}">60</strong>' in text and ">90</strong>" not in text
    assert reminded(host(90) - dt.timedelta(days=30)) == first, "nothing is due for the old date any more"
    second = reminded(host(60) - dt.timedelta(days=30))
    assert (second.due_date, second.days_before) == (host(60), 30)
    message = mail.outbox[-1]
    assert "Your time to act in a case runs out in 30 days" in message.subject
    assert "The host country's rule gives 60 days" in message.body
    assert f"/me/cases/{case.public_id}/" in message.body
    assert f"/guidance/ru/{article.topic}/" in message.body
    assert ArticleVersion.objects.get(article=article).published_body.count("{{rule:court_appeal_days}}") == 1


def test_a_deadline_of_the_workflows_own_number_is_not_reminded(open_case, officer_moscow):
    case = moved(open_case, officer_moscow, *TO_REFUSED)
    job = job_run_inline(kind="guidance.reminders", params={"date": (case.due_date - dt.timedelta(30)).isoformat()})
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert not Reminder.objects.filter(subject=ReminderSubject.CASE).exists()
