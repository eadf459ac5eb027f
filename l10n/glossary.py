"""glossary.csv: load and validate it, find its terms in English, find its forms in translations.

The file is UTF-8 CSV with a header row. ``term`` and ``note`` are required, every other column
is a target language code (``ru``, ``kk``, ``zh``…) except the optional ``keep`` column: ``yes``
there marks a do-not-translate term (a brand such as ``CGTN``) that stays as it is in every
language, and its language cells must stay empty. Blank lines and lines whose first cell starts
with ``#`` are skipped.

```
term,ru,kk,zh,keep,note
SCO,ШОС,ШЫҰ,上合组织,,Abbreviation of Shanghai Cooperation Organization
CGTN,,,,yes,"A brand, stays CGTN"
```

Matching rules (:func:`find_terms`): a term containing an acronym (a word of two or more
capitals: ``SCO``, ``U.S.``) or that is one capitalised word (``China``: not ``fine china``)
is matched case-sensitively; in other terms the first letter of each word may be either
case. Spaces and hyphens between words are interchangeable (``Confidence Building``/
``Confidence-Building``), dashes and apostrophes match their typographic variants. A match
ends before a possessive ``'s``. Hyphenated compounds: a name joined to another capitalised
word (``China-Central Asia``, ``Kazakhstan-China``) still matches, but not one joined to a
lowercase word (``China-invested``, ``pro-China``), whose translation is a different word.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import GlossaryError, LanguageError
from .languages import resolve
from .model import Glossary, Term

REQUIRED_COLUMNS = ("term", "note")
KEEP_COLUMN = "keep"
_YES = {"yes", "y", "true", "1", "x", "keep"}
_NO = {"", "no", "n", "false", "0"}

_DASHES = "-‐‑‒–—―−－"
_APOSTROPHES = "'’ʼ‘`"
_ACRONYM = re.compile(r"\b[A-Z](?:\.?[A-Z])+\b\.?")


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a glossary term in an English text (``text[start:end] == matched``)."""

    term: Term
    start: int
    end: int
    matched: str


# --------------------------------------------------------------------------- loading


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


# --------------------------------------------------------------------------- English matching


def find_terms(text: str, glossary: Glossary) -> list[TermMatch]:
    """Glossary terms in ``text``, in text order, non-overlapping, longest match first."""
    candidates = [
        TermMatch(term, m.start(), m.end(), m.group())
        for term in glossary.terms
        for m in _term_pattern(term.term, term.case_sensitive).finditer(text)
        if _standalone(text, m.start(), m.end())
    ]
    candidates.sort(key=lambda c: (-(c.end - c.start), c.start))
    chosen: list[TermMatch] = []
    for cand in candidates:
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _term_pattern(term: str, case_sensitive: bool) -> re.Pattern[str]:
    """A regex for an English term (``re`` caches the compiled patterns)."""
    parts: list[str] = []
    words = re.split(rf"(\s+|\s*[{_DASHES}]\s*)", term)
    for i, piece in enumerate(words):
        if i % 2:
            parts.append(rf"(?:\s*[{_DASHES}]\s*|\s+)")
        else:
            parts.append(_word_pattern(piece, case_sensitive))
    return re.compile("".join(parts))


