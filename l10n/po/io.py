"""Read and write PO/POT/MO files: the PO edge, and the only module that imports polib.

PO text is decoded here (the header's charset) and parsed by :mod:`l10n.po.parse`, which
refuses what ``msgfmt`` refuses; polib only compiles MO files (and converts polib objects
for tests and tools). The text is formatted by :mod:`l10n.po.format` exactly as
``msgcat`` prints it. Writes are atomic, replace a file only if it still holds the bytes
that were read, and a re-run that changes nothing leaves every byte as it was.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import polib

from ..errors import CatalogError
from ..model import Catalog, Entry
from .entries import newline_mismatch
from .format import PAGE_WIDTH, format_catalog
from .parse import parse_po

DATE_KEYS = ("POT-Creation-Date", "PO-Revision-Date")
"""Headers kept from the file on disk when nothing else changed (byte stability)."""


def read_catalog(path: Path) -> Catalog | None:
    """The catalog at ``path``, or None when there is no file.

    Raises ``CatalogError`` (``path:line: …``) for a file that ``msgfmt`` would refuse,
    and for an empty one; the file is left untouched.
    """
    return load_catalog(path)[0]


def load_catalog(path: Path) -> tuple[Catalog | None, FileState]:
    """The catalog at ``path`` and the state it was read in (for ``write_catalog``)."""
    data = _read_bytes(path)
    if data is None:
        return None, None
    return parse_catalog(decode_catalog(data, path), path), content_digest(data)


def parse_catalog(text: str, path: Path | None = None) -> Catalog:
    """PO text as a typed catalog, refused (``CatalogError``) where msgfmt refuses it."""
    where = path or Path("<text>")
    if not text.strip():
        raise CatalogError(
            "empty file — restore it from version control or delete it to start afresh",
            path=where,
        )
    return parse_po(text, where)


_CHARSET = re.compile(rb'^"Content-Type:[^"\n]*charset=([^\s";\\]+)', re.MULTILINE)
_UTF8 = ("utf-8", "utf8", "charset", "ascii", "us-ascii")


def decode_catalog(data: bytes, path: Path) -> str:
    """PO bytes as text, in the charset its header names (UTF-8 when it names none).

    A file whose header names another charset but whose bytes are UTF-8 (a ``sed`` on
    the header, an editor that saved UTF-8) is refused: read as Latin-1 every Cyrillic
    or Chinese letter would become two wrong ones, and stay so once written back.
    """
    found = _CHARSET.search(data)
    charset = found.group(1).decode("ascii", "replace").lower() if found else "utf-8"
    if charset not in _UTF8:
        return _decode_declared(data, charset, path)
    return "\n".join(
        _utf8_line(line, number, path) for number, line in enumerate(data.split(b"\n"), 1)
    )


def _utf8_line(line: bytes, number: int, path: Path) -> str:
    """One line as UTF-8. As in msgfmt, a broken character in a plain comment (``#``,
    ``#.``, ``#:``, ``#,``) is not an error; it becomes U+FFFD."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as err:
        if line.lstrip(b" \t").startswith(b"#") and not line.lstrip(b" \t").startswith(
            (b"#~", b"#|")
        ):
            return line.decode("utf-8", errors="replace")
        raise CatalogError(
            "not valid UTF-8 (cut in the middle of a character, or saved in another "
            "encoding) — save it as UTF-8 or restore it from version control",
            path=path,
            line=number,
        ) from err


def _decode_declared(data: bytes, charset: str, path: Path) -> str:
    try:
        codecs.lookup(charset)
    except LookupError as err:
        raise CatalogError(
            f"unknown charset {charset!r} in the Content-Type header — set charset=UTF-8",
            path=path,
        ) from err
    if not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise CatalogError(
                f"the header says charset={charset} but the text is UTF-8 — set "
                "charset=UTF-8 in the Content-Type header and run again",
                path=path,
            )
    try:
        return data.decode(charset)
    except UnicodeDecodeError as err:
        raise CatalogError(
            f"not valid {charset} (the charset of its Content-Type header) — save it as UTF-8",
            path=path,
            line=data[: err.start].count(b"\n") + 1,
        ) from err


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


FileState = str | None
"""A digest of a file's bytes as read (None: no file): how a writer tells that someone
saved it meanwhile — even a same-size save that kept the modification time (rsync -t)."""

_ANY = "any"


def content_digest(data: bytes) -> str:
    """A file's content hash (SHA-256, hex): how a writer, and the run manifest, tell that
    a file changed."""
    return hashlib.sha256(data).hexdigest()


def file_state(path: Path) -> FileState:
    """A digest of ``path``'s bytes now, or None when there is no file."""
    data = _read_bytes(path)
    return None if data is None else content_digest(data)


def ensure_unchanged(path: Path, read_as: FileState) -> None:
    """Raise ``CatalogError`` when ``path``'s bytes are no longer those it was read with.

    A translator may save the catalog in Poedit while a run translates: writing over it
    would lose their work, so the run leaves that file alone.
    """
    if file_state(path) != read_as:
        raise CatalogError(
            "changed on disk while l10n was running (saved by an editor?) — it was left "
            "as it is; run l10n again",
            path=path,
        )


def write_catalog(catalog: Catalog, path: Path, *, expect: FileState = _ANY) -> bool:
    """Write ``catalog`` to ``path`` atomically; return whether the file's bytes changed.

    When only ``POT-Creation-Date``/``PO-Revision-Date`` differ from the file on disk, the
    dates on disk are kept and nothing is written, so an idle re-run changes no byte.
    With ``expect`` (the state ``load_catalog`` returned), the text is formatted first and
    the file is replaced only if its bytes are still the ones read, checked just before
    ``os.replace``; else ``CatalogError`` and the file is left as the editor saved it.
    """
    data = format_catalog(catalog).encode("utf-8")
    old = _read_bytes(path)
    if old is not None:
        if data == old:
            return False
        stable = format_catalog(catalog, dates=_dates_in(old)).encode("utf-8")
        if stable == old:
            return False
    atomic_write(path, data, expect=expect)
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
        _refuse_newline_mismatch(entry, path)
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


def _refuse_newline_mismatch(entry: Entry, path: Path) -> None:
    problem = newline_mismatch(entry.msgid, entry.msgstr)
    if problem:
        where = f" (catalog line {entry.line})" if entry.line else ""
        raise CatalogError(
            f"not written: in {entry.msgid[:40]!r}{where} {problem}, which msgfmt refuses — "
            "fix the translation (`l10n check` lists it as [newlines])",
            path=path,
        )


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


def atomic_write(path: Path, data: bytes, *, expect: FileState = _ANY) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half.

    Writes a temporary file in the same directory, fsyncs it, then ``os.replace``s it. A
    symlink stays a symlink: its target is replaced. Temporary files that a killed run
    left for the same name are removed first. With ``expect``, the file must still hold
    the bytes of that state right before the replace (see ``write_catalog``).
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_orphans(target)
        mode = _mode_for(target)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
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
        if expect != _ANY:
            ensure_unchanged(target, expect)
        os.replace(tmp, target)
    except (OSError, CatalogError) as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, CatalogError):
            raise
        raise CatalogError(
            f"cannot write: {err.strerror} — check free space and permissions", path=path
        ) from err
    _fsync_dir(target.parent)


_ORPHAN = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def _remove_orphans(target: Path) -> None:
    """Delete ``.<name>.XXXXXXXX.tmp`` files that a killed write of ``target`` left behind."""
    prefix = f".{target.name}."
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(prefix)]
    except OSError:
        return
    for name in names:
        if _ORPHAN.match(name) and len(name) == len(prefix) + 12:
            (target.parent / name).unlink(missing_ok=True)


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
