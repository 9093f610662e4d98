"""The pages the web benchmark drives and their shares of the load (read by the locustfile and
by the report; no locust import, so that tests can read it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str  # the row in the results
    kind: str  # "public" (an anonymous visitor) or "staff" (the signed-in officer)
    weight: int


SCENARIOS = (
    Page("landing page", "public", 14),
    Page("registration form", "public", 8),
    Page("registration POST", "public", 2),
    Page("staff search", "staff", 22),
    Page("person page", "staff", 22),
    Page("work queue", "staff", 12),
    Page("API search", "staff", 20),
)
