"""The screening API: candidate matches (the list, a candidate with the explanation of its score)
and judgements, with the same visibility, rules and audit rows as the staff pages. Analysts see
and judge every candidate; a consular officer reads those of the people of their districts. A
candidate the caller may not see answers 404; two reviewers judging one candidate at once, 409
for the second; "same person" confirmed by its own proposer, 400 (four eyes)."""

from __future__ import annotations

import uuid
from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, permissions
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from mekendesh.accounts.permissions import can
from mekendesh.screening import selectors, services
from mekendesh.screening.evidence import candidate_evidence, candidates_audit, evidence_audit
from mekendesh.screening.models import Candidate, ListSource, Verdict
from mekendesh.screening.serializers import (
    CandidateDetailSerializer,
    CandidateFiltersSerializer,
    CandidateSummarySerializer,
    CandidateView,
    JudgementSerializer,
)
from mekendesh.screening.workflows import CANDIDATE
from mekendesh.web.pagination import CappedPaginator
from mekendesh.workflows.api import (
    MOVE_REFUSALS,
    ProblemSerializer,
    idempotency_key,
    idempotency_parameter,
    key_taken,
    problem_for,
)


class CanSeeCandidates(permissions.BasePermission):
    """Signed-in analysts and consular officers; other signed-in users get 404, as on the staff
    pages, and the anonymous are asked to authenticate."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        if not can(request.user, "screening.view"):
            raise NotFound
        return True


class CandidatePagination(PageNumberPagination):
    """Pages of 50; the count stops at 10,000 (``CappedPaginator``): a queue that long needs its
    first pages, not an exact number."""

    django_paginator_class = CappedPaginator
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def _verdicts(user: Any, candidate: Candidate) -> tuple[str, ...]:
    actions = {move.action for move in CANDIDATE.available(candidate, user)}
    return tuple(verdict for verdict in Verdict.values if services.ACTIONS.get(verdict, verdict) in actions)


def _detail(user: Any, candidate: Candidate) -> dict[str, Any]:
    evidence = candidate_evidence(user=user, candidate=candidate)
    evidence_audit(actor=user, evidence=evidence)
    view = CandidateView(
        candidate=candidate,
        conflict=evidence.has_conflicts,
        evidence=evidence,
        verdicts=_verdicts(user, candidate),
    )
    return dict(CandidateDetailSerializer(view).data)


@extend_schema(summary="Candidate matches", parameters=[CandidateFiltersSerializer])
class CandidateListView(generics.ListAPIView):
    """The candidates the caller may see, most likely first: by default those still to decide
    (to review, unsure, awaiting a second reviewer), or those of one status; of one list."""

    serializer_class = CandidateSummarySerializer
    permission_classes = [CanSeeCandidates]
    pagination_class = CandidatePagination

    def get_queryset(self) -> Any:
        return Candidate.objects.none()

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        query = CandidateFiltersSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        wanted = query.validated_data
        source = None
        if wanted.get("list") is not None:
            source = ListSource.objects.filter(public_id=wanted["list"]).first()
            if source is None:
                raise NotFound
        candidates = selectors.review_queue(request.user, status=wanted.get("status", ""), source=source)
        page = list(self.paginate_queryset(candidates) or [])
        candidates_audit(actor=request.user, candidates=page)
        flagged = selectors.conflicted_ids(page)
        rows = [CandidateView(candidate=candidate, conflict=candidate.pk in flagged) for candidate in page]
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)


@extend_schema(
    summary="A candidate match, with the explanation of its score",
    responses={200: CandidateDetailSerializer, 404: ProblemSerializer},
)
class CandidateDetailView(generics.GenericAPIView):
    serializer_class = CandidateDetailSerializer
    permission_classes = [CanSeeCandidates]

    def get(self, request: Request, candidate_id: uuid.UUID) -> Response:
        candidate = selectors.candidate_get(user=request.user, public_id=candidate_id)
        return Response(_detail(request.user, candidate))


@extend_schema(
    summary="Judge a candidate match",
    request=JudgementSerializer,
    parameters=[idempotency_parameter("judgement")],
    responses={
        200: CandidateDetailSerializer,
        400: OpenApiResponse(
            ProblemSerializer,
            description="A judgement the candidate's review does not allow now, or a confirmation by the reviewer "
            "who proposed the match (four eyes).",
        ),
        403: OpenApiResponse(ProblemSerializer, description="The caller reads candidates but does not judge them."),
        404: OpenApiResponse(ProblemSerializer, description="A candidate the caller may not see."),
        409: OpenApiResponse(
            ProblemSerializer,
            description="Someone else judged the candidate since the caller read ``version``, or the key was used "
            "for another request.",
        ),
    },
)
class CandidateJudgementView(generics.GenericAPIView):
    """A reviewer's judgement, sending back the ``version`` read: "same" proposes the match,
    a second reviewer's "confirm" confirms it and opens the case the list's kind calls for."""

    serializer_class = JudgementSerializer
    permission_classes = [CanSeeCandidates]

    def post(self, request: Request, candidate_id: uuid.UUID) -> Response:
        user = request.user
        candidate = selectors.candidate_get(user=user, public_id=candidate_id)
        key = idempotency_key(request)
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            if data["verdict"] == Verdict.UNDO:
                moved = services.candidate_undo(
                    actor=user, candidate=candidate, note=data["note"], expected_version=data["version"]
                )
            else:
                moved = services.candidate_judge(
                    actor=user,
                    candidate=candidate,
                    verdict=data["verdict"],
                    note=data["note"],
                    blind=data["blind"],
                    expected_version=data["version"],
                    idempotency_key=key,
                )
        except MOVE_REFUSALS as exc:
            return problem_for(exc)
        if moved.pk != candidate.pk:
            # The key replayed a judgement of another candidate: this one was not judged.
            return key_taken()
        return Response(_detail(user, selectors.candidate_get(user=user, public_id=candidate.public_id)))
