"""The load: the pages of a visitor, a migrant registering and a consular officer at work.

Run by :mod:`bench.web` (``python -m bench.web``), which signs the officer in once and passes the
session, the search terms and the people to open in a JSON file named by ``BENCH_WEB_DATA``.
Every user keeps a constant rate (``constant_throughput``), so the site sees a fixed arrival rate
whatever its response time, as long as it keeps up.
"""

from __future__ import annotations

import json
import os
import random
import uuid
from typing import Any

from locust import HttpUser, constant_throughput, task

from bench.web.scenarios import SCENARIOS

# Requests per second each simulated user sends; the runner picks the number of users.
USER_RATE = float(os.environ.get("BENCH_WEB_USER_RATE", "2.5"))


def _data() -> dict[str, Any]:
    path = os.environ.get("BENCH_WEB_DATA")
    return json.loads(open(path, encoding="utf-8").read()) if path else {}


DATA = _data()
WEIGHTS = {page.name: page.weight for page in SCENARIOS}


def _share(kind: str) -> int:
    return sum(page.weight for page in SCENARIOS if page.kind == kind)


def registration_form_data(csrf: str) -> dict[str, str]:
    """A valid registration: a new person with an account, a stay in Moscow."""
    form = DATA.get("registration", {})
    number = f"AN{random.randint(1_000_000, 9_999_999)}"
    tag = uuid.uuid4().hex[:12]
    password = "Pw-" + uuid.uuid4().hex  # unlike the address, which the password check refuses
    return {
        "csrfmiddlewaretoken": csrf,
        "submission_key": str(uuid.uuid4()),
        "name_script": "ky-Cyrl",
        "surname": "Асанов",
        "given_names": "Бакыт",
        "patronymic": "Асан уулу",
        "latin_surname": "ASANOV",
        "latin_given_names": "BAKYT",
        "sex": "M",
        "birth_date": f"{random.randint(1, 28):02d}.{random.randint(1, 12):02d}.{random.randint(1970, 2004)}",
        "origin_region": str(form.get("origin_region", "")),
        "origin_district": str(form.get("origin_district", "")),
        "document_number": number,
        "document_expiry": "",
        "mrz": "",
        "country": "RU",
        "host_region": str(form.get("host_region", "")),
        "city": "Москва",
        "address": "ул. Ленина, 1",
        "employer": "",
        "purpose": "work",
        "permit_type": "patent",
        "permit_expiry": "01.03.2027",
        "arrival_date": "01.03.2025",
        "email": f"bench-{tag}@example.com",
        "phone": "",
        "login_with": "email",
        "password1": password,
        "password2": password,
        "consent_register": "on",
    }


class Visitor(HttpUser):
    """Someone on the public site: the landing page, the registration form, a registration."""

    weight = _share("public")
    wait_time = constant_throughput(USER_RATE)

    @task(WEIGHTS["landing page"])
    def landing(self) -> None:
        self.client.get("/", name="landing page")

    @task(WEIGHTS["registration form"])
    def registration_form(self) -> None:
        self.client.get("/me/register/", name="registration form")

    @task(WEIGHTS["registration POST"])
    def registration_post(self) -> None:
        self.client.cookies.clear()
        page = self.client.get("/me/register/", name="registration form")
        csrf = self.client.cookies.get("csrftoken", "")
        with self.client.post(
            "/me/register/",
            data=registration_form_data(csrf),
            name="registration POST",
            headers={"Referer": page.url},
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"registration not accepted (status {answer.status_code})")
        self.client.cookies.clear()


class Officer(HttpUser):
    """A consular officer signed in (with the second factor): search, person pages, the queue, the API."""

    weight = _share("staff")
    wait_time = constant_throughput(USER_RATE)

    def on_start(self) -> None:
        for name, value in DATA.get("cookies", {}).items():
            self.client.cookies.set(name, value)

    def _staff_get(self, path: str, name: str, **params: Any) -> None:
        with self.client.get(
            path, params=params or None, name=name, allow_redirects=False, catch_response=True
        ) as answer:
            if answer.status_code != 200:
                answer.failure(f"status {answer.status_code}")

    @task(WEIGHTS["staff search"])
    def search(self) -> None:
        self._staff_get("/staff/people/", name="staff search", q=random.choice(DATA.get("queries", ["Asanov"])))

    @task(WEIGHTS["person page"])
    def person(self) -> None:
        people = DATA.get("people") or [str(uuid.uuid4())]
        self._staff_get(f"/staff/people/{random.choice(people)}/", name="person page")

    @task(WEIGHTS["work queue"])
    def queue(self) -> None:
        self._staff_get(DATA.get("queue_path", "/staff/stays/queue/"), name="work queue")

    @task(WEIGHTS["API search"])
    def api(self) -> None:
        self._staff_get("/api/people/", name="API search", q=random.choice(DATA.get("queries", ["Asanov"])))
