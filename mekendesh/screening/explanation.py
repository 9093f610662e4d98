"""A candidate's score, part by part, as a reviewer reads it: where the weight of evidence starts
(two records taken at random), what each comparison of the names, the date of birth and the sex
added or took away, and where it ends (the match weight and its probability). The staff page
draws it as a waterfall chart and writes it as a table; the API gives the same steps.

Weights are in bits (log₂ of the likelihood ratio): +1 doubles the odds that the two records
are one person, −1 halves them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

COMPARISON_LABELS: dict[str, Any] = {
    "surname": _("Surname"),
    "given_name": _("Given name"),
    "patronymic": _("Patronymic"),
    "birth_date": _("Date of birth"),
    "sex": _("Sex"),
}

# The linkage engine's level labels (mekendesh.linkage.model), in the reviewer's words.
LEVEL_LABELS: dict[str, Any] = {
    "exact": _("the same"),
    "same": _("the same"),
    "missing": _("not given on one side"),
    "both missing": _("given on neither side"),
    "one edit": _("one letter apart"),
    "two edits": _("two letters apart"),
    "same consonants": _("the same consonants, other vowels"),
    "surname and given name exchanged": _("surname and given name exchanged"),
    "exchanged, one edit": _("exchanged, one letter apart"),
    "surname and given name crossed": _("one name in the other's place"),
    "day and month swapped": _("day and month swapped"),
    "one digit off": _("one digit apart"),
    "same year, only the year known on one side": _("the same year; only the year is known on one side"),
    "different": _("different"),
    "initial": _("only an initial on one side, and it agrees"),
    "father's name": _("the father's name of one is the surname of the other"),
}


@dataclass(frozen=True)
class Step:
    """One bar of the waterfall: from ``start`` to ``end`` (bits)."""

    name: str  # "prior", a comparison's name, or "total"
    label: str
    level: str  # the engine's level label ("" for the prior and the total)
    level_label: str
    weight: float
    start: float
    end: float

    @property
    def weight_text(self) -> str:
        return signed(self.weight)

    @property
    def end_text(self) -> str:
        return signed(self.end)

    @property
    def kind(self) -> str:
        if self.name in ("prior", "total"):
            return self.name
        return "for" if self.weight > 0 else "against" if self.weight < 0 else "neutral"


def explanation_steps(*, weight: float, explanation: dict[str, Any]) -> list[Step]:
    """The steps from the starting point through each comparison to the total ``weight``. The
    starting point is what the comparisons do not account for: the chance that two records
    taken at random are one person."""
    parts = []
    for name, value in explanation.items():
        level, part_weight = str(value[0]), float(value[1])
        parts.append((name, level, part_weight))
    prior = weight - sum(part for _name, _level, part in parts)
    steps = [Step("prior", str(_("Starting point: any two records")), "", "", prior, 0.0, prior)]
    running = prior
    for name, level, part in parts:
        steps.append(
            Step(
                name,
                str(COMPARISON_LABELS.get(name, name)),
                level,
                str(LEVEL_LABELS.get(level, level)),
                part,
                running,
                running + part,
            )
        )
        running += part
    steps.append(Step("total", str(_("Match weight")), "", "", weight, 0.0, weight))
    return steps


@dataclass(frozen=True)
class Bar:
    step: Step
    x: float
    width: float
    y: float
    height: float
    label_y: float
    value_x: float


@dataclass(frozen=True)
class Chart:
    """The waterfall's geometry, for an inline SVG drawn by the template (no script)."""

    bars: list[Bar]
    width: int
    height: int
    zero_x: float
    plot_left: int
    plot_right: int
    row_height: int


def waterfall(steps: list[Step], *, width: int = 720, label_width: int = 220, row_height: int = 28) -> Chart:
    values = [0.0, *(step.start for step in steps), *(step.end for step in steps)]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    plot_left, plot_right = label_width, width - 70
    scale = (plot_right - plot_left) / span
    bars = []
    for row, step in enumerate(steps):
        left = plot_left + (min(step.start, step.end) - low) * scale
        size = max(abs(step.end - step.start) * scale, 1.5)
        top = 8 + row * row_height
        bars.append(
            Bar(
                step=step,
                x=round(left, 1),
                width=round(size, 1),
                y=top + 4,
                height=row_height - 8,
                label_y=round(top + row_height * 0.65, 1),
                value_x=round(left + size + 6, 1),
            )
        )
    return Chart(
        bars=bars,
        width=width,
        height=16 + len(steps) * row_height,
        zero_x=round(plot_left + (0.0 - low) * scale, 1),
        plot_left=plot_left,
        plot_right=plot_right,
        row_height=row_height,
    )


def signed(value: float) -> str:
    """A weight with its sign, in the reader's number format: +7.6, −2.1."""
    text = number_format(abs(round(value, 1)), 1)
    return ("+" if value >= 0.05 else "−" if value <= -0.05 else "") + text


def probability_percent(probability: float) -> str:
    """A probability as a reviewer reads it: 97.3, or "99.9+" when rounding would say 100."""
    if 0.9995 <= probability < 1:
        return number_format(99.9, 1) + "+"
    if 0 < probability < 0.0005:
        return "<" + number_format(0.1, 1)
    return number_format(round(probability * 100, 1), 1)
