"""Statistical disclosure control for the tables Mekendesh publishes: a pure library (no Django).

Two methods protect a frequency table (counts of persons) before anyone outside sees it:

* **Threshold suppression** (:func:`protect`): a cell of 1 to ``threshold - 1`` persons is not
  published; further cells are suppressed so that none of them can be recovered from the
  published cells — row, column and table totals, across the hierarchies of the dimensions
  (world → continent → country, country → oblast → district) and across every table of the
  release and every table published before from the same data (the :class:`Ledger`). Every
  pattern is audited with linear programmes before it goes out (:mod:`.audit`).
* **Cell-key perturbation** (:func:`perturb`, the ONS method): a little noise from a versioned
  perturbation table, the same for the same cell in every table and release, because it comes
  from the persons' record keys.

Usage::

    destination = Dimension.tree("destination", {"_T": None, "CIS": "_T", "RU": "CIS", "KZ": "CIS", ...})
    sex = Dimension.flat("sex", ["F", "M"])
    table = Table.from_records([destination, sex], records)   # or Table.from_counts(...)
    release = protect(table, [CrossTab("stock-by-destination-sex", ("destination", "sex"))],
                      rules=Rules(threshold=10, protection=4), release="2026-01", ledger=ledger)
    release.tables[0].cells   # PublishedCell(cell, value or None, obs_status, conf_status)
    ledger = ledger.with_release(release)  # the app stores release.tables

Everything the library refuses raises :class:`DisclosureRefused` with a ``code`` (one of
``REFUSAL_CODES``) and ``params`` for the translated message: a negative count, totals that do
not add up, a table whose only protection would be to suppress everything, a new table that
would reveal a suppressed cell by difference with an earlier one.

Deterministic: the same table, tables and rules give the same cells, every run.
"""

from mekendesh.disclosure.audit import Audit, CellAudit
from mekendesh.disclosure.dimensions import TOTAL, Dimension
from mekendesh.disclosure.errors import MESSAGES, REFUSAL_CODES, DisclosureRefused
from mekendesh.disclosure.flags import (
    CELL_KEY,
    SUPPRESSION,
    PublishedCell,
    PublishedTable,
    Release,
)
from mekendesh.disclosure.ledger import Ledger
from mekendesh.disclosure.perturbation import BUNDLED_VERSION, PerturbationTable, perturb, record_key_new
from mekendesh.disclosure.rules import Rules
from mekendesh.disclosure.suppression import protect
from mekendesh.disclosure.table import RECORD_KEY_RANGE, CrossTab, Table

__all__ = [
    "BUNDLED_VERSION",
    "CELL_KEY",
    "MESSAGES",
    "RECORD_KEY_RANGE",
    "REFUSAL_CODES",
    "SUPPRESSION",
    "TOTAL",
    "Audit",
    "CellAudit",
    "CrossTab",
    "Dimension",
    "DisclosureRefused",
    "Ledger",
    "PerturbationTable",
    "PublishedCell",
    "PublishedTable",
    "Release",
    "Rules",
    "Table",
    "perturb",
    "protect",
    "record_key_new",
]
