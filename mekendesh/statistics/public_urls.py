"""The public statistics pages, mounted at ``/statistics/`` (namespace ``statistics:``)."""

from django.urls import path, re_path

from mekendesh.statistics import public_views

app_name = "statistics"
urlpatterns = [
    path("", public_views.index, name="index"),
    path("<slug:slug>/", public_views.release, name="release"),
    path("<slug:slug>/<slug:code>/", public_views.table, name="table"),
    path("<slug:slug>/<slug:code>.svg", public_views.chart, name="chart"),
    re_path(
        r"^(?P<slug>[-a-zA-Z0-9_]+)/(?P<code>[-a-zA-Z0-9_]+)\.(?P<fmt>csv|xlsx|sdmx\.csv)$",
        public_views.download,
        name="download",
    ),
]
