"""Find glossary terms in English text and their target forms in translations.

Matching rules (:func:`find_terms`): a term containing an acronym (a word of two or more
capitals: ``SCO``, ``U.S.``) or that is one capitalised word (``China``: not ``fine china``)
is matched case-sensitively; in other terms the first letter of each word may be either
case. Spaces and hyphens between words are interchangeable (``Confidence Building``/
``Confidence-Building``), dashes and apostrophes match their typographic variants. A match
ends before a possessive ``'s``. Hyphenated compounds: a name joined to another capitalised
word (``China-Central Asia``, ``Kazakhstan-China``) still matches, but not one joined to a
lowercase word (``China-invested``, ``pro-China``), whose translation is a different word.
A term ending in a lowercase word also matches its plural (``U.S. dollar``/``U.S. dollars``),
so a row for a longer phrase takes precedence over the term inside it (``U.S.``).

A glossary cell may name alternatives, ``Киргизия|Кыргызстан``: the first is the form
enforcement writes, any of them satisfies the glossary check (:func:`target_forms`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..languages import SLAVIC_LANGUAGES, TURKIC_LANGUAGES, base_language, column_keys
from ..model import Glossary, Language, Term
from ..patterns import CJK
from .russian import RussianForms

_DASHES = "-‐‑‒–—―−－"
_APOSTROPHES = "'’ʼ‘`"


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a glossary term in an English text (``text[start:end] == matched``)."""

    term: Term
    start: int
    end: int
    matched: str


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


@lru_cache(maxsize=2048)
def _term_pattern(term: str, case_sensitive: bool) -> re.Pattern[str]:
    """A regex for an English term; a last lowercase word may take a plural ``s``."""
    parts: list[str] = []
    words = re.split(rf"(\s+|\s*[{_DASHES}]\s*)", term)
    for i, piece in enumerate(words):
        if i % 2:
            parts.append(rf"(?:\s*[{_DASHES}]\s*|\s+)")
        else:
            parts.append(_word_pattern(piece, case_sensitive))
    if re.fullmatch(r"[a-z]{3,}", words[-1]):
        parts.append("(?:e?s)?")  # a plural: "U.S. dollar" matches "U.S. dollars"
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
_KK_SOFTENING = {"к": "[кг]", "қ": "[қғ]", "п": "[пб]"}
_QUOTES = "«»“”„\"'‘’「」『』"


ALTERNATIVE = "|"
"""Separates accepted forms in a glossary cell: ``Киргизия|Кыргызстан`` (the first is used)."""


def target_forms(term: Term, lang: str | Language) -> tuple[str, ...]:
    """Every accepted form of ``term`` in ``lang``, the preferred one first; () when none.

    ``lang`` is a code (``zh_Hans`` falls back to a ``zh`` column) or a configured
    ``Language``; :func:`l10n.languages.column_keys` says which columns serve it. A cell
    may list alternatives separated by ``|``: ``Киргизия|Кыргызстан``.
    """
    for key in column_keys(lang):
        cell = term.target(key)
        if cell:
            return tuple(f.strip() for f in cell.split(ALTERNATIVE) if f.strip()) or (cell,)
    return ()


def target_form(term: Term, lang: str | Language) -> str | None:
    """The form ``term`` must take in ``lang`` (the first of its alternatives), or None."""
    forms = target_forms(term, lang)
    return forms[0] if forms else None


_FOUND_MAX = 50_000
"""Lookups a :class:`TermForms` remembers before it starts afresh."""


class TermForms:
    """Finds target forms in translations; holds what it loads (the Russian dictionary).

    Make one per run (checks, enforcement) and pass it around: the dictionary is loaded
    once, on the first Russian lookup, and only then.
    """

    def __init__(self) -> None:
        self._russian: RussianForms | None = None
        self._found: dict[tuple[str, str, str], str | None] = {}

    def russian(self) -> RussianForms | None:
        """The dictionary matcher, or None when pymorphy3 is not installed."""
        if self._russian is None:
            self._russian = RussianForms()
        return self._russian if self._russian.available() else None

    def find(self, form: str, lang: str, text: str) -> str | None:
        """``form`` (one target form) as found in ``text`` in ``lang``, or None.

        Remembered: a run asks for the same translation's forms when it picks a
        hypothesis, writes its notes and refreshes them before writing the catalog.
        """
        key = (form, lang, text)
        if key not in self._found:
            if len(self._found) >= _FOUND_MAX:
                self._found.clear()  # a run over thousands of articles stays flat
            self._found[key] = self._search(form, lang, text)
        return self._found[key]

    def _search(self, form: str, lang: str, text: str) -> str | None:
        if lang == "ru" and not re.search(f"[{CJK}]", form):
            russian = self.russian()
            if russian is not None:
                return russian.search(form, text)
        found = _form_pattern(form, lang).search(text)
        return found.group().strip() if found else None


def target_present(
    term: Term, lang: str | Language, text: str, forms: TermForms | None = None
) -> str | None:
    """The form of ``term``'s ``lang`` target found in ``text`` (inflected in ru/kk), or None.

    Any alternative of the cell counts. Russian: any case and number, by the OpenCorpora
    dictionary (:mod:`l10n.terms.russian`; suffix rules when pymorphy3 is missing). Kazakh:
    each word plus suffixes (``ШЫҰ-ның``, ``Бішкекке``). Chinese and other languages: the
    exact form, up to quote, dash and middle-dot variants. Pass one ``forms`` per run.
    """
    code = base_language(lang if isinstance(lang, str) else lang.locale)
    finder = forms or TermForms()
    for form in target_forms(term, lang):
        found = finder.find(form, code, text)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=4096)
def _form_pattern(target: str, lang: str) -> re.Pattern[str]:
    if lang == "zh" or re.search(f"[{CJK}]", target):
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
    if lang not in SLAVIC_LANGUAGES + TURKIC_LANGUAGES or not word.isalpha():
        return _first_letter_either_case(re.escape(word), word)
    if word.isupper() and len(word) > 1:  # an acronym: ШОС-а, ШОСа, ШЫҰ-ның
        return re.escape(word) + rf"(?:-?[{_CYRILLIC_ENDINGS}]{{1,6}})?"
    if lang in TURKIC_LANGUAGES:
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
