"""The ``api:`` namespace (under ``/api/``): every app's ``api_urls``."""

from mekendesh.web.namespaces import collected_patterns

app_name = "api"
urlpatterns = collected_patterns("api_urls")
