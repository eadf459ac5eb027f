"""`import l10n` and `l10n --help` stay cheap: no torch, no argostranslate.translate."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("torch", "argostranslate", "ctranslate2", "sentencepiece", "stanza", "polib")

PROBE = """
import sys
{code}
heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r}))
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