def _word_pattern(word: str, case_sensitive: bool) -> str:
    out: list[str] = []
    for i, char in enumerate(word):
        if char in _APOSTROPHES:
            out.append(f"[{_APOSTROPHES}]")
        elif i == 0 and not case_sensitive and char.lower() != char.upper():
            out.append(f"[{re.escape(char.upper())}{re.escape(char.lower())}]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _standalone(text: str, start: int, end: int) -> bool:
    """No letter or digit glued on; across a hyphen only another capitalised word."""
    before, after = text[:start], text[end:]
    if (before and before[-1].isalnum()) or (after and after[0].isalnum()):
        return False
    if before and before[-1] in _DASHES:
        word = re.search(r"(\w+)$", before[:-1])
        if word is not None and not word.group(1)[0].isupper():
            return False
    if after and after[0] in _DASHES:
        word = re.match(r"\w+", after[1:])
        if word is not None and not word.group()[0].isupper():
            return False
    return True


# --------------------------------------------------------------------------- target forms

_CYRILLIC_ENDINGS = "а-яёәғқңөұүһі"
# Russian inflectional endings stripped from a base form to get its stem, longest first.
_RU_ENDINGS = tuple("ая яя ое ее ый ий ой ые ие ия ья а я о е ь й ы и у ю".split())  # noqa: SIM905
_SLAVIC = ("ru", "uk", "be")
_TURKIC = ("kk", "ky", "tt", "ba")  # agglutinative: the base word stays, suffixes follow
_KK_SOFTENING = {"к": "[кг]", "қ": "[қғ]", "п": "[пб]"}
_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"
_QUOTES = "«»“”„\"'‘’「」『』"


def target_form(term: Term, lang: str) -> str | None:
    """The form ``term`` must take in ``lang`` (``zh_Hans`` falls back to ``zh``), or None."""
    return term.target(lang) or term.target(base_language(lang))


def base_language(lang: str) -> str:
    """``zh_Hans``, ``zh-CN`` → ``zh``: the language part of a code, lowercased."""
    return lang.replace("-", "_").split("_")[0].lower()


def target_present(term: Term, lang: str, text: str) -> str | None:
    """The form of ``term``'s ``lang`` target found in ``text`` (inflected in ru/kk), or None.

    Russian: each word's stem plus an ending (``Шанхайской организации``, ``ШОС-а``). Kazakh:
    each word plus suffixes (``ШЫҰ-ның``, ``Бішкекке``). Chinese and other languages: the exact
    form, up to quote, dash and middle-dot variants.
    """
    target = target_form(term, lang)
    if not target:
        return None
    found = _form_pattern(target, base_language(lang)).search(text)
    return found.group().strip() if found else None


def _form_pattern(target: str, lang: str) -> re.Pattern[str]:
    if lang == "zh" or re.search(_CJK, target):
        return re.compile(_exact_form(target))
    pieces = re.split(rf"(\s*[{_DASHES}]\s*|\s+|[{_QUOTES}])", target)
    parts = []
    for i, piece in enumerate(pieces):
        if i % 2:
            parts.append(_separator(piece))
        elif piece:
            parts.append(_inflected(piece, lang))
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)")


def _separator(piece: str) -> str:
    if piece.strip() and piece.strip() in _QUOTES:
        return rf"\s*[{_QUOTES}]?\s*"
    if piece.strip():
        return rf"\s*[{_DASHES}]\s*"
    return r"\s+"


def _exact_form(target: str) -> str:
    out = []
    for char in target:
        if char in _QUOTES:
            out.append(f"[{_QUOTES}]?")
        elif char in _DASHES:
            out.append(rf"\s*[{_DASHES}]{{0,2}}\s*")
        elif char in "()（）":
            out.append(r"\s*[(（]\s*" if char in "(（" else r"\s*[)）]\s*")
        elif char in "·•・‧･.":
            out.append(r"[·•・‧･.]?")
        elif char.isspace():
            out.append(r"\s*")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _inflected(word: str, lang: str) -> str:
    """A word of a target form followed by the endings it may take in ``lang``."""
    if lang not in _SLAVIC + _TURKIC or not word.isalpha():
        return _first_letter_either_case(re.escape(word), word)
    if word.isupper() and len(word) > 1:  # an acronym: ШОС-а, ШОСа, ШЫҰ-ның
        return re.escape(word) + rf"(?:-?[{_CYRILLIC_ENDINGS}]{{1,6}})?"
    if lang in _TURKIC:
        body = re.escape(word[:-1]) + _KK_SOFTENING.get(word[-1], re.escape(word[-1]))
        return _first_letter_either_case(body, word) + rf"[{_CYRILLIC_ENDINGS}]{{0,9}}"
    stem = _ru_stem(word)
    return _first_letter_either_case(re.escape(stem), word) + rf"[{_CYRILLIC_ENDINGS}]{{0,4}}"


def _ru_stem(word: str) -> str:
    for ending in _RU_ENDINGS:
        if word.lower().endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _first_letter_either_case(pattern: str, word: str) -> str:
    first = word[0]
    if first.lower() == first.upper() or not pattern.startswith(re.escape(first)):
        return pattern
    rest = pattern[len(re.escape(first)) :]
    return f"[{first.upper()}{first.lower()}]" + rest
