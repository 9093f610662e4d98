from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from mekendesh.accounts import views as accounts_views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
    path("accounts/unlock/<str:token>/", accounts_views.unlock, name="account_unlock"),
    path("accounts/", include("allauth.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start-up script as a file: the CSP allows no inline script.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/status/", include("mekendesh.screening.status_api_urls")),
    path("api/statistics/", include("mekendesh.statistics.public_api_urls")),
    path("api/guidance/", include("mekendesh.guidance.public_api_urls")),
    path("api/", include("mekendesh.web.api_site")),
    path("staff/jobs/", include("mekendesh.jobs.urls")),
    path("staff/", include("mekendesh.web.staff_site")),
    path("me/", include("mekendesh.web.migrant_site")),
    path("credentials/", include("mekendesh.credentials.urls")),
    path("status/", include("mekendesh.screening.status_urls")),
    path("statistics/", include("mekendesh.statistics.public_urls")),
    path("guidance/", include("mekendesh.guidance.urls")),
    path("employment/", include("mekendesh.employment.public_urls")),
    path("diaspora/", include("mekendesh.diaspora.public_urls")),
    path("", include("mekendesh.web.urls")),
]
