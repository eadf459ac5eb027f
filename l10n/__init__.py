"""l10n: an offline localization pipeline for news articles.

Nothing runs at import: the public API is imported lazily so that ``import l10n`` and
``l10n --help`` touch no disk and never import torch or argostranslate.translate.

>>> import l10n
>>> report = l10n.run(l10n.load_settings())          # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "check",
    "export",
    "load_settings",
    "run",
    "segment_file",
    "status",
]

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import run
    from .project.config import load_settings
    from .project.inputs import segment_file
    from .review import check, export, status

_LAZY = {
    "load_settings": "project.config",
    "segment_file": "project.inputs",
    "run": "pipeline",
    "check": "review",
    "export": "review",
    "status": "review",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'l10n' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{_LAZY[name]}", __name__), name)
