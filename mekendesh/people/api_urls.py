"""The register's API endpoints in the ``api:`` namespace (collected by ``web.api_site``)."""

from django.urls import path

from mekendesh.people import api

urlpatterns = [
    path("people/", api.PersonSearchView.as_view(), name="person_search"),
    path("people/<uuid:public_id>/", api.PersonDetailView.as_view(), name="person_detail"),
    path("stays/<int:stay_id>/verify/", api.StayVerifyView.as_view(), name="stay_verify"),
]
