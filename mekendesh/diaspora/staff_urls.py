"""The diaspora pages in the ``staff:`` namespace (collected by ``web.staff_site``)."""

from django.urls import path

from mekendesh.diaspora import staff_views

urlpatterns = [
    path("diaspora/", staff_views.home, name="diaspora_home"),
    path("diaspora/recommendations/", staff_views.recommendation_board, name="diaspora_board"),
    path("diaspora/report/", staff_views.annual_report, name="diaspora_report"),
    path("diaspora/report.csv", staff_views.annual_report_csv, name="diaspora_report_csv"),
    path("diaspora/report.xlsx", staff_views.annual_report_xlsx, name="diaspora_report_xlsx"),
    *staff_views.kind_patterns(),
]
