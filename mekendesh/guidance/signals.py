"""What other apps may listen to: a rule of stay was added or changed.

``rule_changed`` is sent by :func:`mekendesh.guidance.services.rule_save` inside its transaction,
after the rule is stored, so that whatever follows from it commits or rolls back with the rule:
the assistance cases move the deadlines the rule sets. ``sender`` is
:class:`~mekendesh.guidance.models.Rule`; the arguments are ``rule`` (as stored), ``actor`` and
``concerns``, the set of ``(destination code, kind)`` the rule stood for before and after the
change. A receiver that changes data calls a service of its own app (its audit rows)::

    rule_changed.connect(rule_saved, sender=Rule, dispatch_uid="cases.rule_saved")
"""

from __future__ import annotations

from django.dispatch import Signal

rule_changed = Signal()
