"""Record linkage across scripts and spellings, on DuckDB or Spark (Splink 5). No Django.

``link(left, right)`` returns the candidate pairs with a match probability, a decision
(``match`` or ``review``) and the match weight of every comparison;
``read_records(path, role)`` reads and checks an input CSV; ``mekendesh link`` is the command
(:mod:`mekendesh.linkage.cli`).
"""

from .engine import (
    DEFAULT_MATCH_THRESHOLD,
    DEFAULT_REVIEW_THRESHOLD,
    LinkageError,
    LinkResult,
    Pair,
    link,
)
from .io import InputError, Record, read_records
from .model import Model, ModelError

__all__ = [
    "DEFAULT_MATCH_THRESHOLD",
    "DEFAULT_REVIEW_THRESHOLD",
    "InputError",
    "LinkResult",
    "LinkageError",
    "Model",
    "ModelError",
    "Pair",
    "Record",
    "link",
    "read_records",
]
