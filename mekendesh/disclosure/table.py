"""A table of counts: every combination of the codes of its dimensions, totals included.

A :class:`Table` holds the counts of the finest categories (the leaves of every dimension) and
every marginal total computed from them, over the whole lattice of codes: for two dimensions
with hierarchies, the cells (country, sex), (continent, sex), (country, total), … and the grand
total. Build one from microdata (one record per person, with the person's record key for
cell-key perturbation) or from counts (an official table, with or without its totals: totals
given are checked against the cells under them).

A cell is named by a mapping ``{dimension: code}``; a dimension left out is at its total. The
tables a release publishes are :class:`CrossTab` views of one table: the cells of some of its
dimensions, the others at their totals. Cross-tabulations of the same table share cells (a
margin of one is a margin of the other) — which is how the library sees that they are linked.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from mekendesh.disclosure.dimensions import Dimension
from mekendesh.disclosure.errors import DisclosureRefused

# The ONS range of record keys: a whole number from 0 to 255 for each person.
RECORD_KEY_RANGE: Final = 256

Coordinates = Mapping[str, str] | Sequence[str]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class CrossTab:
    """A table to publish: ``id`` and the dimensions it crosses (the others at their totals)."""

    id: str
    dimensions: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "dimensions", tuple(self.dimensions))


class Table:
    """Counts over the lattice of codes of ``dimensions``; see the module docstring."""

    def __init__(
        self,
        dimensions: Sequence[Dimension],
        leaf_counts: IntArray,
        *,
        leaf_key_sums: IntArray | None = None,
        structural: BoolArray | None = None,
        key_range: int = RECORD_KEY_RANGE,
    ) -> None:
        if not dimensions:
            raise DisclosureRefused("no_dimensions")
        names = [dimension.name for dimension in dimensions]
        for name in names:
            if names.count(name) > 1:
                raise DisclosureRefused("duplicate_dimension", dimension=name)
        self.dimensions: tuple[Dimension, ...] = tuple(dimensions)
        self.names: tuple[str, ...] = tuple(names)
        self.key_range = key_range
        self.shape: tuple[int, ...] = tuple(len(dimension.codes) for dimension in dimensions)
        self._plans = [_summing_plan(dimension) for dimension in dimensions]
        self.values: IntArray = self._lattice(leaf_counts)
        # The record keys' sums over the lattice are worked out when first read (cell-key
        # perturbation reads them; suppression never does).
        self._leaf_key_sums = None if leaf_key_sums is None else np.asarray(leaf_key_sums, dtype=np.int64)
        self._key_sums: IntArray | None = None
        # A cell is a structural zero when every finest cell under it is one (none when no finest
        # cell is: every code has a finest cell under it).
        if structural is None or not np.any(structural):
            self.structural: BoolArray = np.zeros(self.shape, dtype=bool)
        else:
            self.structural = self._lattice((~np.asarray(structural, dtype=bool)).astype(np.int64)) == 0
        self.size = int(self.values.size)
        self._shell = _Shell(self.dimensions)

    @property
    def key_sums(self) -> IntArray | None:
        """The sum of the record keys of the persons in each cell of the lattice (None: no keys)."""
        if self._key_sums is None and self._leaf_key_sums is not None:
            self._key_sums = self._lattice(self._leaf_key_sums)
        return self._key_sums

    def _lattice(self, leaves: IntArray) -> IntArray:
        """Every cell of the lattice from the finest ones, one dimension after another: the
        leaves are put in their places, then each aggregate code, from the deepest up, is the sum
        of its children (an array the size of the lattice so far for each dimension, and no
        other: arrays of a national table run to tens of megabytes)."""
        result = np.asarray(leaves, dtype=np.int64)
        for axis, (size, leaf_positions, sums) in enumerate(self._plans):
            shape = list(result.shape)
            shape[axis] = size
            lattice = np.empty(shape, dtype=np.int64)
            leaves_at: tuple[slice | IntArray, ...] = (*(slice(None),) * axis, leaf_positions)
            lattice[leaves_at] = result
            for position, children in sums:
                total = _at(lattice, axis, position)
                if len(children) == 1:
                    total[...] = _at(lattice, axis, children[0])
                    continue
                np.add(_at(lattice, axis, children[0]), _at(lattice, axis, children[1]), out=total)
                for child in children[2:]:
                    total += _at(lattice, axis, child)
            result = lattice
        return np.ascontiguousarray(result, dtype=np.int64)

    # Building -------------------------------------------------------------------------------

    @classmethod
    def from_counts(
        cls,
        dimensions: Sequence[Dimension],
        counts: Mapping[Any, object] | Iterable[tuple[Coordinates, object]],
        *,
        key_sums: Mapping[Any, object] | Iterable[tuple[Coordinates, object]] | None = None,
        structural_zeros: Iterable[Coordinates] = (),
        key_range: int = RECORD_KEY_RANGE,
    ) -> Table:
        """A table from counts by cell; cells not given are 0.

        Counts of aggregate cells (totals, subtotals) may be given too: each must equal the sum
        of the finest cells under it (``totals_do_not_add_up`` otherwise). ``key_sums`` are the
        sums of the record keys of the persons in each finest cell (the database can compute
        them with the counts), for cell-key perturbation.
        """
        dimensions = tuple(dimensions)
        shell = _Shell(dimensions)
        leaves = np.zeros(shell.leaf_shape, dtype=np.int64)
        aggregates: list[tuple[tuple[int, ...], int, dict[str, str]]] = []
        pairs = counts.items() if isinstance(counts, Mapping) else counts
        for coordinates, value in pairs:
            codes = shell.codes(coordinates)
            count = _count(value, shell.named(codes))
            leaf = shell.leaf_position(codes)
            if leaf is None:
                aggregates.append((shell.lattice_position(codes), count, shell.named(codes)))
            else:
                leaves[leaf] += count
        leaf_keys = None
        if key_sums is not None:
            leaf_keys = np.zeros(shell.leaf_shape, dtype=np.int64)
            pairs = key_sums.items() if isinstance(key_sums, Mapping) else key_sums
            for coordinates, value in pairs:
                codes = shell.codes(coordinates)
                leaf = shell.leaf_position(codes)
                if leaf is None:
                    named = shell.named(codes)
                    raise DisclosureRefused("key_sum_not_a_leaf", cell=named)
                leaf_keys[leaf] += _count(value, shell.named(codes))
        structural = shell.structural(structural_zeros, leaves)
        table = cls(dimensions, leaves, leaf_key_sums=leaf_keys, structural=structural, key_range=key_range)
        for position, stated, named in sorted(aggregates):
            computed = int(table.values[position])
            if stated != computed:
                raise DisclosureRefused("totals_do_not_add_up", cell=named, stated=stated, computed=computed)
        return table

    @classmethod
    def from_columns(
        cls,
        dimensions: Sequence[Dimension],
        codes: Mapping[str, Sequence[object]],
        counts: Sequence[object],
        *,
        key_sums: Sequence[object] | None = None,
        key_range: int = RECORD_KEY_RANGE,
    ) -> Table:
        """A table from its finest cells given column by column, as a database's ``GROUP BY``
        returns them: the i-th cell has the code ``codes[dimension][i]`` in each dimension, the
        count ``counts[i]`` and (for cell-key perturbation) the sum of its persons' record keys
        ``key_sums[i]``.

        The same table as :meth:`from_counts` gives for the same cells, without a step in Python
        for each cell. Anything that is not the plain case — a code that is not a leaf (an
        aggregate, checked against the cells under it, or an unknown code), a count that is not
        a whole number or is negative — is read by :meth:`from_counts`, which refuses it as it
        always does, naming the cell."""
        dimensions = tuple(dimensions)
        shell = _Shell(dimensions)
        for name in codes:
            if name not in shell.names:
                raise DisclosureRefused("unknown_dimension", dimension=name, dimensions=shell.names)
        size = len(counts)
        columns = [list(codes[name]) if name in codes else [] for name in shell.names]
        if any(len(column) != size for column in columns) or (key_sums is not None and len(key_sums) != size):
            raise ValueError("every dimension needs a code for each count (and a key sum for each, when given)")
        plain = True
        positions: list[IntArray] = []
        for column, index in zip(columns, shell.leaf_index, strict=True):
            found = np.fromiter((index.get(str(code), -1) for code in column), dtype=np.int64, count=size)
            if (found < 0).any():
                plain = False
                break
            positions.append(found)
        values = _whole_numbers(counts) if plain else None
        keys = _whole_numbers(key_sums) if plain and key_sums is not None else None
        if values is None or (key_sums is not None and keys is None):
            cells = [
                {name: str(column[row]) for name, column in zip(shell.names, columns, strict=True)}
                for row in range(size)
            ]
            return cls.from_counts(
                dimensions,
                list(zip(cells, counts, strict=True)),
                key_sums=None if key_sums is None else list(zip(cells, key_sums, strict=True)),
                key_range=key_range,
            )
        flat = np.ravel_multi_index(tuple(positions), shell.leaf_shape) if size else np.zeros(0, dtype=np.int64)
        leaves = np.zeros(int(np.prod(shell.leaf_shape, dtype=np.int64)), dtype=np.int64)
        np.add.at(leaves, flat, values)
        leaf_keys = None
        if keys is not None:
            leaf_keys = np.zeros(leaves.size, dtype=np.int64)
            np.add.at(leaf_keys, flat, keys)
            leaf_keys = leaf_keys.reshape(shell.leaf_shape)
        return cls(dimensions, leaves.reshape(shell.leaf_shape), leaf_key_sums=leaf_keys, key_range=key_range)

    @classmethod
    def from_records(
        cls,
        dimensions: Sequence[Dimension],
        records: Iterable[Mapping[str, object]],
        *,
        record_key: str | None = "record_key",
        structural_zeros: Iterable[Coordinates] = (),
        key_range: int = RECORD_KEY_RANGE,
    ) -> Table:
        """A table from microdata: one mapping per person, ``{dimension: leaf code, record_key: int}``.

        With ``record_key=None`` the table has no cell keys (suppression only).
        """
        dimensions = tuple(dimensions)
        shell = _Shell(dimensions)
        leaves = np.zeros(shell.leaf_shape, dtype=np.int64)
        keys = np.zeros(shell.leaf_shape, dtype=np.int64) if record_key is not None else None
        leaf_index = [{code: position for position, code in enumerate(dimension.leaves)} for dimension in dimensions]
        for number, record in enumerate(records, start=1):
            position: list[int] = []
            for dimension, index in zip(dimensions, leaf_index, strict=True):
                code = record.get(dimension.name)
                if code is None or code == "":
                    raise DisclosureRefused("missing_value", record=number, dimension=dimension.name)
                text = str(code)
                if text not in index:
                    if text in dimension.index:
                        raise DisclosureRefused("not_a_leaf", record=number, dimension=dimension.name, code=text)
                    raise DisclosureRefused("unknown_code", dimension=dimension.name, code=text)
                position.append(index[text])
            where = tuple(position)
            leaves[where] += 1
            if keys is not None and record_key is not None:
                key = record.get(record_key)
                if key is None or key == "":
                    raise DisclosureRefused("missing_record_key", record=number)
                if isinstance(key, bool) or not isinstance(key, int | np.integer) or not 0 <= int(key) < key_range:
                    raise DisclosureRefused("record_key_out_of_range", record=number, key=key, largest=key_range - 1)
                keys[where] += int(key)
        structural = shell.structural(structural_zeros, leaves)
        return cls(dimensions, leaves, leaf_key_sums=keys, structural=structural, key_range=key_range)

    # Cells ----------------------------------------------------------------------------------

    def dimension(self, name: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.name == name:
                return dimension
        raise DisclosureRefused("unknown_dimension", dimension=name, dimensions=list(self.names))

    def index(self, coordinates: Coordinates) -> int:
        """The lattice index of a cell."""
        return int(np.ravel_multi_index(self._shell.lattice_position(self._shell.codes(coordinates)), self.shape))

    def cell(self, index: int, dimensions: Sequence[str] | None = None) -> dict[str, str]:
        """The cell at a lattice index, named by the codes of ``dimensions`` (all by default)."""
        positions = np.unravel_index(index, self.shape)
        wanted = self.names if dimensions is None else tuple(dimensions)
        return {
            dimension.name: dimension.codes[int(position)]
            for dimension, position in zip(self.dimensions, positions, strict=True)
            if dimension.name in wanted
        }

    def value(self, coordinates: Coordinates) -> int:
        return int(self.values.flat[self.index(coordinates)])

    def crosstab_cells(self, crosstab: CrossTab) -> IntArray:
        """The lattice indices of a cross-tabulation's cells, in canonical order."""
        for name in crosstab.dimensions:
            self.dimension(name)
        if len(set(crosstab.dimensions)) != len(crosstab.dimensions):
            raise DisclosureRefused("duplicate_dimension", dimension=crosstab.dimensions[0])
        ranges = [
            range(len(dimension.codes)) if dimension.name in crosstab.dimensions else range(1)
            for dimension in self.dimensions
        ]
        grid = np.array(list(itertools.product(*ranges)), dtype=np.int64).T
        return np.asarray(np.ravel_multi_index(tuple(grid), self.shape), dtype=np.int64)

    def strides(self) -> tuple[int, ...]:
        """How far apart in the lattice's flat order two neighbouring codes of each dimension are."""
        return tuple(int(np.prod(self.shape[axis + 1 :], dtype=np.int64)) for axis in range(len(self.shape)))


