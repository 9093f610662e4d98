"""The screening pages in the ``staff:`` namespace (collected by ``web.staff_site``)."""

from django.urls import path

from mekendesh.screening import staff_views

urlpatterns = [
    path("screening/lists/", staff_views.lists, name="screening_lists"),
    path("screening/lists/new/", staff_views.list_new, name="screening_list_new"),
    path("screening/lists/<uuid:list_id>/", staff_views.list_detail, name="screening_list"),
    path("screening/lists/<uuid:list_id>/run/", staff_views.list_run, name="screening_list_run"),
    path("screening/versions/<uuid:version_id>/", staff_views.version_detail, name="screening_version"),
    path("screening/versions/<uuid:version_id>/apply/", staff_views.version_apply, name="screening_version_apply"),
    path("screening/versions/<uuid:version_id>/reject/", staff_views.version_reject, name="screening_version_reject"),
    path("screening/candidates/", staff_views.queue, name="screening_queue"),
    path("screening/candidates/<uuid:candidate_id>/", staff_views.candidate_detail, name="screening_candidate"),
    path(
        "screening/candidates/<uuid:candidate_id>/judge/", staff_views.candidate_judge, name="screening_candidate_judge"
    ),
    path("screening/blind/", staff_views.blind_switch, name="screening_blind"),
]
