"""Which msgstr a machine wrote: a mark that survives every PO editor and ``msgmerge``.

``#.`` comments and unknown ``#,`` flags are dropped by ``msgmerge -U`` (Weblate's
add-on runs it) and by some editors; translator comments (``# …``) are kept by all of
them. So machine output carries one translator-comment line, ``# l10n-mt <digest>
<engine>``, where ``<digest>`` is a hash of the text the engine wrote. From it each run:

- regenerates the ``#. machine translation: <engine>`` label while the entry is fuzzy
  and still holds exactly that text;
- treats an entry whose text no longer matches as a translator's edit (never
  replaced by ``--retranslate``), and drops the mark and the label;
- drops both once the entry is approved (no ``fuzzy`` flag): the text is the reviewer's.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from ..model import Entry

MT_PREFIX = "machine translation: "
"""Provenance of a msgstr that an MT engine wrote and nobody has approved yet."""
MARK = "l10n-mt"
REPLACED_PREFIX = "l10n: replaced by --retranslate: "
"""Translator-comment line that keeps fuzzy text ``--retranslate`` replaced (old catalogs
without a mark, where l10n cannot tell an edit from machine output)."""
_MARK_LINE = re.compile(rf"^{MARK} ([0-9a-f]{{8}})(?: (.*))?$")


def digest(text: str) -> str:
    """The short hash a mark stores of the machine's text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def mark_line(text: str, engine: str) -> str:
    """The translator-comment line that marks ``text`` as written by ``engine``."""
    return f"{MARK} {digest(text)} {engine}".rstrip()


def machine_mark(entry: Entry) -> tuple[str, str] | None:
    """(digest, engine) of the entry's mark, or None when it has none."""
    for line in entry.translator_comments.split("\n"):
        found = _MARK_LINE.match(line)
        if found:
            return found.group(1), found.group(2) or ""
    return None


def with_mark(entry: Entry, text: str, engine: str) -> Entry:
    """``entry`` with a (new) mark for machine ``text``."""
    lines = _unmarked(entry.translator_comments)
    return replace(entry, translator_comments="\n".join([*lines, mark_line(text, engine)]))


def without_mark(entry: Entry) -> Entry:
    """``entry`` without its mark (unchanged when it has none)."""
    if machine_mark(entry) is None:
        return entry
    return replace(entry, translator_comments="\n".join(_unmarked(entry.translator_comments)))


def _unmarked(comments: str) -> list[str]:
    return [line for line in comments.split("\n") if comments and not _MARK_LINE.match(line)]


def untouched_machine_output(entry: Entry) -> bool:
    """Fuzzy and still exactly the text the mark describes."""
    mark = machine_mark(entry)
    return (
        mark is not None and entry.fuzzy and bool(entry.msgstr) and mark[0] == digest(entry.msgstr)
    )


def translator_text(comments: str) -> str:
    """Translator comments without l10n's own mark: what a person wrote."""
    return "\n".join(_unmarked(comments))


def refreshed(entry: Entry, lines: list[str]) -> tuple[Entry, list[str]]:
    """``entry`` and its provenance ``lines`` made true for the msgstr it holds now.

    Untouched machine output gets its label back (``msgmerge`` drops ``#.`` lines); an
    approved, emptied or edited entry loses mark and label.
    """
    if untouched_machine_output(entry):
        if not any(line.startswith(MT_PREFIX) for line in lines):
            engine = machine_mark(entry) or ("", "")
            lines = [MT_PREFIX + (engine[1] or "unknown engine"), *lines]
        return entry, lines
    if machine_mark(entry) is not None or (entry.msgstr and not entry.fuzzy):
        return without_mark(entry), [line for line in lines if not line.startswith(MT_PREFIX)]
    return entry, lines
