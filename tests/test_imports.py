"""`import l10n` and `l10n --help` stay cheap: no torch, no model store, no network, no babel."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = (
    "torch",
    "argostranslate",
    "ctranslate2",
    "sentencepiece",
    "stanza",
    "polib",
    "babel",
    "sqlite3",
    "urllib.request",
    "l10n.mt.store",
    "l10n.po",
)

PROBE = """
import sys
{code}
heavy = sorted(h for h in {heavy!r} if any(m == h or m.startswith(h + '.') for m in sys.modules))
print('HEAVY=' + ','.join(heavy))
"""


@pytest.mark.parametrize(
    "code",
    [
        "import l10n",
        "from l10n.cli import cli\ntry:\n    cli(['--help'], prog_name='l10n')\n"
        "except SystemExit:\n    pass",
        "from l10n.cli import cli\ntry:\n    cli(['run', '--help'], prog_name='l10n')\n"
        "except SystemExit:\n    pass",
        "from l10n.cli import cli\ntry:\n    cli(['models', '--help'], prog_name='l10n')\n"
        "except SystemExit:\n    pass",
    ],
    ids=["import", "help", "run-help", "models-help"],
)
def test_no_heavy_imports(code: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=code, heavy=HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines()[-1] == "HEAVY="


def test_the_probe_sees_heavy_imports() -> None:
    """The probe itself: the pipeline does load the PO edge and Babel's data when run."""
    code = "import l10n.pipeline\nfrom l10n.languages import resolve\nresolve('ru')"
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=code, heavy=HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    )
    heavy = result.stdout.splitlines()[-1].removeprefix("HEAVY=").split(",")
    assert {"polib", "babel", "l10n.po", "sqlite3"} <= set(heavy)
