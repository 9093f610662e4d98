"""The pages the web benchmark drives and their shares of the load (read by the locustfile and
by the report; no locust import, so that tests can read it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str  # the row in the results
    kind: str  # "public" (an anonymous visitor) or "staff" (the signed-in officer)
    weight: int


# Shares per thousand requests. A registration hashes the new account's password (Django's
# PBKDF2, hundreds of milliseconds of CPU by design), so it is a small share, as it is in life:
# two in a thousand is still one every five seconds at 100 requests/s.
SCENARIOS = (
    Page("landing page", "public", 150),
    Page("registration form", "public", 80),
    Page("registration POST", "public", 2),
    Page("staff search", "staff", 220),
    Page("person page", "staff", 220),
    Page("work queue", "staff", 128),
    Page("API search", "staff", 200),
)
