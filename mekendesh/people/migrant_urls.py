"""The migrant's own pages in the ``migrant:`` namespace (collected by ``web.migrant_site``)."""

from django.urls import path

from mekendesh.people import migrant_views

urlpatterns = [
    path("", migrant_views.home, name="home"),
    path("register/", migrant_views.register, name="register"),
    path("register/done/", migrant_views.registered, name="registered"),
    path("register/sent/", migrant_views.register_sent, name="register_sent"),
    path("register/districts/", migrant_views.districts, name="districts"),
    path("register/host-regions/", migrant_views.host_regions, name="host_regions"),
    path("register/latin-hint/", migrant_views.latin_hint, name="latin_hint"),
    path("contacts/", migrant_views.edit, name="edit"),
    path("details/", migrant_views.identity, name="identity"),
    path("stays/new/", migrant_views.stay_add, name="stay_add"),
    path("stays/<int:stay_id>/end/", migrant_views.stay_end, name="stay_end"),
    path("consents/withdraw/", migrant_views.consent_withdraw, name="consent_withdraw"),
    path("consents/give/", migrant_views.consent_give, name="consent_give"),
    path("export/", migrant_views.export_page, name="export_page"),
    path("export.json", migrant_views.export_json, name="export_json"),
    path("export.csv", migrant_views.export_csv, name="export_csv"),
]
