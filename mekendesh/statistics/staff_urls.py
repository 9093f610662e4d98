"""The statistics pages in the ``staff:`` namespace (collected by ``web.staff_site``)."""

from django.urls import path

from mekendesh.statistics import staff_views

urlpatterns = [
    path("statistics/", staff_views.releases, name="statistics_releases"),
    path("statistics/data/", staff_views.datasets, name="statistics_datasets"),
    path("statistics/data/compute/", staff_views.dataset_compute, name="statistics_dataset_compute"),
    path("statistics/releases/new/", staff_views.release_new, name="statistics_release_new"),
    path("statistics/releases/<uuid:release_id>/", staff_views.release_detail, name="statistics_release"),
    path("statistics/releases/<uuid:release_id>/tables/new/", staff_views.table_new, name="statistics_table_new"),
    path(
        "statistics/releases/<uuid:release_id>/tables/<int:table_id>/",
        staff_views.table_detail,
        name="statistics_table",
    ),
    path("statistics/releases/<uuid:release_id>/move/", staff_views.release_move, name="statistics_release_move"),
    path("statistics/releases/<uuid:release_id>/correct/", staff_views.release_correct, name="statistics_correct"),
]
