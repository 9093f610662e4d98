"""The person's side of assistance cases in the ``migrant:`` namespace (collected by
``web.migrant_site``)."""

from django.urls import path

from mekendesh.cases import migrant_views

urlpatterns = [
    path("cases/", migrant_views.cases, name="cases"),
    path("cases/help/", migrant_views.case_help, name="case_help"),
    path("cases/help-for-someone/", migrant_views.case_help_other, name="case_help_other"),
    path("cases/<uuid:case_id>/", migrant_views.case, name="case"),
    path("cases/<uuid:case_id>/notes/", migrant_views.case_note, name="case_note"),
    path("cases/<uuid:case_id>/documents/", migrant_views.case_document_add, name="case_document_add"),
    path("cases/<uuid:case_id>/documents/<int:document_id>/", migrant_views.case_document, name="case_document"),
]
