"""The register's pages in the ``staff:`` namespace (collected by ``web.staff_site``)."""

from django.urls import path

from mekendesh.people import staff_views

urlpatterns = [
    path("people/", staff_views.search, name="search"),
    path("people/new/", staff_views.person_new, name="person_new"),
    path("people/<uuid:public_id>/", staff_views.person, name="person"),
    path("stays/queue/", staff_views.queue, name="queue"),
    path("stays/<int:stay_id>/verify/", staff_views.stay_verify, name="stay_verify"),
    path("stays/<int:stay_id>/end/", staff_views.stay_end, name="stay_end"),
]
