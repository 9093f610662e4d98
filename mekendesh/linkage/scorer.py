"""The linkage model's score of one pair of records, in plain Python: no engine, no Django.

Screening scores a whole list on DuckDB or Spark (:func:`mekendesh.linkage.link`); the officer's
search and the duplicate proposals at registration compare a handful of people at a time, with
the same model. :class:`Scorer` computes, from the columns of
:func:`mekendesh.linkage.features.record_features`, each comparison's level exactly as the SQL
of :mod:`mekendesh.linkage.model` defines it (``=``, ``levenshtein``, ``length``; the SQL's
NULL logic: a condition on a missing value does not hold), the weight of that level from the
saved model's m and u, and the match weight and probability from the model's prior. The result
has the shape of a screening candidate's explanation (comparison -> level label, bits), so a
search result or a proposed duplicate can say why it ranks where it does.

Term frequencies: Splink weighs an exact surname, given name or father's name by how common the
value is (``log2(u / frequency)`` added to the level's weight), and the engine corrects the
surname and given name taken together (:class:`~mekendesh.linkage.engine.NameFrequencies`);
both only on runs of at least ``MIN_RECORDS_TO_TRAIN`` records a side. The scorer applies them
only when the caller passes the frequencies (:class:`TermFrequencies`, ``names``); without them
it scores as the engine does on a small run: an exact common name (Асанов, Айгерим) counts as
much as an exact rare one.
"""

from __future__ import annotations

import functools
import math
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from rapidfuzz.distance import Levenshtein

from . import features as ft
from .engine import DEFAULT_MATCH_THRESHOLD, DEFAULT_MODEL_PATH, DEFAULT_REVIEW_THRESHOLD, NameFrequencies
from .io import Record
from .model import COMPARISONS, TF_LEVELS, Model

Decision = Literal["match", "review"]
Features = Mapping[str, Any]

__all__ = [
    "DEFAULT_MATCH_THRESHOLD",
    "DEFAULT_REVIEW_THRESHOLD",
    "Score",
    "Scorer",
    "TermFrequencies",
    "comparison_levels",
    "decide",
    "features_of",
    "levenshtein",
    "load_scorer",
    "pair_features",
]


def levenshtein(a: str, b: str) -> int:
    """Edit distance by characters (insert, delete, substitute), as DuckDB's and Spark's."""
    return Levenshtein.distance(a, b)


# --- the levels, as model.py's SQL defines them -------------------------------------------
# Every helper answers whether the SQL condition is TRUE; a NULL operand makes an atom NULL,
# and the SQL conditions use only AND and OR (no NOT), so "not TRUE" is False throughout.


def _eq(a: Any, b: Any) -> bool:
    return a is not None and b is not None and a == b


def _lev_le(a: str | None, b: str | None, n: int) -> bool:
    if a is None or b is None:
        return False
    return _within(a, b, n)


def _within(a: str, b: str, n: int) -> bool:
    """``levenshtein(a, b) <= n``; rapidfuzz stops counting once the distance passes ``n``."""
    return Levenshtein.distance(a, b, score_cutoff=n) <= n


def _len_ge(a: str | None, n: int) -> bool:
    return a is not None and len(a) >= n


def _one_typo(col: str, a: Features, b: Features) -> bool:
    if _lev_le(a[col], b[col], 1):
        return True
    wl, wr = a[f"{col}w"], b[f"{col}w"]
    if wl is None or wr is None or len(wl) < 4 or abs(len(wl) - len(wr)) > 1:
        return False
    limit = 2 if _eq(a[f"{col}w_srt"], b[f"{col}w_srt"]) else 1
    return _lev_le(wl, wr, limit)


def _name_level(col: str, a: Features, b: Features) -> str:
    left, right = a[col], b[col]
    if left is None or right is None:
        return "missing"
    if left == right:
        return "exact"
    if _eq(a["sur"], b["giv"]) and _eq(a["giv"], b["sur"]):
        return "surname and given name exchanged"
    if _one_typo(col, a, b):
        return "one edit"
    if _eq(a[f"{col}_sk"], b[f"{col}_sk"]) and len(left) >= 4:
        return "same consonants"
    if len(left) >= 5 and _lev_le(left, right, 2):
        return "two edits"
    if (_eq(a["sur"], b["giv"]) and _lev_le(a["giv"], b["sur"], 1) and _len_ge(a["giv"], 4)) or (
        _eq(a["giv"], b["sur"]) and _lev_le(a["sur"], b["giv"], 1) and _len_ge(a["sur"], 4)
    ):
        return "exchanged, one edit"
    if _eq(a["sur"], b["giv"]) or _eq(a["giv"], b["sur"]):
        return "surname and given name crossed"
    return "different"


