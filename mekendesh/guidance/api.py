"""The public guidance API, mounted at ``/api/guidance/`` (namespace ``guidance_api:``, outside
``api:``, whose every operation is for staff): the published article versions by destination,
topic and language, and the rules of stay in force, read-only, for anyone.

Nothing unpublished is found: a text is read only through its published copy, a version never
published answers 404 like one that does not exist, and a text being revised shows what was
published. Like the other public pages that anyone may call, an address may make
``GUIDANCE_API_RATE_PER_HOUR`` requests an hour (:mod:`mekendesh.lib.ratelimit`); the next answer
429 with the seconds to wait in ``Retry-After``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from mekendesh.guidance import selectors_public
from mekendesh.guidance.models import Topic
from mekendesh.guidance.serializers import (
    ArticleFilterSerializer,
    ArticleSerializer,
    ArticleSummarySerializer,
    RuleFilterSerializer,
    RuleSerializer,
)
from mekendesh.lib.ratelimit import RateLimitResult, client_address, rate_limit_hit

DETAIL = inline_serializer("GuidanceRefused", fields={"detail": serializers.CharField()})
NOT_FOUND = OpenApiResponse(DETAIL, description="No published text at this address.")
BAD_QUERY = OpenApiResponse(description="A filter with a value it does not take; the answer names the filter.")
TOO_MANY = OpenApiResponse(
    DETAIL, description="Too many requests from the address this hour; `Retry-After` says how many seconds to wait."
)


class AddressRate(BaseThrottle):
    """Requests per client address and hour, counted in the shared cache like the other public
    pages' limits."""

    scope = "guidance_api"

    def allow_request(self, request: Any, view: Any) -> bool:
        self.verdict: RateLimitResult = rate_limit_hit(
            scope=self.scope, key=client_address(request), limit=settings.GUIDANCE_API_RATE_PER_HOUR
        )
        return self.verdict.allowed

    def wait(self) -> float | None:
        return self.verdict.retry_after


class PublicGuidanceView(APIView):
    """Anyone may read; no session is read (so no CSRF token is asked for: nothing here changes)."""

    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = [AddressRate]
    http_method_names = ["get", "head", "options"]


def _query(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return dict(query.validated_data)


class ArticleListView(PublicGuidanceView):
    @extend_schema(
        operation_id="guidance_articles",
        summary="Published guidance texts, by destination, topic and language",
        description=(
            "One entry per article and language that is published, the articles on every destination first, then by"
            " destination, topic and language. The text itself is at each entry's `url`."
        ),
        auth=[],
        parameters=[ArticleFilterSerializer],
        responses={200: ArticleSummarySerializer(many=True), 400: BAD_QUERY, 429: TOO_MANY},
    )
    def get(self, request: Request) -> Response:
        query = _query(ArticleFilterSerializer, request)
        texts = selectors_public.published_texts(
            destination=query.get("destination", ""), topic=query.get("topic", ""), language=query.get("language", "")
        )
        return Response(ArticleSummarySerializer(texts, many=True).data)


class ArticleDetailView(PublicGuidanceView):
    @extend_schema(
        operation_id="guidance_article",
        summary="A published guidance text in one language, with the rules it cites",
        description="`country` is a destination's ISO 3166 code in lower case, or `all`.",
        auth=[],
        responses={200: ArticleSerializer, 404: NOT_FOUND, 429: TOO_MANY},
    )
    def get(self, request: Request, country: str, topic: str, language: str) -> Response:
        if topic not in Topic.values:
            raise Http404
        text = selectors_public.published_text(country=country, topic=topic, language=language)
        return Response(ArticleSerializer(text).data)


class RuleListView(PublicGuidanceView):
    @extend_schema(
        operation_id="guidance_rules",
        summary="The rules of stay in force on a day, by citizenship, destination and kind",
        description=(
            "For each citizenship, destination and kind, the rule in force on `on` (today by default): the one that"
            " started last by then and has not ended. Values are calendar days."
        ),
        auth=[],
        parameters=[RuleFilterSerializer],
        responses={200: RuleSerializer(many=True), 400: BAD_QUERY, 429: TOO_MANY},
    )
    def get(self, request: Request) -> Response:
        query = _query(RuleFilterSerializer, request)
        rules = selectors_public.rules_in_force(
            on=query.get("on") or timezone.localdate(),
            citizenship=query.get("citizenship", ""),
            destination=query.get("destination", ""),
            kind=query.get("kind", ""),
        )
        return Response(RuleSerializer(rules, many=True).data)
