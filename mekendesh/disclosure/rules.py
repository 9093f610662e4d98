"""The rules of threshold suppression, and how empty cells and cells of one or two are treated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Rules:
    """Threshold suppression of a frequency table (counts of persons; no dominance rule applies).

    ``threshold``: a cell counting 1 to ``threshold - 1`` persons is not published (primary).

    ``protection``: the interval an attacker can compute for a primary cell from everything
    published must be wider than this (``upper - lower > protection``).

    ``own_count``: a cell of 1 up to ``own_count`` persons is judged also by one of those persons,
    who knows the cell holds at least one: from 1 up the interval must stay wider than
    ``protection``, and in a finest cell it must not prove that a second person is there (in a
    total, the published empty cells below already tell how many of its parts hold someone).

    ``zeros``: ``"publish"`` (the default) publishes every empty cell as 0 and never suppresses
    one, so that an attacker knows each suppressed cell holds at least one person — the audit
    assumes exactly that. ``"hide"`` lets empty cells be suppressed to protect others; then a
    suppressed cell may be empty and the audit's lower bound is 0. Structural zeros (cells that
    cannot exist) are always published as such and are never suppressed.
    """

    threshold: int = 10
    protection: int = 4
    own_count: int = 2
    zeros: Literal["publish", "hide"] = "publish"
    exact_limit: int = 400  # unknown cells up to which the audit solves a whole group at once

    def __post_init__(self) -> None:
        if self.threshold < 1:
            raise ValueError("the threshold is at least 1")
        if self.protection < 0:
            raise ValueError("the protection level is not negative")
        if self.own_count < 0:
            raise ValueError("own_count is not negative")
        if self.zeros not in ("publish", "hide"):
            raise ValueError("zeros is 'publish' or 'hide'")

    @property
    def lower_bound(self) -> float:
        """The least value an attacker knows a suppressed cell to hold."""
        return 1.0 if self.zeros == "publish" else 0.0

    def describe(self) -> str:
        """The rules as the ledger records them with each table."""
        return f"threshold={self.threshold};protection={self.protection};own_count={self.own_count};zeros={self.zeros}"
