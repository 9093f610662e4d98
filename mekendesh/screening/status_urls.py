"""The public status check's pages, mounted at ``/status/``."""

from django.urls import path

from mekendesh.screening import status_views

app_name = "status"
urlpatterns = [
    path("", status_views.check, name="check"),
    path("code/", status_views.code, name="code"),
]
