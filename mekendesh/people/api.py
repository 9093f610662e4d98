"""The register's REST API (read-only): the same people, visibility rules and audit rows as the
staff pages. Anything a user may not see answers 404."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from mekendesh.audit.services import audit_people_read, audit_read
from mekendesh.people import selectors
from mekendesh.people.models import Person
from mekendesh.people.serializers import PersonDetailSerializer, PersonSummarySerializer


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
            "q", str, required=True,
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
        context = super().get_serializer_context()
        person = getattr(self, "_person", None)
        context["show_numbers"] = person is not None and selectors.can_see_document_numbers(self.request.user, person)
        context["show_contacts"] = person is not None and selectors.has_agreed_to_contact(person)
        return context

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self._person = self.get_object()
        return Response(self.get_serializer(self._person).data)
