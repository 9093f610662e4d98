"""``mekendesh credential verify FILE-OR-TEXT --keys KEYSET.json [--status STATUS]``, offline.

It reads no settings and starts no Django: a border post or an employer checks a registration
credential (``MK1:``) or a course certificate (``MKC1:``) with the published key set
(``/credentials/keys.json``) and, for revocation, the signed status list of its kind
(``/credentials/status`` or ``/employment/certificates/status``), both downloaded while online.
Exit codes: 0 valid, 1 not valid (the reason is printed), 2 the input cannot be read (no such
file, neither a credential nor a certificate, a damaged key set or status list). Messages follow ``MEKENDESH_LANGUAGE`` or the POSIX locale, from the project's
compiled catalogues, in English without them.

The installation's own command (``mekendesh credential verify TEXT`` without ``--keys``) reads
its key set and the register instead, and prints the same report (:func:`report`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gettext as _gettext
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from mekendesh.lib.terminal_language import terminal_language

from .certificate import PREFIX as CERTIFICATE_PREFIX
from .certificate import CertificateVerdict, certificate_verify
from .keys import KeyProblem, KeySet
from .status import StatusList, StatusListProblem, status_list_read
from .token import PREFIX, Outcome, Verdict, verify

EXIT_VALID, EXIT_NOT_VALID, EXIT_UNREADABLE = 0, 1, 2
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"  # the web interface's catalogues

Translate = Callable[[str], str]


def catalogue() -> _gettext.NullTranslations:
    """The operator's language (``MEKENDESH_LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``)."""
    available = {mo.parent.parent.name for mo in LOCALE_DIR.glob("*/LC_MESSAGES/django.mo")}
    language = terminal_language(available)
    if language is None:
        return _gettext.NullTranslations()
    return _gettext.translation("django", LOCALE_DIR, languages=[language], fallback=True)


class Unreadable(Exception):
    """Input that cannot be read: exit 2 with this message."""


def read_input(argument: str, *, stdin: TextIO | None = None) -> str:
    """The credential's or certificate's text: the argument itself when it starts with either
    prefix, standard input for ``-``, otherwise the contents of the file it names."""
    if is_certificate(argument) or argument.lstrip().startswith(PREFIX):
        return argument
    if argument == "-":
        return (stdin or sys.stdin).read()
    try:
        return Path(argument).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise Unreadable(argument) from exc


def is_certificate(text: str) -> bool:
    """Whether the text is a course certificate (``MKC1:``) rather than a credential."""
    return text.lstrip().startswith(CERTIFICATE_PREFIX)


def revocation_line(*, _: Translate, status_list: StatusList | None, online: bool) -> str:
    """How revocation was checked: in the register, against a status list, or not at all."""
    if online:
        return "  " + _("Revocation: checked in the register.")
    if status_list is not None:
        return "  " + _("Revocation: checked against the status list of {date}.").format(
            date=status_list.issued_at.strftime("%d.%m.%Y %H:%M UTC")
        )
    return "  " + _("Revocation: not checked (give the status list with --status).")


def report(verdict: Verdict, *, _: Translate, status_list: StatusList | None = None, online: bool = False) -> str:
    """The verdict in the operator's words: the outcome, then what the credential says."""
    lines = [f"{verdict.outcome.value.upper()}: {_(verdict.message)}"]
    claims = verdict.claims
    if claims is not None:
        rows = [
            (_("Name as in the passport"), claims.full_name),
            (_("Date of birth"), claims.birth_date.strftime("%d.%m.%Y")),
            (_("Registration number"), claims.registration_number),
            (_("Consular district"), claims.consular_district),
            (_("Registration status"), claims.status),
            (_("Valid until"), claims.valid_until.strftime("%d.%m.%Y %H:%M UTC")),
            (_("Issued"), claims.issued_at.strftime("%d.%m.%Y %H:%M UTC")),
            (_("Credential number"), str(claims.credential_id)),
        ]
        lines += [f"  {label}: {value}" for label, value in rows]
    if verdict.key_id:
        lines.append("  " + _("Signing key: {kid}").format(kid=verdict.key_id))
    if verdict.genuine:
        lines.append(revocation_line(_=_, status_list=status_list, online=online))
    return "\n".join(lines) + "\n"


NOT_ON_RECORD = "NOT_ON_RECORD"


