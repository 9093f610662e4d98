"""The steps of each type of case, who acts in each and by when, and the workflow built from them.

Every type starts from ``open`` (or from ``requested``, when the person or a relative asked for
help and the consulate has yet to accept), may be closed from any step with an outcome, and ends
``closed`` (or ``declined``). Between them each type has the steps its work really goes through;
each step names the party that acts (the consulate, the ministry, the person, the host authority),
its deadline — in working days, or in calendar days where the rule it rests on counts them so —
and what the person reads about it in their account. The deadlines are those of the rules cited
with them or, where no rule sets one, the ministry's own service standard ("service standard").

A deadline that is a host-country term (the time an authority has to answer, to appeal in court,
to leave after an expulsion decision) names the rule of stay that holds it (``Deadline(rule=...)``):
the rule of the case's host country, kept and changed in the guidance module, sets the deadline
where one is known (:func:`mekendesh.cases.deadlines.step_deadline`), and the number written here
is the fallback. A changed rule moves the deadline of every open case at such a step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mekendesh.cases.models import CLOSED, DECLINED, OPEN, REQUESTED, CaseType, Party
from mekendesh.guidance.models import RuleKind
from mekendesh.workflows.engine import Transition, Workflow, workflow_register


@dataclass(frozen=True)
class Deadline:
    days: int
    # Working days of the acting party's calendar; or calendar days (a rule that counts them
    # so), a deadline falling on a day off moving to the next working day.
    working: bool = True
    basis: Promise | str = ""
    # A host-country term kept as a rule of stay (a ``guidance.RuleKind``): where the guidance
    # module knows the rule for the case's host country and the case's citizens, in force on the
    # day the step began, its value sets the deadline in calendar days and its legal basis is
    # shown; ``days``, ``working`` and ``basis`` hold where none is known.
    rule: str = ""


@dataclass(frozen=True)
class Step:
    state: str
    label: Promise  # the step's name for staff
    party: str  # Party: who acts now
    person_text: Promise  # what the person reads: what is happening and what comes next
    deadline: Deadline | None = None

    @property
    def party_label(self) -> Any:
        return Party(self.party).label


@dataclass(frozen=True)
class Move:
    source: str
    action: str
    target: str
    label: Promise


@dataclass(frozen=True)
class CaseKind:
    case_type: str
    steps: tuple[Step, ...]
    moves: tuple[Move, ...]
    # Where a case goes when the host-country list that opened it no longer names the person
    # (the register removal done, the ban lifted), from any step before it; None: it stays.
    delisted_state: str | None = None

    @property
    def name(self) -> str:
        return f"case.{self.case_type}"

    def step(self, state: str) -> Step:
        for step in self.steps:
            if step.state == state:
                return step
        raise KeyError(f"{self.case_type} has no step {state!r}")


SERVICE_STANDARD = _("the ministry's service standard for consular assistance")
VCCR_36 = _("Vienna Convention on Consular Relations, art. 36: consular access without delay")
APPEALS_30_DAYS = _(
    "the host country's rules on citizens' requests (in Russia: Federal Law No. 59-FZ, art. 12: an answer within 30 days)"
)
COURT_3_MONTHS = _(
    "the host country's time limit for a court appeal (in Russia: Code of Administrative Procedure, art. 219: three months)"
)

# The host country's terms, kept as rules of stay; the numbers are Russia's, for a host country
# without a rule.
ANSWER_DEADLINE = Deadline(30, working=False, basis=APPEALS_30_DAYS, rule=RuleKind.AUTHORITY_ANSWER_DAYS)
COURT_APPEAL_DEADLINE = Deadline(90, working=False, basis=COURT_3_MONTHS, rule=RuleKind.COURT_APPEAL_DAYS)

# --- Steps shared by every type -------------------------------------------------------------

REQUESTED_STEP = Step(
    REQUESTED,
    _("request awaiting acceptance"),
    Party.CONSULATE,
    _("Your request has reached the consulate. It answers within two working days whether it takes the case."),
    Deadline(2, basis=SERVICE_STANDARD),
)
DECLINED_STEP = Step(
    DECLINED,
    _("request declined"),
    Party.CONSULATE,
    _("The consulate could not take this request. Read its note for the reason and where else to turn."),
)
CLOSED_STEP = Step(
    CLOSED,
    _("closed"),
    Party.CONSULATE,
    _("Your case is closed. If something is still wrong, ask for help again: the consulate can reopen it."),
)


def _open(person_text: Promise, days: int = 2, basis: Promise | str = SERVICE_STANDARD) -> Step:
    return Step(OPEN, _("opened"), Party.CONSULATE, person_text, Deadline(days, basis=basis))


DOCUMENTS_REQUESTED = Step(
    "documents_requested",
    _("documents asked of the person"),
    Party.PERSON,
    _(
        "The consulate needs documents from you: read its note, then add them here (a photo or a PDF) "
        "within ten working days."
    ),
    Deadline(10, basis=SERVICE_STANDARD),
)


def _review_kind(
    case_type: str,
    *,
    open_text: Promise,
    gathered_text: Promise,
    sent_label: Promise,
    sent_text: Promise,
    answer_text: Promise,
    good: tuple[str, Promise, Promise, Promise],  # state, step label, person text, move label
    bad: tuple[str, Promise, Promise, Promise],
) -> CaseKind:
    """A case that asks a host authority to review its decision about the person (a register of
    controlled persons, an entry ban): documents, a request, its answer, an appeal."""
    good_state, good_label, good_text, good_move = good
    bad_state, bad_label, bad_text, bad_move = bad
    steps = (
        REQUESTED_STEP,
        _open(open_text),
        DOCUMENTS_REQUESTED,
        Step(
            "documents_gathered",
            _("documents complete"),
            Party.CONSULATE,
            gathered_text,
            Deadline(5, basis=SERVICE_STANDARD),
        ),
        Step(
            "request_sent",
            sent_label,
            Party.HOST_AUTHORITY,
            sent_text,
            ANSWER_DEADLINE,
        ),
        Step(
            "answer_received", _("answer received"), Party.CONSULATE, answer_text, Deadline(3, basis=SERVICE_STANDARD)
        ),
        Step(good_state, good_label, Party.CONSULATE, good_text, Deadline(5, basis=SERVICE_STANDARD)),
        Step(bad_state, bad_label, Party.PERSON, bad_text, COURT_APPEAL_DEADLINE),
        Step(
            "appealed",
            _("appeal lodged"),
            Party.HOST_AUTHORITY,
            _("Your appeal has been lodged. The consulate follows it and writes here as soon as there is a decision."),
        ),
        DECLINED_STEP,
        CLOSED_STEP,
    )
    moves = (
        Move(OPEN, "request_documents", "documents_requested", _("Ask the person for documents")),
        Move(OPEN, "documents_complete", "documents_gathered", _("Documents are complete")),
        Move("documents_requested", "documents_complete", "documents_gathered", _("Documents are complete")),
        Move("documents_gathered", "send_request", "request_sent", _("Request sent to the host authority")),
        Move("request_sent", "record_answer", "answer_received", _("Answer received")),
        Move("answer_received", f"record_{good_state}", good_state, good_move),
        Move("answer_received", f"record_{bad_state}", bad_state, bad_move),
        Move(bad_state, "appeal", "appealed", _("Appeal lodged")),
        Move("appealed", f"record_{good_state}", good_state, good_move),
        Move("appealed", f"record_{bad_state}", bad_state, bad_move),
    )
    return CaseKind(case_type, steps, moves, delisted_state=good_state)


REGISTER_REMOVAL = _review_kind(
    CaseType.REGISTER_REMOVAL,
    open_text=_(
        "The consulate is studying why the host country's register names you and tells you within two "
        "working days which documents prove that you stay legally."
    ),
    gathered_text=_(
        "The consulate has your documents and prepares the request to take you off the register, within five working days."
    ),
    sent_label=_("removal asked of the host authority"),
    sent_text=_(
        "The request to take you off the register has been sent to the host authority. It must answer by the "
        "deadline given below; until then keep your documents with you and do not miss your migration registration."
    ),
    answer_text=_("The host authority has answered. The consulate tells you what it means within three working days."),
    good=(
        "removed",
        _("removed from the register"),
        _("You have been taken off the register. The consulate closes the case after checking the public list."),
        _("Removed from the register"),
    ),
    bad=(
        "refused",
        _("removal refused"),
        _(
            "The host authority refused to take you off the register. You may appeal in court until the deadline "
            "given below; the consulate tells you how and can put you in touch with a lawyer."
        ),
        _("Removal refused"),
    ),
)

ENTRY_BAN = _review_kind(
    CaseType.ENTRY_BAN,
    open_text=_(
        "The consulate is checking the ban on your entry (who decided it, when it ends) and tells you within two "
        "working days what can be done."
    ),
    gathered_text=_(
        "The consulate has your documents and prepares the request to lift the ban, within five working days."
    ),
    sent_label=_("lifting asked of the host authority"),
    sent_text=_(
        "The request to lift the ban has been sent to the host authority. It must answer by the deadline given "
        "below; do not try to cross the border until it has."
    ),
    answer_text=_("The host authority has answered. The consulate tells you what it means within three working days."),
    good=(
        "lifted",
        _("ban lifted"),
        _("The ban has been lifted. Keep the decision with your passport when you travel."),
        _("Ban lifted"),
    ),
    bad=(
        "upheld",
        _("ban upheld"),
        _(
            "The host authority kept the ban. You may appeal in court until the deadline given below; the consulate "
            "tells you how and until when the ban lasts."
        ),
        _("Ban upheld"),
    ),
)

DEPORTATION = CaseKind(
    CaseType.DEPORTATION,
    (
        REQUESTED_STEP,
        _open(
            _(
                "The consulate is contacting you and the host authority about your deportation, within two working days."
            ),
            basis=VCCR_36,
        ),
        Step(
            "person_contacted",
            _("person contacted"),
            Party.CONSULATE,
            _(
                "The consulate knows where you are. If your passport is missing it issues a certificate of return "
                "within five working days."
            ),
            Deadline(5, basis=SERVICE_STANDARD),
        ),
        Step(
            "documents_issued",
            _("travel document issued"),
            Party.HOST_AUTHORITY,
            _("Your travel document is ready. The host authority arranges your departure; the consulate follows it."),
            # The time the decision gives the person to leave, counted from the day they can.
            Deadline(10, basis=SERVICE_STANDARD, rule=RuleKind.DEPARTURE_DAYS),
        ),
        Step(
            "departure_arranged",
            _("departure arranged"),
            Party.HOST_AUTHORITY,
            _("Your departure is arranged. Tell the consulate here if anything changes."),
            Deadline(10, basis=SERVICE_STANDARD),
        ),
        Step(
            "returned",
            _("returned home"),
            Party.CONSULATE,
            _(
                "You are back home. The consulate closes the case and tells you whether an entry ban follows the "
                "deportation and for how long."
            ),
            Deadline(5, basis=SERVICE_STANDARD),
        ),
        DECLINED_STEP,
        CLOSED_STEP,
    ),
    (
        Move(OPEN, "contact", "person_contacted", _("Person contacted")),
        Move("person_contacted", "issue_documents", "documents_issued", _("Travel document issued")),
        Move("person_contacted", "arrange_departure", "departure_arranged", _("Departure arranged")),
        Move("documents_issued", "arrange_departure", "departure_arranged", _("Departure arranged")),
        Move("departure_arranged", "record_return", "returned", _("Returned home")),
    ),
)

DETENTION = CaseKind(
    CaseType.DETENTION,
    (
        REQUESTED_STEP,
        _open(_("The consulate asks to visit you within three working days."), days=3, basis=VCCR_36),
        Step(
            "visited",
            _("consular visit made"),
            Party.CONSULATE,
            _("The consulate has seen you. It helps you find a lawyer and an interpreter within five working days."),
            Deadline(5, basis=SERVICE_STANDARD),
        ),
        Step(
            "legal_aid",
            _("lawyer arranged"),
            Party.HOST_AUTHORITY,
            _("You have a lawyer. The consulate follows your case with the host authority and the court."),
        ),
        Step(
            "released",
            _("released"),
            Party.CONSULATE,
            _("You have been released. The consulate closes the case once you are safe."),
            Deadline(5, basis=SERVICE_STANDARD),
        ),
        Step(
            "sentenced",
            _("sentenced"),
            Party.CONSULATE,
            _("The court has decided. The consulate keeps visiting you and tells your family, if you wish."),
            Deadline(10, basis=SERVICE_STANDARD),
        ),
        DECLINED_STEP,
        CLOSED_STEP,
    ),
    (
        Move(OPEN, "visit", "visited", _("Consular visit made")),
        Move("visited", "arrange_legal_aid", "legal_aid", _("Lawyer arranged")),
        Move("visited", "record_release", "released", _("Released")),
        Move("legal_aid", "record_release", "released", _("Released")),
        Move("legal_aid", "record_sentence", "sentenced", _("Sentenced")),
    ),
)

UNPAID_WAGES = CaseKind(
    CaseType.UNPAID_WAGES,
    (
        REQUESTED_STEP,
        _open(_("The consulate studies your complaint and tells you within two working days which papers it needs.")),
        Step(
            "documents_requested",
            _("documents asked of the person"),
            Party.PERSON,
            _(
                "Add here, within ten working days, what shows your work and pay: the contract or patent, pay slips, "
                "messages with the employer, bank transfers."
            ),
            Deadline(10, basis=SERVICE_STANDARD),
        ),
        Step(
            "documents_gathered",
            _("documents complete"),
            Party.CONSULATE,
            _("The consulate prepares the complaint to the labour inspectorate within five working days."),
            Deadline(5, basis=SERVICE_STANDARD),
        ),
        Step(
            "claim_sent",
            _("complaint sent to the labour inspectorate"),
            Party.HOST_AUTHORITY,
            _("Your complaint has been sent to the labour inspectorate. It must answer by the deadline given below."),
            ANSWER_DEADLINE,
        ),
        Step(
            "answer_received",
            _("answer received"),
            Party.CONSULATE,
            _("The inspectorate has answered. The consulate tells you what it means within three working days."),
            Deadline(3, basis=SERVICE_STANDARD),
        ),
        Step(
            "paid",
            _("wages paid"),
            Party.PERSON,
            _("The employer has been ordered to pay or has paid. Tell the consulate here when the money arrives."),
            Deadline(10, basis=SERVICE_STANDARD),
        ),
        Step(
            "in_court",
            _("claim in court"),
            Party.HOST_AUTHORITY,
            _("Your claim is in court. The consulate follows it and helps you with a lawyer."),
        ),
        DECLINED_STEP,
        CLOSED_STEP,
    ),
    (
        Move(OPEN, "request_documents", "documents_requested", _("Ask the person for documents")),
        Move(OPEN, "documents_complete", "documents_gathered", _("Documents are complete")),
        Move("documents_requested", "documents_complete", "documents_gathered", _("Documents are complete")),
        Move("documents_gathered", "send_claim", "claim_sent", _("Complaint sent to the labour inspectorate")),
        Move("claim_sent", "record_answer", "answer_received", _("Answer received")),
        Move("answer_received", "record_paid", "paid", _("Wages paid")),
        Move("answer_received", "go_to_court", "in_court", _("Claim taken to court")),
        Move("in_court", "record_paid", "paid", _("Wages paid")),
    ),
)

HEALTH = CaseKind(
    CaseType.HEALTH,
    (
        REQUESTED_STEP,
        _open(_("The consulate contacts you or the hospital within one working day."), days=1),
        Step(
            "contacted",
            _("person or hospital contacted"),
            Party.CONSULATE,
            _(
                "The consulate is in touch. It helps with treatment, insurance and your family within three working days."
            ),
            Deadline(3, basis=SERVICE_STANDARD),
        ),
        Step(
            "care_arranged",
            _("care arranged"),
            Party.PERSON,
            _("Care is arranged. Tell the consulate here how you are and whether you need to go home."),
            Deadline(10, basis=SERVICE_STANDARD),
        ),
        Step(
            "recovered",
            _("recovered or back home"),
            Party.CONSULATE,
            _("You have recovered or are back home. The consulate closes the case."),
            Deadline(5, basis=SERVICE_STANDARD),
        ),
        DECLINED_STEP,
        CLOSED_STEP,
    ),
    (
        Move(OPEN, "contact", "contacted", _("Person or hospital contacted")),
        Move("contacted", "arrange_care", "care_arranged", _("Care arranged")),
        Move("care_arranged", "record_recovery", "recovered", _("Recovered or back home")),
        Move("contacted", "record_recovery", "recovered", _("Recovered or back home")),
    ),
)

DEATH = CaseKind(
    CaseType.DEATH,
    (
        REQUESTED_STEP,
        _open(_("We are deeply sorry. The consulate contacts the family within one working day."), days=1),
        Step(
            "family_informed",
            _("family informed"),
            Party.CONSULATE,
            _(
                "The consulate obtains the death certificate and the permission to transport the body within three "
                "working days."
            ),
            Deadline(3, basis=SERVICE_STANDARD),
        ),
        Step(
            "documents_issued",
            _("documents for repatriation issued"),
            Party.CONSULATE,
            _("The documents are ready. The consulate arranges the transport home within five working days."),
            Deadline(5, basis=SERVICE_STANDARD),
        ),
        Step(
            "repatriation_arranged",
            _("repatriation arranged"),
            Party.CONSULATE,
            _("The transport home is arranged. The consulate tells the family the flight and where to meet it."),
            Deadline(10, basis=SERVICE_STANDARD),
        ),
        Step(
            "remains_returned",
            _("remains returned home"),
            Party.CONSULATE,
            _("The body has been brought home. The consulate closes the case."),
            Deadline(5, basis=SERVICE_STANDARD),
        ),
        DECLINED_STEP,
        CLOSED_STEP,
    ),
    (
        Move(OPEN, "inform_family", "family_informed", _("Family informed")),
        Move("family_informed", "issue_documents", "documents_issued", _("Documents for repatriation issued")),
        Move("documents_issued", "arrange_repatriation", "repatriation_arranged", _("Repatriation arranged")),
        Move("repatriation_arranged", "record_return", "remains_returned", _("Remains returned home")),
    ),
)

LOST_DOCUMENTS = CaseKind(
    CaseType.LOST_DOCUMENTS,
    (
        REQUESTED_STEP,
        _open(_("The consulate checks who you are from the register within three working days."), days=3),
        Step(
            "identity_confirmed",
            _("identity confirmed"),
            Party.CONSULATE,
            _("Your identity is confirmed. The consulate issues a certificate of return or a new passport."),
            Deadline(10, basis=SERVICE_STANDARD),
        ),
        Step(
            "document_issued",
            _("document issued"),
            Party.PERSON,
            _("Your document is ready. Collect it at the consulate with this case's number within 30 days."),
            Deadline(30, working=False, basis=SERVICE_STANDARD),
        ),
        Step(
            "handed_over",
            _("document handed over"),
            Party.CONSULATE,
            _("You have your document. The consulate closes the case."),
            Deadline(2, basis=SERVICE_STANDARD),
        ),
        DECLINED_STEP,
        CLOSED_STEP,
    ),
    (
        Move(OPEN, "confirm_identity", "identity_confirmed", _("Identity confirmed")),
        Move("identity_confirmed", "issue_document", "document_issued", _("Document issued")),
        Move("document_issued", "hand_over", "handed_over", _("Document handed over")),
    ),
)

OTHER = CaseKind(
    CaseType.OTHER,
    (
        REQUESTED_STEP,
        _open(_("The consulate studies your request and answers within two working days.")),
        Step(
            "in_progress",
            _("in progress"),
            Party.CONSULATE,
            _("The consulate is working on your request and writes here what it does."),
            Deadline(10, basis=SERVICE_STANDARD),
        ),
        Step(
            "waiting_for_person",
            _("waiting for the person"),
            Party.PERSON,
            _("The consulate is waiting for an answer from you: read its note."),
            Deadline(10, basis=SERVICE_STANDARD),
        ),
        Step(
            "resolved",
            pgettext_lazy("step of a case", "resolved"),
            Party.CONSULATE,
            _("Your request is resolved. The consulate closes the case."),
            Deadline(5, basis=SERVICE_STANDARD),
        ),
        DECLINED_STEP,
        CLOSED_STEP,
    ),
    (
        Move(OPEN, "start", "in_progress", _("Start work")),
        Move("in_progress", "ask_person", "waiting_for_person", _("Ask the person")),
        Move("waiting_for_person", "start", "in_progress", _("Answer received: continue")),
        Move("in_progress", "resolve", "resolved", _("Resolved")),
    ),
)

KINDS: dict[str, CaseKind] = {
    kind.case_type: kind
    for kind in (
        REGISTER_REMOVAL,
        ENTRY_BAN,
        DEPORTATION,
        DETENTION,
        UNPAID_WAGES,
        HEALTH,
        DEATH,
        LOST_DOCUMENTS,
        OTHER,
    )
}
assert set(KINDS) == set(CaseType.values), "every case type has its steps"

# The moves every type has: accepting or declining a request, closing from any step, reopening;
# and, where the type has a state for it, the list no longer naming the person.
DELISTED = "delisted"
ACCEPT = "accept"
DECLINE = "decline"
CLOSE = "close"
REOPEN = "reopen"
OUTCOME_REQUIRED = (DECLINE, CLOSE)


def kind_of(case: Any) -> CaseKind:
    return KINDS[case.case_type]


def _transitions(kind: CaseKind) -> Iterable[Transition]:
    yield Transition(REQUESTED, ACCEPT, OPEN, permission="case.accept", label=_("Accept the request"))
    yield Transition(REQUESTED, DECLINE, DECLINED, permission="case.accept", label=_("Decline the request"))
    for move in kind.moves:
        yield Transition(move.source, move.action, move.target, permission="case.change", label=move.label)
    for step in kind.steps:
        if step.state not in (REQUESTED, CLOSED, DECLINED):
            yield Transition(step.state, CLOSE, CLOSED, permission="case.change", label=_("Close the case"))
    yield Transition(CLOSED, REOPEN, OPEN, permission="case.change", label=_("Reopen the case"))
    if kind.delisted_state is not None:
        for step in kind.steps:
            if step.state not in (CLOSED, DECLINED, kind.delisted_state):
                yield Transition(
                    step.state,
                    DELISTED,
                    kind.delisted_state,
                    permission="case.record_delisting",
                    label=_("No longer on the list"),
                )


def workflows_register() -> None:
    """One workflow per type, named ``case.<type>``, moved by ``workflows.services.transition``."""
    from mekendesh.cases.services import case_notify_move, case_step_fields

    for kind in KINDS.values():
        transitions = list(_transitions(kind))
        workflow_register(
            Workflow(
                name=kind.name,
                model="cases.Case",
                states={step.state: step.label for step in kind.steps},
                transitions=transitions,
                prepare={item.action: case_step_fields for item in transitions},
                refusals={
                    ACCEPT: _("Only a request that awaits acceptance can be accepted."),
                    DECLINE: _("Only a request that awaits acceptance can be declined."),
                    CLOSE: _("This case is already closed."),
                    REOPEN: _("Only a closed case can be reopened."),
                },
                audit_person=lambda case: case.person,
                on_commit=[case_notify_move],
            )
        )
