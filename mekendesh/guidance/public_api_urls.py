"""The public guidance API, mounted at ``/api/guidance/`` (namespace ``guidance_api:``).

Not named ``api_urls``: that module of an app is collected into the staff ``api:`` namespace."""

from django.urls import path

from mekendesh.guidance import api

app_name = "guidance_api"
urlpatterns = [
    path("articles/", api.ArticleListView.as_view(), name="articles"),
    path("articles/<slug:country>/<slug:topic>/<slug:language>/", api.ArticleDetailView.as_view(), name="article"),
    path("rules/", api.RuleListView.as_view(), name="rules"),
]
