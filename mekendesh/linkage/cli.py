"""``mekendesh link LEFT.csv RIGHT.csv --output OUT.csv`` — the linkage command.

Exit codes: 0 done, 2 bad input (a message naming the file, row and column goes to stderr,
and nothing is written at ``--output``), 1 the engine failed. The messages are in the
operator's language (:mod:`mekendesh.linkage.i18n`); the output's column names and decisions
(``match``, ``review``) are the same in every language.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from mekendesh.lib.export import neutralise_formula

from . import i18n
from .i18n import gettext as _
from .i18n import pgettext
from .model import COMPARISONS

if TYPE_CHECKING:
    from .engine import Pair

OUTPUT_COLUMNS = ["left_id", "right_id", "match_probability", "decision"]
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits with 2 as well; keep the wording
        self.print_usage(sys.stderr)
        raise SystemExit("mekendesh link: " + _("error: {message}").format(message=_argparse_message(message)))


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


# argparse's own messages (in English: Python ships no catalogue for them) that an operator meets.
_ARGPARSE_MESSAGES: tuple[tuple[str, Callable[[], str]], ...] = (
    (r"argument (?P<argument>.+?): (?P<message>.*)", lambda: _("argument {argument}: {message}")),
    (
        r"the following arguments are required: (?P<arguments>.*)",
        lambda: _("the following arguments are required: {arguments}"),
    ),
    (r"unrecognized arguments: (?P<arguments>.*)", lambda: _("unrecognized arguments: {arguments}")),
    (
        r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
        lambda: _("ambiguous option: {option} could match {matches}"),
    ),
    (
        r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
        lambda: _("invalid choice: {value} (choose from {choices})"),
    ),
    (r"expected one argument", lambda: _("expected one argument")),
)


def _argparse_message(message: str) -> str:
    """An argparse message in the operator's language; a message it does not know as it is."""
    for pattern, translated in _ARGPARSE_MESSAGES:
        if m := re.fullmatch(pattern, message, re.DOTALL):
            parts = m.groupdict()
            if "message" in parts:
                parts["message"] = _argparse_message(parts["message"])
            return translated().format(**parts)
    return message


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{value} is not a number").format(value=repr(text))) from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(_("{value} is not a probability in (0, 1]").format(value=text))
    return value


def build_parser() -> argparse.ArgumentParser:
    from .engine import DEFAULT_MATCH_THRESHOLD, DEFAULT_REVIEW_THRESHOLD

    p = _Parser(
        prog="mekendesh link",
        description=_("Find the same people in two CSV files across scripts and spellings."),
        formatter_class=_HelpFormatter,
        add_help=False,
    )
    # Help texts go through argparse's %-formatting: a translation must not hold a "%".
    files = p.add_argument_group(_("positional arguments"))
    files.add_argument(
        "left",
        type=Path,
        help=_("left CSV (e.g. the register): id, full_name[, birth_date, sex, surname, given_name, patronymic]"),
    )
    files.add_argument("right", type=Path, help=_("right CSV (e.g. a host-country list), same columns"))
    options = p.add_argument_group(pgettext("command-line help", "options"))
    options.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))
    options.add_argument("--output", "-o", type=Path, required=True, help=_("where to write the candidate pairs (CSV)"))
    options.add_argument(
        "--engine",
        choices=("duckdb", "spark"),
        default="duckdb",
        help=_("the engine that compares the records (default {default})").format(default="duckdb"),
    )
    options.add_argument("--spark-master", default=None, help=_("Spark master URL (default local[2])"))
    options.add_argument("--model", type=Path, default=None, help=_("use a saved model instead of training one"))
    options.add_argument("--save-model", type=Path, default=None, help=_("write the model used to this JSON file"))
    options.add_argument(
        "--match-threshold",
        type=_probability,
        default=DEFAULT_MATCH_THRESHOLD,
        help=_("the lowest match probability of a match (default {default})").format(default=DEFAULT_MATCH_THRESHOLD),
    )
    options.add_argument(
        "--review-threshold",
        type=_probability,
        default=DEFAULT_REVIEW_THRESHOLD,
        help=_("the lowest match probability of a pair written out for review (default {default})").format(
            default=DEFAULT_REVIEW_THRESHOLD
        ),
    )
    options.add_argument(
        "--right-may-repeat",
        action="store_true",
        help=_(
            "RIGHT may list one person more than once: a LEFT record may then match several RIGHT "
            "records (by default matches are one to one and the weaker candidates go to review)"
        ),
    )
    options.add_argument("--no-progress", action="store_true", help=_("no progress bar on stderr"))
    return p


