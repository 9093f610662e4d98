"""One replay mechanism: a submission key replays its first result for its own actor only."""

from __future__ import annotations

import uuid

import pytest

from mekendesh.workflows.errors import SubmissionKeyTaken
from mekendesh.workflows.idempotency import submission_replay, submitted_once
from mekendesh.workflows.models import Submission


def test_a_key_is_carried_out_once_and_replays_its_first_result(officer_moscow, places):
    made = []

    def make():
        made.append(1)
        return places["moscow_district"]

    key = uuid.uuid4()
    first = submitted_once(key=key, actor=officer_moscow, kind="example", make=make)
    again = submitted_once(key=key, actor=officer_moscow, kind="example", make=make)
    assert first == (places["moscow_district"], True) and again == (places["moscow_district"], False)
    assert made == [1] and Submission.objects.count() == 1


def test_a_key_of_another_actor_or_of_another_kind_replays_nothing(officer_moscow, officer_other, places):
    key = uuid.uuid4()
    submitted_once(key=key, actor=officer_moscow, kind="example", make=lambda: places["moscow_district"])
    with pytest.raises(SubmissionKeyTaken):
        submission_replay(key=key, actor=officer_other, kind="example")
    with pytest.raises(SubmissionKeyTaken):
        submission_replay(key=key, actor=officer_moscow, kind="another")
    assert submission_replay(key=uuid.uuid4(), actor=officer_moscow, kind="example") is None


def test_work_that_fails_leaves_no_key_behind(officer_moscow):
    key = uuid.uuid4()

    def fails():
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        submitted_once(key=key, actor=officer_moscow, kind="example", make=fails)
    assert not Submission.objects.exists()
