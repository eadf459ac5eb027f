"""Segments and translations <-> polib entries; headers from Babel/CLDR.

An entry's ``#.`` lines are of two sorts: the block kind (``paragraph``…) that the
template regenerates on every merge, and *provenance* lines that describe the msgstr
(``machine translation: <engine>``, ``translation memory: <file>``, glossary notes,
suggestions). Provenance travels with the msgstr it describes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any, get_args

import polib

from .model import BlockKind, Document, Language, Segment, Translation

MT_PREFIX = "machine translation: "
"""Provenance of a msgstr that an MT engine wrote and nobody has approved yet."""
TM_PREFIX = "translation memory: "
"""Provenance of a msgstr copied from an approved translation in another catalog."""
PREVIOUS_MT_PREFIX = "previous machine translation, of the old text: "
"""Unapproved MT of an edited segment's old text, kept in a comment when re-translating."""
REPLACED_MT_PREFIX = "machine translation replaced by --retranslate: "
"""Fuzzy output that ``--retranslate`` replaced, kept when the new output differs: a
translator may have edited it without clearing the fuzzy flag."""
SUGGESTION_PREFIX = "suggestion"
"""A translation offered in a comment because the msgstr holds a human's work."""
PART_PREFIX = "suggestion (translation of an earlier sentence this text was part of): "
"""A reviewed translation of an old sentence that was split or joined into this one."""

BLOCK_KINDS = frozenset(get_args(BlockKind))

TEMPLATE_HEADERS = (
    ("Project-Id-Version", ""),
    ("Report-Msgid-Bugs-To", ""),
    ("POT-Creation-Date", ""),
    ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
    ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
    ("Language-Team", "LANGUAGE <LL@li.org>"),
    ("Language", ""),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "8bit"),
    ("X-Generator", ""),
)


def timestamp(now: datetime | None = None) -> str:
    """A date in gettext's header format, e.g. ``2026-11-29 05:55+0000``."""
    return (now or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M%z")


def build_template(document: Document, segments: Sequence[Segment], *, version: str) -> Any:
    """The POT for ``document``: one entry per distinct translatable segment text.

    msgid is the text itself (never a position key); ``#:`` lists every source line where
    the text occurs; ``#.`` names the block kind.
    """
    pot = polib.POFile(wrapwidth=79)
    pot.metadata = dict(TEMPLATE_HEADERS)
    pot.metadata.update(
        {
            "Project-Id-Version": document.domain,
            "POT-Creation-Date": timestamp(),
            "X-Generator": f"l10n {version}",
        }
    )
    pot.metadata_is_fuzzy = ["fuzzy"]
    by_text: dict[str, Any] = {}
    for segment in segments:
        if not segment.translatable or not segment.text:
            continue
        lines = segment.references or (segment.line,)
        entry = by_text.get(segment.text)
        if entry is None:
            entry = polib.POEntry(msgid=segment.text, msgstr="", comment=segment.kind)
            by_text[segment.text] = entry
            pot.append(entry)
        for line in lines:
            occurrence = (document.name, str(line))
            if occurrence not in entry.occurrences:
                entry.occurrences.append(occurrence)
    return pot


def plural_forms(language: Language) -> str:
    """The ``Plural-Forms`` header from CLDR (gettext itself knows none for kk or zh)."""
    from babel.messages.plurals import get_plural

    plural = get_plural(language.locale)
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"


def new_catalog(template: Any, language: Language) -> Any:
    """An empty PO for ``language`` from ``template`` (what ``msginit`` would make)."""
    catalog = polib.POFile(wrapwidth=79)
    catalog.metadata = dict(template.metadata)
    catalog.metadata.update(language_headers(language))
    catalog.metadata["PO-Revision-Date"] = template.metadata.get("POT-Creation-Date", "")
    catalog.metadata["Last-Translator"] = "Automatically generated"
    for entry in template:
        catalog.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgstr="",
                comment=entry.comment,
                occurrences=list(entry.occurrences),
            )
        )
    return catalog


