"""The workflow of an import: uploaded → checking → checked → importing → imported; a file may
be refused (it cannot be read, or its columns do not fit) or discarded by the officer."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from mekendesh.imports.models import BatchStatus
from mekendesh.workflows.engine import Transition, Workflow, workflow_register

S = BatchStatus

IMPORT = workflow_register(
    Workflow(
        name="import",
        model="imports.ImportBatch",
        states=dict(BatchStatus.choices),
        transitions=[
            Transition(S.UPLOADED, "check", S.VALIDATING, permission="import.batch", label=_("Check the rows")),
            Transition(S.VALIDATING, "checked", S.VALIDATED, permission="import.batch", label=_("Checked")),
            Transition(S.VALIDATED, "remap", S.UPLOADED, permission="import.batch", label=_("Change the columns")),
            Transition(S.VALIDATED, "promote", S.PROMOTING, permission="import.batch", label=_("Import")),
            Transition(S.PROMOTING, "promoted", S.PROMOTED, permission="import.batch", label=_("Imported")),
            Transition(S.UPLOADED, "refuse", S.REFUSED, permission="import.batch", label=_("Refuse")),
            Transition(S.VALIDATING, "refuse", S.REFUSED, permission="import.batch", label=_("Refuse")),
            Transition(S.VALIDATED, "refuse", S.REFUSED, permission="import.batch", label=_("Refuse")),
            Transition(S.UPLOADED, "discard", S.DISCARDED, permission="import.batch", label=_("Discard")),
            Transition(S.VALIDATED, "discard", S.DISCARDED, permission="import.batch", label=_("Discard")),
            # A check or an import whose job stopped (failed, cancelled) is not left hanging: the
            # officer discards it or goes back to the columns (services refuse while it runs).
            Transition(S.VALIDATING, "discard", S.DISCARDED, permission="import.batch", label=_("Discard")),
            Transition(S.PROMOTING, "discard", S.DISCARDED, permission="import.batch", label=_("Discard")),
            Transition(S.VALIDATING, "remap", S.UPLOADED, permission="import.batch", label=_("Change the columns")),
        ],
        refusals={
            "check": _("Only a file that was just uploaded can be checked."),
            "promote": _("Only a checked file can be imported."),
            "discard": _("This import can no longer be discarded."),
            "remap": _("The columns can be changed only before the import."),
        },
    )
)
