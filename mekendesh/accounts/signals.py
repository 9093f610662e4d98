"""Receivers that write signing in, signing out, failed sign-ins and changes of authenticators to
the audit trail."""

from __future__ import annotations

from typing import Any

from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from mekendesh.accounts import services
from mekendesh.audit.models import AuditEvent


@receiver(auth_signals.user_logged_in, dispatch_uid="mekendesh.audit_login")
def _audit_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    services.sign_in_record(user=user)


@receiver(auth_signals.user_logged_out, dispatch_uid="mekendesh.audit_logout")
def _audit_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        services.sign_out_record(user=user)


@receiver(auth_signals.user_login_failed, dispatch_uid="mekendesh.audit_login_failed")
def _audit_login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    # Django has already replaced the password in ``credentials`` with stars.
    login = credentials.get("email") or credentials.get("username") or credentials.get("phone") or ""
    services.sign_in_failed_record(login=str(login))


@receiver(mfa_signals.authentication_failed, dispatch_uid="mekendesh.audit_mfa_failed")
def _audit_mfa_failed(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    services.sign_in_failed_record(login=user.email, step="second_factor")


@receiver(mfa_signals.authenticator_added, dispatch_uid="mekendesh.authenticator_added")
def _authenticator_added(sender: Any, request: Any, user: Any, authenticator: Authenticator, **kwargs: Any) -> None:
    services.authenticator_change_record(
        actor=user, user=user, kind=authenticator.type, action=AuditEvent.Action.CREATE
    )


@receiver(mfa_signals.authenticator_removed, dispatch_uid="mekendesh.authenticator_removed")
def _authenticator_removed(sender: Any, request: Any, user: Any, authenticator: Authenticator, **kwargs: Any) -> None:
    services.authenticator_change_record(
        actor=user, user=user, kind=authenticator.type, action=AuditEvent.Action.DELETE
    )


@receiver(user_locked_out, dispatch_uid="mekendesh.unlock_mail")
def _send_unlock_mail(sender: Any, request: Any, username: str | None, ip_address: str | None, **kwargs: Any) -> None:
    """When an account has just been locked (not at every later try), its owner gets the link that
    unlocks it. A name that is no account gets nothing."""
    from mekendesh.accounts.lockout import unlock_mail_send
    from mekendesh.accounts.models import User

    if (
        request is None
        or not username
        or getattr(request, "axes_failures_since_start", None) != settings.AXES_FAILURE_LIMIT
    ):
        return
    user = User.objects.filter(email__iexact=username, is_active=True).first()
    if user is not None and user.email:
        unlock_mail_send(request=request, user=user)
