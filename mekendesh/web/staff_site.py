"""The ``staff:`` namespace: the workspace home (``web``) and every app's ``staff_urls``."""

from django.urls import include, path

from mekendesh.web import staff_views
from mekendesh.web.namespaces import collected_patterns

app_name = "staff"
urlpatterns = [
    path("", staff_views.home, name="home"),
    path("statistics/official/", include("mekendesh.statistics.official_urls")),
    *collected_patterns("staff_urls"),
]
