"""The case pages in the ``staff:`` namespace (collected by ``web.staff_site``)."""

from django.urls import path

from mekendesh.cases import staff_views

urlpatterns = [
    path("cases/", staff_views.case_list, name="cases"),
    path("cases/new/", staff_views.case_new, name="case_new"),
    path("cases/<uuid:case_id>/", staff_views.case_detail, name="case"),
    path("cases/<uuid:case_id>/move/", staff_views.case_move, name="case_move"),
    path("cases/<uuid:case_id>/assign/", staff_views.case_assign, name="case_assign"),
    path("cases/<uuid:case_id>/transfer/", staff_views.case_transfer, name="case_transfer"),
    path("cases/<uuid:case_id>/pause/", staff_views.case_pause, name="case_pause"),
    path("cases/<uuid:case_id>/resume/", staff_views.case_resume, name="case_resume"),
    path("cases/<uuid:case_id>/notes/", staff_views.case_note, name="case_note"),
    path("cases/<uuid:case_id>/documents/", staff_views.case_document_add, name="case_document_add"),
    path("cases/<uuid:case_id>/documents/<int:document_id>/", staff_views.case_document, name="case_document"),
    path("cases/<uuid:case_id>/link/", staff_views.case_link, name="case_link"),
]
