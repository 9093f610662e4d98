"""The credential pages in the ``staff:`` namespace (collected by ``web.staff_site``)."""

from django.urls import path

from mekendesh.credentials import staff_views

urlpatterns = [
    path("stays/<int:stay_id>/credential/", staff_views.stay_credential, name="stay_credential"),
    path("stays/<int:stay_id>/credential/revoke/", staff_views.credential_revoke, name="credential_revoke"),
    path("stays/<int:stay_id>/credential/issue/", staff_views.credential_issue, name="credential_issue"),
]
