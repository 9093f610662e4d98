"""The ``mekendesh`` console command.

It behaves like ``manage.py`` (``mekendesh migrate``, ``mekendesh check --deploy`` …) and adds
``mekendesh demo``, ``mekendesh audit verify`` (both Django management commands) and
``mekendesh link`` (the record-linkage engine, which needs no Django and starts without it).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "link":
        from mekendesh.linkage.cli import main as link_main

        return link_main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mekendesh.settings")
    from django.core.management import execute_from_command_line

    argv[0] = "mekendesh"
    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
