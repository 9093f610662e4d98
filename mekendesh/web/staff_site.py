"""The ``staff:`` namespace: the workspace home (``web``) and every app's ``staff_urls``."""

from django.urls import path

from mekendesh.statistics import official_urls
from mekendesh.web import staff_views
from mekendesh.web.namespaces import collected_patterns

app_name = "staff"
urlpatterns = [
    path("", staff_views.home, name="home"),
    *official_urls.urlpatterns,  # /staff/statistics/official/
    *collected_patterns("staff_urls"),
]
