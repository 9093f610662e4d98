"""The register's REST API (read-only): the same people, visibility rules and audit rows as the
staff pages. Anything a user may not see answers 404."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from mekendesh.accounts.permissions import can
from mekendesh.audit.services import audit_people_read, audit_read
from mekendesh.people import selectors, services
from mekendesh.people.models import Person
from mekendesh.people.serializers import PersonDetailSerializer, PersonSummarySerializer
from mekendesh.workflows.errors import StaleObjectError


class CanReadPeople(permissions.BasePermission):
    """Signed-in consular officers and screening analysts. Other signed-in users get 404, as on
    the staff pages; the anonymous are asked to authenticate."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        if not selectors.can_search_people(request.user):
            raise NotFound
        return True


@extend_schema(
    summary="Search people",
    parameters=[
        OpenApiParameter(
            "q",
            str,
            required=True,
            description="A name in any script or spelling (Kyrgyz or Russian Cyrillic, passport Latin), "
            "or an exact document number.",
        )
    ],
)
class PersonSearchView(generics.ListAPIView):
    serializer_class = PersonSummarySerializer
    permission_classes = [CanReadPeople]
    pagination_class = None

    def get_queryset(self) -> Any:
        return Person.objects.none()

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        query = request.query_params.get("q", "")
        people = selectors.person_search(user=request.user, query=query) if query.strip() else []
        audit_people_read(actor=request.user, people=people)
        return Response(self.get_serializer(people, many=True).data)


@extend_schema(summary="A person on the register")
class PersonDetailView(generics.RetrieveAPIView):
    serializer_class = PersonDetailSerializer
    permission_classes = [CanReadPeople]
    lookup_field = "public_id"

    def get_object(self) -> Person:
        person = selectors.person_get_for_staff(user=self.request.user, public_id=self.kwargs["public_id"])
        audit_read(actor=self.request.user, obj=person, person=person)
        return person

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        person = getattr(self, "_person", None)
        context["show_numbers"] = person is not None and selectors.can_see_document_numbers(self.request.user, person)
        context["show_contacts"] = person is not None and selectors.has_agreed_to_contact(person)
        return context

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self._person = self.get_object()
        return Response(self.get_serializer(self._person).data)


class CanVerifyStays(permissions.BasePermission):
    """Signed-in consular officers; other signed-in users get 404, the anonymous 401/403."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        if not can(request.user, "stay.verify"):
            raise NotFound
        return True


class StayVerifySerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, help_text="The stay's version as the caller read it.")
    idempotency_key = serializers.UUIDField(required=False, help_text="Sent again, the same key verifies once.")


class StayStateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    version = serializers.IntegerField()


@extend_schema(
    summary="Verify a declared stay",
    request=StayVerifySerializer,
    responses={200: StayStateSerializer, 400: None, 404: None, 409: None},
)
class StayVerifyView(generics.GenericAPIView):
    """An officer of the stay's consular district verifies it. A stale ``version`` (someone else
    changed the stay since it was read) answers 409; a stay that is not declared answers 400."""

    serializer_class = StayVerifySerializer
    permission_classes = [CanVerifyStays]

    def post(self, request: Request, stay_id: int) -> Response:
        stay = selectors.stay_get_for_staff(user=request.user, stay_id=stay_id)
        if not selectors.can_change_stay(request.user, stay):
            raise NotFound
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            stay = services.stay_verify(
                actor=request.user,
                stay=stay,
                expected_version=body.validated_data["version"],
                idempotency_key=body.validated_data.get("idempotency_key"),
            )
        except StaleObjectError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        except ValidationError as exc:
            return Response({"detail": " ".join(exc.messages)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(StayStateSerializer({"id": stay.pk, "status": stay.status, "version": stay.version}).data)
