"""Read an article file (or standard input) and hand its text to the classifier.

Every way a file can fail to be an article — missing, a directory, unreadable, not UTF-8
(or UTF-16 without a BOM), empty, nothing to translate — is one :class:`SourceError`
naming the file and, where known, the line.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import SourceError
from ..model import TRANSLATED_KINDS, Document
from ..patterns import LINE_BREAK
from .classify import parse_document


def read_document(path: Path, *, name: str | None = None, domain: str | None = None) -> Document:
    """Read the article at ``path``.

    ``name`` is how ``#:`` references cite it (default: the path as given); ``domain`` is
    the gettext domain of its catalogs (default: the file's stem).

    Raises :class:`SourceError` when the file is missing, a directory, unreadable, not
    UTF-8, empty, or has no translatable text.
    """
    name = name or str(path)
    text = _decode(_read_bytes(path, name), name)
    document = parse_document(text, path=path, name=name, domain=domain or path.stem)
    _require_text(document, text)
    return document


def read_text(text: str, *, name: str = "<stdin>", domain: str = "stdin") -> Document:
    """Parse an article given as a string (standard input); same errors as a file."""
    document = parse_document(text.removeprefix("\ufeff"), path=Path("-"), name=name, domain=domain)
    _require_text(document, text)
    return document


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as err:
        raise SourceError(
            "file not found — check the path or put the article in source/", path=name
        ) from err
    except IsADirectoryError as err:
        raise SourceError(
            "is a directory, not a file — give the path of an article .txt file", path=name
        ) from err
    except PermissionError as err:
        raise SourceError(
            "cannot read the file (permission denied) — check its permissions", path=name
        ) from err
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise SourceError(f"cannot read the file ({reason}) — check the path", path=name) from err


def decode_source(data: bytes, name: str) -> str:
    """The text of an article's bytes (standard input); same UTF-8 errors as a file."""
    return _decode(data, name)


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = len(LINE_BREAK.findall(data[: err.start].decode("latin-1"))) + 1
        raise SourceError(
            f"not UTF-8 text (byte 0x{data[err.start]:02x}) — save the file as UTF-8",
            path=name,
            line=line,
        ) from err
    if "\x00" in text:  # UTF-16 without a BOM decodes as "UTF-8" with a NUL after each letter
        raise SourceError(
            "not UTF-8 text (NUL bytes: UTF-16?) — save the file as UTF-8",
            path=name,
            line=len(LINE_BREAK.findall(text[: text.index("\x00")])) + 1,
        )
    return text.removeprefix("\ufeff")


def _require_text(document: Document, text: str) -> None:
    if not text.strip():
        raise SourceError(
            "nothing to read (empty or only whitespace) — put the English article text in it",
            path=document.name,
        )
    if not any(block.kind in TRANSLATED_KINDS for block in document.blocks):
        raise SourceError(
            "no translatable text (only page chrome, timestamps or numbers)"
            " — check that this is the article",
            path=document.name,
        )
