"""Judging a candidate on its page: a proposal, the proposer refused the confirmation (four eyes)
and a second analyst confirming it, which opens the case; two analysts judging at once (the
second is told, with the note kept); undoing with the history kept; a form sent twice."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.cases.models import Case
from mekendesh.screening.models import Candidate, CandidateStatus, Judgement

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def judge(client, candidate, verdict, *, note="", version=None, key=None, blind=""):
    data = {"verdict": verdict, "note": note, "version": version or Candidate.objects.get(pk=candidate.pk).version}
    if key:
        data["submission_key"] = key
    if blind:
        data["blind"] = blind
    return client.post(reverse("staff:screening_candidate_judge", kwargs={"candidate_id": candidate.public_id}), data)


def page_of(candidate):
    return reverse("staff:screening_candidate", kwargs={"candidate_id": candidate.public_id})


def test_an_analyst_proposes_the_match_and_is_sent_back_to_the_candidate(sign_in, analyst, listed_candidate):
    client = sign_in(analyst)
    response = judge(client, listed_candidate, "same", note="Same date of birth and passport")
    assert response.status_code == 302 and response["Location"] == page_of(listed_candidate)
    page = client.get(response["Location"]).text
    assert "Proposed as the same person: another reviewer confirms it." in page
    assert "Same date of birth and passport" in page  # in the history
    candidate = Candidate.objects.get()
    assert (candidate.status, candidate.proposed_by) == (CandidateStatus.PROPOSED, analyst)


def test_the_proposer_is_refused_the_confirmation_with_the_four_eyes_message(sign_in, analyst, listed_candidate):
    client = sign_in(analyst)
    judge(client, listed_candidate, "same")
    page = client.get(page_of(listed_candidate)).text
    assert "You proposed this match: another reviewer confirms it (four eyes)." in page
    refused = judge(client, listed_candidate, "confirm", note="Sure of it")
    assert refused.status_code == 400
    assert "You proposed this match yourself: another reviewer confirms it (four eyes)." in refused.text
    assert "Sure of it</textarea>" in refused.text
    assert Candidate.objects.get().status == CandidateStatus.PROPOSED
    assert not Case.objects.exists()


def test_a_second_analysts_confirmation_opens_the_case_and_the_page_says_where(
    sign_in, analyst, analyst_2, listed_candidate, places
):
    judge(sign_in(analyst), listed_candidate, "same")
    second = sign_in(analyst_2)
    confirmed = judge(second, listed_candidate, "confirm", note="Passport number matches")
    assert confirmed.status_code == 302
    case = Case.objects.get()
    assert (case.person, case.case_type, case.consular_district) == (
        listed_candidate.person,
        "register_removal",
        places["moscow_district"],
    )
    page = second.get(page_of(listed_candidate)).text
    assert f"Case {case.number} is opened for Embassy in Moscow." in page
    # An analyst does not open case pages: the page says the case exists and where, without a link.
    assert reverse("staff:case", kwargs={"case_id": case.public_id}) not in page
    assert "Case opened" in page and "Embassy in Moscow" in page


def test_the_moscow_officer_follows_the_link_to_the_case_a_confirmation_opened(
    sign_in, analyst, analyst_2, officer_moscow, listed_candidate
):
    judge(sign_in(analyst), listed_candidate, "same")
    judge(sign_in(analyst_2), listed_candidate, "confirm")
    case = Case.objects.get()
    page = sign_in(officer_moscow).get(page_of(listed_candidate)).text
    assert reverse("staff:case", kwargs={"case_id": case.public_id}) in page


def test_two_analysts_judging_at_once_the_second_is_told_someone_else_changed_it_and_keeps_the_note(
    sign_in, analyst, analyst_2, listed_candidate
):
    seen = listed_candidate.version  # both opened the page at this version
    assert judge(sign_in(analyst), listed_candidate, "not_same", version=seen).status_code == 302
    late = judge(sign_in(analyst_2), listed_candidate, "same", note="Named in the consulate's letter", version=seen)
    assert late.status_code == 409
    assert "Someone else changed this record while you were editing it." in late.text
    assert "Named in the consulate&#x27;s letter</textarea>" in late.text
    candidate = Candidate.objects.get()
    assert candidate.status == CandidateStatus.REJECTED
    # The page shows the candidate as it is now, ready for the next judgement.
    assert f'name="version" value="{candidate.version}"' in late.text


def test_a_judgement_is_undone_from_the_page_and_the_history_keeps_both(sign_in, analyst, listed_candidate):
    client = sign_in(analyst)
    judge(client, listed_candidate, "not_same", note="Other father's name")
    undone = judge(client, listed_candidate, "undo", note="Wrong button")
    assert undone.status_code == 302
    assert Candidate.objects.get().status == CandidateStatus.OPEN
    history = client.get(page_of(listed_candidate)).text.split('id="h-history"')[1]
    assert "Other father&#x27;s name" in history and "Wrong button" in history
    assert history.index("Other father") < history.index("Wrong button")
    assert list(Judgement.objects.values_list("verdict", flat=True)) == ["not_same", "undo"]


def test_the_same_form_sent_twice_records_one_judgement(sign_in, analyst, listed_candidate):
    client = sign_in(analyst)
    key = "6a1f6f0e-4a57-4ad1-9b53-1b1f3f5f2a11"
    version = listed_candidate.version
    assert judge(client, listed_candidate, "unsure", version=version, key=key).status_code == 302
    assert judge(client, listed_candidate, "unsure", version=version, key=key).status_code == 302
    assert Judgement.objects.count() == 1
    assert Candidate.objects.get().status == CandidateStatus.UNSURE


def test_an_officer_cannot_judge_even_by_sending_the_form(sign_in, officer_moscow, listed_candidate):
    assert judge(sign_in(officer_moscow), listed_candidate, "same").status_code == 404
    assert Candidate.objects.get().status == CandidateStatus.OPEN
