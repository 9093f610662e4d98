"""The public credential pages, mounted at ``/credentials/``."""

from django.urls import path

from mekendesh.credentials import views

app_name = "credentials"
urlpatterns = [
    path("keys.json", views.keys, name="keys"),
    path("status", views.status, name="status"),
    path("verify/", views.verify, name="verify"),
]
