"""The cases' API endpoints in the ``api:`` namespace (collected by ``web.api_site``)."""

from django.urls import path

from mekendesh.cases import api

urlpatterns = [
    path("cases/", api.CaseListView.as_view(), name="cases"),
    path("cases/<uuid:case_id>/", api.CaseDetailView.as_view(), name="case"),
    path("cases/<uuid:case_id>/transitions/", api.CaseTransitionView.as_view(), name="case_transition"),
]
