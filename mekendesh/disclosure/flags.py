"""What a published cell says about itself: its value or none, and two SDMX status codes.

The statistics app writes both into its downloads (SDMX-CSV attributes ``OBS_STATUS`` and
``CONF_STATUS``, from the SDMX code lists CL_OBS_STATUS and CL_CONF_STATUS):

=========================================  =========  ==========  ===========
cell                                       value      OBS_STATUS  CONF_STATUS
=========================================  =========  ==========  ===========
published as counted                       the count  ``A``       ``F``
below the threshold (primary)              none       ``O``       ``A``
declared confidential by the caller        none       ``O``       ``C``
suppressed to protect another (secondary)  none       ``O``       ``D``
perturbed (cell key), every cell alike     perturbed  ``E``       ``F``
perturbed below the threshold              none       ``O``       ``A``
structural zero (cannot exist)             none       ``M``       ``F``
=========================================  =========  ==========  ===========

``A`` normal value, ``E`` estimated value, ``O`` missing value, ``M`` missing because it cannot
exist; ``F`` free for publication, ``A`` primary confidentiality due to small counts, ``C``
confidential statistical information, ``D`` secondary confidentiality set by the sender.

Every cell of a perturbed table carries ``E``, whether its noise happened to be zero or not: a
flag on the changed cells alone would tell which values are true. A page may show a suppressed
cell as "x" or "…"; it must not show which suppressed cells are primary (that would say which
are below the threshold) — ``conf_status`` is for the downloads' metadata, where SDMX puts it,
and the app may choose to publish ``D`` and ``A`` alike as ``C``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from mekendesh.disclosure.audit import Audit
from mekendesh.disclosure.errors import DisclosureRefused

PUBLISHED: Final = "A"
ESTIMATED: Final = "E"
MISSING: Final = "O"
IMPOSSIBLE: Final = "M"

FREE: Final = "F"
SMALL_COUNT: Final = "A"
CONFIDENTIAL: Final = "C"
SECONDARY: Final = "D"

SUPPRESSED_STATUSES: Final = frozenset({SMALL_COUNT, CONFIDENTIAL, SECONDARY})

SUPPRESSION: Final = "suppression"
CELL_KEY: Final = "cell-key"


@dataclass(frozen=True)
class PublishedCell:
    """A cell as it goes out: named by the codes of its table's dimensions (totals as their code)."""

    cell: dict[str, str]
    value: int | None
    obs_status: str
    conf_status: str

    @property
    def suppressed(self) -> bool:
        return self.conf_status in SUPPRESSED_STATUSES


@dataclass(frozen=True)
class PublishedTable:
    """A table of a release: what the ledger records and the app stores, cell by cell."""

    id: str
    dimensions: tuple[str, ...]
    totals: dict[str, str]  # each dimension's total code
    release: str
    method: str  # SUPPRESSION or CELL_KEY
    method_version: str  # the rules, or the perturbation table's version
    cells: tuple[PublishedCell, ...] = field(repr=False)

    def cell(self, **codes: str) -> PublishedCell:
        """The cell with these codes; the dimensions left out are at their totals."""
        wanted = {name: codes.get(name, self.totals[name]) for name in self.dimensions}
        for cell in self.cells:
            if cell.cell == wanted:
                return cell
        raise KeyError(codes)


@dataclass(frozen=True)
class Release:
    """The tables of one release, as they go out, with the audit that let them go."""

    id: str
    tables: tuple[PublishedTable, ...]
    audit: Audit | None = field(default=None, repr=False)
    seconds: dict[str, float] = field(default_factory=dict, repr=False, compare=False)  # time by stage

    def table(self, id: str) -> PublishedTable:
        for table in self.tables:
            if table.id == id:
                return table
        raise DisclosureRefused("unknown_table", table=id)
