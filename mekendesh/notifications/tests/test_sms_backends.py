"""SMS backends, chosen by the SMS_BACKEND setting like Django's mail backends: the console
prints, the in-memory one keeps an outbox, the disabled one sends nothing."""

from __future__ import annotations

import io
import os
import secrets
import subprocess
import sys

import pytest

from mekendesh.notifications.sms import SmsMessage, get_sms_backend, sms_enabled
from mekendesh.notifications.sms.backends import locmem
from mekendesh.notifications.sms.backends.base import BaseSmsBackend

MESSAGE = SmsMessage(to="+996555123456", body="Сиздин кайрылууңуз катталды.")


def test_the_console_backend_prints_each_message(settings):
    settings.SMS_BACKEND = "mekendesh.notifications.sms.backends.console.SmsBackend"
    stream = io.StringIO()
    with get_sms_backend(stream=stream) as backend:
        assert backend.send_messages([MESSAGE, MESSAGE]) == 2
    assert stream.getvalue().count("SMS to +996555123456\nСиздин кайрылууңуз катталды.\n") == 2


def test_tests_send_to_the_in_memory_outbox_emptied_before_each_test():
    assert locmem.outbox == []
    assert get_sms_backend().send_messages([MESSAGE]) == 1
    assert locmem.outbox == [MESSAGE]
    assert sms_enabled()


def test_the_disabled_backend_sends_nothing_and_turns_sms_off(settings):
    settings.SMS_BACKEND = "mekendesh.notifications.sms.backends.disabled.SmsBackend"
    assert not sms_enabled()
    assert get_sms_backend().send_messages([MESSAGE]) == 0
    assert locmem.outbox == []


def test_a_gateway_plugs_in_by_naming_its_class(settings):
    settings.SMS_BACKEND = "mekendesh.notifications.tests.test_sms_backends.Gateway"
    backend = get_sms_backend(key="secret")
    assert isinstance(backend, Gateway) and backend.key == "secret"
    assert backend.send_messages([MESSAGE]) == 1 and Gateway.sent == [MESSAGE]


def test_a_backend_must_say_how_it_sends():
    with pytest.raises(NotImplementedError):
        BaseSmsBackend().send_messages([MESSAGE])


class Gateway(BaseSmsBackend):
    sent: list[SmsMessage] = []

    def __init__(self, *, key: str = "", **options: object) -> None:
        super().__init__()
        self.key = key

    def send_messages(self, messages: list[SmsMessage]) -> int:
        Gateway.sent.extend(messages)
        return len(messages)


@pytest.mark.parametrize(
    ("environment", "backend"),
    [("production", "disabled"), ("development", "console"), ("test", "locmem")],
)
def test_production_sends_no_sms_and_development_prints_them_until_a_gateway_is_named(tmp_path, environment, backend):
    def configured(**variables: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", "from django.conf import settings; print(settings.SMS_BACKEND)"],
            env={
                "PATH": os.environ.get("PATH", ""),
                "HOME": str(tmp_path),
                "MEKENDESH_HOME": str(tmp_path),
                "DJANGO_SETTINGS_MODULE": "mekendesh.settings",
                "MEKENDESH_ENV": environment,
                "SECRET_KEY": secrets.token_urlsafe(64),
                **variables,
            },
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return result.stdout.strip()

    assert configured() == f"mekendesh.notifications.sms.backends.{backend}.SmsBackend"
    assert configured(MEKENDESH_SMS_BACKEND="gateway.Sms") == "gateway.Sms"
