"""The official-table pages, in the ``staff:`` namespace under ``statistics/official/``
(included by ``web.staff_site``)."""

from django.urls import path

from mekendesh.statistics import official_views

urlpatterns = [
    path("", official_views.tables, name="statistics_official"),
    path("comparison/", official_views.comparison, name="statistics_official_comparison"),
    path("<uuid:dataset_id>/", official_views.table, name="statistics_official_table"),
]
