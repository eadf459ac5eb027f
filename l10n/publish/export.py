"""Rebuild each article in each language from its catalog: text, Markdown, HTML and MO.

What each language shows follows the publishing policy of :mod:`l10n.publish.localize`
(reviewed text, else the English source).

Files: ``write_exports`` writes ``OUT/<locale>/<domain>.{txt,md,html}`` and
``OUT/<locale>/LC_MESSAGES/<domain>.mo`` (gettext's layout), each atomically; the MO also
goes under the names Linux and Python look for (``gettext_aliases``: zh_Hans → zh_CN, zh).
``write_source_page`` writes the English original as ``OUT/en/<domain>.html``, the
``x-default`` of the pages' ``hreflang`` alternates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

from ..errors import CatalogError, ExportError
from ..languages import gettext_aliases, resolve
from ..model import Catalog, Document, Language, Segment
from ..po.io import atomic_write, write_mo
from . import render
from .localize import localize
from .render import WebLinks, html_lang
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
    links: WebLinks | None = None,
    pieces: Sequence[Segment] | None = None,
) -> str:
    """The article rebuilt in ``language`` as ``txt``, ``md`` or ``html`` text.

    An HTML source exported as ``html`` and a Markdown source exported as ``md`` are the
    source file itself with each text replaced (:mod:`l10n.publish.splice`); other formats
    are rendered from the blocks, inline markup left out. ``catalog`` may be None:
    everything falls back to English. ``links`` (HTML): the page's hreflang alternates and
    canonical URL (in a spliced HTML page they replace the source's own). Raises
    ``ExportError`` for an unknown format.
    """
    renderers = {"txt": render.render_txt, "md": render.render_md}
    if fmt not in (*renderers, "html"):
        raise ExportError(f"unknown export format {fmt!r} — use one of txt, md, html, mo")
    if (document.syntax, fmt) in (("html", "html"), ("markdown", "md")):
        every = localize(
            document,
            catalog,
            language,
            include_fuzzy=include_fuzzy,
            every_block=True,
            pieces=pieces,
        )
        return splice(document, every, language, links if fmt == "html" else None)
    blocks = localize(document, catalog, language, include_fuzzy=include_fuzzy, pieces=pieces)
    if document.syntax != "text":
        blocks = plain_blocks(blocks, document.source)
    if fmt == "html":
        return render.render_html(document, blocks, language, links=links)
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
    languages: Sequence[Language] = (),
    base_url: str | None = None,
    pieces: Sequence[Segment] | None = None,
) -> list[Path]:
    """Write the article in ``language`` in each format under ``out_dir``; return the paths.

    ``languages``: every language version published with it (for the HTML page's hreflang
    alternates); ``base_url``: the public URL of ``out_dir`` (for absolute links and
    ``<link rel="canonical">``); ``pieces``: the document's segments, when known.
    """
    formats = tuple(formats)
    for fmt in formats:
        if fmt not in (*FORMATS, "mo"):
            raise ExportError(f"unknown export format {fmt!r} — use one of txt, md, html, mo")
    written = []
    for fmt in formats:
        path = export_path(out_dir, document, language, fmt)
        if fmt == "mo":
            if catalog is not None:
                written.extend(_write_mo(catalog, path, language, include_fuzzy))
            continue
        links = web_links(document, language, languages or (language,), base_url)
        text = export_document(
            document,
            catalog,
            language,
            fmt=fmt,
            include_fuzzy=include_fuzzy,
            links=links if fmt == "html" else None,
            pieces=pieces,
        )
        _publish(path, partial(atomic_write, path, text.encode("utf-8")))
        written.append(path)
    return written


def _write_mo(catalog: Catalog, path: Path, language: Language, include_fuzzy: bool) -> list[Path]:
    """The MO under the locale's own folder, and a copy under each of its gettext aliases."""
    paths = [path] + [
        path.parents[2] / alias / "LC_MESSAGES" / path.name for alias in gettext_aliases(language)
    ]
    for target in paths:
        _publish(target, partial(write_mo, catalog, target, include_fuzzy=include_fuzzy))
    return paths


def web_links(
    document: Document,
    language: Language | None,
    languages: Sequence[Language],
    base_url: str | None,
) -> WebLinks:
    """hreflang alternates of ``document`` in English and ``languages``, x-default English.

    Links are relative (``../ru/<domain>.html``) unless ``base_url`` is given; then they
    are absolute and the page (``language``; None: the English original) gets a canonical URL.
    """

    def href(locale: str) -> str:
        where = f"{locale}/{document.domain}.html"
        return f"{base_url.rstrip('/')}/{where}" if base_url else f"../{where}"

    alternates = [("en", href("en"))]
    alternates += [(html_lang(lang), href(lang.locale)) for lang in languages]
    alternates.append(("x-default", href("en")))
    canonical = href(language.locale if language else "en") if base_url else None
    return WebLinks(tuple(dict.fromkeys(alternates)), canonical)


def write_source_page(
    document: Document,
    out_dir: Path,
    *,
    languages: Sequence[Language] = (),
    base_url: str | None = None,
    pieces: Sequence[Segment] | None = None,
) -> Path:
    """Write the English original as ``OUT/en/<domain>.html`` (the pages' x-default).

    For an HTML source that is the source page itself, ``<html lang>`` set to ``en``.
    """
    english = resolve("en")
    links = web_links(document, None, languages, base_url)
    if document.syntax == "html":
        text = splice(document, (), english, links)  # no block replaced: the page as it is
    else:
        blocks = localize(document, None, english, pieces=pieces)
        if document.syntax != "text":
            blocks = plain_blocks(blocks, document.source)
        text = render.render_html(document, blocks, english, links=links, source=True)
    path = export_path(out_dir, document, english, "html")
    _publish(path, partial(atomic_write, path, text.encode("utf-8")))
    return path