def _patronymic_level(a: Features, b: Features) -> str:
    left, right = a["pat"], b["pat"]
    if left is None and right is None:
        return "both missing"
    if left is None or right is None:
        return "missing"
    if left == right:
        return "exact"
    if len(left) >= 4 and _one_typo("pat", a, b):
        return "one edit"
    if _eq(a["pat_sk"], b["pat_sk"]) and len(left) >= 4:
        return "same consonants"
    return "different"


def _birth_date_level(a: Features, b: Features) -> str:
    left, right = a["dob"], b["dob"]
    if left is None or right is None:
        return "missing"
    if left == right:
        return "exact"
    if _eq(a["dob_swap"], right):
        return "day and month swapped"
    if len(left) == 10 and len(right) == 10 and _within(left, right, 1):  # not equal: exactly 1
        return "one digit off"
    if (len(left) < 10 or len(right) < 10) and _eq(a["dob_year"], b["dob_year"]):
        return "same year, only the year known on one side"
    return "different"


def _sex_level(a: Features, b: Features) -> str:
    if a["sex"] is None or b["sex"] is None:
        return "missing"
    return "same" if a["sex"] == b["sex"] else "different"


def comparison_levels(left: Features, right: Features) -> dict[str, str]:
    """Each comparison's level label for two feature rows, ``left`` in the SQL's ``_l`` place.

    Some levels look at one side only (``length(sur_l) >= 5``), as the SQL does: the engine
    puts the left input (the register) there, and so should the caller.
    """
    return {
        "surname": _name_level("sur", left, right),
        "given_name": _name_level("giv", left, right),
        "patronymic": _patronymic_level(left, right),
        "birth_date": _birth_date_level(left, right),
        "sex": _sex_level(left, right),
    }


# --- weights ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TermFrequencies:
    """How common each surname, given-name and father's-name key is: column -> key -> share.

    Splink's term frequency of a value is its share among the non-empty values of the column
    over all the records of the run (both sides of a link); :meth:`of` counts it the same way.
    """

    shares: Mapping[str, Mapping[str, float]]

    @classmethod
    def of(cls, rows: Sequence[Features]) -> TermFrequencies:
        shares: dict[str, dict[str, float]] = {}
        for col in sorted(set(TF_LEVELS.values())):
            counts = Counter(row[col] for row in rows if row[col] is not None)
            total = sum(counts.values())
            shares[col] = {value: n / total for value, n in counts.items()} if total else {}
        return cls(shares)

    def adjustment(self, col: str, value: str | None, u: float) -> float:
        """Bits added to an exact level: ``log2(u / share)``; 0 for a value not counted."""
        share = self.shares.get(col, {}).get(value) if value is not None else None
        if not share:
            return 0.0
        return math.log2(u / share)


@dataclass(frozen=True, slots=True)
class Score:
    """A pair's match weight (bits), match probability and why, comparison by comparison."""

    match_weight: float
    match_probability: float
    # comparison name -> (level label, match weight in bits), as screening's explanation
    explanation: dict[str, tuple[str, float]]

    def decision(
        self,
        *,
        match_threshold: float = DEFAULT_MATCH_THRESHOLD,
        review_threshold: float = DEFAULT_REVIEW_THRESHOLD,
    ) -> Decision | None:
        return decide(
            self.match_probability,
            self.explanation,
            match_threshold=match_threshold,
            review_threshold=review_threshold,
        )


