"""A dimension of a table: its codes, the hierarchy that joins them, and its total.

Every dimension has exactly one code without a parent, its total (SDMX's ``_T`` by convention).
A code with children is an aggregate: its count is the sum of its children's. A flat dimension
(sex) is a total with its categories under it; a hierarchy (country → oblast → district, world →
continent → destination country) has more levels.

The codes are kept in a canonical order that does not depend on the order they were given in:
the total first, then depth first with the children of each code sorted by their code. Every
result of the library follows that order, so that the same codes give the same result however
the caller lists them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from mekendesh.disclosure.errors import DisclosureRefused

TOTAL = "_T"


@dataclass(frozen=True, eq=False)
class Dimension:
    """A named dimension; build it with :meth:`flat` or :meth:`tree`."""

    name: str
    codes: tuple[str, ...]  # canonical order, the total first
    parent_of: Mapping[str, str | None]
    children_of: Mapping[str, tuple[str, ...]] = field(repr=False)
    index: Mapping[str, int] = field(repr=False)

    @classmethod
    def flat(cls, name: str, categories: Iterable[str], *, total: str = TOTAL) -> Dimension:
        """A dimension with one level of categories under its total."""
        parents: dict[str, str | None] = {total: None}
        for code in categories:
            if code in parents:
                raise DisclosureRefused("duplicate_code", dimension=name, code=code)
            parents[code] = total
        return cls.tree(name, parents)

    @classmethod
    def tree(cls, name: str, parents: Mapping[str, str | None] | Sequence[tuple[str, str | None]]) -> Dimension:
        """A hierarchy given as ``{code: parent}`` (``None`` for the total) or as pairs."""
        pairs = list(parents.items()) if isinstance(parents, Mapping) else list(parents)
        if not pairs:
            raise DisclosureRefused("empty_dimension", dimension=name)
        parent_of: dict[str, str | None] = {}
        for code, parent in pairs:
            if code in parent_of:
                raise DisclosureRefused("duplicate_code", dimension=name, code=code)
            parent_of[code] = parent
        for code, parent in parent_of.items():
            if parent is not None and parent not in parent_of:
                raise DisclosureRefused("unknown_parent", dimension=name, code=code, parent=parent)
        roots = sorted(code for code, parent in parent_of.items() if parent is None)
        if len(roots) != 1:
            raise DisclosureRefused("not_one_total", dimension=name, roots=len(roots))
        children: dict[str, list[str]] = {code: [] for code in parent_of}
        for code, parent in parent_of.items():
            if parent is not None:
                children[parent].append(code)
        order: list[str] = []
        stack = [roots[0]]
        while stack:
            code = stack.pop()
            order.append(code)
            stack.extend(sorted(children[code], reverse=True))
        if len(order) != len(parent_of):
            # A code unreachable from the total sits on a cycle (or hangs from one).
            stray = sorted(set(parent_of) - set(order))[0]
            raise DisclosureRefused("hierarchy_cycle", dimension=name, code=stray)
        return cls(
            name=name,
            codes=tuple(order),
            parent_of={code: parent_of[code] for code in order},
            children_of={code: tuple(sorted(children[code])) for code in order},
            index={code: position for position, code in enumerate(order)},
        )

    @property
    def total(self) -> str:
        return self.codes[0]

    @property
    def leaves(self) -> tuple[str, ...]:
        """The categories a person is counted in (the codes without children), in canonical order."""
        return tuple(code for code in self.codes if not self.children_of[code])

    def is_leaf(self, code: str) -> bool:
        return not self.children_of[code]

    def position(self, code: str) -> int:
        try:
            return self.index[code]
        except KeyError:
            raise DisclosureRefused("unknown_code", dimension=self.name, code=code) from None

    def leaves_under(self, code: str) -> tuple[str, ...]:
        found: list[str] = []
        stack = [code]
        while stack:
            current = stack.pop()
            below = self.children_of[current]
            if below:
                stack.extend(reversed(below))
            else:
                found.append(current)
        return tuple(sorted(found, key=self.index.__getitem__))

    def ancestors(self, code: str) -> tuple[str, ...]:
        """The parent, its parent, … up to the total."""
        found: list[str] = []
        parent = self.parent_of[code]
        while parent is not None:
            found.append(parent)
            parent = self.parent_of[parent]
        return tuple(found)

    def aggregation(self) -> npt.NDArray[np.int64]:
        """The matrix (codes × leaves) with 1 where the leaf lies under the code."""
        leaves = self.leaves
        leaf_position = {code: position for position, code in enumerate(leaves)}
        matrix = np.zeros((len(self.codes), len(leaves)), dtype=np.int64)
        for row, code in enumerate(self.codes):
            for leaf in self.leaves_under(code):
                matrix[row, leaf_position[leaf]] = 1
        return matrix

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dimension):
            return NotImplemented
        return self.name == other.name and dict(self.parent_of) == dict(other.parent_of)

    def __hash__(self) -> int:
        return hash((self.name, self.codes))
