"""The web benchmark's scenario covers the pages the issue names, and its report is the table
of both register sizes side by side with the targets judged (no server, no load)."""

from __future__ import annotations

import ast
import csv
from pathlib import Path

from bench.web.report import PageStats, report_render, stats_read
from bench.web.scenarios import SCENARIOS

HERE = Path(__file__).resolve().parent.parent


def _request_names() -> dict[str, str]:
    """The ``name=`` of every request the locustfile sends, with its URL (read, not imported:
    importing locust patches the standard library)."""
    tree = ast.parse((HERE / "locustfile.py").read_text(encoding="utf-8"))
    found = {}
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute):
            name = next((k.value for k in call.keywords if k.arg == "name"), None)
            if isinstance(name, ast.Constant) and call.args:
                found[name.value] = ast.unparse(call.args[0])
    return found


def test_the_scenario_drives_every_page_the_benchmark_reports():
    names = {page.name for page in SCENARIOS}
    assert names == {
        "landing page",
        "registration form",
        "registration POST",
        "staff search",
        "person page",
        "work queue",
        "API search",
    }
    sent = _request_names()
    assert names <= set(sent)
    assert sent["landing page"] == "'/'"
    assert "/me/register/" in sent["registration POST"]
    assert "/staff/people/" in sent["staff search"]
    assert "/api/people/" in sent["API search"]
    assert all(page.weight > 0 for page in SCENARIOS)


def test_the_locust_statistics_file_is_read_by_request_name(tmp_path):
    path = tmp_path / "run_stats.csv"
    columns = ["Type", "Name", "Request Count", "Failure Count", "Requests/s", "50%", "95%", "99%"]
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerow(dict(zip(columns, ["GET", "person page", "600", "0", "20.0", "30", "55", "80"], strict=True)))
        writer.writerow(dict(zip(columns, ["", "Aggregated", "6000", "1", "99.5", "20", "60", "90"], strict=True)))
    stats = stats_read(path)
    assert stats["person page"] == PageStats(requests=600, failures=0, rate=20.0, p50=30, p95=55, p99=80)
    assert stats["all pages"].failures == 1


def test_the_report_puts_both_sizes_side_by_side_with_the_ratio_and_judges_the_targets():
    small = {
        "person page": PageStats(1000, 0, 20.0, 20, 40, 60),
        "staff search": PageStats(1000, 0, 20.0, 25, 50, 70),
        "all pages": PageStats(6000, 0, 100.0, 15, 45, 70),
    }
    large = {
        "person page": PageStats(1000, 0, 20.0, 40, 90, 120),
        "staff search": PageStats(1000, 0, 20.0, 30, 60, 80),
        "all pages": PageStats(6000, 2, 99.0, 18, 80, 110),
    }
    text = report_render(small_people=5000, small=small, large_people=1_000_000, large=large, notes=["shared"])
    lines = text.splitlines()
    person = next(line for line in lines if line.startswith("| person page"))
    assert person == "| person page | 20.0 | 20 | 40 | 60 | 20.0 | 40 | 90 | 120 | 2.00 | 2.25 | 0 / 0 |"
    assert next(line for line in lines if line.startswith("| **all pages**")).endswith("| 0 / 2 |")
    assert "5,000 people" in text and "1,000,000 people" in text
    assert "- p95 ≤ 100 ms over all pages: **met** (80 ms)" in text
    assert "- 0 errors: **not met** (2 errors)" in text
    assert "- person page: median at the large register ≤ 1.5 × at the small one: **not met** (2.00 ×)" in text
    assert "- staff search: median at the large register ≤ 1.5 × at the small one: **met** (1.20 ×)" in text
    assert text.rstrip().endswith("shared")
