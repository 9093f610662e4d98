"""The screening API endpoints in the ``api:`` namespace (collected by ``web.api_site``)."""

from django.urls import path

from mekendesh.screening import api

urlpatterns = [
    path("screening/candidates/", api.CandidateListView.as_view(), name="screening_candidates"),
    path("screening/candidates/<uuid:candidate_id>/", api.CandidateDetailView.as_view(), name="screening_candidate"),
    path(
        "screening/candidates/<uuid:candidate_id>/judgements/",
        api.CandidateJudgementView.as_view(),
        name="screening_candidate_judgements",
    ),
]
