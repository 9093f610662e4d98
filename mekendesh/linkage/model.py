"""The Splink model: comparisons, blocking rules, training, saving and loading.

The SQL here uses only ``=``, ``levenshtein``, ``instr``, ``length``, ``abs``, ``CASE`` and ``||`` on columns
computed by :mod:`mekendesh.linkage.features`, so the same settings run unchanged on DuckDB
and on Spark. A saved model is Splink's own JSON; loading it rebuilds the comparisons from
this module and takes only the trained parameters from the file, so a model saved on one
engine runs on the other.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .i18n import gettext

MODEL_FORMAT = "mekendesh-linkage/1"

# Starting m probabilities for EM (one per non-null level, in order); u comes from sampling.
_Level = tuple[str, str, float]  # label, SQL condition, starting m


def _one_typo(col: str) -> str:
    """One typo: one letter wrong, missing, extra, or two letters exchanged.

    Counted on the keys and on the words as written (where the keys' spelling folds do not
    make one dropped letter two edits), the exchange as the same letters two edits apart.
    """
    left, right, wl, wr = f"{col}_l", f"{col}_r", f"{col}w_l", f"{col}w_r"
    return (
        f"levenshtein({left}, {right}) <= 1 OR (length({wl}) >= 4 AND abs(length({wl}) - length({wr})) <= 1"
        f" AND levenshtein({wl}, {wr}) <= CASE WHEN {col}w_srt_l = {col}w_srt_r THEN 2 ELSE 1 END)"
    )


def _name_levels(col: str) -> list[_Level]:
    left, right = f"{col}_l", f"{col}_r"
    return [
        ("exact", f"{left} = {right}", 0.80),
        # the two words read in the other order on one side (Қасымбек Жеңіс / Zhenis
        # Kassymbek): without a surname ending nothing says which word is which
        ("surname and given name exchanged", "sur_l = giv_r AND giv_l = sur_r", 0.02),
        ("one edit", _one_typo(col), 0.08),
        # ө written е, ә written е, ү written ю: the same consonants, other vowels
        ("same consonants", f"{col}_sk_l = {col}_sk_r AND length({left}) >= 4", 0.04),
        ("two edits", f"levenshtein({left}, {right}) <= 2 AND length({left}) >= 5", 0.03),
        # exchanged, with a typo in one of the two words
        (
            "exchanged, one edit",
            "(sur_l = giv_r AND levenshtein(giv_l, sur_r) <= 1 AND length(giv_l) >= 4)"
            " OR (giv_l = sur_r AND levenshtein(sur_l, giv_r) <= 1 AND length(sur_l) >= 4)",
            0.005,
        ),
        # one word only in the other place (the surname of one is the given name of the
        # other): the same equality is seen by both comparisons, and EM weighs it as rare
        (
            "surname and given name crossed",
            "sur_l = giv_r OR giv_l = sur_r",
            0.03,
        ),
        ("different", "ELSE", 0.01),
    ]


# Exact levels whose weight depends on how common the value is (Асанов, Айгерим weigh
# less than Кулубаев, Бүбүсара): Splink's term-frequency adjustment on that column.
TF_LEVELS = {("surname", "exact"): "sur", ("given_name", "exact"): "giv", ("patronymic", "exact"): "pat"}

COMPARISONS: dict[str, tuple[str, list[_Level]]] = {
    "surname": ("sur", _name_levels("sur")),
    "given_name": ("giv", _name_levels("giv")),
    "patronymic": (
        "pat",
        [
            # No father's name on either side: a person whose documents give none (Turkmen
            # passports in Latin often do not) is written without one on every copy, while
            # a dropped patronymic on one side says nothing. Evaluated before the null level;
            # its m is the share of records without a father's name (set from the data).
            ("both missing", "pat_l IS NULL AND pat_r IS NULL", 0.05),
            ("exact", "pat_l = pat_r", 0.92),
            # a typo in a father's name; two edits is another name more often than not
            # (Зокирович / Собирович, Бакаевна / Бакытовна)
            ("one edit", f"length(pat_l) >= 4 AND ({_one_typo('pat')})", 0.03),
            ("same consonants", "pat_sk_l = pat_sk_r AND length(pat_l) >= 4", 0.02),
            ("different", "ELSE", 0.02),
        ],
    ),
    "birth_date": (
        "dob",
        [
            ("exact", "dob_l = dob_r", 0.88),
            ("day and month swapped", "dob_swap_l = dob_r", 0.02),
            (
                "one digit off",
                "length(dob_l) = 10 AND length(dob_r) = 10 AND levenshtein(dob_l, dob_r) = 1",
                0.06,
            ),
            (
                "same year, only the year known on one side",
                "(length(dob_l) < 10 OR length(dob_r) < 10) AND dob_year_l = dob_year_r",
                0.035,
            ),
            ("different", "ELSE", 0.005),
        ],
    ),
    "sex": (
        "sex",
        [
            ("same", "sex_l = sex_r", 0.98),
            ("different", "ELSE", 0.02),
        ],
    ),
}


def blocking_rules() -> list[str]:
    """Rules that generate candidate pairs; a pair needs to pass only one of them."""
    return [
        "l.sur = r.sur AND l.giv = r.giv",
        "l.sur = r.giv AND l.giv = r.sur",
        # every pair born on the same day, however its names were parsed or mistyped: about
        # 1/17,000 of all pairs, so 6 million comparisons at 1,000,000 x 100,000
        "l.dob = r.dob",
        "l.pair4 = r.pair4 AND l.dob_year = r.dob_year",
        "l.sur = r.sur AND l.pat = r.pat",
        "l.giv = r.giv AND l.pat = r.pat",
        "l.giv = r.giv AND l.sur3 = r.sur3",
        "l.sur = r.sur AND l.giv3 = r.giv3",
        "l.pair4 = r.pair4 AND l.pat = r.pat",
        # one name exact, a typo in the other: the same letters in another order, or the
        # same consonants (Карыбеков Нурмат / Нермат, Аманова Биби / Ббии, Спааров / Saparow)
        "l.sur = r.sur AND l.givw_srt = r.givw_srt",
        "l.giv = r.giv AND l.surw_srt = r.surw_srt",
        "l.sur = r.sur AND l.giv_sk = r.giv_sk",
        "l.giv = r.giv AND l.sur_sk = r.sur_sk",
        # both names with the same consonants, as another language's spelling writes them
        # (Almasbek Atambajew / Алмазбек Атамбаев, Akil Akilov / Оқилов Оқил)
        "l.sur_sk = r.sur_sk AND l.giv_sk = r.giv_sk",
    ]


# Comparisons whose m probabilities are set from what is known about the errors in real
# lists rather than estimated by EM (u is still estimated from the data). Without labels, EM
# cannot tell a namesake (same surname and given name, another father, another birth date)
# from the same person with a wrong patronymic or birth date: where namesakes are common it
# learns that a different father's name or birth date hardly matters. A sex guessed from a
# name ending is wrong now and then, which EM cannot see either.
FIXED_M = frozenset({"patronymic", "birth_date", "sex"})
# Levels whose m is set rather than estimated, in every comparison that has them. Two words
# without a surname ending (Kazakh Қасымбек Жеңіс, Tajik Мирзо Шерали, Kyrgyz Сейтжан Ерлан)
# can be read in either order, and lists disagree on which comes first; a population whose
# surnames nearly all end in -ов/-ев (the benchmark's) teaches EM that this never happens in
# a true pair, and a level no sampled pair falls in gets m = 0, which Splink refuses. Two
# true pairs in a hundred with both words exchanged, one in two hundred with a typo in one
# of them, are conservative values.
FIXED_M_LEVELS = frozenset({"surname and given name exchanged", "exchanged, one edit"})

# Levels evaluated before the null level of their comparison (they test for nulls themselves).
BEFORE_NULL = frozenset({("patronymic", "both missing")})


def comparison_dicts(
    params: dict[str, dict[str, tuple[float | None, float | None]]] | None = None,
    *,
    term_frequencies: bool = True,
) -> list[dict[str, Any]]:
    """Splink comparison dicts; ``params`` gives trained (m, u) by comparison and level label.

    ``term_frequencies=False`` leaves out the term-frequency adjustments: on a handful of
    records the frequency of a name says nothing about how common it is.
    """
    out = []
    for name, (col, levels) in COMPARISONS.items():
        given = (params or {}).get(name, {})
        null_level = {
            "sql_condition": f"{col}_l IS NULL OR {col}_r IS NULL",
            "label_for_charts": "missing",
            "is_null_level": True,
        }
        cl: list[dict[str, Any]] = []
        for label, sql, m in levels:
            if (name, label) not in BEFORE_NULL and null_level not in cl:
                cl.append(null_level)
            level: dict[str, Any] = {"sql_condition": sql, "label_for_charts": label, "m_probability": m}
            tf_col = TF_LEVELS.get((name, label))
            if tf_col is not None and term_frequencies:
                level["tf_adjustment_column"] = tf_col
                level["tf_adjustment_weight"] = 1.0
            if name in FIXED_M or label in FIXED_M_LEVELS:
                level["fix_m_probability"] = True
            if label in given:
                tm, tu = given[label]
                if tm is not None:
                    level["m_probability"] = tm
                if tu is not None:
                    level["u_probability"] = tu
            cl.append(level)
        if null_level not in cl:
            cl.append(null_level)
        out.append({"output_column_name": name, "comparison_levels": cl})
    return out


def level_labels() -> dict[str, dict[int, str]]:
    """Splink's comparison vector value (gamma) -> level label, per comparison."""
    out: dict[str, dict[int, str]] = {}
    for name, (_, levels) in COMPARISONS.items():
        labels = {-1: "missing"}
        for i, (label, _, _) in enumerate(levels):
            labels[len(levels) - 1 - i] = label
        out[name] = labels
    return out


