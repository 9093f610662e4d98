"""The official-table pages in the ``staff:`` namespace, under ``statistics/official/`` (listed
by ``web.staff_site``; the rest of ``/staff/statistics/`` is the statistics app's ``staff_urls``)."""

from django.urls import path

from mekendesh.statistics import official_views

PREFIX = "statistics/official/"

urlpatterns = [
    path(PREFIX, official_views.tables, name="statistics_official"),
    path(f"{PREFIX}comparison/", official_views.comparison, name="statistics_official_comparison"),
    path(f"{PREFIX}<uuid:dataset_id>/", official_views.table, name="statistics_official_table"),
]
