"""axe-core inside the browser tests: every document a test's page shows is checked, and the test
fails at its end when one had a serious or critical violation.

axe-core comes from npm (``package.json`` at the repository root; ``./run test`` runs
``npm install``). It is added to every document of the browser context as an init script, which a
Content-Security-Policy does not block. The browser fixtures (``phone``, ``desk``) hand the tests an
:class:`AxeCheckedPage`: before and after each call of a page method it waits for the current
document to load and, if axe has not looked at this document yet, runs it. Actions on locators
(``page.get_by_role(...).click()``) are covered by the next page call, since Playwright waits for
the navigation an action starts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
REPORTED_IMPACTS = ("serious", "critical")

_RUN_AXE = """async () => {
    if (window.__mekendeshAxeChecked || typeof axe === "undefined") return null;
    window.__mekendeshAxeChecked = true;
    const results = await axe.run(document, {resultTypes: ["violations"]});
    return results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 5).map(node =>
            `${node.target.join(" ")} ${node.html.slice(0, 120)} ${(node.any[0] || {}).message || ""}`),
    }));
}"""


@dataclass(frozen=True)
class Violation:
    url: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.url}: {self.impact} {self.rule} ({self.help}) at {', '.join(self.targets)}"


def axe_script() -> Path:
    """The path of axe-core's script; skips the browser test (fails it in CI) when it is missing."""
    if not AXE_SCRIPT.is_file():
        message = "axe-core is not installed: `npm install --no-audit --no-fund` (./run test does it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE_SCRIPT


class AxeCheckedPage:
    """A Playwright page whose every document is checked by axe-core (see the module)."""

    def __init__(self, page: Any) -> None:
        self._page = page
        self._axe_checked_urls: list[str] = []
        self._axe_violations: list[Violation] = []

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._page, name)
        if not callable(attribute) or name in {"on", "once", "remove_listener", "close", "is_closed"}:
            return attribute

        def checked(*args: Any, **kwargs: Any) -> Any:
            self._axe_check()
            result = attribute(*args, **kwargs)
            self._axe_check()
            return result

        return checked

    def _axe_check(self) -> None:
        """Run axe on the current document unless it has been checked already."""
        from playwright.sync_api import Error

        page = self._page
        if page.is_closed() or page.url == "about:blank":
            return
        for _attempt in range(3):
            try:
                page.wait_for_load_state("load")
                found = page.evaluate(_RUN_AXE)
            except Error as exc:  # the document went away while it was checked: check the new one
                if "context was destroyed" not in str(exc) and "navigat" not in str(exc):
                    raise
                continue
            if found is not None:
                self._axe_checked_urls.append(page.url)
                self._axe_violations += [
                    Violation(page.url, v["id"], v["impact"], v["help"], tuple(v["targets"]))
                    for v in found
                    if v["impact"] in REPORTED_IMPACTS
                ]
            return

    def axe_assert_no_violations(self) -> None:
        self._axe_check()
        assert not self._axe_violations, "serious or critical accessibility violations (axe-core):\n" + "\n".join(
            str(violation) for violation in self._axe_violations
        )


def checked_page(context: Any) -> AxeCheckedPage:
    """A new page of ``context`` with axe-core in every document."""
    context.add_init_script(path=str(axe_script()))
    page = context.new_page()
    page.set_default_timeout(15_000)
    return AxeCheckedPage(page)
