"""Translation memory: approved translations from every catalog, in SQLite (TMX in ``tmx``).

Only approved entries (non-empty msgstr, not fuzzy) are stored, keyed by language and a
normalised source (whitespace folded, curly quotes straightened). Catalog units are
re-read when a catalog's size or mtime changes; units imported from TMX (OmegaT, Trados…)
are kept until the next ``import_tmx`` of the same file (same full path: ``a/memory.tmx``
and ``b/memory.tmx`` are two files).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import TMError
from ..model import Catalog, Translation
from ..po.io import read_catalog

if TYPE_CHECKING:
    from .tmx import TmxRow

_SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    lang TEXT NOT NULL, norm TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    origin TEXT NOT NULL, updated TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS units_lookup ON units (lang, norm);
CREATE TABLE IF NOT EXISTS catalogs (
    path TEXT PRIMARY KEY, lang TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL);
"""
_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"}
)


def normalise(text: str) -> str:
    """The lookup key of a source text: whitespace folded, curly/straight quotes unified."""
    return " ".join(text.translate(_QUOTES).split())


class TranslationMemory:
    """The SQLite translation memory at ``path`` (created on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise TMError(
                f"cannot create its folder: {err.strerror or err} — check [tool.l10n] memory",
                path=self.path,
            ) from err
        try:
            with closing(sqlite3.connect(self.path, timeout=30)) as db, db:
                db.executescript(_SCHEMA)
                yield db
        except sqlite3.OperationalError as err:
            if "locked" not in str(err):
                raise TMError(
                    f"not a usable translation memory: {err} — delete the file, it "
                    "is rebuilt from the catalogs",
                    path=self.path,
                ) from err
            raise TMError(
                "busy: another l10n command is using the translation memory — try again",
                path=self.path,
            ) from err
        except sqlite3.DatabaseError as err:
            raise TMError(
                f"not a usable translation memory: {err} — delete the file, it "
                "is rebuilt from the catalogs",
                path=self.path,
            ) from err

    def rebuild(self, catalog_paths: Mapping[str, Sequence[Path]]) -> int:
        """Forget every catalog unit and read the catalogs again; return units stored."""
        with self._connect() as db:
            db.execute("DELETE FROM units WHERE origin NOT LIKE 'tmx:%'")
            db.execute("DELETE FROM catalogs")
        return self._load(catalog_paths, force=True)

    def refresh(self, catalog_paths: Mapping[str, Sequence[Path]]) -> int:
        """Re-read the catalogs that changed since last time; return units stored.

        Catalogs of a listed language that are no longer listed lose their units.
        """
        return self._load(catalog_paths, force=False)

    def _load(self, catalog_paths: Mapping[str, Sequence[Path]], *, force: bool) -> int:
        stored = 0
        with self._connect() as db:
            known = {
                row[0]: (row[1], row[2])
                for row in db.execute("SELECT path, size, mtime_ns FROM catalogs")
            }
            for lang, paths in catalog_paths.items():
                listed = {str(path) for path in paths}
                for gone in _catalogs_of(db, lang) - listed:  # deleted or renamed catalogs
                    _reload(db, lang, Path(gone), None)
                for path in paths:
                    state = _state(path)
                    if force or known.get(str(path)) != state:
                        stored += _reload(db, lang, path, state)
        return stored

    def record(self, lang: str, written: Mapping[Path, Catalog]) -> None:
        """Take the units of catalogs just written in this process, without reading them
        again: the next :meth:`refresh` then skips them (their size and mtime are known)."""
        with self._connect() as db:
            for path, catalog in written.items():
                _store(db, lang, path, _state(path), catalog)

    def lookup(self, lang: str, sources: Sequence[str]) -> dict[str, Translation]:
        """Approved translations for ``sources`` in ``lang`` (newest first wins), origin "tm".

        They come back fuzzy: an approved sentence from another article still deserves a
        look in its new context.
        """
        found: dict[str, Translation] = {}
        with self._connect() as db:
            for source in sources:
                row = db.execute(
                    "SELECT target, origin FROM units WHERE norm = ? AND (lang = ? OR lang "
                    "LIKE ? ESCAPE '!') ORDER BY updated DESC, rowid DESC LIMIT 1",
                    (normalise(source), lang, _like_prefix(lang)),
                ).fetchone()
                if row:
                    found[source] = Translation(
                        source=source, target=row[0], origin="tm", engine=_shown(row[1]), fuzzy=True
                    )
        return found

    def units(self, langs: Sequence[str]) -> list[TmxRow]:
        """The distinct units of ``langs`` as TMX export lists them."""
        with self._connect() as db:
            return [
                row
                for lang in langs
                for row in db.execute(
                    "SELECT lang, source, target, MAX(updated) FROM units WHERE lang = ?"
                    " GROUP BY lang, source, target ORDER BY norm, target",
                    (lang,),
                )
            ]

    def export_tmx(self, path: Path, langs: Sequence[str], *, version: str = "") -> int:
        """Write the distinct units of ``langs`` to a TMX 1.4b file; return how many.

        ``version`` is the tool's version for the header's ``creationtoolversion``.
        """
        from .tmx import write_tmx  # xml.sax.saxutils pulls in urllib.request: ~50 ms

        rows = self.units(langs)
        write_tmx(path, rows, version=version)
        return len(rows)

    def verify(self) -> None:
        """Raise ``TMError`` when the memory file exists but is not a sound SQLite database
        (checked before a run writes anything)."""
        if not self.path.exists():
            return
        with self._connect() as db:
            problem = db.execute("PRAGMA quick_check").fetchone()[0]
        if problem != "ok":
            raise TMError(
                f"not a usable translation memory: {problem} — delete the file, it is "
                "rebuilt from the catalogs",
                path=self.path,
            )

    def import_tmx(self, path: Path, data: bytes | None = None) -> int:
        """Add the units of a TMX file (replacing an earlier import of the same file, by
        its full path; ``data`` read from standard input is keyed by its content); return
        how many."""
        from .tmx import read_tmx

        units = read_tmx(path, data)
        if data is None:
            origin, when = f"tmx:{path.resolve()}", path.stat().st_mtime
        else:
            origin = f"tmx:stdin:{hashlib.sha256(data).hexdigest()[:16]}"
            when = datetime.now(timezone.utc).timestamp()
        with self._connect() as db:
            db.execute("DELETE FROM units WHERE origin = ?", (origin,))
            now = _mtime(when)
            count = 0
            for lang, pairs in _by_lang(units).items():
                count += _insert(db, lang, pairs, origin, now)
        return count


def _shown(origin: str) -> str:
    """An origin as PO comments cite it: a TMX import by its file name, not its full path."""
    return "tmx:" + Path(origin[4:]).name if origin.startswith("tmx:") else origin


def _catalogs_of(db: sqlite3.Connection, lang: str) -> set[str]:
    return {row[0] for row in db.execute("SELECT path FROM catalogs WHERE lang = ?", (lang,))}


def _state(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_size, stat.st_mtime_ns)


def _reload(db: sqlite3.Connection, lang: str, path: Path, state: tuple[int, int] | None) -> int:
    """Replace the units of one catalog; a missing catalog just loses its units."""
    return _store(db, lang, path, state, read_catalog(path) if state else None)


def _store(
    db: sqlite3.Connection,
    lang: str,
    path: Path,
    state: tuple[int, int] | None,
    catalog: Catalog | None,
) -> int:
    """Replace the units of the catalog at ``path`` by the approved entries of ``catalog``."""
    db.execute("DELETE FROM units WHERE origin = ?", (str(path),))
    db.execute("DELETE FROM catalogs WHERE path = ?", (str(path),))
    if catalog is None or state is None:
        return 0
    pairs = [
        (e.msgid, e.msgstr)
        for e in catalog
        if not e.obsolete and e.msgid and e.msgstr and not e.fuzzy
    ]
    stored = _insert(db, lang, pairs, str(path), _mtime(state[1] / 1e9))
    db.execute("INSERT INTO catalogs VALUES (?, ?, ?, ?)", (str(path), lang, *state))
    return stored


def _like_prefix(lang: str) -> str:
    return lang.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "!_%"


def _mtime(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="microseconds")


def _insert(
    db: sqlite3.Connection, lang: str, pairs: Sequence[tuple[str, str]], origin: str, updated: str
) -> int:
    db.executemany(
        "INSERT INTO units VALUES (?, ?, ?, ?, ?, ?)",
        [(lang, normalise(s), s, t, origin, updated) for s, t in pairs],
    )
    return len(pairs)


def _by_lang(units: Sequence[tuple[str, str, str]]) -> dict[str, list[tuple[str, str]]]:
    grouped: dict[str, list[tuple[str, str]]] = {}
    for lang, source, target in units:
        grouped.setdefault(lang, []).append((source, target))
    return grouped
