"""The public employment pages, mounted at ``/employment/`` (namespace ``employment:``)."""

from django.urls import path

from mekendesh.employment import public_views

app_name = "employment"
urlpatterns = [
    path("licences/", public_views.licences, name="licences"),
    path("offers/", public_views.offers, name="offers"),
    path("offers/<uuid:offer_id>/", public_views.offer, name="offer"),
    path("courses/", public_views.courses, name="courses"),
    path("certificates/", public_views.certificate_verify, name="certificate_verify"),
    path("certificates/status", public_views.certificate_status, name="certificate_status"),
]
