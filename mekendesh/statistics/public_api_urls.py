"""The public statistics API, mounted at ``/api/statistics/`` (namespace ``statistics_api:``).

Not named ``api_urls``: that module of an app is collected into the staff ``api:`` namespace."""

from django.urls import path

from mekendesh.statistics import api

app_name = "statistics_api"
urlpatterns = [
    path("releases/", api.ReleaseListView.as_view(), name="releases"),
    path("releases/<slug:slug>/", api.ReleaseDetailView.as_view(), name="release"),
    path("releases/<slug:slug>/tables/<slug:code>/", api.TableDetailView.as_view(), name="table"),
]
