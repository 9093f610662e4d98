"""The public status check's API, mounted at ``/api/status/`` (namespace ``status_api:``).

``POST /api/status/`` takes the surname, date of birth and passport number in its JSON body and
answers as the page does: the lists naming a person with these details, what they mean, whom to
turn to, and a check token with the sentence about the code. ``POST /api/status/code/`` takes the
token and the code of the message and answers the person's cases as they read them.

No session is needed, and none is read: the views authenticate nobody, so REST framework does not
ask for a CSRF token. That is safe here because nothing a browser sends on its own (a cookie)
changes what these answers are or do: another site that made a visitor's browser post to them
gets what it could get by posting itself, which the limits per address and per passport number
hold back, and cannot read the answer (no cross-origin reading is allowed). The check changes
nothing on the register; it only counts attempts and lets the delivery job send a code to the
contact the person registered.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from mekendesh.lib.ratelimit import client_address
from mekendesh.people.validators import validate_birth_date
from mekendesh.screening import status as checks
from mekendesh.screening.status_views import padded, query_string_refusal

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class StatusRequestSerializer(serializers.Serializer):
    surname = serializers.CharField(max_length=100)
    birth_date = serializers.DateField(input_formats=DATE_FORMATS, help_text="YYYY-MM-DD or DD.MM.YYYY")
    document_number = serializers.CharField(max_length=40)

    def validate_birth_date(self, value: Any) -> Any:
        return validate_birth_date(value)


class ListingSerializer(serializers.Serializer):
    list_name = serializers.CharField()
    authority = serializers.CharField()
    country = serializers.CharField()
    kind = serializers.CharField()
    since = serializers.DateField(allow_null=True)
    consequence = serializers.CharField()
    advice = serializers.CharField(allow_blank=True)


class ConsulateSerializer(serializers.Serializer):
    name = serializers.CharField()
    city = serializers.CharField()
    address = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)
    email = serializers.CharField(allow_blank=True)
    opening_hours = serializers.CharField(allow_blank=True)
    website = serializers.CharField(allow_blank=True)


class CodeOfferSerializer(serializers.Serializer):
    check = serializers.CharField(help_text="Sent back with the code to POST /api/status/code/.")
    valid_until = serializers.DateTimeField()
    message = serializers.CharField()


class StatusAnswerSerializer(serializers.Serializer):
    named = serializers.BooleanField(
        help_text="Whether a list known to the ministry names a person with these details."
    )
    message = serializers.CharField()
    lists = ListingSerializer(many=True)
    consulates = ConsulateSerializer(many=True)
    code = CodeOfferSerializer()


class CodeRequestSerializer(serializers.Serializer):
    check = serializers.CharField(max_length=100)
    code = serializers.CharField(max_length=12)


class CaseLineSerializer(serializers.Serializer):
    number = serializers.CharField()
    case_type = serializers.CharField()
    step = serializers.CharField()
    what_it_means = serializers.CharField()
    who_acts = serializers.CharField()
    due_date = serializers.DateField(allow_null=True)
    finished = serializers.BooleanField()
    outcome = serializers.CharField(allow_blank=True)


class CasesAnswerSerializer(serializers.Serializer):
    cases = CaseLineSerializer(many=True)


REFUSED = inline_serializer("StatusRefused", fields={"detail": serializers.CharField()})
CODE_REFUSED = inline_serializer(
    "StatusCodeRefused",
    fields={
        "detail": serializers.CharField(),
        "outcome": serializers.ChoiceField(choices=["wrong", "spent", "expired", "used"]),
        "tries_left": serializers.IntegerField(),
    },
)


class DetailsInAddress(APIException):
    status_code = status.HTTP_400_BAD_REQUEST


def _answer(data: Any, code: int = status.HTTP_200_OK, *, retry_after: int | None = None) -> Response:
    response = Response(data, status=code)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


class PublicStatusView(APIView):
    """A public operation: nobody is authenticated (so no session is read and no CSRF token is
    asked for), anything in the address is refused before anything is looked up, and the
    answer's length is padded to a whole number of blocks."""

    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if request.META.get("QUERY_STRING"):
            # Before the method is even looked at: nothing in an address is ever read.
            raise DetailsInAddress(query_string_refusal())

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        response.render()
        if response.get("Content-Type", "").startswith("application/json"):
            response.content = padded(response.content, html=False)
        return response


