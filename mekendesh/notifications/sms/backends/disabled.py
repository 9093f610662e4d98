"""Sends nothing: SMS is off (the production default until a gateway is configured). Messages
are then not queued for SMS; one queued before SMS was turned off is marked not sent."""

from __future__ import annotations

from typing import ClassVar

from mekendesh.notifications.sms import SmsMessage
from mekendesh.notifications.sms.backends.base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    enabled: ClassVar[bool] = False

    def send_messages(self, messages: list[SmsMessage]) -> int:
        return 0
