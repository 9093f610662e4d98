"""The public status check's API, mounted at ``/api/status/`` (outside the ``api:`` namespace,
whose every operation is for staff)."""

from django.urls import path

from mekendesh.screening import status_api

app_name = "status_api"
urlpatterns = [
    path("", status_api.StatusCheckView.as_view(), name="check"),
    path("code/", status_api.StatusCodeView.as_view(), name="code"),
]
