"""The statistics benchmark's report: its targets judged, and ``RESULTS.md``."""

from __future__ import annotations

from typing import Any

LIMIT_RATIO = 2.0  # every indicator, protected, within 2 × the bare SQL
PAGE_P95_MS = 100.0
BACKENDS = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
STAGES = {
    "compute": "every indicator computed (`dataset_compute` → `aggregates_compute`)",
    "add": "the release's tables added (`release_create`, `release_table_add`)",
    "protect": "the tables protected (`release_protect`: the whole release, one table of the data per indicator)",
    "publish": "submitted and published (`release_submit`, `release_publish`: the ledger check)",
}


def _ok(leg: dict[str, Any] | None) -> bool:
    return bool(leg) and leg.get("status") == "ok"


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target on each database, judged (``met`` is None when it was not measured)."""
    judged = []
    for backend, found in results.get("backends", {}).items():
        bare, protected, pages = found.get("bare"), found.get("protected"), found.get("pages")
        ratio, met, lower_bound = None, None, False
        if _ok(bare) and _ok(protected) and protected.get("published") and bare["seconds"] > 0:
            ratio = protected["seconds"] / bare["seconds"]
            # A table stopped at its budget: the ratio is a lower bound (met cannot be said unless exceeded).
            lower_bound = bool(protected.get("stopped"))
            met = ratio <= LIMIT_RATIO if not lower_bound else (False if ratio > LIMIT_RATIO else None)
        judged.append(
            {
                "backend": backend,
                "target": "protected",
                "value": ratio,
                "limit": LIMIT_RATIO,
                "met": met,
                "lower_bound": lower_bound,
            }
        )
        p95 = pages.get("p95_ms") if _ok(pages) else None
        judged.append(
            {
                "backend": backend,
                "target": "pages",
                "value": p95,
                "limit": PAGE_P95_MS,
                "met": None if p95 is None else p95 <= PAGE_P95_MS,
            }
        )
    return judged


def _met(met: bool | None) -> str:
    return "not measured" if met is None else ("**met**" if met else "**not met**")


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:,.2f} s"


def report_render(results: dict[str, Any]) -> str:
    machine = results["machine"]
    backends = [name for name in BACKENDS if name in results.get("backends", {})]
    lines = [
        "# Statistics benchmark",
        "",
        f"Issue 11, section 4 “Scale”: on the register of {results['people']:,} demo people, every register",
        "indicator built and protected in at most 2 × the bare SQL `GROUP BY` of the same unprotected cells,",
        "on PostgreSQL and on SQLite; the public table pages in ≤ 100 ms p95.",
        "",
        f"- Command: `{results['command']}` (at {results['at']}, {results.get('seconds', 0):,.0f} s in all)",
        f"- Machine: {machine['cores']} cores, {machine['ram_gb']} GiB, PostgreSQL {machine['postgresql']}, "
        f"Python {machine['python']}, {machine['system']}",
        f"- Load average (1, 5, 15 min) at the start: {machine['load']}; at the end: {machine.get('load_end', '?')} "
        "(other engineers' tests share the machine: the figures are noisy)",
        f"- PostgreSQL: a copy of `{results['template']}` (made with `mekendesh demo --people`), migrated.",
    ]
    made = results.get("sqlite_copy")
    if made:
        rows = made.get("rows", {})
        lines.append(
            f"- SQLite: the same rows copied into a migrated file by `bench/statistics/sqlite_copy.py` "
            f"({rows.get('people_person', 0):,} people, {rows.get('people_stay', 0):,} stays; "
            f"{'reused from the cache' if made.get('reused') else 'made in this run'}: "
            f"migrate {made.get('migrate_seconds', 0):,.0f} s, copy {made.get('copy_seconds', 0):,.0f} s)."
        )
    lines += ["", "## Targets", "", "| | " + " | ".join(BACKENDS[name] for name in backends) + " |"]
    lines.append("|---|" + "---|" * len(backends))
    judged = {(item["backend"], item["target"]): item for item in results.get("targets", [])}

    def row(title: str, cell: Any) -> None:
        lines.append(f"| {title} | " + " | ".join(cell(name, results["backends"][name]) for name in backends) + " |")

    row(
        "record keys drawn (before, not in the ratio)",
        lambda n, f: _s(f["keys"].get("seconds")) if _ok(f["keys"]) else f["keys"].get("reason", "–"),
    )
    row(
        "**bare SQL** `GROUP BY`, every indicator (warm pass)",
        lambda n, f: _s(f["bare"].get("seconds")) if _ok(f["bare"]) else f["bare"].get("reason", "–"),
    )
    row("bare SQL, first (cold) pass", lambda n, f: _s(f["bare"]["passes"][0]) if _ok(f["bare"]) else "–")
    for stage, title in STAGES.items():
        row(
            title,
            lambda n, f, stage=stage: _s(f["protected"].get("stages", {}).get(stage)) if _ok(f["protected"]) else "–",
        )
    row(
        "**every indicator, protected** (the stages' sum)",
        lambda n, f: _s(f["protected"].get("seconds")) if _ok(f["protected"]) else f["protected"].get("reason", "–"),
    )
    row("ratio to the bare SQL (limit 2×)", lambda n, f: _ratio(judged.get((n, "protected"))))
    row(
        "compute alone, ratio to the bare SQL",
        lambda n, f: (
            f"{f['protected']['stages']['compute'] / f['bare']['seconds']:.2f}×"
            if _ok(f["protected"]) and _ok(f["bare"])
            else "–"
        ),
    )
    row("**public table page p95** (worst page; target 100 ms)", lambda n, f: _page(judged.get((n, "pages"))))
    row("pandas `groupby` over the rows read (read + groupby)", lambda n, f: _pandas(f.get("pandas")))
    row("peak memory of the protected leg", lambda n, f: f"{f['protected']['peak_mb']:,.0f} MB")
    lines += ["", "## Detail", ""]
    for name in backends:
        found = results["backends"][name]
        lines.append(f"### {BACKENDS[name]}")
        lines.append("")
        bare, protected, pages = found["bare"], found["protected"], found["pages"]
        if _ok(bare):
            lines.append(
                "Bare SQL by indicator (warm pass): "
                + ", ".join(
                    f"{code} {seconds:.2f} s ({bare['cells'][code]:,} cells)"
                    for code, seconds in bare["by_indicator"].items()
                )
                + "."
            )
            lines.append("")
        if _ok(protected):
            by_table = protected.get("protect_by_table")  # runs before the one-pass protection
            passes = protected.get("protect_passes") or []
            lines.append(
                f"Reference date {protected.get('reference_date', '?')}; aggregates stored: "
                f"{protected['cells_stored']:,}. "
                + (
                    "Protection of each table:"
                    if by_table is not None
                    else f"The release protected by {len(passes)} call(s) of `release_protect`: "
                    + ", ".join(f"{seconds:.2f} s" for seconds in passes)
                    + " (a call refused names a table, which is removed before the next):"
                )
            )
            lines.append("")
            if by_table is not None:
                lines.append("| table | method | seconds | cells published | suppressed |")
                lines.append("|---|---|---|---|---|")
            else:
                lines.append("| table | method | cells published | suppressed |")
                lines.append("|---|---|---|---|")
            for table in protected["tables"]:
                code = table["code"]
                seconds = f" {by_table.get(code, 0):.2f} |" if by_table is not None else ""
                lines.append(
                    f"| `{code}` | {table['method']} |{seconds} "
                    f"{protected['published_cells'].get(code, 0):,} | {protected['suppressed_cells'].get(code, 0):,} |"
                )
            lines.append("")
            lines.append(f"Published cells between 1 and the threshold: {protected['small_published']}.")
            if protected.get("stopped"):
                lines.append(
                    f"Stopped at the budget of {protected['budget']} s, so not published (the seconds count in "
                    "the ratio, which is therefore a lower bound): "
                    + ", ".join(f"`{code}`" for code in protected["stopped"])
                    + "."
                )
            if protected.get("refused"):
                lines.append("Refused: " + "; ".join(f"`{code}`: {why}" for code, why in protected["refused"].items()))
            lines.append("")
        else:
            lines.append(f"The protected path failed: {protected.get('reason')}")
            lines.append("")
        if _ok(pages):
            lines.append("| page | p50 ms | p95 ms | max ms |")
            lines.append("|---|---|---|---|")
            for code, page in pages["pages"].items():
                lines.append(f"| `{code}` | {page['p50_ms']:.1f} | {page['p95_ms']:.1f} | {page['max_ms']:.1f} |")
            lines.append("")
    lines += NOTES
    return "\n".join(lines) + "\n"


def _ratio(item: dict[str, Any] | None) -> str:
    if not item or item["value"] is None:
        return "not measured"
    bound = "at least " if item.get("lower_bound") else ""
    return f"{bound}{item['value']:.2f}× — {_met(item['met'])}"


def _page(item: dict[str, Any] | None) -> str:
    if not item or item["value"] is None:
        return "not measured"
    return f"{item['value']:.1f} ms — {_met(item['met'])}"


def _pandas(found: dict[str, Any] | None) -> str:
    if not _ok(found):
        return (found or {}).get("reason", "–")
    stages = found["stages"]
    return f"{found['seconds']:.2f} s (read {stages['read']:.2f} + groupby {stages['groupby']:.2f})"


NOTES = [
    "## How it is measured",
    "",
    "- Each leg runs in its own process (`bench.import.measure`: wall time and peak memory); the figures in",
    "  the table are the legs' own timers around the work (Django's start-up is not in them).",
    "- **Bare SQL**: the statements are the indicators' own querysets (`mekendesh.statistics.indicators`,",
    "  captured at `_grouped` and turned into SQL by `query.sql_with_params()`), the same `GROUP BY` with",
    "  `COUNT` and the sum of record keys, run with a raw cursor, every row fetched; two passes, the",
    "  second (warm) is the base of the ratio, since the protected path runs on a warm cache too.",
    "- **Protected**: record keys are drawn first, in their own leg (reported, not in the ratio). Then the",
    "  real path through the services: `dataset_create` + `dataset_compute` (every indicator into",
    "  `Aggregate` rows), a standard release — stock by destination, by origin, by sex × age, by purpose,",
    "  by duration (threshold suppression, threshold 10), departures by month (under year) × destination",
    "  (cell-key perturbation), registrations by month (threshold suppression) — added, protected by one",
    "  call (`release_protect`: one table of the data built over the union of the five stock tables'",
    "  dimensions, the tables protected on it in the release's order, each against the ones before it; the",
    "  perturbed table on its own), then submitted by one statistician and published by another (the",
    "  publish step re-checks the ledger).",
    "- **Pages**: Django's test `Client` in the leg's process against the same database (no HTTP server,",
    "  no network), one warm-up request per table page then the timed GETs.",
    "- **pandas**: each indicator's rows (its dimensions and the record key, one row per stay or person,",
    "  from the same querysets without the `GROUP BY`) read with a raw cursor into a DataFrame, then",
    "  `groupby(...).agg(size, sum)`.",
]
