"""Reading locust's statistics and writing the results table (no Django, no locust)."""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

TARGET_P95_MS = 100.0
TARGET_RATE = 100.0
TARGET_RATIO = 1.5
# The pages whose cost at the large register may be at most TARGET_RATIO × the small one's.
RATIO_PAGES = ("staff search", "person page")
TOTAL = "all pages"


@dataclass(frozen=True)
class PageStats:
    requests: int
    failures: int
    rate: float  # requests per second
    p50: float  # milliseconds
    p95: float
    p99: float


def stats_read(path: Path) -> dict[str, PageStats]:
    """The rows of locust's ``<prefix>_stats.csv``, by request name; the aggregated row as TOTAL."""
    found = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = TOTAL if row["Name"] == "Aggregated" else row["Name"]
            found[name] = PageStats(
                requests=int(row["Request Count"]),
                failures=int(row["Failure Count"]),
                rate=float(row["Requests/s"]),
                p50=float(row["50%"]),
                p95=float(row["95%"]),
                p99=float(row["99%"]),
            )
    return found


def _people(count: int) -> str:
    return f"{count:,}"


def _ms(value: float) -> str:
    return f"{value:.0f}"


def _verdict(met: bool) -> str:
    return "**met**" if met else "**not met**"


def targets(small: dict[str, PageStats], large: dict[str, PageStats]) -> list[tuple[str, bool, str]]:
    """Each target, whether the large run met it, and the figure it was judged on."""
    total = large[TOTAL]
    pages = [name for name in large if name != TOTAL]
    worst = max(pages, key=lambda name: large[name].p95) if pages else TOTAL
    errors = sum(stats.failures for stats in large.values() if stats is not total) or total.failures
    found = [
        (f"p95 ≤ {TARGET_P95_MS:.0f} ms over all pages", total.p95 <= TARGET_P95_MS, f"{_ms(total.p95)} ms"),
        (
            f"p95 ≤ {TARGET_P95_MS:.0f} ms on every page",
            large[worst].p95 <= TARGET_P95_MS,
            f"worst: {worst}, {_ms(large[worst].p95)} ms",
        ),
        (f"{TARGET_RATE:.0f} requests/s held", total.rate >= 0.95 * TARGET_RATE, f"{total.rate:.1f} requests/s"),
        ("0 errors", errors == 0, f"{errors} errors"),
    ]
    for name in RATIO_PAGES:
        if name in small and name in large and small[name].p50 > 0:
            ratio = large[name].p50 / small[name].p50
            found.append(
                (
                    f"{name}: median at the large register ≤ {TARGET_RATIO} × at the small one",
                    ratio <= TARGET_RATIO,
                    f"{ratio:.2f} ×",
                )
            )
    return found


def report_render(
    *,
    small_people: int,
    small: dict[str, PageStats],
    large_people: int,
    large: dict[str, PageStats],
    notes: list[str],
) -> str:
    """The Markdown table of both runs side by side (ratio = large p50 / small p50) and the targets."""
    a, b = _people(small_people), _people(large_people)
    lines = [
        "| page | req/s | p50 | p95 | p99 | req/s | p50 | p95 | p99 | p50 ratio | p95 ratio | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines.insert(0, f"Milliseconds; left: {a} people, right: {b} people; errors at {a} / {b}.\n")
    names = [name for name in small if name != TOTAL] + [name for name in large if name not in small and name != TOTAL]
    for name in [*names, TOTAL]:
        left, right = small.get(name), large.get(name)
        cells = [f"**{name}**" if name == TOTAL else name]
        for stats in (left, right):
            cells += [f"{stats.rate:.1f}", _ms(stats.p50), _ms(stats.p95), _ms(stats.p99)] if stats else ["–"] * 4
        if left and right and left.p50 and left.p95:
            cells += [f"{right.p50 / left.p50:.2f}", f"{right.p95 / left.p95:.2f}"]
        else:
            cells += ["–", "–"]
        cells.append(f"{left.failures if left else '–'} / {right.failures if right else '–'}")
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"Targets, judged on the run with {b} people:", ""]
    for label, met, figure in targets(small, large):
        lines.append(f"- {label}: {_verdict(met)} ({figure})")
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


def stats_as_json(stats: dict[str, PageStats]) -> dict[str, Any]:
    return {name: asdict(value) for name, value in stats.items()}


def stats_from_json(data: dict[str, Any]) -> dict[str, PageStats]:
    return {name: PageStats(**value) for name, value in data.items()}
