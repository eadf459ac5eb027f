"""glossary.csv: load and validate it, find its terms in English, find its forms in translations.

The file is UTF-8 CSV with a header row. ``term`` and ``note`` are required, every other column
is a target language code (``ru``, ``kk``, ``zh``…) except the optional ``keep`` column: ``yes``
there marks a do-not-translate term (a brand such as ``CGTN``) that stays as it is in every
language, and its language cells must stay empty. A language cell may list accepted
alternatives separated by ``|`` (``Киргизия|Кыргызстан``); the first is the preferred form.
Blank lines and lines whose first cell starts with ``#`` are skipped.

```
term,ru,kk,zh,keep,note
SCO,ШОС,ШЫҰ,上合组织,,Abbreviation of Shanghai Cooperation Organization
CGTN,,,,yes,"A brand, stays CGTN"
```

Matching terms in English and finding their forms in translations is
:mod:`l10n.terms.match`.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from ..errors import GlossaryError, LanguageError
from ..languages import resolve
from ..model import Glossary, Term

REQUIRED_COLUMNS = ("term", "note")
KEEP_COLUMN = "keep"
_YES = {"yes", "y", "true", "1", "x", "keep"}
_NO = {"", "no", "n", "false", "0"}

_ACRONYM = re.compile(r"\b[A-Z](?:\.?[A-Z])+\b\.?")


def load_glossary(path: Path) -> Glossary:
    """Read and validate glossary.csv; every problem is a one-line ``GlossaryError``.

    Rows are numbered as physical lines, the header being row 1.
    """
    text = _read_text(path)
    rows = _csv_rows(text, path)
    if not rows:
        raise GlossaryError(
            "empty file — add a header row such as term,ru,kk,zh,keep,note", path=path
        )
    header_line, header = rows[0]
    languages = _check_header(header, path, header_line)
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for line, cells in rows[1:]:
        term = _parse_row(cells, header, languages, path, line)
        first = seen.setdefault(term.term.casefold(), line)
        if first != line:
            raise GlossaryError(
                f'duplicate term "{term.term}" (first on row {first}) — merge the two rows',
                path=path,
                line=line,
            )
        terms.append(term)
    return Glossary(terms=tuple(terms), path=str(path))


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise GlossaryError(
            "file not found — create it (header term,ru,kk,zh,keep,note) or set "
            "[tool.l10n] glossary",
            path=path,
        ) from err
    except OSError as err:
        raise GlossaryError(
            f"cannot read: {err.strerror or err} — check the path", path=path
        ) from err
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise GlossaryError(
            f"not UTF-8 (byte 0x{data[err.start]:02x}) — save the file as UTF-8",
            path=path,
            line=line,
        ) from err


def _csv_rows(text: str, path: Path) -> list[tuple[int, list[str]]]:
    """Non-blank, non-comment CSV records with the physical line each starts on."""
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if cells and any(c.strip() for c in cells) and not cells[0].startswith("#"):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as err:
        raise GlossaryError(
            f"malformed CSV ({err}) — check the quotes on this row", path=path, line=start
        ) from err
    return rows


def _check_header(header: list[str], path: Path, line: int) -> list[str]:
    names = [cell.strip() for cell in header]
    for name in names:
        if names.count(name) > 1:
            raise GlossaryError(f'duplicate column "{name}" — keep one', path=path, line=line)
    for name in REQUIRED_COLUMNS:
        if name not in names:
            raise GlossaryError(
                f'missing column "{name}" — the header needs term, note and language columns, '
                "e.g. term,ru,kk,zh,keep,note",
                path=path,
                line=line,
            )
    languages = [n for n in names if n not in (*REQUIRED_COLUMNS, KEEP_COLUMN)]
    if not languages:
        raise GlossaryError(
            "no language column — add at least one, e.g. ru, kk or zh", path=path, line=line
        )
    for name in languages:
        try:
            resolve(name)
        except LanguageError as err:
            raise GlossaryError(
                f'column "{name}" is not a language code — use codes such as ru, kk or zh '
                "(other columns: term, keep, note)",
                path=path,
                line=line,
            ) from err
    return languages


def _parse_row(
    cells: list[str], header: list[str], languages: list[str], path: Path, line: int
) -> Term:
    if len(cells) != len(header):
        raise GlossaryError(
            f"{len(cells)} fields, expected {len(header)} — quote cells that contain commas",
            path=path,
            line=line,
        )
    row = {name.strip(): cell.strip() for name, cell in zip(header, cells, strict=True)}
    term = row["term"]
    if not term:
        raise GlossaryError(
            "empty term — fill the term cell or delete the row", path=path, line=line
        )
    keep = _parse_keep(row.get(KEEP_COLUMN, ""), path, line)
    targets = {lang: row[lang] for lang in languages if row[lang]}
    if keep and targets:
        lang = next(iter(targets))
        raise GlossaryError(
            f'"{term}" is kept but has a {lang} form — clear keep or the {lang} cell',
            path=path,
            line=line,
        )
    for lang, cell in targets.items():
        if any(not form.strip() for form in cell.split("|")):
            raise GlossaryError(
                f'"{term}": the {lang} cell "{cell}" has an empty alternative — '
                "write forms separated by | (Киргизия|Кыргызстан)",
                path=path,
                line=line,
            )
    if not keep and not targets:
        raise GlossaryError(
            f'"{term}" has no target form — fill at least one language column or set keep to yes',
            path=path,
            line=line,
        )
    return Term(
        term=term,
        targets=targets,
        note=row["note"],
        keep=keep,
        case_sensitive=_ACRONYM.search(term) is not None or _is_proper_noun(term),
        row=line,
    )


def _is_proper_noun(term: str) -> bool:
    """One capitalised word (``China``, ``Bishkek``): its lowercase twin is another word
    (``fine china``), so it only matches as written."""
    return len(term.split()) == 1 and term[:1].isupper()


def _parse_keep(value: str, path: Path, line: int) -> bool:
    lowered = value.lower()
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    raise GlossaryError(f'keep is "{value}" — write yes or leave it empty', path=path, line=line)