def _cell(value: object) -> object:
    """Text as a spreadsheet will not run it as a formula (as the migrant's export writes it)."""
    return neutralise_formula(value)


def _rows(pairs: list[Pair]) -> Iterator[list[object]]:
    for p in pairs:
        row: list[object] = [
            _cell(p.left_id),
            _cell(p.right_id),
            f"{p.match_probability:.6f}",
            p.decision,
            f"{p.match_weight:.3f}",
        ]
        for name in COMPARISONS:
            label, weight = p.explanation[name]
            row += [label, f"{weight:.3f}"]
        row += [_cell(p.left_name), _cell(p.right_name)]
        yield row


def output_columns() -> list[str]:
    cols = [*OUTPUT_COLUMNS, "match_weight"]
    for name in COMPARISONS:
        cols += [f"{name}_level", f"{name}_weight"]
    return [*cols, "left_full_name", "right_full_name"]


def main(argv: list[str] | None = None) -> int:
    """Run the command in the operator's language; return the exit code."""
    with i18n.speaking(i18n.chosen_language()):
        return _run(sys.argv[1:] if argv is None else argv)


def _run(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
        return EXIT_BAD_INPUT if exc.code not in (0, None) else EXIT_OK

    from .engine import LinkageError, link
    from .io import InputError, read_records, write_csv
    from .model import Model, ModelError

    def fail(message: str, code: int = EXIT_BAD_INPUT) -> int:
        print(f"mekendesh link: {message}", file=sys.stderr)
        return code

    if args.review_threshold > args.match_threshold:
        return fail(_("--review-threshold must not be above --match-threshold"))
    out_dir = args.output.parent if str(args.output.parent) else Path(".")
    if not out_dir.is_dir():
        return fail(_("{output}: the output directory does not exist").format(output=args.output))
    if args.output.is_dir():
        return fail(_("{output}: the output path is a directory").format(output=args.output))
    try:
        model = Model.load(args.model) if args.model else None
        left = read_records(args.left, "left")
        right = read_records(args.right, "right")
    except (InputError, ModelError) as exc:
        return fail(str(exc))

    try:
        result = link(
            left,
            right,
            engine=args.engine,
            model=model,
            match_threshold=args.match_threshold,
            review_threshold=args.review_threshold,
            right_may_repeat=args.right_may_repeat,
            spark_master=args.spark_master,
            progress=not args.no_progress,
        )
    except LinkageError as exc:
        return fail(str(exc), EXIT_FAILED)
    except Exception as exc:  # the engine's own failure, not the input's
        message = _("the {engine} engine failed: {error}").format(
            engine=args.engine, error=f"{type(exc).__name__}: {exc}"
        )
        return fail(message, EXIT_FAILED)

    try:
        n = write_csv(args.output, output_columns(), _rows(result.pairs))
        if args.save_model:
            result.model.save(args.save_model)
    except OSError as exc:
        return fail(_("cannot write the result: {error}").format(error=exc), EXIT_FAILED)
    for rule, error in result.training_failures:
        warning = _(
            "warning: one training step (pairs where {rule}) failed and was left out; the model "
            "keeps what the steps before it estimated ({error})"
        )
        print("mekendesh link: " + warning.format(rule=rule, error=error), file=sys.stderr)
    for first, second in result.left_duplicates:
        note = _(
            "note: left records {first} and {second} look like one person registered twice "
            "(both match the same right record); an officer may merge them"
        )
        print("mekendesh link: " + note.format(first=first, second=second), file=sys.stderr)
    matches = sum(1 for p in result.pairs if p.decision == "match")
    # "match" and "review" are the decisions as the output file writes them, in every language.
    summary = _("{left} × {right} records, {pairs} pairs ({matches} match, {reviews} review) written to {output}")
    counts = {"left": len(left), "right": len(right), "pairs": n, "matches": matches, "reviews": n - matches}
    print(
        "mekendesh link: " + summary.format(output=args.output, **{k: i18n.number(v) for k, v in counts.items()}),
        file=sys.stderr,
    )
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
