"""Rebuild each article in each language from its catalog: text, Markdown, HTML and MO.

What each language shows follows the publishing policy of :mod:`l10n.publish.localize`
(reviewed text, else the English source).

Files: ``write_exports`` writes ``OUT/<locale>/<domain>.{txt,md,html}`` and
``OUT/<locale>/LC_MESSAGES/<domain>.mo`` (gettext's layout), each atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from ..errors import CatalogError, ExportError
from ..model import Catalog, Document, Language
from ..po.io import atomic_write, write_mo
from . import render
from .localize import localize
from .splice import plain_blocks, splice

FORMATS = ("txt", "md", "html")
"""Text formats ``export_document`` renders; ``write_exports`` also accepts ``mo``."""


def export_document(
    document: Document,
    catalog: Catalog | None,
    language: Language,
    *,
    fmt: str,
    include_fuzzy: bool = False,
) -> str:
    """The article rebuilt in ``language`` as ``txt``, ``md`` or ``html`` text.

    An HTML source exported as ``html`` and a Markdown source exported as ``md`` are the
    source file itself with each text replaced (:mod:`l10n.publish.splice`); other formats
    are rendered from the blocks, inline markup left out. ``catalog`` may be None:
    everything falls back to English. Raises ``ExportError`` for an unknown format.
    """
    renderers = {"txt": render.render_txt, "md": render.render_md, "html": render.render_html}
    if fmt not in renderers:
        raise ExportError(f"unknown export format {fmt!r} — use one of txt, md, html, mo")
    if (document.syntax, fmt) in (("html", "html"), ("markdown", "md")):
        every = localize(document, catalog, language, include_fuzzy=include_fuzzy, every_block=True)
        return splice(document, every, language)
    blocks = localize(document, catalog, language, include_fuzzy=include_fuzzy)
    if document.syntax != "text":
        blocks = plain_blocks(blocks)
    return renderers[fmt](document, blocks, language)


def _publish(path: Path, write: Callable[[], object]) -> None:
    """Run an atomic write from ``l10n.po.io``; a failure becomes an ``--out`` error."""
    try:
        write()
    except CatalogError as err:
        what = err.detail.split(" — ")[0]
        raise ExportError(f"{what} — choose a writable --out directory", path=path) from err


def export_path(out_dir: Path, document: Document, language: Language, fmt: str) -> Path:
    """Where a format goes: ``OUT/<locale>/<domain>.<fmt>``, MO under ``LC_MESSAGES/``."""
    folder = out_dir / language.locale
    if fmt == "mo":
        return folder / "LC_MESSAGES" / f"{document.domain}.mo"
    return folder / f"{document.domain}.{fmt}"


def write_exports(
    document: Document,
    catalog: Catalog | None,
    language: Language,
    out_dir: Path,
    *,
    formats: Iterable[str] = (*FORMATS, "mo"),
    include_fuzzy: bool = False,
) -> list[Path]:
    """Write the article in ``language`` in each format under ``out_dir``; return the paths."""
    formats = tuple(formats)
    for fmt in formats:
        if fmt not in (*FORMATS, "mo"):
            raise ExportError(f"unknown export format {fmt!r} — use one of txt, md, html, mo")
    written = []
    for fmt in formats:
        path = export_path(out_dir, document, language, fmt)
        if fmt == "mo":
            if catalog is None:
                continue
            _publish(path, partial(write_mo, catalog, path, include_fuzzy=include_fuzzy))
        else:
            text = export_document(
                document, catalog, language, fmt=fmt, include_fuzzy=include_fuzzy
            )
            _publish(path, partial(atomic_write, path, text.encode("utf-8")))
        written.append(path)
    return written
