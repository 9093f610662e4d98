"""The ``migrant:`` namespace (under ``/me/``): every app's ``migrant_urls``."""

from mekendesh.web.namespaces import collected_patterns

app_name = "migrant"
urlpatterns = collected_patterns("migrant_urls")
