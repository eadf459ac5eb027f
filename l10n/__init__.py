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
    from .config import load_settings
    from .pipeline import run, segment_file
    from .review import check, export, status


def __getattr__(name: str) -> Any:
    if name == "load_settings":
        from .config import load_settings

        return load_settings
    if name in {"run", "segment_file"}:
        from . import pipeline

        return getattr(pipeline, name)
    if name in {"check", "export", "status"}:
        from . import review

        return getattr(review, name)
    raise AttributeError(f"module 'l10n' has no attribute {name!r}")
