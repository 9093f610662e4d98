"""The interface of an SMS backend."""

from __future__ import annotations

from types import TracebackType
from typing import Any, ClassVar, Self

from mekendesh.notifications.sms import SmsMessage


class BaseSmsBackend:
    """Subclass it and implement :meth:`send_messages`; ``open`` and ``close`` hold a
    connection to the gateway where it has one. Options come from the constructor's keyword
    arguments (a gateway reads its address and key from settings of its own)."""

    # False for a backend that sends nothing: messages are then not queued for SMS at all.
    enabled: ClassVar[bool] = True

    def __init__(self, *, fail_silently: bool = False, **options: Any) -> None:
        self.fail_silently = fail_silently

    def open(self) -> None:
        """Open a connection to the gateway (nothing to do by default)."""

    def close(self) -> None:
        """Close the connection to the gateway (nothing to do by default)."""

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def send_messages(self, messages: list[SmsMessage]) -> int:
        """Send the messages; return how many were accepted. Raise on failure unless
        ``fail_silently``."""
        raise NotImplementedError("an SMS backend must implement send_messages()")
