"""Read and write PO/POT/MO files: the PO edge, and the only module that imports polib.

polib parses (after :mod:`l10n.po.lint` refused what it would misread) and its objects are
turned into the project's typed :class:`~l10n.model.Catalog` at once; the text is formatted
by :mod:`l10n.po.format` exactly as ``msgcat`` prints it. Writes are atomic, and a re-run
that changes nothing leaves every byte as it was.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import polib

from ..errors import CatalogError
from ..model import Catalog, Entry
from .format import PAGE_WIDTH, format_catalog
from .lint import check_strings

DATE_KEYS = ("POT-Creation-Date", "PO-Revision-Date")
"""Headers kept from the file on disk when nothing else changed (byte stability)."""


def read_catalog(path: Path) -> Catalog | None:
    """The catalog at ``path``, or None when there is no file.

    Raises ``CatalogError`` (``path:line: …``) for a file polib cannot parse; the file is
    left untouched.
    """
    if not path.exists():
        return None
    data = _read_bytes(path)
    if data is None:
        return None
    check_strings(data.decode("utf-8", errors="replace"), path)
    try:
        catalog = from_polib(polib.pofile(str(path), wrapwidth=PAGE_WIDTH))
    except UnicodeDecodeError as err:
        bad_line = err.object[: err.start].count(b"\n") + 1
        raise CatalogError(
            "not valid in the charset of its Content-Type header — save it as UTF-8",
            path=path,
            line=bad_line,
        ) from err
    except OSError as err:
        line, what = _polib_error(str(err))
        raise CatalogError(
            f"{what} — fix the line in your PO editor or restore it", path=path, line=line
        ) from err
    return _restore_obsolete_previous(catalog, data)


def from_polib(po: Any) -> Catalog:
    """A ``polib.POFile`` as the project's typed catalog."""
    return Catalog(
        entries=tuple(_entry(e) for e in po),
        metadata=tuple(po.metadata.items()),
        header=po.header or "",
        fuzzy_header=bool(po.metadata_is_fuzzy),
    )


def _entry(e: Any) -> Entry:
    return Entry(
        msgid=e.msgid,
        msgstr=e.msgstr or "",
        msgctxt=e.msgctxt,
        msgid_plural=e.msgid_plural or "",
        msgstr_plural=tuple(sorted((int(k), v) for k, v in e.msgstr_plural.items())),
        flags=tuple(e.flags),
        translator_comments=e.tcomment or "",
        extracted_comments=e.comment or "",
        references=tuple((str(f), str(n)) for f, n in e.occurrences),
        previous_msgid=e.previous_msgid,
        previous_msgctxt=e.previous_msgctxt,
        previous_msgid_plural=e.previous_msgid_plural,
        obsolete=bool(e.obsolete),
        line=getattr(e, "linenum", None),
    )


def parse_catalog(text: str) -> Catalog:
    """PO text (not a file) as a typed catalog; for tests and tools. No lint pass."""
    return from_polib(polib.pofile(text, wrapwidth=PAGE_WIDTH))


_FIELD = re.compile(r'^(msgctxt|msgid|msgid_plural)\s+"(.*)"$')
_MORE = re.compile(r'^"(.*)"$')


def _restore_obsolete_previous(catalog: Catalog, data: bytes) -> Catalog:
    """Put back the ``#~| msgid`` lines of obsolete entries, which polib skips.

    Without them an obsolete fuzzy suggestion would lose its previous English on every
    read, and a re-run would rewrite a file in which nothing changed.
    """
    if b"#~|" not in data:
        return catalog
    found: dict[tuple[str | None, str], dict[str, str]] = {}
    for block in re.split(r"\n[ \t]*\r?\n", data.decode("utf-8", errors="replace")):
        previous = _obsolete_fields(block, "#~|")
        current = _obsolete_fields(block, "#~")
        if previous and "msgid" in current:
            found[(current.get("msgctxt"), current["msgid"])] = previous
    entries = []
    for entry in catalog:
        fields = found.get((entry.msgctxt, entry.msgid)) if entry.obsolete else None
        if fields:
            entry = replace(
                entry,
                previous_msgctxt=fields.get("msgctxt", entry.previous_msgctxt),
                previous_msgid=fields.get("msgid", entry.previous_msgid),
                previous_msgid_plural=fields.get("msgid_plural", entry.previous_msgid_plural),
            )
        entries.append(entry)
    return replace(catalog, entries=tuple(entries))


