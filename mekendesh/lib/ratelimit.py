"""A fixed-window counter of submissions per client address, kept in Django's cache.

No library is used: django-ratelimit, the usual choice, had its last release (4.1, 2023) tested
up to Django 4.2, and what public forms need here fits in a page — count one address's submissions in the current
hour and refuse the rest. With several web processes the cache must be shared (Redis, see
``CACHES`` in the settings); the embedded set-up runs one process and a local-memory cache.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class RateLimitResult:
    allowed: bool
    count: int
    limit: int
    retry_after: int  # seconds until the current window ends


def client_address(request: HttpRequest) -> str:
    """The address the request came from, as the web server saw it.

    Behind a reverse proxy the proxy must set ``REMOTE_ADDR`` (e.g. gunicorn's
    ``--forwarded-allow-ips``); a client-supplied ``X-Forwarded-For`` is not trusted here, since
    anyone could change it on every request to escape the limit.
    """
    return request.META.get("REMOTE_ADDR") or "unknown"


def rate_limit_hit(*, scope: str, key: str, limit: int, period: int = 3600) -> RateLimitResult:
    """Count one submission of ``key`` (a client address) in ``scope``; refuse it over ``limit``.

    The window is fixed (the current hour for ``period=3600``): simple, and it never lets more
    than ``2 × limit`` submissions through in any hour.
    """
    now = int(time.time())
    window = now // period
    cache_key = f"ratelimit:{scope}:{key}:{window}"
    retry_after = (window + 1) * period - now
    # add() only sets a missing key, so concurrent first hits do not reset each other's count.
    cache.add(cache_key, 0, timeout=retry_after + 60)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the key expired between add() and incr()
        cache.set(cache_key, 1, timeout=retry_after + 60)
        count = 1
    return RateLimitResult(allowed=count <= limit, count=count, limit=limit, retry_after=retry_after)
