"""`import l10n` and `l10n --help` stay cheap: no torch, no model store, no network, no babel.

A real `l10n run` never imports torch, stanza, spaCy or argostranslate (issue 9).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from l10n.mt.store import PackageInfo

# Not even installed by `pip install l10n`, but in the dev extra (argos-translate-lt).
ARGOS = ("argostranslate", "minisbd", "onnxruntime")
NEVER = ("torch", "stanza", "spacy", *ARGOS)
REPO = Path(__file__).resolve().parent.parent

HEAVY = (
    *NEVER,
    "ctranslate2",
    "sentencepiece",
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


RUN = """
import sys
from l10n.cli import cli
try:
    cli(['run', '--jobs', '1'], prog_name='l10n')  # decode here, to see what it imports
except SystemExit as done:
    assert not done.code, done.code
assert {"ctranslate2", "sentencepiece"} <= set(sys.modules)  # the engine did run
print('NEVER=' + ','.join(sorted({m.split('.')[0] for m in sys.modules} & set(%r))))
"""


@pytest.mark.slow
def test_run_never_imports_torch_stanza_spacy_or_argostranslate(
    installed_models: dict[str, PackageInfo], new_project: Callable[[str], Path]
) -> None:
    """A real `l10n run` (three languages, the real engine) imports none of them."""
    root = new_project('[tool.l10n]\nlanguages = ["ru", "kk", "zh"]\n')
    path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", RUN % (NEVER,)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "NEVER="
    assert (root / "locales" / "ru" / "LC_MESSAGES").is_dir()
