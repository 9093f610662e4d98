"""The screening benchmark's report: each leg's time and peak memory against its target, met or
not, the Spark agreement and the public status check's timing, as Markdown."""

from __future__ import annotations

from typing import Any

# leg → (what the issue asks, seconds at most, peak MB at most)
TARGETS: dict[str, tuple[str, float | None, float | None]] = {
    "full": ("a full run ≤ 5 minutes and ≤ 8 GB on 2 cores (DuckDB)", 300.0, 8192.0),
    "people": ("1,000 new registrations against the current list ≤ 30 seconds", 30.0, None),
    "version": ("a new version with 5,000 changed entries ≤ 1 minute", 60.0, None),
}
SPARK_TARGET = ("Spark (local mode) gives the same decisions for ≥ 99 % of pairs", 0.99)
LEG_TITLES = {
    "import": "import of the first version (`mekendesh import`, check and promotion)",
    "full": "full run: the first version against the whole register (the `screening.run` job)",
    "register": "new registrations stored (the demo's bulk load, not a target)",
    "people": "new registrations screened (the `screening.people` job)",
    "version_import": "import of the second version (`mekendesh import`)",
    "version": "the second version's changed entries screened (the `screening.run` job)",
    "spark_whole": "Spark in local mode on the whole first version (did not finish: see the next row)",
    "spark": "Spark in local mode on the first version, compared with DuckDB's run",
}


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with what was measured and whether it was met (``None``: not measured)."""
    legs = results.get("legs", {})
    judged = []
    for leg, (text, seconds, peak_mb) in TARGETS.items():
        found = legs.get(leg, {})
        met: bool | None = None
        if found.get("status") == "ok":
            met = (seconds is None or found["seconds"] <= seconds) and (peak_mb is None or found["peak_mb"] <= peak_mb)
        judged.append({"leg": leg, "target": text, "met": met, "seconds": found.get("seconds")})
    spark = legs.get("spark", {})
    share = spark.get("share") if spark.get("status") == "ok" else None
    judged.append(
        {
            "leg": "spark",
            "target": SPARK_TARGET[0],
            "met": None if share is None else share >= SPARK_TARGET[1],
            "share": share,
        }
    )
    return judged


def _verdict(met: bool | None) -> str:
    return "not measured" if met is None else ("**met**" if met else "**not met**")


def _seconds(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:,.1f} s" if value < 120 else f"{value:,.0f} s ({value / 60:.1f} min)"


def _mb(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f} MB" if value < 1024 else f"{value / 1024:.2f} GB"


def _leg_note(leg: str, found: dict[str, Any]) -> str:
    if found.get("status") != "ok":
        return found.get("reason", found.get("status", ""))
    if leg in ("full", "version"):
        runs = found.get("runs", [])
        return (
            "; ".join(
                f"{run['entries']:,} entries × {run['people']:,} people → {run['matches']:,} likely matches, "
                f"{run['reviews']:,} to review"
                for run in runs
            )
            + f"; the job itself {_seconds(found.get('work_seconds'))}"
            + ("; the model trained and saved by this run" if found.get("model_trained") else "")
        )
    if leg == "people":
        return (
            f"{found['people']:,} registrations × {found['entries']:,} entries → {found['matches']:,} likely "
            f"matches, {found['reviews']:,} to review; the job itself {_seconds(found.get('work_seconds'))}"
        )
    if leg == "register":
        return f"{found['registered']:,} people"
    if leg in ("import", "version_import"):
        # The command's counts, then its first bad rows (dates of birth the generator's errors put
        # in the future): the counts are enough here.
        return found.get("output", "").split(" row ")[0]
    if leg == "spark":
        return (
            ("a sample of " if found.get("sample") else "")
            + f"{found['entries']:,} entries × {found['people']:,} people; {found['same']:,} of {found['pairs']:,} "
            f"pairs with the same decision ({found['share']:.4%}); reading and linking "
            f"{_seconds(found.get('work_seconds'))}"
        )
    return ""


def report_render(results: dict[str, Any]) -> str:
    machine = results["machine"]
    legs = results.get("legs", {})
    lines = [
        "# Screening benchmark",
        "",
        f"Produced by `{results['command']}` on {results['at']}.",
        "",
        f"- Register: **{results['people']:,} demo people** in PostgreSQL {machine['postgresql']} "
        f"(made by `bench/web/prepare.py`, {'reused' if results.get('prepare_seconds') is None else 'made in ' + _seconds(results['prepare_seconds'])}).",
        f"- List: **{results['rows']:,} rows** in Russian spelling (Windows-1251, `;`), "
        f"{results['list']['members']:,} of them register people written with errors, "
        f"{results['list']['listed_before_registering']:,} people who register during the benchmark, the rest "
        "namesakes, relatives and strangers (`mekendesh/demo/lists.py`).",
        f"- New registrations: {results['new_people']:,}; second version: {results['list']['changed']:,} rows changed.",
        f"- Machine: {machine['cores']} cores, {machine['ram_gb']} GB RAM, Python {machine['python']}, "
        f"{machine['system']}; shared with other work while it ran (load average at the start "
        f"{machine.get('load', '?')}).",
        "",
        "## Targets",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
    ]
    for judged in targets(results):
        found = legs.get(judged["leg"], {})
        if judged["leg"] == "spark":
            measured = "–" if judged["share"] is None else f"{judged['share']:.4%} of pairs"
            if found.get("sample"):
                measured += f" (a sample of {found['entries']:,} entries)"
        else:
            measured = f"{_seconds(found.get('seconds'))}, peak {_mb(found.get('peak_mb'))}"
            imported = legs.get("version_import", {})
            if judged["leg"] == "version" and found.get("seconds") and imported.get("seconds"):
                total = found["seconds"] + imported["seconds"]
                measured += f" (with the import of the version's file before it: {_seconds(total)})"
        lines.append(f"| {judged['target']} | {measured} | {_verdict(judged['met'])} |")
    lines += [
        "",
        "## Legs",
        "",
        "Each leg runs in its own process; wall time and peak resident memory (`ru_maxrss`, the largest "
        "process of the leg reaped by it: for Spark the Python side, not the Java driver) are those of that "
        "process, Django's start included.",
        "",
        "| leg | wall time | peak memory | what |",
        "|---|---|---|---|",
    ]
    for leg, title in LEG_TITLES.items():
        found = legs.get(leg)
        if found is None:
            continue
        lines.append(
            f"| {title} | {_seconds(found.get('seconds'))} | {_mb(found.get('peak_mb'))} | {_leg_note(leg, found)} |"
        )
    spark = legs.get("spark", {})
    if spark.get("status") == "ok":
        lines += [
            "",
            "## Spark against DuckDB",
            "",
            ("A sample (every k-th entry) of " if spark.get("sample") else "The same ")
            + f"{spark['entries']:,} entries and {spark['people']:,} people, scored with the model the "
            "DuckDB run saved (`MEKENDESH_SCREENING_MODEL_FILE`), Spark in local mode on 2 cores. A pair counts "
            "as the same when both engines give it the same decision (match, review) or neither keeps it.",
            "",
            f"- pairs kept by DuckDB: {spark['pairs_duckdb']:,}; by Spark: {spark['pairs_spark']:,}; "
            f"either: {spark['pairs']:,}",
            f"- same decision: {spark['same']:,} ({spark['share']:.4%})",
            "- differing (DuckDB→Spark): "
            + (", ".join(f"{label}: {count:,}" for label, count in sorted(spark["differ"].items())) or "none"),
        ]
    status = results.get("status_timing")
    if status:
        lines += [
            "",
            "## Public status check",
            "",
            "`python bench/screening/status_timing.py` (SQLite, a list of 2,000 rows, Django's test client; "
            "the answer for a listed, an unlisted and an unknown person, interleaved) on the same machine:",
            "",
            "```",
            status.strip(),
            "```",
        ]
    lines += [
        "",
        "## How it runs",
        "",
        "`python -m bench.screening` (or `./run bench screening`): the register database is made once by "
        "`bench/web/prepare.py` (the demo's generator and bulk load) and copied for each run, so that every run "
        "starts from the same state. The demo analyst describes the list (`list_source_create`); each version "
        "is imported by `mekendesh import --target host_list` (the import pipeline's check and promotion, which "
        "makes the version and applies it: `list_version_create`), whose commit queues the `screening.run` job "
        "(`screening_run_start`); the leg carries the job out as the worker does (`job_execute` → "
        "`screening_run_execute`). The first run finds no saved model and trains it (as a deployment's first "
        "large run does); the later runs and Spark score with it. New registrations: the scheduled "
        "`screening.people` job is said to have run just before they were stored, then the job runs. "
        "`--quick` runs the same legs on small sizes and writes its report elsewhere "
        "(this file holds the full run only).",
        "",
    ]
    return "\n".join(lines)
