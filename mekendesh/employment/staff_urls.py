"""The employment pages in the ``staff:`` namespace (collected by ``web.staff_site``)."""

from django.urls import path

from mekendesh.employment import staff_views

urlpatterns = [
    path("employment/", staff_views.index, name="employment"),
    path("employment/agencies/", staff_views.agencies, name="employment_agencies"),
    path("employment/agencies/new/", staff_views.agency_new, name="employment_agency_new"),
    path("employment/agencies/<uuid:agency_id>/", staff_views.agency, name="employment_agency"),
    path("employment/agencies/<uuid:agency_id>/edit/", staff_views.agency_edit, name="employment_agency_edit"),
    path("employment/agencies/<uuid:agency_id>/status/", staff_views.agency_status, name="employment_agency_status"),
    path("employment/warnings/", staff_views.warnings, name="employment_warnings"),
    path("employment/offers/", staff_views.offers, name="employment_offers"),
    path("employment/offers/new/", staff_views.offer_new, name="employment_offer_new"),
    path("employment/offers/<uuid:offer_id>/", staff_views.offer, name="employment_offer"),
    path("employment/offers/<uuid:offer_id>/edit/", staff_views.offer_edit, name="employment_offer_edit"),
    path("employment/offers/<uuid:offer_id>/move/", staff_views.offer_move, name="employment_offer_move"),
    path("employment/questions/", staff_views.questions, name="employment_questions"),
    path("employment/questions/<uuid:question_id>/", staff_views.question, name="employment_question"),
    path("employment/courses/", staff_views.courses, name="employment_courses"),
    path("employment/courses/new/", staff_views.course_new, name="employment_course_new"),
    path("employment/courses/<uuid:course_id>/", staff_views.course, name="employment_course"),
    path("employment/enrolments/<uuid:enrolment_id>/", staff_views.enrolment, name="employment_enrolment"),
]
