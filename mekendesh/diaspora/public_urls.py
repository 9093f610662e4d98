"""The public diaspora pages, mounted at ``/diaspora/`` (namespace ``diaspora:``)."""

from django.urls import path

from mekendesh.diaspora import public_views

app_name = "diaspora"
urlpatterns = [
    path("", public_views.index, name="index"),
    path("<str:code>/", public_views.country, name="country"),
]
