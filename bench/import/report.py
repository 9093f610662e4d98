"""Reading the pipeline's output and writing the import benchmark's results (no Django, no
database): the targets of issue 8 judged from a results dict, rendered to Markdown."""

from __future__ import annotations

import re
from typing import Any

TARGET_ROWS = 1_000_000
TARGET_SECONDS = 180.0
TARGET_PEAK_MB = 2048.0
TARGET_COPY_RATIO = 4.0
TARGET_IE_RATIO = 20.0

_NUMBER = r"(\d[\d,\s\u00a0\u202f]*)"
_COUNTS = re.compile(
    rf"rows {_NUMBER}, valid {_NUMBER}, invalid {_NUMBER}, duplicates in file {_NUMBER}, already registered {_NUMBER}"
)
_BAD_ROW = re.compile(rf"^\s*row {_NUMBER}, (.+?): (.*)$", re.MULTILINE)


def _int(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def pipeline_output_parse(text: str) -> dict[str, Any]:
    """The counts line and the bad rows of ``mekendesh import``'s output (stdout and stderr
    together): ``rows 1000000, valid 999997, invalid 3, duplicates in file 0, already registered 0``
    and one ``row 123457, <column>: <message>`` per bad row. Thousands separators are allowed.
    ``counts`` is None when the counts line is missing; the last one counts if there are several."""
    found = _COUNTS.findall(text)
    counts = None
    if found:
        rows, valid, invalid, duplicates, registered = (_int(value) for value in found[-1])
        counts = {
            "rows": rows,
            "valid": valid,
            "invalid": invalid,
            "duplicates_in_file": duplicates,
            "already_registered": registered,
        }
    bad = [
        {"row": _int(number), "column": column.strip(), "message": message.strip()}
        for number, column, message in _BAD_ROW.findall(text)
    ]
    return {"counts": counts, "bad_rows": bad}


def _verdict(met: bool | None) -> str:
    return "**not measured**" if met is None else "**met**" if met else "**not met**"


def _ok(leg: dict[str, Any] | None) -> bool:
    return leg is not None and leg.get("status") == "ok"


def targets(results: dict[str, Any]) -> list[tuple[str, bool | None, str]]:
    """Each target of issue 8, whether this run met it (None: not measured), and the figure."""
    rows = results["rows"]
    legs = results["legs"]
    pipeline, copy, ie = legs.get("pipeline"), legs.get("copy"), legs.get("ie")
    full = rows == TARGET_ROWS
    found: list[tuple[str, bool | None, str]] = []
    if _ok(pipeline) and full:
        found.append(
            (
                f"{TARGET_ROWS:,} rows in ≤ {TARGET_SECONDS:.0f} s",
                pipeline["seconds"] <= TARGET_SECONDS,
                f"{pipeline['seconds']:.1f} s",
            )
        )
        found.append(
            (
                f"peak memory ≤ {TARGET_PEAK_MB / 1024:.0f} GB",
                pipeline["peak_mb"] <= TARGET_PEAK_MB,
                f"{pipeline['peak_mb']:.0f} MB",
            )
        )
    else:
        why = "the pipeline did not run" if not _ok(pipeline) else f"this run has {rows:,} rows"
        found.append((f"{TARGET_ROWS:,} rows in ≤ {TARGET_SECONDS:.0f} s", None, why))
        found.append((f"peak memory ≤ {TARGET_PEAK_MB / 1024:.0f} GB", None, why))
    if _ok(pipeline) and _ok(copy) and copy["seconds"] > 0:
        ratio = pipeline["seconds"] / copy["seconds"]
        found.append(
            (f"within {TARGET_COPY_RATIO:.0f} × the raw COPY time", ratio <= TARGET_COPY_RATIO, f"{ratio:.1f} ×")
        )
    else:
        found.append((f"within {TARGET_COPY_RATIO:.0f} × the raw COPY time", None, "a leg did not run"))
    if _ok(pipeline) and _ok(ie) and ie["rows_per_second"] > 0:
        ratio = pipeline["rows_per_second"] / ie["rows_per_second"]
        found.append(
            (
                f"≥ {TARGET_IE_RATIO:.0f} × faster per row than django-import-export",
                ratio >= TARGET_IE_RATIO,
                f"{ratio:.1f} ×",
            )
        )
    else:
        found.append((f"≥ {TARGET_IE_RATIO:.0f} × faster per row than django-import-export", None, "a leg did not run"))
    if _ok(pipeline):
        expected = sorted(bad["row"] for bad in results["file"]["bad_rows"])
        reported = sorted(bad["row"] for bad in pipeline.get("bad_rows_reported", []))
        counts = pipeline.get("counts") or {}
        good = rows - len(expected)
        met = (
            reported == expected
            and counts.get("rows") == rows
            and counts.get("valid") == good
            and counts.get("invalid") == len(expected)
            and pipeline.get("people_stored") == good
        )
        figure = (
            f"reported rows {', '.join(f'{row:,}' for row in reported) or 'none'} "
            f"(expected {', '.join(f'{row:,}' for row in expected)}); "
            f"{pipeline.get('people_stored', 0):,} people stored of {good:,} valid rows"
        )
        found.append(("the 3 bad rows reported by number, nothing else lost", met, figure))
    else:
        found.append(("the 3 bad rows reported by number, nothing else lost", None, "the pipeline did not run"))
    return found


LEG_NAMES = {
    "pipeline": "Mekendesh pipeline (`mekendesh import`)",
    "copy": "raw COPY (the limit)",
    "ie": "django-import-export",
}


def _leg_row(key: str, leg: dict[str, Any] | None) -> str:
    name = LEG_NAMES[key]
    if not leg:
        return f"| {name} | – | – | – | – | not asked for |"
    if leg.get("status") != "ok":
        return f"| {name} | – | – | – | – | {leg.get('status', '?')}: {leg.get('reason', '')} |"
    return (
        f"| {name} | {leg['rows']:,} | {leg['seconds']:.1f} | {leg['rows_per_second']:,.0f} | "
        f"{leg['peak_mb']:,.0f} | {leg.get('note', '')} |"
    )


def report_render(results: dict[str, Any]) -> str:
    machine = results.get("machine", {})
    file = results["file"]
    legs = results["legs"]
    lines = [
        f"# Import benchmark: {results['rows']:,} rows",
        "",
        f"Command: `{results['command']}`, at {results.get('at', '?')}.",
        "",
        (
            f"Machine: {machine.get('cores', '?')} cores, {machine.get('ram_gb', '?')} GB RAM, "
            f"PostgreSQL {machine.get('postgresql', '?')}, Python {machine.get('python', '?')}, "
            f"{machine.get('system', '?')}."
        ),
        "",
        (
            f"The file: {results['rows']:,} registrations in Windows-1251, `;`-separated, CRLF, Russian headers, "
            f"{file['bytes'] / 1e6:,.1f} MB, generated in {file['seconds']:.1f} s from seed {file['seed']}. "
            "Bad rows (as a spreadsheet numbers them, the header being row 1): "
            + "; ".join(f"{bad['row']:,} ({bad['column']}: «{bad['value']}»)" for bad in file["bad_rows"])
            + f". A quoted address with a line break is in row {file['line_break_row']:,}."
        ),
        "",
        "| leg | rows | wall time (s) | rows/s | peak memory (MB) | notes |",
        "|---|---:|---:|---:|---:|---|",
        *(_leg_row(key, legs.get(key)) for key in ("pipeline", "copy", "ie")),
        "",
        "## Targets",
        "",
        *(f"- {name}: {_verdict(met)} ({figure})" for name, met, figure in targets(results)),
        "",
        "## What each leg does",
        "",
        (
            "- **pipeline**: `mekendesh import FILE --source bench --as OFFICER`, end to end (read, validate, stage, "
            "promote) on a fresh copy of the migrated benchmark database; the officer is a consular officer of every "
            "consular district. Wall time is the whole command, start-up included. Its output is checked for the "
            "counts line and the bad rows by number, and the people stored are counted."
        ),
        (
            "- **raw COPY**: the same final rows into the same tables (with their indexes, constraints and foreign "
            "keys) by `COPY … FROM STDIN`, all tables in one transaction, COMMIT included in the time; no "
            "validation, no encryption, no Python per row. "
            + (
                "The rows are those the pipeline stored, dumped by `COPY … TO STDOUT` after its leg, "
                "then the tables emptied."
                if (legs.get("copy") or {}).get("source") == "pipeline"
                else "The pipeline did not run, so the rows were made straight from the file with plain values: "
                "a person, its name as written and its passport Latin form with their search words, the document "
                "(number in clear, a plain SHA-256 beside it), the stay with its consular district, the consent "
                "and one audit row per person plus one for the import."
            )
        ),
        (
            f"- **django-import-export** (on the first {results['ie_rows']:,} rows): a `ModelResource` for "
            "`people.Person` with `sex` and `birth_date` converted from the Russian columns in `before_import_row`, "
            "the name stored as one `NameForm` (with its search key) in `after_save_instance`, run by "
            "`import_data(dataset, dry_run=False, use_transactions=True)` on a tablib Dataset read from the same "
            "file; the time includes reading the rows. It does not encrypt or store documents, stays, consents, "
            "search words or audit rows, and checks no rule but the date: it does less work per row than either "
            "other leg."
        ),
    ]
    for note in results.get("notes", []):
        lines += ["", note]
    return "\n".join(lines) + "\n"
