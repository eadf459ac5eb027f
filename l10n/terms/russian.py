"""Russian forms of glossary targets, from the OpenCorpora dictionary (pymorphy3).

A word of a target form matches a word of a translation when the two share a lemma under
any of their parses (``Шанхайская`` ~ ``Шанхайской``: both ``шанхайский``; ``Токаевым`` is
a form of the surname ``Токаев`` among its parses, though ``Токаев`` itself also parses as
the genitive plural of ``токай``). An acronym (``ШОС``) matches as written, with an ending
glued on or after a hyphen (``ШОСа``, ``ШОС-а``). The dictionary is loaded on first use, by
the :class:`RussianForms` instance that needs it (about 0.1 s), never at import.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[^\W\d_]+")
_ENDING = re.compile(r"-?[а-яё]{1,6}")
_DASHES = "-‐‑‒–—―−－"
_QUOTES = "«»“”„\"'‘’「」『』"
_RU_ENDINGS = (
    "ая",
    "яя",
    "ое",
    "ее",
    "ый",
    "ий",
    "ой",
    "ые",
    "ие",
    "ия",
    "ья",
    "а",
    "я",
    "о",
    "е",
    "ь",
    "й",
    "ы",
    "и",
    "у",
    "ю",
)


class RussianForms:
    """Finds a Russian target form, in any case and number, in a text."""

    def __init__(self) -> None:
        self._analyzer: Any = None
        self._missing = False
        self._lemmas: dict[str, frozenset[str]] = {}

    def available(self) -> bool:
        """Whether pymorphy3 and its Russian dictionary are installed (tried once)."""
        if self._analyzer is None and not self._missing:
            try:
                self._load()
            except ImportError:
                self._missing = True
        return not self._missing

    def _load(self) -> Any:
        if self._analyzer is None:
            import pymorphy3

            self._analyzer = pymorphy3.MorphAnalyzer(lang="ru")
        return self._analyzer

    def lemmas(self, word: str) -> frozenset[str]:
        """The word itself (lowercased) and the normal form of every parse of it."""
        key = word.lower()
        found = self._lemmas.get(key)
        if found is None:
            parses = self._load().parse(key)
            found = frozenset({key, *(p.normal_form.replace("ё", "е") for p in parses)})
            self._lemmas[key] = found
        return found

    def search(self, target: str, text: str) -> str | None:
        """The first span of ``text`` holding ``target`` inflected, or None."""
        words, gaps, quoted_head, quoted_tail = _parsed(target)
        if not words:
            return None
        tokens = list(_WORD.finditer(text))
        for i in range(len(tokens) - len(words) + 1):
            end = self._match_at(words, gaps, tokens, i, text)
            if end is None:
                continue
            start = tokens[i].start()
            if quoted_head and start and text[start - 1] in _QUOTES:
                start -= 1
            if quoted_tail and text[end : end + 1] and text[end] in _QUOTES:
                end += 1
            return text[start:end]
        return None

    def _match_at(
        self,
        words: list[str],
        gaps: list[re.Pattern[str]],
        tokens: list[re.Match[str]],
        i: int,
        text: str,
    ) -> int | None:
        end: int | None = tokens[i].start()
        for k, word in enumerate(words):
            token = tokens[i + k]
            if end is None or (k and not gaps[k - 1].fullmatch(text, end, token.start())):
                return None
            end = self._word_end(word, token, text)
        return end

    def _word_end(self, word: str, token: re.Match[str], text: str) -> int | None:
        """Where ``token`` ends as a form of ``word`` (with an acronym's ending), or None."""
        found = token.group()
        if word.isupper() and len(word) > 1:
            if found == word:
                ending = _ENDING.match(text, token.end())
                glued = ending is not None and ending.group().startswith("-")
                return ending.end() if glued and ending is not None else token.end()
            rest = found[len(word) :]
            ok = found.startswith(word) and rest.islower() and len(rest) <= 6
            return token.end() if ok else None
        if found.lower() == word.lower() or self.lemmas(word) & self.lemmas(found):
            return token.end()
        if not self.known(word) and _stem_match(word, found):
            return token.end()
        return None

    def known(self, word: str) -> bool:
        """Whether the dictionary lists ``word`` (else its parses are guesses)."""
        return bool(self._load().word_is_known(word.lower()))


def _stem_match(word: str, found: str) -> bool:
    """For a name the dictionary lacks (``Сиань``): its stem plus a short ending (``Сиане``).

    The dictionary's guesses for unknown words are unreliable (``Сиане`` → ``сиана``).
    """
    stem = word.lower()
    for ending in _RU_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            stem = stem[: -len(ending)]
            break
    lowered = found.lower()
    return lowered.startswith(stem) and len(lowered) - len(stem) <= 4


@lru_cache(maxsize=1024)
def _parsed(target: str) -> tuple[list[str], list[re.Pattern[str]], bool, bool]:
    """A target form's words, the gap patterns between them, and whether quotes open/close it."""
    pieces = _WORD.split(target)
    quoted_head = any(c in _QUOTES for c in pieces[0])
    quoted_tail = any(c in _QUOTES for c in pieces[-1])
    return _WORD.findall(target), _gap_patterns(pieces), quoted_head, quoted_tail


def _gap_patterns(pieces: list[str]) -> list[re.Pattern[str]]:
    """For each space between two words of a target, what may stand there in a text."""
    patterns = []
    for gap in pieces[1:-1]:
        if any(c in _QUOTES for c in gap):
            patterns.append(re.compile(rf"\s*[{_QUOTES}]?\s*"))
        elif any(c in _DASHES for c in gap):
            patterns.append(re.compile(rf"\s*[{_DASHES}]{{1,2}}\s*"))
        else:
            patterns.append(re.compile(r"\s+"))
    return patterns
