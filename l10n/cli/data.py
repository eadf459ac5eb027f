"""JSON views of the API's reports, for the commands' ``--json``."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..pipeline import RunReport


def run_data(report: RunReport, root: Path) -> dict[str, Any]:
    """``run --json``: templates, per-language statistics, warnings and errors."""
    from ..project.paths import display_path

    languages = []
    for stats in report.languages:
        record = asdict(stats)
        record["warnings"] = list(stats.warnings)
        record["notes"] = list(stats.notes)
        languages.append(record)
    return {
        "templates": [display_path(path, root) for path in report.templates],
        "languages": languages,
        "warnings": list(report.warnings),
        "errors": list(report.errors),
    }