def _at(lattice: IntArray, axis: int, position: int) -> IntArray:
    """The cells at one code of a dimension (a view, one code wide)."""
    at: tuple[slice, ...] = (*(slice(None),) * axis, slice(position, position + 1))
    return lattice[at]


def _summing_plan(dimension: Dimension) -> tuple[int, IntArray, list[tuple[int, tuple[int, ...]]]]:
    """How :meth:`Table._lattice` fills a dimension: its number of codes, the position of each
    leaf among the codes, and each aggregate code's position with its children's, the deepest
    first (the codes are in depth-first order: a code's children come after it)."""
    index = dimension.index
    leaf_positions = np.array([index[code] for code in dimension.leaves], dtype=np.int64)
    sums = [
        (position, tuple(index[child] for child in dimension.children_of[code]))
        for position, code in reversed(list(enumerate(dimension.codes)))
        if dimension.children_of[code]
    ]
    return len(dimension.codes), leaf_positions, sums


class _Shell:
    """Reading coordinates against the dimensions, before the table exists."""

    def __init__(self, dimensions: tuple[Dimension, ...]) -> None:
        if not dimensions:
            raise DisclosureRefused("no_dimensions")
        self.dimensions = dimensions
        self.names = [dimension.name for dimension in dimensions]
        self.leaf_index = [
            {code: position for position, code in enumerate(dimension.leaves)} for dimension in dimensions
        ]
        self.leaf_shape = tuple(len(dimension.leaves) for dimension in dimensions)

    def codes(self, coordinates: Coordinates) -> tuple[str, ...]:
        if isinstance(coordinates, Mapping):
            for name in coordinates:
                if name not in self.names:
                    raise DisclosureRefused("unknown_dimension", dimension=name, dimensions=self.names)
            codes = tuple(str(coordinates.get(dimension.name, dimension.total)) for dimension in self.dimensions)
        else:
            codes = tuple(str(code) for code in coordinates)
            if len(codes) != len(self.dimensions):
                raise DisclosureRefused("unknown_dimension", dimension=str(len(codes)), dimensions=self.names)
        for dimension, code in zip(self.dimensions, codes, strict=True):
            dimension.position(code)
        return codes

    def named(self, codes: tuple[str, ...]) -> dict[str, str]:
        return {
            dimension.name: code
            for dimension, code in zip(self.dimensions, codes, strict=True)
            if code != dimension.total
        }

    def leaf_position(self, codes: tuple[str, ...]) -> tuple[int, ...] | None:
        position: list[int] = []
        for index, code in zip(self.leaf_index, codes, strict=True):
            if code not in index:
                return None
            position.append(index[code])
        return tuple(position)

    def lattice_position(self, codes: tuple[str, ...]) -> tuple[int, ...]:
        return tuple(dimension.position(code) for dimension, code in zip(self.dimensions, codes, strict=True))

    def structural(self, zeros: Iterable[Coordinates], leaves: IntArray) -> BoolArray:
        mask = np.zeros(self.leaf_shape, dtype=bool)
        for coordinates in zeros:
            codes = self.codes(coordinates)
            # An aggregate declared impossible makes every finest cell under it impossible.
            under = [
                [self.leaf_index[axis][leaf] for leaf in dimension.leaves_under(code)]
                for axis, (dimension, code) in enumerate(zip(self.dimensions, codes, strict=True))
            ]
            block = np.ix_(*under)
            if leaves[block].any():
                raise DisclosureRefused(
                    "structural_zero_not_zero", cell=self.named(codes), value=int(leaves[block].sum())
                )
            mask[block] = True
        return mask


def _whole_numbers(values: Sequence[object]) -> IntArray | None:
    """The values as whole numbers of 0 or more, or None when one is not (a bool, a float, a
    negative number …: :meth:`Table.from_counts` then names it)."""
    if not all(kind is not bool and issubclass(kind, int | np.integer) for kind in set(map(type, values))):
        return None
    found = np.array(values, dtype=np.int64) if len(values) else np.zeros(0, dtype=np.int64)
    if (found < 0).any():
        return None
    return found


def _count(value: object, cell: dict[str, str]) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise DisclosureRefused("not_a_count", cell=cell, value=value)
    count = int(value)
    if count < 0:
        raise DisclosureRefused("negative_count", cell=cell, value=count)
    return count
