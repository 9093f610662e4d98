"""The two calls into SciPy the library makes, with the types it uses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import optimize, sparse
from scipy.sparse import csgraph

FloatArray = npt.NDArray[np.float64]

# SciPy's stubs spell these overloads per method and per array kind; the library passes
# float arrays and CSR matrices only, and reads back a status and the solution.
_linprog: Callable[..., Any] = optimize.linprog
_components: Callable[..., Any] = csgraph.connected_components

OPTIMAL = 0
UNBOUNDED = 3


def solve(
    objective: FloatArray,
    *,
    equations: sparse.csr_matrix | None,
    right: FloatArray | None,
    lower: FloatArray,
    upper: FloatArray,
) -> tuple[int, FloatArray | None, str]:
    """Minimise ``objective @ x`` subject to ``equations @ x == right`` and the bounds (HiGHS's
    dual simplex, which is deterministic). Returns the status, the solution and the message."""
    if equations is not None and equations.shape[0] == 0:
        equations, right = None, None
    result = _linprog(
        objective,
        A_eq=equations,
        b_eq=right,
        bounds=np.column_stack([lower, upper]),
        method="highs-ds",
    )
    solution = None if result.x is None else np.asarray(result.x, dtype=np.float64)
    return int(result.status), solution, str(result.message)


def components(graph: sparse.csr_matrix) -> npt.NDArray[np.int64]:
    """The connected component of each node of an undirected graph."""
    _, labels = _components(graph, directed=False)
    return np.asarray(labels, dtype=np.int64)
