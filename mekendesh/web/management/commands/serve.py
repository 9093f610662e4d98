"""``mekendesh serve``: the production web server (gunicorn), static files served by WhiteNoise.

    mekendesh serve [--bind HOST:PORT] [--workers N] [--threads N] [--timeout SECONDS]

Workers default to ``WEB_CONCURRENCY``, else two per core plus one (gunicorn's advice); each
worker runs ``--threads`` threads (``WEB_THREADS``, default 2). Static files are collected into
``STATIC_ROOT`` first unless ``--no-collectstatic``.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _


def default_workers() -> int:
    """``WEB_CONCURRENCY`` if set, else 2 × the cores this process may use + 1."""
    configured = os.environ.get("WEB_CONCURRENCY", "").strip()
    if configured:
        return int(configured)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 2 * cores + 1


def gunicorn_options(*, bind: str, workers: int, threads: int, timeout: int, access_log: bool) -> dict[str, Any]:
    return {
        "bind": [bind],
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "timeout": timeout,
        "graceful_timeout": min(timeout, 30),
        "keepalive": 5,
        # Recycle workers now and then, so that a leak cannot grow without bound.
        "max_requests": 5000,
        "max_requests_jitter": 500,
        "accesslog": "-" if access_log else None,
        "errorlog": "-",
        "proc_name": "mekendesh",
        "forwarded_allow_ips": os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
    }


class Command(BaseCommand):
    help = "Serve the site with gunicorn (the production web server), static files through WhiteNoise."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--bind",
            default=os.environ.get("MEKENDESH_BIND", "127.0.0.1:8000"),
            help="address to listen on, HOST:PORT or unix:PATH (default MEKENDESH_BIND or 127.0.0.1:8000)",
        )
        parser.add_argument(
            "--workers", type=int, default=None, help="worker processes (default WEB_CONCURRENCY, else 2 × cores + 1)"
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("WEB_THREADS", "2")),
            help="threads per worker (default WEB_THREADS or 2)",
        )
        parser.add_argument("--timeout", type=int, default=30, help="seconds before a stuck worker is restarted")
        parser.add_argument("--access-log", action="store_true", help="log every request on standard output")
        parser.add_argument("--no-collectstatic", action="store_true", help="do not collect static files first")

    def handle(self, *args: Any, **options: Any) -> None:
        from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]  # gunicorn ships no types

        from mekendesh.wsgi import application

        workers = options["workers"] or default_workers()
        if workers < 1 or options["threads"] < 1:
            raise CommandError(_("--workers and --threads must be at least 1."))
        if not options["no_collectstatic"] and not getattr(settings, "WHITENOISE_USE_FINDERS", False):
            call_command("collectstatic", interactive=False, verbosity=0)
        config = gunicorn_options(
            bind=options["bind"],
            workers=workers,
            threads=options["threads"],
            timeout=options["timeout"],
            access_log=options["access_log"],
        )
        self.stdout.write(
            _("Serving on %(bind)s: %(workers)d workers of %(threads)d threads.")
            % {"bind": options["bind"], "workers": workers, "threads": options["threads"]}
        )
        self.stdout.flush()
        # The workers are forked from this process: none may inherit its database connections.
        connections.close_all()

        class Server(BaseApplication):
            def load_config(self) -> None:
                for key, value in config.items():
                    if value is not None:
                        self.cfg.set(key, value)

            def load(self) -> Any:
                return application

        Server().run()
