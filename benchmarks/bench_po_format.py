"""Benchmark: formatting a 3,000-entry catalog the old way and the new way, side by side.

    python benchmarks/bench_po_format.py [--entries 3000] [--repeat 5]

The catalog (``po_samples.news_catalog``): English news sentences with Russian, Kazakh and
Chinese translations, long paragraphs, entries with ``\\n``, fuzzy entries with a previous
msgid. "old" is ``format_catalog`` with the pre-change ``wrap_field``
(``po_format_before.py``), "new" the current one; both must print the same bytes, and if
GNU ``msgcat`` is installed, so must it. Runs alternate, best of ``--repeat``, timed in
CPU seconds of this process (the machine is shared; wall-clock seconds are printed too).
Nothing is cached between runs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import po_format_before  # noqa: E402
from po_samples import news_catalog  # noqa: E402

from l10n.model import Catalog  # noqa: E402
from l10n.po import format as po_format  # noqa: E402


def timed(function: Callable[[], str]) -> tuple[float, float, str]:
    """CPU seconds, wall-clock seconds and the result of ``function()``."""
    cpu, wall = time.process_time(), time.perf_counter()
    text = function()
    return time.process_time() - cpu, time.perf_counter() - wall, text


def format_old(catalog: Catalog) -> str:
    new = po_format.wrap_field
    po_format.wrap_field = po_format_before.wrap_field  # type: ignore[assignment]
    try:
        return po_format.format_catalog(catalog)
    finally:
        po_format.wrap_field = new


def format_new(catalog: Catalog) -> str:
    return po_format.format_catalog(catalog)


def msgcat_agrees(text: str) -> str:
    if shutil.which("msgcat") is None:
        return "msgcat not installed"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.po"
        path.write_text(text, encoding="utf-8")
        done = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True)
    return "yes" if done.stdout == text else "NO"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    catalog = news_catalog(args.entries)
    runs = {"old": lambda: format_old(catalog), "new": lambda: format_new(catalog)}
    cpu = dict.fromkeys(runs, float("inf"))
    wall = dict.fromkeys(runs, float("inf"))
    outputs = {}
    for _ in range(args.repeat):
        for name, run in runs.items():
            seconds, elapsed, outputs[name] = timed(run)
            cpu[name], wall[name] = min(cpu[name], seconds), min(wall[name], elapsed)
    size = len(outputs["old"].encode("utf-8"))
    print(f"{args.entries} entries, {size / 1e6:.2f} MB of PO text, best of {args.repeat}")
    print(f"{'formatter':<12}{'CPU s':>9}{'wall s':>9}{'entries/s':>12}")
    for name in runs:
        print(f"{name:<12}{cpu[name]:>9.3f}{wall[name]:>9.3f}{args.entries / cpu[name]:>12.0f}")
    same = outputs["old"] == outputs["new"]
    print(f"\nold / new (CPU)    {cpu['old'] / cpu['new']:.1f}x   target >= 10")
    print(f"old / new (wall)   {wall['old'] / wall['new']:.1f}x")
    print(f"identical output   {'yes' if same else 'NO'}")
    print(f"msgcat agrees      {msgcat_agrees(outputs['new'])}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
