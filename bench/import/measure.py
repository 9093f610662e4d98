"""Run one leg's command and report its wall time and peak memory:
``python -m bench.import.measure OUT.json -- COMMAND …``.

The wrapper does nothing but wait, so ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` read after the
command ends is the peak resident memory of the leg's own processes (the largest one of its
tree: the kernel keeps the maximum of each reaped descendant, not their sum).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    out, separator, *command = argv
    if separator != "--" or not command:
        raise SystemExit("usage: python -m bench.import.measure OUT.json -- COMMAND …")
    started = time.perf_counter()
    code = subprocess.call(command)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kilobytes on Linux
    Path(out).write_text(json.dumps({"exit": code, "seconds": seconds, "peak_mb": peak_kb / 1024}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
