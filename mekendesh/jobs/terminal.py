"""A terminal progress bar fed by a job's progress calls (tqdm; off when stderr is no terminal)."""

from __future__ import annotations

import sys
from typing import IO, Any, Self

from tqdm import tqdm


class TerminalProgress:
    def __init__(self, *, unit: str = "", stream: IO[str] | None = None, disable: bool | None = None) -> None:
        # disable=None: tqdm shows the bar only when the stream is a terminal.
        self.bar: Any = tqdm(total=None, unit=unit, file=stream or sys.stderr, disable=disable, dynamic_ncols=True)

    def __call__(self, done: int, total: int | None, stage: str) -> None:
        if self.bar.disable:
            return
        if total is not None and self.bar.total != total:
            self.bar.total = total
        if stage and stage != self.bar.desc:
            self.bar.set_description_str(stage, refresh=False)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        self.bar.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
