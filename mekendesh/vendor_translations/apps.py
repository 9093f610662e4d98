"""Turkmen translations of third-party apps' messages that those apps do not ship.

django-allauth (sign-in, sign-up, password reset, the authenticator-app second factor) and
Django REST framework have no Turkmen catalogue, so on Turkmen pages their messages would fall
back to the default language, Kyrgyz. This app carries nothing but ``locale/tk``: Django reads
every installed app's ``locale`` folder, and no other catalogue offers these messages in Turkmen.
"""

from django.apps import AppConfig


class VendorTranslationsConfig(AppConfig):
    name = "mekendesh.vendor_translations"
