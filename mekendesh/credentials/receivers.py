"""The credentials follow the stay's workflow: verified → issued, ended → revoked.

The workflow sends ``transitioned`` after the move's transaction commits; the receiver calls the
service, which runs its own transaction and writes its own audit rows.
"""

from __future__ import annotations

from typing import Any

from mekendesh.workflows.signals import transitioned


def stay_moved(sender: str, obj: Any, action: Any, **kwargs: Any) -> None:
    from mekendesh.credentials.services import credentials_follow_stay

    credentials_follow_stay(actor=action.actor, stay=obj)


def connect() -> None:
    transitioned.connect(stay_moved, sender="stay", dispatch_uid="mekendesh.credentials.stay_moved")