def certificate_report(
    verdict: CertificateVerdict,
    *,
    _: Translate,
    status_list: StatusList | None = None,
    online: bool = False,
    on_record: bool = True,
    revoked_on: dt.date | None = None,
) -> str:
    """A certificate's verdict in the operator's words: the outcome, then what it says. Online,
    ``on_record`` says whether the register still holds the completion and ``revoked_on`` when
    the certificate was revoked."""
    certificate = verdict.certificate
    if verdict.valid and not on_record:
        label = NOT_ON_RECORD
        message = _(
            "Signed by the ministry, but the completion it states is no longer on record. Ask the course provider."
        )
    elif verdict.outcome == Outcome.REVOKED and revoked_on is not None:
        label = verdict.outcome.value.upper()
        message = _("Revoked: the ministry withdrew this certificate on %(date)s. Do not accept it.") % {
            "date": revoked_on.strftime("%d.%m.%Y")
        }
    else:
        label, message = verdict.outcome.value.upper(), _(verdict.message)
    lines = [f"{label}: {message}"]
    if certificate is not None:
        rows = [
            (_("Participant"), certificate.participant),
            (_("Course"), certificate.course),
            (_("Provider"), certificate.provider),
            (_("Dates"), f"{certificate.starts_on:%d.%m.%Y} – {certificate.ends_on:%d.%m.%Y}"),
            (_("Completed"), certificate.completed_on.strftime("%d.%m.%Y")),
            (_("Issued"), certificate.issued_at.strftime("%d.%m.%Y %H:%M UTC")),
            (_("Issuer"), certificate.issuer),
            (_("Certificate number"), str(certificate.certificate_id)),
        ]
        lines += [f"  {name}: {value}" for name, value in rows]
    if verdict.key_id:
        lines.append("  " + _("Signing key: {kid}").format(kid=verdict.key_id))
    if certificate is not None:
        if certificate.status_index is None and not online:
            lines.append(
                "  " + _("Revocation: this certificate predates the status list; only the online check knows.")
            )
        else:
            lines.append(revocation_line(_=_, status_list=status_list, online=online))
    return "\n".join(lines) + "\n"


def certificate_exit_code(verdict: CertificateVerdict, *, on_record: bool = True) -> int:
    if verdict.outcome == Outcome.MALFORMED:
        return EXIT_UNREADABLE
    return EXIT_VALID if verdict.valid and on_record else EXIT_NOT_VALID


def exit_code(verdict: Verdict) -> int:
    if verdict.outcome == Outcome.VALID:
        return EXIT_VALID
    if verdict.outcome == Outcome.MALFORMED:
        return EXIT_UNREADABLE
    return EXIT_NOT_VALID


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNREADABLE, f"{self.prog}: {message}\n")


def parser(_: Translate) -> argparse.ArgumentParser:
    command = _Parser(
        prog="mekendesh credential verify",
        description=_("Check a registration credential or a course certificate offline with the published key set."),
    )
    command.add_argument(
        "credential",
        metavar="FILE-OR-TEXT",
        help=_("the text of a credential (MK1:…) or of a course certificate (MKC1:…), a file, or -"),
    )
    command.add_argument("--keys", metavar="KEYSET.json", required=True, help=_("the published key set"))
    command.add_argument(
        "--status",
        metavar="STATUS",
        help=_("the signed revocation status list (the certificates' own list for a certificate)"),
    )
    return command


def main(argv: Sequence[str], *, now: dt.datetime | None = None, out: TextIO | None = None) -> int:
    """Verify offline: ``argv`` are the arguments after ``credential verify``."""
    translations = catalogue()
    _ = translations.gettext
    out = out or sys.stdout
    options = parser(_).parse_args(list(argv))
    now = now or dt.datetime.now(dt.UTC)
    try:
        try:
            keyset = KeySet.from_json(Path(options.keys).read_bytes())
        except OSError as exc:
            raise Unreadable(_("The key set {path} cannot be read.").format(path=options.keys)) from exc
        except KeyProblem as exc:
            raise Unreadable(
                _("The key set {path} is not usable: {problem}").format(path=options.keys, problem=exc)
            ) from exc
        status_list = None
        if options.status:
            try:
                status_list = status_list_read(Path(options.status).read_bytes(), keyset, now=now)
            except OSError as exc:
                raise Unreadable(_("The status list {path} cannot be read.").format(path=options.status)) from exc
            except StatusListProblem as exc:
                raise Unreadable(
                    _("The status list {path} is not usable: {problem}").format(path=options.status, problem=exc)
                ) from exc
        try:
            text = read_input(options.credential)
        except Unreadable as exc:
            raise Unreadable(_("{path} cannot be read as a credential.").format(path=exc)) from exc
    except Unreadable as problem:
        sys.stderr.write(f"mekendesh credential verify: {problem}\n")
        return EXIT_UNREADABLE
    if is_certificate(text):
        certificate = certificate_verify(text, keyset, revoked=status_list)
        out.write(certificate_report(certificate, _=_, status_list=status_list))
        return certificate_exit_code(certificate)
    verdict = verify(text, keyset, now=now, revoked=status_list)
    out.write(report(verdict, _=_, status_list=status_list))
    return exit_code(verdict)
