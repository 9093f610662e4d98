"""The public statistics API, mounted at ``/api/statistics/`` (namespace ``statistics_api:``,
outside ``api:``, whose every operation is for staff): published releases and their tables,
read-only, for anyone. Nothing unpublished is found: a draft's address answers 404."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from mekendesh.statistics import selectors_public
from mekendesh.statistics.serializers import ReleaseSerializer, TableSerializer, table_body

NOT_FOUND = OpenApiResponse(description="No published release (or table) at this address.")


class PublicStatisticsView(APIView):
    """Anyone may read; no session is read (so no CSRF token is asked for: nothing here changes)."""

    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]
    http_method_names = ["get", "head", "options"]


class ReleaseListView(PublicStatisticsView):
    @extend_schema(
        operation_id="statistics_releases",
        summary="Published statistical releases, the newest first",
        auth=[],
        responses={200: ReleaseSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        return Response(ReleaseSerializer(selectors_public.published_releases_with_tables(), many=True).data)


class ReleaseDetailView(PublicStatisticsView):
    @extend_schema(
        operation_id="statistics_release",
        summary="A published release and its tables",
        auth=[],
        responses={200: ReleaseSerializer, 404: NOT_FOUND},
    )
    def get(self, request: Request, slug: str) -> Response:
        return Response(ReleaseSerializer(selectors_public.published_release(slug)).data)


class TableDetailView(PublicStatisticsView):
    @extend_schema(
        operation_id="statistics_table",
        summary="A published table: its cells with their status flags, labels, unit and source",
        description=(
            "A cell that is not published has no value, OBS_STATUS O and CONF_STATUS C, whichever rule withheld it."
        ),
        auth=[],
        responses={200: TableSerializer, 404: NOT_FOUND},
    )
    def get(self, request: Request, slug: str, code: str) -> Response:
        return Response(TableSerializer(table_body(selectors_public.published_table(slug, code))).data)
