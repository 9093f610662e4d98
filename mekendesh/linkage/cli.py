"""``mekendesh link LEFT.csv RIGHT.csv --output OUT.csv`` — the linkage command.

Exit codes: 0 done, 2 bad input (a message naming the file, row and column goes to stderr,
and nothing is written at ``--output``), 1 the engine failed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from .model import COMPARISONS

OUTPUT_COLUMNS = ["left_id", "right_id", "match_probability", "decision"]
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits with 2 as well; keep the wording
        self.print_usage(sys.stderr)
        raise SystemExit(f"mekendesh link: error: {message}")


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not a probability in (0, 1]")
    return value


def build_parser() -> argparse.ArgumentParser:
    from .engine import DEFAULT_MATCH_THRESHOLD, DEFAULT_REVIEW_THRESHOLD

    p = _Parser(
        prog="mekendesh link",
        description="Find the same people in two CSV files across scripts and spellings.",
    )
    p.add_argument("left", type=Path, help="left CSV (e.g. the register): id, full_name[, birth_date, sex, surname, given_name, patronymic]")
    p.add_argument("right", type=Path, help="right CSV (e.g. a host-country list), same columns")
    p.add_argument("--output", "-o", type=Path, required=True, help="where to write the candidate pairs (CSV)")
    p.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
    p.add_argument("--spark-master", default=None, help="Spark master URL (default local[2])")
    p.add_argument("--model", type=Path, default=None, help="use a saved model instead of training one")
    p.add_argument("--save-model", type=Path, default=None, help="write the model used to this JSON file")
    p.add_argument("--match-threshold", type=_probability, default=DEFAULT_MATCH_THRESHOLD)
    p.add_argument("--review-threshold", type=_probability, default=DEFAULT_REVIEW_THRESHOLD)
    p.add_argument(
        "--right-may-repeat", action="store_true",
        help="RIGHT may list one person more than once: a LEFT record may then match several RIGHT "
             "records (by default matches are one to one and the weaker candidates go to review)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    return p


def _cell(value: str) -> str:
    """Text as a spreadsheet will not run it as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _rows(pairs: list) -> Iterator[list[object]]:
    for p in pairs:
        row: list[object] = [p.left_id, p.right_id, f"{p.match_probability:.6f}", p.decision, f"{p.match_weight:.3f}"]
        for name in COMPARISONS:
            label, weight = p.explanation[name]
            row += [label, f"{weight:.3f}"]
        row += [_cell(p.left_name), _cell(p.right_name)]
        yield row


def output_columns() -> list[str]:
    cols = [*OUTPUT_COLUMNS, "match_weight"]
    for name in COMPARISONS:
        cols += [f"{name}_level", f"{name}_weight"]
    return cols + ["left_full_name", "right_full_name"]


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
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
        return fail("--review-threshold must not be above --match-threshold")
    out_dir = args.output.parent if str(args.output.parent) else Path(".")
    if not out_dir.is_dir():
        return fail(f"{args.output}: the output directory does not exist")
    if args.output.is_dir():
        return fail(f"{args.output}: the output path is a directory")
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
        return fail(f"the {args.engine} engine failed: {type(exc).__name__}: {exc}", EXIT_FAILED)

    try:
        n = write_csv(args.output, output_columns(), _rows(result.pairs))
        if args.save_model:
            result.model.save(args.save_model)
    except OSError as exc:
        return fail(f"cannot write the result: {exc}", EXIT_FAILED)
    matches = sum(1 for p in result.pairs if p.decision == "match")
    print(
        f"mekendesh link: {len(left):,} × {len(right):,} records, {n:,} pairs "
        f"({matches:,} match, {n - matches:,} review) written to {args.output}",
        file=sys.stderr,
    )
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
