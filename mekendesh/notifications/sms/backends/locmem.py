"""Keeps each SMS in the module-level ``outbox`` list: the tests' backend (emptied before each
test, as Django's ``mail.outbox``)."""

from __future__ import annotations

from mekendesh.notifications.sms import SmsMessage
from mekendesh.notifications.sms.backends.base import BaseSmsBackend

outbox: list[SmsMessage] = []


class SmsBackend(BaseSmsBackend):
    def send_messages(self, messages: list[SmsMessage]) -> int:
        outbox.extend(messages)
        return len(messages)