def settings_dict(
    *,
    probability_two_random_records_match: float = 1e-4,
    params: dict[str, dict[str, tuple[float | None, float | None]]] | None = None,
    term_frequencies: bool = True,
) -> dict[str, Any]:
    return {
        "link_type": "link_only",
        "unique_id_column_name": "unique_id",
        "comparisons": comparison_dicts(params, term_frequencies=term_frequencies),
        "blocking_rules_to_generate_predictions": blocking_rules(),
        "probability_two_random_records_match": probability_two_random_records_match,
        "retain_matching_columns": True,
        "retain_intermediate_calculation_columns": True,
        "additional_columns_to_retain": ["full_name"],
        "em_convergence": 0.001,
        "max_iterations": 20,
    }


class ModelError(ValueError):
    """A saved model that cannot be used: unreadable, or made for other comparisons."""

    def __init__(self, file: str | os.PathLike[str], message: str):
        self.file = str(file)
        self.message = message
        super().__init__(f"{self.file}: {message}")


@dataclass(frozen=True)
class Model:
    """Trained parameters: λ and (m, u) per comparison level."""

    probability_two_random_records_match: float
    params: dict[str, dict[str, tuple[float | None, float | None]]]

    def settings(self, term_frequencies: bool = True) -> dict[str, Any]:
        return settings_dict(
            probability_two_random_records_match=self.probability_two_random_records_match,
            params=self.params,
            term_frequencies=term_frequencies,
        )

    @classmethod
    def from_splink_settings(cls, data: dict[str, Any]) -> Model:
        params: dict[str, dict[str, tuple[float | None, float | None]]] = {}
        for comp in data.get("comparisons", []):
            levels: dict[str, tuple[float | None, float | None]] = {}
            for level in comp.get("comparison_levels", []):
                if level.get("is_null_level"):
                    continue
                m, u = level.get("m_probability"), level.get("u_probability")
                levels[level.get("label_for_charts", "")] = (
                    float(m) if isinstance(m, (int, float)) else None,
                    float(u) if isinstance(u, (int, float)) else None,
                )
            params[comp.get("output_column_name", "")] = levels
        return cls(float(data.get("probability_two_random_records_match", 1e-4)), params)

    def to_json(self) -> dict[str, Any]:
        data = self.settings()
        data["mekendesh_model_format"] = MODEL_FORMAT
        return data

    def save(self, path: str | os.PathLike[str]) -> None:
        from .io import atomic_writer

        with atomic_writer(path) as fh:
            json.dump(self.to_json(), fh, ensure_ascii=False, indent=2)
            fh.write("\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Model:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ModelError(path, gettext("the model file does not exist")) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            message = gettext("the model file is not readable JSON ({error})").format(error=exc)
            raise ModelError(path, message) from None
        if not isinstance(data, dict):
            raise ModelError(path, gettext("the model file is not a Splink settings object"))
        model = cls.from_splink_settings(data)
        model.validate(path)
        return model

    def validate(self, path: str | os.PathLike[str] = "model") -> None:
        lam = self.probability_two_random_records_match
        if not (0 < lam < 1) or math.isnan(lam):
            message = gettext("probability_two_random_records_match {value} is not in (0, 1)")
            raise ModelError(path, message.format(value=lam))
        for name, (_, levels) in COMPARISONS.items():
            if name not in self.params:
                message = gettext("the model has no comparison {name}; it was made for other data")
                raise ModelError(path, message.format(name=repr(name)))
            for label, _, _ in levels:
                if label not in self.params[name]:
                    message = gettext("comparison {name} has no level {level}")
                    raise ModelError(path, message.format(name=repr(name), level=repr(label)))
                m, u = self.params[name][label]
                for what, p in (("m", m), ("u", u)):
                    if p is None or not (0 <= p <= 1) or math.isnan(p):
                        message = gettext("comparison {name} level {level} has no valid {what} probability")
                        raise ModelError(path, message.format(name=repr(name), level=repr(label), what=what))