def language_headers(language: Language) -> dict[str, str]:
    """``Language``, ``Language-Team`` (native name) and ``Plural-Forms`` for a catalog."""
    return {
        "Language-Team": language.native_name or language.english_name or language.locale,
        "Language": language.locale,
        "Plural-Forms": plural_forms(language),
    }


def template_comments(comment: str) -> list[str]:
    """The ``#.`` lines that the template owns (the block kind)."""
    return [line for line in comment.split("\n") if line in BLOCK_KINDS]


def provenance(comment: str) -> list[str]:
    """The ``#.`` lines that describe the msgstr (everything but the block kind)."""
    return [line for line in comment.split("\n") if line and line not in BLOCK_KINDS]


def is_machine(entry: Any) -> bool:
    """Unapproved machine output: fuzzy, MT provenance, not inherited from an older msgid."""
    return (
        bool(entry.msgstr)
        and entry.fuzzy
        and not entry.previous_msgid
        and any(line.startswith(MT_PREFIX) for line in provenance(entry.comment))
    )


def has_translation(entry: Any) -> bool:
    """Whether ``entry`` holds a translation: a msgstr, or any ``msgstr[n]`` of a plural."""
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def is_human(entry: Any) -> bool:
    """An approved translation: a non-empty msgstr without the fuzzy flag."""
    return bool(entry.msgstr) and not entry.fuzzy


def apply_translations(
    catalog: Any, translations: Mapping[str, Translation], replace: Collection[str] = ()
) -> int:
    """Put proposed translations into ``catalog``; return how many entries changed.

    An empty msgstr receives the translation (fuzzy unless the Translation says otherwise)
    with a provenance comment; so does machine output whose msgid is in ``replace``
    (``--retranslate``), the old output staying in a comment when it differs. Any other
    non-empty msgstr is a human's work (an approved translation, or an old one kept as a
    fuzzy suggestion after the English changed): it is never replaced, and the proposal
    is offered in a ``#. suggestion`` comment instead.
    """
    changed = 0
    for entry in catalog:
        found = translations.get(entry.msgid)
        if entry.obsolete or found is None or not found.target or is_human(entry):
            continue
        lines = provenance(entry.comment)
        if entry.msgstr and not (entry.msgid in replace and is_machine(entry)):
            note = f"{SUGGESTION_PREFIX} ({_source_of(found)}): {found.target}"
            if note in lines:
                continue
            lines.append(note)
        else:
            lines = _fill(entry, found, lines)
        entry.comment = "\n".join(template_comments(entry.comment) + lines)
        changed += 1
    return changed


def _fill(entry: Any, found: Translation, lines: list[str]) -> list[str]:
    """Put ``found`` into ``entry``'s msgstr; return its new provenance lines."""
    kept = [
        line
        for line in lines
        if line.startswith((PREVIOUS_MT_PREFIX, REPLACED_MT_PREFIX, PART_PREFIX))
    ]
    if entry.msgstr and entry.msgstr != found.target:
        note = REPLACED_MT_PREFIX + entry.msgstr
        kept += [] if note in kept else [note]
    entry.msgstr = found.target
    entry.flags = [f for f in entry.flags if f != "fuzzy"]
    if found.fuzzy:
        entry.flags.insert(0, "fuzzy")
    return [_provenance_line(found), *found.comments, *kept]


def _source_of(found: Translation) -> str:
    if found.origin == "tm":
        return f"translation memory, {found.engine}" if found.engine else "translation memory"
    return found.engine or found.origin


def _provenance_line(found: Translation) -> str:
    if found.origin == "tm":
        return TM_PREFIX + (found.engine or "unknown")
    if found.origin == "mt":
        return MT_PREFIX + (found.engine or "unknown engine")
    return f"{found.origin}: {found.engine}" if found.engine else found.origin
