"""The screening API: candidates (filtered), a candidate with the explanation of its score, and
judgements — 200, 409 for a stale version, 400 for a refused one (four eyes included), 404 for a
candidate the caller may not see, one judgement per Idempotency-Key."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.cases.models import Case
from mekendesh.screening.models import Candidate, CandidateStatus, Judgement

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def detail_url(candidate):
    return reverse("api:screening_candidate", kwargs={"candidate_id": candidate.public_id})


def judge_url(candidate):
    return reverse("api:screening_candidate_judgements", kwargs={"candidate_id": candidate.public_id})


def send(client, candidate, verdict, *, version=None, note="", blind=False, key=None):
    headers = {"Idempotency-Key": key} if key else {}
    body = {"verdict": verdict, "note": note, "version": version or Candidate.objects.get().version, "blind": blind}
    return client.post(judge_url(candidate), body, content_type="application/json", headers=headers)


def test_the_list_gives_the_pairs_still_to_decide_with_their_probability(sign_in, analyst, listed_candidate):
    response = sign_in(analyst).get(reverse("api:screening_candidates"))
    assert response.status_code == 200
    (row,) = response.json()["results"]
    assert row["id"] == str(listed_candidate.public_id) and row["status"] == "open"
    assert row["probability"] > 0.99 and row["entry"]["list"] == "Реестр контролируемых лиц"
    assert row["person_name"] == "Токтосунова Айгерим Асан кызы" and row["conflict"] is False


def test_the_list_is_filtered_by_status_and_list(sign_in, analyst, listed_candidate):
    client = sign_in(analyst)
    url = reverse("api:screening_candidates")
    assert client.get(url, {"status": "rejected"}).json()["results"] == []
    source = listed_candidate.entry.source.public_id
    assert len(client.get(url, {"list": str(source)}).json()["results"]) == 1
    assert client.get(url, {"list": str(uuid.uuid4())}).status_code == 404
    assert client.get(url, {"status": "nonsense"}).status_code == 400


def test_the_detail_explains_the_score_and_masks_the_document_for_an_analyst(sign_in, analyst, listed_candidate):
    before = AuditEvent.objects.count()
    detail = sign_in(analyst).get(detail_url(listed_candidate)).json()
    steps = {step["name"]: step for step in detail["explanation"]}
    names = [step["name"] for step in detail["explanation"]]
    assert (names[0], names[-1]) == ("prior", "total")
    assert steps["birth_date"]["level"] == "exact" and steps["birth_date"]["weight"] > 0
    assert abs(steps["total"]["end"] - detail["weight"]) < 1e-9
    raw = {cell["column"]: cell["value"] for cell in detail["raw"]}
    assert raw["ФИО"] == "ТОКТОСУНОВА Айгерим Асановна" and raw["Документ"] == "••••••567"
    assert detail["documents"][0]["number"] == "••••••567"
    assert {name["full_name"] for name in detail["names"]} >= {"TOKTOSUNOVA AIGERIM"}
    assert set(detail["verdicts"]) == {"same", "not_same", "unsure"}
    reads = {(row.action, row.object_type) for row in AuditEvent.objects.order_by("pk")[before:]}
    assert {("read", "screening.candidate"), ("read", "screening.listentry")} <= reads


def test_the_moscow_officer_reads_the_detail_with_the_full_number_and_may_send_no_verdict(
    sign_in, officer_moscow, listed_candidate
):
    client = sign_in(officer_moscow)
    detail = client.get(detail_url(listed_candidate)).json()
    assert detail["documents"][0]["number"] == "AC1234567" and detail["verdicts"] == []
    assert send(client, listed_candidate, "same").status_code == 403
    assert Candidate.objects.get().status == CandidateStatus.OPEN


@pytest.mark.parametrize("role", ["officer_other", "statistician", "ministry_officer"])
def test_whoever_may_not_see_the_candidate_gets_404(request, sign_in, listed_candidate, role):
    client = sign_in(request.getfixturevalue(role))
    assert client.get(detail_url(listed_candidate)).status_code == 404
    assert send(client, listed_candidate, "same").status_code == 404
    assert Candidate.objects.get().status == CandidateStatus.OPEN


def test_a_proposal_confirmed_by_a_second_analyst_opens_the_case(sign_in, analyst, analyst_2, listed_candidate):
    proposed = send(sign_in(analyst), listed_candidate, "same", note="Same passport")
    assert proposed.status_code == 200 and proposed.json()["status"] == "proposed"
    confirmed = send(sign_in(analyst_2), listed_candidate, "confirm", blind=True)
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"
    assert confirmed.json()["case"] == str(Case.objects.get().public_id)
    assert list(Judgement.objects.values_list("verdict", "blind")) == [("same", False), ("confirm", True)]


def test_the_proposer_confirming_gets_400_with_the_four_eyes_message(sign_in, analyst, listed_candidate):
    client = sign_in(analyst)
    send(client, listed_candidate, "same")
    refused = send(client, listed_candidate, "confirm")
    assert refused.status_code == 400
    assert "another reviewer confirms it (four eyes)" in refused.json()["detail"]


def test_a_stale_version_gets_409_and_changes_nothing(sign_in, analyst, analyst_2, listed_candidate):
    seen = listed_candidate.version
    assert send(sign_in(analyst), listed_candidate, "not_same", version=seen).status_code == 200
    late = send(sign_in(analyst_2), listed_candidate, "same", version=seen)
    assert late.status_code == 409
    assert Candidate.objects.get().status == CandidateStatus.REJECTED


def test_an_idempotency_key_sent_twice_records_one_judgement(sign_in, analyst, listed_candidate):
    client = sign_in(analyst)
    key = str(uuid.uuid4())
    version = listed_candidate.version
    first = send(client, listed_candidate, "unsure", version=version, key=key)
    again = send(client, listed_candidate, "unsure", version=version, key=key)
    assert (first.status_code, again.status_code) == (200, 200)
    assert Judgement.objects.count() == 1
    assert send(client, listed_candidate, "unsure", key="not-a-uuid").status_code == 400


def test_a_judgement_undone_through_the_api_is_in_the_history(sign_in, analyst, listed_candidate):
    client = sign_in(analyst)
    send(client, listed_candidate, "not_same", note="Other father")
    undone = send(client, listed_candidate, "undo", note="Wrong button")
    assert undone.status_code == 200 and undone.json()["status"] == "open"
    assert [item["action"] for item in undone.json()["history"]] == ["not_same", "undo"]
    assert [item["note"] for item in undone.json()["history"]] == ["Other father", "Wrong button"]


def test_the_anonymous_are_asked_to_authenticate(client, listed_candidate):
    assert client.get(reverse("api:screening_candidates")).status_code in (401, 403)
