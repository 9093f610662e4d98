"""The ``mekendesh`` console command.

It behaves like ``manage.py`` (``mekendesh migrate``, ``mekendesh check --deploy`` …) and adds
``mekendesh demo``, ``mekendesh audit verify`` (both Django management commands) and
``mekendesh link`` (the record-linkage engine, which needs no Django and starts without it).
``mekendesh credential verify TEXT --keys KEYSET.json`` checks a credential offline, without
Django too; the rest of ``mekendesh credential`` is a management command.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "link":
        from mekendesh.linkage.cli import main as link_main

        return link_main(argv[2:])
    if argv[1:3] == ["credential", "verify"] and any(arg == "--keys" or arg.startswith("--keys=") for arg in argv):
        from mekendesh.lib.credential.cli import main as verify_main

        return verify_main(argv[3:])
    if len(argv) > 1 and argv[1] == "demo":
        _demo_country(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mekendesh.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        django.setup()
    except ImproperlyConfigured as error:  # a setting's own message, without a traceback
        print(f"mekendesh: {error}", file=sys.stderr)
        return 2
    _activate_terminal_language()
    argv[0] = "mekendesh"
    execute_from_command_line(argv)
    return 0


def _demo_country(argv: list[str]) -> None:
    """``mekendesh demo --country TM`` sets the country of origin before the settings are read
    (they fix the regions, languages and database from it); the option stays for the command to
    check."""
    for index, arg in enumerate(argv):
        if arg == "--country" and index + 1 < len(argv):
            os.environ["MEKENDESH_ORIGIN_COUNTRY"] = argv[index + 1].upper()
        elif arg.startswith("--country="):
            os.environ["MEKENDESH_ORIGIN_COUNTRY"] = arg.split("=", 1)[1].upper()


def _activate_terminal_language() -> None:
    """Speak the operator's language on the command line: ``MEKENDESH_LANGUAGE``, else the POSIX
    locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) when it names an interface language; otherwise
    the site's default language. ``mekendesh link`` follows the same rule without Django."""
    from django.conf import settings
    from django.utils import translation

    from mekendesh.lib.terminal_language import terminal_language

    code = terminal_language({code for code, _name in settings.LANGUAGES})
    if code:
        translation.activate(code)


if __name__ == "__main__":
    sys.exit(main())
