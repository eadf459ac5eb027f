"""Run every benchmark, one after the other: ``python benchmarks/run_all.py``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = (
    "bench_translate.py",
    "bench_rerun.py",
    "bench_po_format.py",
    "bench_segment.py",
    "bench_scale.py",
    "bench_parallel.py",
    "bench_enforce.py",
)


def main() -> int:
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / name)], check=False)
        if done.returncode:
            return done.returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
