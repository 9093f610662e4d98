"""The cases' REST API: the list, a case's detail and the moves of its workflow, for the
officers who work cases (consular officers of the case's district, the ministry's case officers),
with the same visibility and audit rows as the staff pages. A case the caller may not see
answers 404; two officers moving the same case at once, 409 for the second."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, permissions, status
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from mekendesh.accounts.permissions import can
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import AuditEntry, audit_read, audit_record_many
from mekendesh.cases import selectors, services
from mekendesh.cases.deadlines import Urgency, case_clock
from mekendesh.cases.models import Case
from mekendesh.cases.serializers import (
    CaseDetailSerializer,
    CaseFiltersSerializer,
    CaseSummarySerializer,
    CaseTransitionSerializer,
    CaseView,
)
from mekendesh.cases.workflows import kind_of
from mekendesh.workflows.api import (
    MOVE_REFUSALS,
    ProblemSerializer,
    idempotency_key,
    idempotency_parameter,
    key_taken,
    problem,
    problem_for,
)
from mekendesh.workflows.engine import workflow_get


class CanWorkCases(permissions.BasePermission):
    """Signed-in officers who work cases; other signed-in users get 404, as on the staff pages,
    and the anonymous are asked to authenticate."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        if not can(request.user, "case.view"):
            raise NotFound
        return True


class CasePagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def _audit_cases_read(actor: Any, cases: list[Case]) -> None:
    """One read row per case shown (a case holds personal data even before it is linked to a
    person on the register: the name and contacts given by whoever asked)."""
    if not cases:
        return
    with transaction.atomic():
        audit_record_many(
            actor=actor,
            entries=[AuditEntry(action=AuditEvent.Action.READ, obj=case, person=case.person) for case in cases],
        )


def _detail(user: Any, case: Case) -> dict[str, Any]:
    audit_read(actor=user, obj=case, person=case.person)
    view = CaseView(
        case=case,
        clock=case_clock(case),
        step=kind_of(case).step(case.status),
        moves=selectors.moves_for(user, case),
        timeline=selectors.case_timeline(case=case, for_person=False),
    )
    return dict(CaseDetailSerializer(view).data)


@extend_schema(summary="Assistance cases", parameters=[CaseFiltersSerializer])
class CaseListView(generics.ListAPIView):
    """The cases the caller may see, most urgent first (earliest deadline; paused and finished
    cases after), filtered by state, type, colour and assignment."""

    serializer_class = CaseSummarySerializer
    permission_classes = [CanWorkCases]
    pagination_class = CasePagination

    def get_queryset(self) -> Any:
        return Case.objects.none()

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        query = CaseFiltersSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        wanted = query.validated_data
        filters = selectors.CaseFilters(
            state=wanted["state"],
            case_type=wanted.get("type", ""),
            urgency=wanted.get("urgency", ""),
            mine=wanted["mine"],
        )
        cases: Any = selectors.case_list(request.user, filters)
        if filters.urgency in (Urgency.AMBER, Urgency.GREEN):
            # The selector narrows to cases in time; the colour itself counts the working days of
            # each case's acting party.
            cases = [case for case in cases if case_clock(case).urgency == filters.urgency]
        page = self.paginate_queryset(cases) or []
        _audit_cases_read(request.user, list(page))
        rows = [CaseView(row.case, row.clock, row.step) for row in selectors.case_rows(page)]
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)


@extend_schema(summary="An assistance case", responses={200: CaseDetailSerializer, 404: ProblemSerializer})
class CaseDetailView(generics.GenericAPIView):
    serializer_class = CaseDetailSerializer
    permission_classes = [CanWorkCases]

    def get(self, request: Request, case_id: uuid.UUID) -> Response:
        case = selectors.case_get_for_staff(user=request.user, public_id=case_id)
        return Response(_detail(request.user, case))


@extend_schema(
    summary="Move a case to its next step",
    request=CaseTransitionSerializer,
    parameters=[idempotency_parameter("move")],
    responses={
        200: CaseDetailSerializer,
        400: OpenApiResponse(ProblemSerializer, description="A move the case's step does not allow, or no outcome."),
        403: OpenApiResponse(ProblemSerializer, description="A move the caller may not make on this case."),
        404: OpenApiResponse(ProblemSerializer, description="A case the caller may not see."),
        409: OpenApiResponse(
            ProblemSerializer,
            description="Someone else changed the case since the caller read ``version``, or the key was used for "
            "another move.",
        ),
    },
)
class CaseTransitionView(generics.GenericAPIView):
    """The officer the case is assigned to (or the head of its consulate, or a ministry case
    officer) moves it by one of the moves its detail lists, sending back the ``version`` read."""

    serializer_class = CaseTransitionSerializer
    permission_classes = [CanWorkCases]

    def post(self, request: Request, case_id: uuid.UUID) -> Response:
        user = request.user
        case = selectors.case_get_for_staff(user=user, public_id=case_id)
        key = idempotency_key(request)
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        action = body.validated_data["action"]
        if action not in workflow_get(case.workflow_name).actions:
            message = _("A case of this type has no move “%(action)s”.") % {"action": action}
            return problem(message, status.HTTP_400_BAD_REQUEST, action=[message])
        try:
            moved = services.case_move(
                actor=user,
                case=case,
                action=action,
                note=body.validated_data["note"],
                expected_version=body.validated_data["version"],
                idempotency_key=key,
            )
        except MOVE_REFUSALS as exc:
            return problem_for(exc)
        if moved.pk != case.pk:
            # The key replayed the same move of another case: this one was not moved.
            return key_taken()
        return Response(_detail(user, selectors.case_get_for_staff(user=user, public_id=case.public_id)))
