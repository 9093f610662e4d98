"""Translations of third-party messages that those packages do not ship.

django-allauth (sign-in, sign-up, password reset, the authenticator-app second factor) and
Django REST framework have no Turkmen catalogue, so on Turkmen pages their messages would fall
back to the default language, Kyrgyz. Django 6.1 brought form messages (the blank choice
«- Select an option -», among others) that its own Kyrgyz, Russian and Turkmen catalogues do not
translate yet. This app carries nothing but ``locale``: Django reads every installed app's
``locale`` folder, and no other catalogue offers these messages in those languages.
"""

from django.apps import AppConfig


class VendorTranslationsConfig(AppConfig):
    name = "mekendesh.vendor_translations"