def _obsolete_fields(block: str, mark: str) -> dict[str, str]:
    """``msgctxt``/``msgid``/``msgid_plural`` of the lines of ``block`` that start ``mark``."""
    fields: dict[str, str] = {}
    name = ""
    for raw in block.splitlines():
        words = raw.strip().split(None, 1)
        if len(words) < 2 or words[0] != mark:
            name = ""
            continue
        field, more = _FIELD.match(words[1]), _MORE.match(words[1])
        if field:
            name = field.group(1)
            fields[name] = polib.unescape(field.group(2))
        elif more and name:
            fields[name] += polib.unescape(more.group(1))
        else:
            name = ""
    return fields


def _polib_error(message: str) -> tuple[int | None, str]:
    """Line number and reason from polib's ``Syntax error in po file …(line N): reason``."""
    match = re.search(r"\(line (\d+)\)(?::\s*(.*))?$", message)
    if not match:
        return None, f"cannot read catalog: {message}"
    reason = match.group(2) or "syntax error"
    return int(match.group(1)), reason if reason.startswith("syntax") else f"syntax error: {reason}"


FileState = tuple[int, int]
"""A file's (size, mtime in ns): how a writer tells that someone saved it meanwhile."""


def file_state(path: Path) -> FileState | None:
    """``path``'s size and modification time, or None when there is no file."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise CatalogError(f"cannot read: {err.strerror} — check the path", path=path) from err
    return (stat.st_size, stat.st_mtime_ns)


def ensure_unchanged(path: Path, read_as: FileState | None) -> None:
    """Raise ``CatalogError`` when ``path`` is no longer in the state it was read in.

    A translator may save the catalog in Poedit while a run translates: writing over it
    would lose their work, so the run leaves that file alone.
    """
    if file_state(path) != read_as:
        raise CatalogError(
            "changed on disk while l10n was running (saved by an editor?) — it was left "
            "as it is; run l10n again",
            path=path,
        )


def write_catalog(catalog: Catalog, path: Path) -> bool:
    """Write ``catalog`` to ``path`` atomically; return whether the file's bytes changed.

    When only ``POT-Creation-Date``/``PO-Revision-Date`` differ from the file on disk, the
    dates on disk are kept and nothing is written, so an idle re-run changes no byte.
    """
    data = format_catalog(catalog).encode("utf-8")
    old = _read_bytes(path)
    if old is not None:
        if data == old:
            return False
        stable = format_catalog(catalog, dates=_dates_in(old)).encode("utf-8")
        if stable == old:
            return False
    atomic_write(path, data)
    return True


def write_mo(catalog: Catalog, path: Path, *, include_fuzzy: bool) -> bool:
    """Compile ``catalog`` to a binary MO file at ``path`` atomically.

    Untranslated entries are left out; fuzzy ones too unless ``include_fuzzy``.
    Returns whether the file's bytes changed.
    """
    mo = polib.POFile(wrapwidth=PAGE_WIDTH)
    mo.metadata = catalog.meta
    # polib encodes the MO as UTF-8: say so, or gettext readers fall back to ASCII.
    mo.metadata.update(
        {
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
    )
    for entry in catalog:
        if entry.obsolete or not (entry.translated or (include_fuzzy and entry.msgstr)):
            continue
        mo.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgstr=entry.msgstr,
                msgctxt=entry.msgctxt,
                msgid_plural=entry.msgid_plural,
                msgstr_plural=dict(entry.msgstr_plural),
            )
        )
    data = mo.to_binary()
    if _read_bytes(path) == data:
        return False
    atomic_write(path, data)
    return True


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise CatalogError(f"cannot read: {err.strerror} — check the path", path=path) from err


def _dates_in(data: bytes) -> dict[str, str]:
    text = data.decode("utf-8", errors="replace")
    found: dict[str, str] = {}
    for key in DATE_KEYS:
        match = re.search(rf'^"{re.escape(key)}: (.*?)\\n"$', text, re.MULTILINE)
        if match:
            found[key] = match.group(1)
    return found


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half.

    Writes a temporary file in the same directory, fsyncs it, then ``os.replace``s it.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(path)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise CatalogError(
            f"cannot write: {err.strerror} — check the directory's permissions", path=path
        ) from err
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise CatalogError(
            f"cannot write: {err.strerror} — check free space and permissions", path=path
        ) from err
    _fsync_dir(path.parent)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
