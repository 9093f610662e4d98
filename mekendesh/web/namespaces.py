"""The ``staff``, ``migrant`` and ``api`` URL namespaces, mounted at ``/staff/``, ``/me/`` and
``/api/``.

Each installed app of the project contributes its pages by having a module ``staff_urls`` (or
``migrant_urls``, ``api_urls``) with ``urlpatterns`` (and no ``app_name``): they are collected
here, so a new app adds pages without touching any other app. Names must be unique across apps
(``staff:case_list``).
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from django.apps import apps


def collected_patterns(module_name: str) -> list[Any]:
    """The ``urlpatterns`` of every project app's ``<module_name>`` module, by app order."""
    patterns: list[Any] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("mekendesh.") or config.name == "mekendesh.web":
            continue
        dotted = f"{config.name}.{module_name}"
        if importlib.util.find_spec(dotted) is None:
            continue
        patterns += importlib.import_module(dotted).urlpatterns
    return patterns