def decide(
    probability: float,
    explanation: Mapping[str, tuple[str, float]],
    *,
    match_threshold: float = DEFAULT_MATCH_THRESHOLD,
    review_threshold: float = DEFAULT_REVIEW_THRESHOLD,
) -> Decision | None:
    """ "match" (likely the same person), "review" (possibly) or None, as screening decides a
    candidate before it weighs one list row's candidates against each other.

    A pair whose birth dates are both known and far apart, or whose surname, given name or
    father's name is not alike at all, is never more than "review", however high its
    probability.
    """
    if probability < review_threshold:
        return None
    if probability < match_threshold:
        return "review"
    if explanation["birth_date"][0] == "different":
        # Both birth dates known and apart by more than the usual errors (swap, one digit,
        # year only): a namesake as often as not, however alike the names; an officer decides.
        return "review"
    if "different" in (explanation["surname"][0], explanation["given_name"][0]):
        # The surname or the given name is not alike at all, not even crossed with the other
        # part: the rest (father's name, birth date) says a relative or a chance namesake as
        # often as the same person written badly; an officer decides.
        return "review"
    if explanation["patronymic"][0] == "different":
        # Both give a father's name and the two are not alike at all (Медер Асылбекович /
        # Meder Kubanychbekovich): a brother or a namesake as often as the same person.
        return "review"
    return "match"


def _bits(m: float | None, u: float | None) -> float:
    if m is None or u is None:
        return 0.0
    if m <= 0:
        return -math.inf
    if u <= 0:
        return math.inf
    return math.log2(m / u)


class Scorer:
    """Scores pairs of records with one trained model (see the module's docstring)."""

    def __init__(
        self,
        model: Model,
        *,
        frequencies: TermFrequencies | None = None,
        names: NameFrequencies | None = None,
    ):
        self.model = model
        self.frequencies = frequencies
        self.names = names
        lam = model.probability_two_random_records_match
        self.prior = math.log2(lam / (1.0 - lam))
        self._weights = {
            name: {label: _bits(*model.params[name][label]) for label, _sql, _m in levels}
            for name, (_col, levels) in COMPARISONS.items()
        }

    def score(self, left: Record | Features, right: Record | Features) -> Score:
        """The score of ``left`` (the register's side) against ``right``."""
        lf: Features
        rf: Features
        if isinstance(left, Record) and isinstance(right, Record):
            lf, rf = pair_features(left, right)
        else:
            lf = features_of(left) if isinstance(left, Record) else left
            rf = features_of(right) if isinstance(right, Record) else right
        levels = comparison_levels(lf, rf)
        explanation: dict[str, tuple[str, float]] = {}
        for name, label in levels.items():
            weight = self._weights[name].get(label, 0.0)
            col = TF_LEVELS.get((name, label))
            if col is not None and self.frequencies is not None:
                _m, u = self.model.params[name][label]
                if u is not None:
                    weight += self.frequencies.adjustment(col, lf[col], u)
            explanation[name] = (label, weight)
        if self.names is not None and levels["surname"] == levels["given_name"] == "exact":
            adjust = self.names.joint_adjustment(lf["sur"], lf["giv"])
            label, w = explanation["given_name"]
            explanation["given_name"] = (label, w + adjust)
            if levels["patronymic"] == "exact":
                adjust = self.names.father_adjustment(lf["sur"], lf["giv"], lf["pat"])
                label, w = explanation["patronymic"]
                explanation["patronymic"] = (label, w + adjust)
        weight = self.prior + sum(w for _label, w in explanation.values())
        return Score(weight, _probability(weight), explanation)


def _probability(weight: float) -> float:
    if weight >= 0:
        return 1.0 / (1.0 + math.pow(2.0, -weight))
    odds = math.pow(2.0, weight)
    return odds / (1.0 + odds)


@functools.lru_cache(maxsize=100_000)
def pair_features(left: Record, right: Record) -> tuple[dict[str, Any], dict[str, Any]]:
    """The features of two records as the engine reads them in a run of these two alone: a
    surname is compared without its Russian ending where the other record writes it so and
    neither has it as a given name (:func:`mekendesh.linkage.features.use_surname_roots`)."""
    tables = [{name: [value] for name, value in features_of(record).items()} for record in (left, right)]
    ft.use_surname_roots(*tables)
    lf, rf = ({name: values[0] for name, values in table.items()} for table in tables)
    return lf, rf


def features_of(record: Record) -> dict[str, Any]:
    """:func:`mekendesh.linkage.features.record_features` of a record, kept for the next call."""
    return ft.record_features(record)


@functools.lru_cache(maxsize=8)
def _load(path: str, _mtime_ns: int) -> Scorer:
    return Scorer(Model.load(path))


def load_scorer(path: str | os.PathLike[str] | None = None) -> Scorer:
    """The scorer of a saved model (by default the shipped one), read once per version of the
    file: a model saved again over the same path is read again."""
    file = Path(path) if path is not None else DEFAULT_MODEL_PATH
    return _load(str(file), file.stat().st_mtime_ns)
