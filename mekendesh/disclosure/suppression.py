"""Threshold suppression with secondary suppression across hierarchies and linked tables.

:func:`protect` publishes cross-tabulations of one :class:`~mekendesh.disclosure.table.Table`:

1. **Primary** cells: 1 to ``threshold - 1`` persons, and the cells the caller declares
   confidential. Empty cells are published (see :class:`~mekendesh.disclosure.rules.Rules`);
   structural zeros are published as impossible.
2. **Secondary** cells, one primary cell at a time in the canonical order of the lattice: the
   cheapest *move* that lets the primary cell rise by ``U`` and fall by ``L`` (``U + L`` wider
   than the protection level) while every published value stays what it is and every cell stays
   at or above what the attacker knows it holds. A move is the product, over the dimensions, of
   a path in each dimension's hierarchy (to a sibling, or up to a sibling of an ancestor, or up
   to the total): in two flat dimensions the four corners of a rectangle, in more a hypercube,
   across hierarchies the chain of subtotals above. Its cells not yet suppressed are suppressed.
   The cost of a cell is its count plus one, so that large cells and totals are kept. Where no
   such move exists, a linear programme over every cell finds one; where none exists at all,
   the cell cannot be protected and the table is refused.
3. The **audit** (:mod:`mekendesh.disclosure.audit`) of the finished pattern over every table of
   the release and every table published before from the same data (the ledger). A pattern that
   fails is not published.

Linked tables: every cross-tabulation of a release (and of the ledger) is a view of the same
lattice, so a move is built in the lattice of all their dimensions and keeps every one of their
equations at once.

Deterministic: the codes, the cells and the candidate moves are taken in one canonical order,
ties go to the first, and HiGHS's dual simplex is deterministic for the same programme.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

import numpy as np

from mekendesh.disclosure.audit import Attacker, audit_cells
from mekendesh.disclosure.errors import DisclosureRefused
from mekendesh.disclosure.flags import (
    CONFIDENTIAL,
    FREE,
    IMPOSSIBLE,
    MISSING,
    PUBLISHED,
    SECONDARY,
    SMALL_COUNT,
    SUPPRESSION,
    PublishedCell,
    PublishedTable,
    Release,
)
from mekendesh.disclosure.ledger import Knowledge, Ledger
from mekendesh.disclosure.moves import CANDIDATE, FIXED, SUPPRESSED, Search, amounts
from mekendesh.disclosure.rules import Rules
from mekendesh.disclosure.system import LinearSystem
from mekendesh.disclosure.table import Coordinates, CrossTab, Table


def protect(
    table: Table,
    crosstabs: Sequence[CrossTab],
    *,
    rules: Rules | None = None,
    release: str = "",
    ledger: Ledger | None = None,
    confidential: Iterable[Coordinates] = (),
    keep: Iterable[Coordinates] = (),
) -> Release:
    """Suppress what must be suppressed in ``crosstabs`` and return them as a :class:`Release`.

    ``confidential``: further cells to suppress as primary (flag ``C``). ``keep``: cells that must
    be published (a grand total, say) and are never chosen as secondary cells. Refuses with
    ``cannot_protect`` (a primary cell no pattern protects), ``suppress_everything`` (a table
    with no non-empty cell left to publish), ``duplicate_table``, ``inconsistent_ledger``.
    """
    started = time.perf_counter()
    rules = rules or Rules()
    crosstabs = tuple(crosstabs)
    ledger = ledger or Ledger()
    knowledge = Knowledge(table, ledger.exact(), crosstabs)
    system = knowledge.system
    values = table.values.ravel()
    x = values[system.cells]
    structural = table.structural.ravel()[system.cells]
    new_member = np.zeros(system.cells.size, dtype=bool)
    for crosstab in crosstabs:
        new_member[system.position(system.members[crosstab.id])] = True

    declared = np.zeros(system.cells.size, dtype=bool)
    for coordinates in confidential:
        declared[_position(system, table, coordinates)] = True
    kept = np.zeros(system.cells.size, dtype=bool)
    for coordinates in keep:
        kept[_position(system, table, coordinates)] = True

    small = (x >= 1) & (x < rules.threshold) & ~structural
    known_before = knowledge.known_before
    primary = ((new_member | knowledge.suppressed_before) & small | declared | knowledge.confidential) & ~known_before
    suppressed = primary | (knowledge.suppressed_before & ~known_before)
    fixed = known_before | structural | (kept & ~primary)
    if rules.zeros == "publish":
        fixed |= x == 0

    seconds = {"system": time.perf_counter() - started}
    started = time.perf_counter()
    search = Search(table, system, rules)
    search.state[system.cells] = np.where(fixed, FIXED, np.where(suppressed, SUPPRESSED, CANDIDATE))
    certificates: dict[int, tuple[float, float]] = {}
    for primary_position in np.flatnonzero(primary):
        lattice = int(system.cells[primary_position])
        value = int(values[lattice])
        move = None
        splits = amounts(value, rules, finest=bool(system.finest[primary_position]))
        for down, up in splits:
            move = search.cheapest(lattice, up=up, down=down)
            if move is not None:
                break
        else:
            for down, up in splits:
                move = search.by_programme(lattice, up=up, down=down)
                if move is not None:
                    break
        if move is None:
            raise DisclosureRefused("cannot_protect", cell=table.cell(lattice, system.dimensions))
        search.take(move)
        certificates[int(primary_position)] = (value - down, value + up)

    suppressed = search.state[system.cells] == SUPPRESSED
    for crosstab in crosstabs:
        members = system.position(system.members[crosstab.id])
        showing = (x[members] > 0) & ~structural[members]
        if showing.any() and suppressed[members][showing].all():
            raise DisclosureRefused("suppress_everything", table=crosstab.id)

    seconds["suppression"] = time.perf_counter() - started
    started = time.perf_counter()
    attacker = Attacker(
        system,
        known=~suppressed,
        values=x,
        lower=np.full(system.cells.size, rules.lower_bound),
        exact_limit=rules.exact_limit,
    )
    positions = [int(position) for position in np.flatnonzero(suppressed)]
    audit = audit_cells(
        attacker,
        suppressed=positions,
        primary={position: bool(primary[position]) for position in positions},
        names={position: table.cell(int(system.cells[position]), system.dimensions) for position in positions},
        protection=rules.protection,
        own_count=rules.own_count,
        certificates=certificates,
    )
    if not audit.passes:
        raise DisclosureRefused(
            "audit_failed", count=len(audit.failures), cells=[failure.cell for failure in audit.failures]
        )

    seconds["audit"] = time.perf_counter() - started
    tables: list[PublishedTable] = []
    for crosstab in crosstabs:
        cells: list[PublishedCell] = []
        for member in system.members[crosstab.id]:
            position = int(system.position(np.array([member]))[0])
            named = table.cell(int(member), crosstab.dimensions)
            if structural[position]:
                cells.append(PublishedCell(named, None, IMPOSSIBLE, FREE))
            elif suppressed[position]:
                status = (
                    CONFIDENTIAL
                    if declared[position] or knowledge.confidential[position]
                    else (SMALL_COUNT if primary[position] else SECONDARY)
                )
                cells.append(PublishedCell(named, None, MISSING, status))
            else:
                cells.append(PublishedCell(named, int(x[position]), PUBLISHED, FREE))
        tables.append(
            PublishedTable(
                id=crosstab.id,
                dimensions=crosstab.dimensions,
                totals={name: table.dimension(name).total for name in crosstab.dimensions},
                release=release,
                method=SUPPRESSION,
                method_version=rules.describe(),
                cells=tuple(cells),
            )
        )
    return Release(id=release, tables=tuple(tables), audit=audit, seconds=seconds)


def _position(system: LinearSystem, table: Table, coordinates: Coordinates) -> int:
    lattice = np.array([table.index(coordinates)], dtype=np.int64)
    if not system.contains(lattice)[0]:
        raise DisclosureRefused("unknown_table", table=str(table.cell(int(lattice[0]))))
    return int(system.position(lattice)[0])
