"""The import pages in the ``staff:`` namespace (collected by ``web.staff_site``)."""

from django.urls import path

from mekendesh.imports import staff_views

urlpatterns = [
    path("imports/", staff_views.imports, name="imports"),
    path("imports/<uuid:import_id>/", staff_views.import_detail, name="import_detail"),
    path("imports/<uuid:import_id>/reading/", staff_views.import_reading, name="import_reading"),
    path("imports/<uuid:import_id>/check/", staff_views.import_check, name="import_check"),
    path("imports/<uuid:import_id>/promote/", staff_views.import_promote, name="import_promote"),
    path("imports/<uuid:import_id>/remap/", staff_views.import_remap, name="import_remap"),
    path("imports/<uuid:import_id>/discard/", staff_views.import_discard, name="import_discard"),
    path("imports/<uuid:import_id>/report.csv", staff_views.import_report_csv, name="import_report_csv"),
    path("imports/<uuid:import_id>/report.xlsx", staff_views.import_report_xlsx, name="import_report_xlsx"),
]
