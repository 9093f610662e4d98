"""``mekendesh credential``: verify a credential or a course certificate with the installation's
keys, and manage the keys.

    mekendesh credential verify FILE-OR-TEXT            # this installation's key set, revocation in the register
    mekendesh credential verify FILE-OR-TEXT --keys KEYSET.json [--status STATUS]   # offline, without Django
    mekendesh credential keys [--output FILE]           # print (or write) the published key set
    mekendesh credential keys generate                  # make the signing key (MEKENDESH_CREDENTIAL_KEY_FILE)
    mekendesh credential keys rotate [--new-key FILE]   # a new signing key; the old one verifies only
    mekendesh credential keys retire KID                # withdraw a key: what it signed is refused
    mekendesh credential status --output FILE           # write the signed revocation status list

``verify`` reads a registration credential (``MK1:``) or a course certificate (``MKC1:``) and exits
0 for a valid one, 1 for one that is not (with the reason), 2 for input that cannot be read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from mekendesh.credentials import selectors
from mekendesh.credentials.keys import CredentialKeyUnavailable, keystore, published_keyset
from mekendesh.employment.selectors import certificate_check
from mekendesh.lib.credential import KeyProblem
from mekendesh.lib.credential.cli import (
    EXIT_UNREADABLE,
    Unreadable,
    certificate_exit_code,
    certificate_report,
    exit_code,
    is_certificate,
    read_input,
    report,
)


class Command(BaseCommand):
    help = "Verify registration credentials and course certificates, and manage their signing keys."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="{verify,keys,status}")
        verify = subcommands.add_parser(
            "verify", help="Check a credential or a course certificate: valid, expired, revoked or forged."
        )
        verify.add_argument(
            "credential",
            metavar="FILE-OR-TEXT",
            help="The credential's (MK1:…) or certificate's (MKC1:…) text, a file, or -.",
        )
        keys = subcommands.add_parser("keys", help="Show the published key set, or generate, rotate or retire a key.")
        keys.add_argument("action", nargs="?", choices=["show", "generate", "rotate", "retire"], default="show")
        keys.add_argument("kid", nargs="?", help="The key id to retire.")
        keys.add_argument("--output", help="Write the published key set to this file instead of printing it.")
        keys.add_argument("--new-key", help="rotate: write the new key here (then point the setting at it).")
        status = subcommands.add_parser("status", help="Write the signed revocation status list.")
        status.add_argument("--output", required=True, help="The file to write (application/statuslist+cwt).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["subcommand"] == "verify":
                self.verify(options["credential"])
            elif options["subcommand"] == "keys":
                self.keys(options)
            else:
                self.status(Path(options["output"]))
        except (KeyProblem, CredentialKeyUnavailable) as exc:
            raise CommandError(str(exc)) from exc

    def verify(self, argument: str) -> None:
        try:
            text = read_input(argument, stdin=sys.stdin)
        except Unreadable as exc:
            self.stderr.write(_("{path} cannot be read as a credential.").format(path=argument))
            raise SystemExit(EXIT_UNREADABLE) from exc
        if is_certificate(text):
            check = certificate_check(text=text)
            self.stdout.write(
                certificate_report(
                    check.verdict, _=_, online=True, on_record=check.on_record, revoked_on=check.revoked_on
                ),
                ending="",
            )
            code = certificate_exit_code(check.verdict, on_record=check.on_record)
        else:
            verdict = selectors.credential_check(text=text, now=timezone.now())
            self.stdout.write(report(verdict, _=_, online=True), ending="")
            code = exit_code(verdict)
        if code:
            raise SystemExit(code)

    def keys(self, options: dict[str, Any]) -> None:
        store = keystore()
        now = timezone.now()
        action = options["action"]
        if action == "generate":
            existed = store.key_file.exists()
            key = store.create(now=now)
            message = (
                _("The signing key {kid} is at {path}.") if existed else _("A new signing key {kid} is at {path}.")
            )
            self.stdout.write(message.format(kid=key.kid, path=store.key_file))
            if not settings.CREDENTIAL_KEY_FILE_SET:
                self.stdout.write(_("Set MEKENDESH_CREDENTIAL_KEY_FILE to this path in production."))
        elif action == "rotate":
            new_path = Path(options["new_key"]) if options["new_key"] else None
            old, new = store.rotate(now=now, new_key_file=new_path)
            self.stdout.write(
                _("The key {old} now only verifies; the new key {new} signs.").format(old=old, new=new.kid)
            )
            if new_path is not None:
                self.stdout.write(
                    _("Point MEKENDESH_CREDENTIAL_KEY_FILE at {path} and restart: until then {old} signs.").format(
                        path=new_path, old=old
                    )
                )
        elif action == "retire":
            if not options["kid"]:
                raise CommandError(_("Name the key id to retire."))
            retired = store.retire(options["kid"], now=now)
            self.stdout.write(
                _("The key {kid} is withdrawn: what it signed is refused from now on.").format(kid=retired.kid)
            )
        document = published_keyset().to_json()
        if options["output"]:
            Path(options["output"]).write_text(document, encoding="utf-8")
        elif action == "show":
            self.stdout.write(document, ending="")

    def status(self, output: Path) -> None:
        signed = selectors.status_list_signed(now=timezone.now())
        output.write_bytes(signed)
        self.stdout.write(_("The status list is written to {path}.").format(path=output))
