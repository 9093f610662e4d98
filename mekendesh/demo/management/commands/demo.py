"""``mekendesh demo``: prepare a database with demo data and serve the site.

mekendesh demo [--host HOST] [--port PORT]   first run: migrate, load demo data and users;
                                             every run: print the logins, serve the site
mekendesh demo --no-serve [--people N]       only prepare the data
mekendesh demo totp EMAIL                    print a demo user's current TOTP code
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.translation import gettext as _
from tqdm import tqdm

from mekendesh.accounts.models import User
from mekendesh.cases import notify
from mekendesh.demo.cases import demo_cases_create, demo_migrant_case
from mekendesh.demo.generator import DEFAULT_SEED, people_generate
from mekendesh.demo.loading import demo_people_load
from mekendesh.demo.screening import demo_list_screen
from mekendesh.demo.statistics import demo_statistics_publish
from mekendesh.demo.users import (
    DEMO_ANALYST,
    DEMO_MIGRANT,
    DEMO_MINISTRY_OFFICER,
    DEMO_REVIEWER,
    DEMO_STATISTICIAN,
    DEMO_USERS,
    demo_logins,
    demo_migrant_link,
    demo_totp_code,
    demo_users_create,
    demo_users_exist,
)
from mekendesh.diaspora.demo import diaspora_demo_load
from mekendesh.employment.demo import employment_demo_load
from mekendesh.guidance.demo import guidance_demo_load, guidance_demo_rules_load
from mekendesh.origin import ORIGINS
from mekendesh.people.models import Person
from mekendesh.screening.models import Candidate

DEFAULT_PEOPLE = 5000


def _die_with_parent() -> None:
    """In a child process on Linux: end when the demo ends, even if it is killed outright."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Command(BaseCommand):
    help = "Prepare a database with demo data and demo users, print their logins and serve the site."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="address to serve on (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port to serve on (default 8000)")
        parser.add_argument("--no-serve", action="store_true", help="only prepare the data, do not serve")
        parser.add_argument(
            "--people",
            type=int,
            default=DEFAULT_PEOPLE,
            help=f"how many demo people to make on the first run (default {DEFAULT_PEOPLE})",
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the demo data generator")
        parser.add_argument(
            "--country",
            type=str.upper,
            choices=sorted(ORIGINS),
            help="the country of origin to show (default: MEKENDESH_ORIGIN_COUNTRY, else KG); "
            "each country's demo keeps its own database",
        )
        subcommands = parser.add_subparsers(dest="action", required=False, metavar="[totp EMAIL]")
        totp = subcommands.add_parser("totp", help="print a demo user's current TOTP code")
        totp.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "totp":
            self._print_code(options["email"])
            return
        if options["people"] < 1:
            raise CommandError("--people must be at least 1.")
        if settings.PRODUCTION:
            raise CommandError("The demo does not run with MEKENDESH_ENV=production.")
        if options["country"] and options["country"] != settings.ORIGIN_COUNTRY:
            # The ``mekendesh`` command sets the country before the settings are read; called
            # otherwise (call_command), the settings already name another one.
            raise CommandError(
                f"--country {options['country']} differs from MEKENDESH_ORIGIN_COUNTRY={settings.ORIGIN_COUNTRY}: "
                "start the demo with the ``mekendesh`` command, or set MEKENDESH_ORIGIN_COUNTRY."
            )
        home = Path(settings.HOME)
        self._migrate()
        if demo_users_exist():
            self.stdout.write(
                _("Demo data found in %(database)s; reusing it.") % {"database": connection.settings_dict["NAME"]}
            )
        elif Person.objects.exists():
            raise CommandError(
                "This database holds people who are not demo data; point MEKENDESH_HOME or "
                "DATABASE_URL at an empty one for the demo."
            )
        else:
            self._prepare(home=home, count=options["people"], seed=options["seed"])
        self._print_logins(home, options["host"], options["port"])
        if not options["no_serve"]:
            self._serve(options["host"], options["port"])

    def _migrate(self) -> None:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            self.stdout.write(_("Preparing the database (%(count)d migrations) …") % {"count": len(plan)})
            call_command("migrate", interactive=False, verbosity=0)

    def _prepare(self, *, home: Path, count: int, seed: int) -> None:
        self.stdout.write(_("Making %(count)d demo people (seed %(seed)d) …") % {"count": count, "seed": seed})
        with notify.muted(), transaction.atomic():  # the demo's cases tell no one
            users = demo_users_create(home=home)
            officers: dict[str, User] = {}
            for demo in DEMO_USERS:
                for code in demo.districts:
                    if not demo.heads_consulate:
                        officers.setdefault(code, users[demo.email])
            people = people_generate(count=count, seed=seed, today=timezone.localdate())
            # Progress on a terminal only (tqdm turns itself off when stderr is not one).
            with tqdm(total=count, unit=" people", disable=None, file=sys.stderr) as progress:

                def advance(stored: int) -> None:
                    progress.update(stored)

                demo_people_load(people=people, officers=officers, on_batch=advance)
            migrant = demo_migrant_link(user=users[DEMO_MIGRANT.email])
            # The host country's terms the cases' deadlines are counted with (rules of stay).
            guidance_demo_rules_load(writer=users["editor@mfa.example"])
            today = timezone.localdate()
            demo_migrant_case(person=migrant, officers=officers, today=today)
            cases = demo_cases_create(
                officers=officers,
                ministry=users[DEMO_MINISTRY_OFFICER],
                relative=users[DEMO_MIGRANT.email],
                today=today,
                seed=seed,
            )
            employment_demo_load(today=today)
            diaspora_demo_load()  # representatives, projects, the Osh roundtable, the IOM roadmap
        # Fresh statistics, so that the query planner knows the tables are no longer empty (and on
        # PostgreSQL the visibility map, so that counts read the indexes alone).
        with connection.cursor() as cursor:
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block  # VACUUM needs no transaction
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        self.stdout.write(self.style.SUCCESS(_("%(count)d demo people stored.") % {"count": count}))
        self.stdout.write(self.style.SUCCESS(_("%(count)d demo assistance cases opened.") % {"count": cases}))
        # A host-country list, imported and screened as any is, so that the review queue has work.
        with notify.muted():
            version = demo_list_screen(analyst=users[DEMO_ANALYST], seed=seed, today=today)
        candidates = Candidate.objects.filter(entry__source=version.source).count()
        texts = guidance_demo_load(writer=users["editor@mfa.example"], reviewer=users["diaspora@mfa.example"])
        self.stdout.write(self.style.SUCCESS(_("%(count)d guidance texts published.") % {"count": texts}))
        self.stdout.write(
            self.style.SUCCESS(
                _("%(rows)d rows of a host-country list imported and screened: %(count)d candidate matches to review.")
                % {"rows": version.rows, "count": candidates}
            )
        )
        # The register's indicators and the shipped official figures, published through review.
        published = demo_statistics_publish(
            builder=users[DEMO_STATISTICIAN], reviewer=users[DEMO_REVIEWER], today=today
        )
        releases = [release.title for release in (published.register, published.official) if release is not None]
        self.stdout.write(
            self.style.SUCCESS(
                _("Statistics published: %(releases)s (at %(url)s).")
                % {"releases": "; ".join(releases), "url": "/statistics/"}
            )
        )
        for refused in published.left_out:
            self.stdout.write(_("A table left out of the demo's statistics: %(table)s") % {"table": refused})

    def _print_logins(self, home: Path, host: str, port: int) -> None:
        logins = demo_logins(home=home)
        self.stdout.write("")
        self.stdout.write(
            self.style.MIGRATE_HEADING(_("Sign in at %(url)s") % {"url": f"http://{host}:{port}/accounts/login/"})
        )
        for login in logins:
            self.stdout.write(f"  {login.label}")
            self.stdout.write(f"    {_('e-mail') + ':':<13}{login.email}")
            self.stdout.write(
                f"    {_('password') + ':':<13}{login.password or _('(unknown: set one with mekendesh changepassword)')}"
            )
            if login.totp_secret:
                self.stdout.write(f"    {_('TOTP secret') + ':':<13}{login.totp_secret}")
        self.stdout.write("")
        self.stdout.write(
            _(
                "Staff sign in with a second factor. Add a TOTP secret to an authenticator app, or print "
                "the current code with: %(command)s"
            )
            % {"command": "mekendesh demo totp EMAIL"}
        )
        staff = next((login for login in logins if login.totp_secret), None)
        if staff is not None:
            self.stdout.write(_("An authenticator app can also scan: %(uri)s") % {"uri": staff.totp_uri})
        self.stdout.write("")

    def _print_code(self, email: str) -> None:
        try:
            self.stdout.write(demo_totp_code(email=email))
        except User.DoesNotExist as exc:
            raise CommandError(f"No user has the e-mail address {email}.") from exc
        except Authenticator.DoesNotExist as exc:
            raise CommandError(f"{email} has no TOTP second factor.") from exc

    def _serve(self, host: str, port: int) -> None:
        if not getattr(settings, "WHITENOISE_USE_FINDERS", False):
            # WhiteNoise serves from STATIC_ROOT unless it reads the finders directly.
            call_command("collectstatic", interactive=False, verbosity=0)
        address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        background = self._background_start()
        # Stopped by a signal rather than Ctrl+C, the demo still stops its worker and scheduler.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        try:
            call_command("runserver", address, use_reloader=False)
        finally:
            self._background_stop(background)

    def _background_start(self) -> list[subprocess.Popen[bytes]]:
        """The job worker and the scheduler, beside the web server, as production runs them."""
        mekendesh = [sys.executable, "-m", "mekendesh"]
        # preexec_fn is safe here: the demo has started no thread yet.
        processes = [
            subprocess.Popen(
                [*mekendesh, "worker", "--no-startup-delay", "--verbosity", "0"], preexec_fn=_die_with_parent
            ),
            subprocess.Popen([*mekendesh, "scheduler", "--verbosity", "0"], preexec_fn=_die_with_parent),
        ]
        self.stdout.write(
            _("Background jobs run beside the site (a worker and the scheduler); watch them at %(url)s")
            % {"url": "/staff/jobs/"}
        )
        return processes

    def _background_stop(self, processes: list[subprocess.Popen[bytes]]) -> None:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                # A job cut short here is resumed or marked failed when the worker starts again.
                process.kill()
                process.wait()
