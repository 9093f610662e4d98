"""The migrant's credential pages in the ``migrant:`` namespace (collected by ``web.migrant_site``)."""

from django.urls import path

from mekendesh.credentials import migrant_views

urlpatterns = [
    path("credentials/", migrant_views.credentials, name="credentials"),
    path("credentials/<uuid:credential_id>/", migrant_views.credential, name="credential"),
    path("credentials/stays/<int:stay_id>/issue/", migrant_views.credential_issue, name="credential_issue"),
]
