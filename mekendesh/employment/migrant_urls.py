"""The migrant's employment pages in the ``migrant:`` namespace (collected by ``web.migrant_site``)."""

from django.urls import path

from mekendesh.employment import migrant_views

urlpatterns = [
    path("employment/", migrant_views.home, name="employment"),
    path("employment/offers/<uuid:offer_id>/save/", migrant_views.offer_save, name="employment_offer_save"),
    path("employment/offers/<uuid:offer_id>/unsave/", migrant_views.offer_unsave, name="employment_offer_unsave"),
    path("employment/offers/<uuid:offer_id>/ask/", migrant_views.offer_ask, name="employment_offer_ask"),
    path("employment/courses/<uuid:course_id>/enrol/", migrant_views.course_enrol, name="employment_enrol"),
    path(
        "employment/enrolments/<uuid:enrolment_id>/cancel/",
        migrant_views.enrolment_cancel,
        name="employment_enrolment_cancel",
    ),
    path(
        "employment/enrolments/<uuid:enrolment_id>/certificate/",
        migrant_views.certificate,
        name="employment_certificate",
    ),
]
