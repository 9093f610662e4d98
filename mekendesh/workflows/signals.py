"""What other apps may listen to: a record moved in its workflow.

``transitioned`` is sent after the transaction of a move commits (never for a move that rolled
back, nor twice for a replayed submission), with ``sender`` the workflow's name, ``obj`` the record
as stored and ``action`` its :class:`~mekendesh.workflows.models.WorkflowAction`. A receiver that
changes data calls a service of its own app (its own transaction and audit row)::

    transitioned.connect(revoke_on_end, sender="stay", dispatch_uid="credentials.stay_end")
"""

from __future__ import annotations

from django.dispatch import Signal

transitioned = Signal()