class StatusCheckView(PublicStatusView):
    @extend_schema(
        operation_id="status_check",
        summary="Check whether a host-country list names a person",
        description=(
            "Public; the details go in the body, never in the address. The same answer shape whether or not the "
            "details are registered; if they are, a one-time code goes to the contact on record."
        ),
        auth=[],
        request=StatusRequestSerializer,
        responses={
            200: StatusAnswerSerializer,
            400: OpenApiResponse(description="Bad details, or details in the address."),
            429: OpenApiResponse(REFUSED, description="Too many checks from the address or for the passport number."),
        },
    )
    def post(self, request: Request) -> Response:
        given = StatusRequestSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        query = checks.StatusQuery(
            surname=data["surname"], birth_date=data["birth_date"], document_number=data["document_number"]
        )
        verdict = checks.status_limits_hit(
            keys=[checks.address_key(client_address(request)), checks.number_key(query.document_number)]
        )
        if not verdict.allowed:
            return _answer(
                {"detail": checks.limit_message(verdict)},
                status.HTTP_429_TOO_MANY_REQUESTS,
                retry_after=verdict.retry_after,
            )
        answer = checks.status_check(query=query, language=translation.get_language() or "")
        body = {
            "named": answer.named,
            "message": (
                _("A list known to the ministry names a person with these details.")
                if answer.named
                else _("No list known to the ministry names a person with these details.")
            ),
            "lists": [vars(listing) for listing in answer.listings],
            "consulates": [vars(consulate) for consulate in answer.consulates],
            "code": {
                "check": answer.check_token,
                "valid_until": answer.code_valid_until,
                "message": _(
                    "If these details are registered, a code was sent to the contact on record (e-mail or phone)."
                ),
            },
        }
        return _answer(StatusAnswerSerializer(body).data)


class StatusCodeView(PublicStatusView):
    @extend_schema(
        operation_id="status_code",
        summary="Show a person's cases with the one-time code of their status check",
        description="Public; single use, valid a few minutes, a few tries.",
        auth=[],
        request=CodeRequestSerializer,
        responses={
            200: CasesAnswerSerializer,
            400: OpenApiResponse(CODE_REFUSED, description="A wrong, spent, expired or used code; or bad input."),
            429: OpenApiResponse(REFUSED, description="Too many codes tried from the address."),
        },
    )
    def post(self, request: Request) -> Response:
        given = CodeRequestSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        verdict = checks.status_limits_hit(keys=[checks.address_key(client_address(request), scope="code")])
        if not verdict.allowed:
            return _answer(
                {"detail": checks.limit_message(verdict)},
                status.HTTP_429_TOO_MANY_REQUESTS,
                retry_after=verdict.retry_after,
            )
        result = checks.status_code_verify(token=given.validated_data["check"], code=given.validated_data["code"])
        if result.outcome != checks.CodeOutcome.SHOWN:
            return _answer(
                {"detail": result.message, "outcome": result.outcome, "tries_left": max(result.tries_left, 0)},
                status.HTTP_400_BAD_REQUEST,
            )
        lines = []
        for line in result.cases:
            case, step, clock = line.status.case, line.status.step, line.status.clock
            lines.append(
                {
                    "number": str(case.number),
                    "case_type": str(case.get_case_type_display()),
                    "step": str(step.label),
                    "what_it_means": str(step.person_text),
                    "who_acts": line.who_acts,
                    "due_date": None if case.is_finished else clock.due_date,
                    "finished": case.is_finished,
                    "outcome": case.outcome or "",
                }
            )
        return _answer(CasesAnswerSerializer({"cases": lines}).data)
