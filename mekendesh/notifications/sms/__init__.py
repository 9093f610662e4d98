"""Sending SMS through a backend chosen by the ``SMS_BACKEND`` setting, as Django sends mail
through its mail backends.

A backend is a class with ``send_messages(messages: list[SmsMessage]) -> int`` (see
:class:`~mekendesh.notifications.sms.backends.base.BaseSmsBackend`). Mekendesh ships three:
``console`` (prints each message: development), ``locmem`` (keeps them in the module-level
``outbox`` list: tests) and ``disabled`` (sends nothing: production until a gateway is set).
A real gateway plugs in as a class of its own, named by ``MEKENDESH_SMS_BACKEND``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from mekendesh.notifications.sms.backends.base import BaseSmsBackend


@dataclass(frozen=True)
class SmsMessage:
    to: str  # E.164, e.g. +996555123456
    body: str


def sms_backend_class(path: str | None = None) -> type[BaseSmsBackend]:
    backend: type[BaseSmsBackend] = import_string(path or settings.SMS_BACKEND)
    return backend


def get_sms_backend(path: str | None = None, **options: Any) -> BaseSmsBackend:
    """An instance of the configured backend (or of the one named by ``path``)."""
    return sms_backend_class(path)(**options)


def sms_enabled() -> bool:
    """Whether the configured backend sends anything (not the ``disabled`` one)."""
    return sms_backend_class().enabled
