"""Segments and translations <-> typed catalog entries; headers from Babel/CLDR (pure).

An entry's ``#.`` lines are of two sorts: the block kind (``paragraph``…) that the
template regenerates on every merge, and *provenance* lines that describe the msgstr
(``machine translation: <engine>``, ``translation memory: <file>``, glossary notes,
suggestions). Provenance travels with the msgstr it describes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from typing import get_args

from ..errors import SourceError
from ..model import BlockKind, Catalog, Document, Entry, Language, Segment, Translation
from .provenance import (
    MT_PREFIX,
    REPLACED_PREFIX,
    digest,
    machine_mark,
    with_mark,
    without_mark,
)

TM_PREFIX = "translation memory: "
"""Provenance of a msgstr copied from an approved translation in another catalog."""
PREVIOUS_MT_PREFIX = "previous machine translation, of the old text: "
"""Unapproved MT of an edited segment's old text, kept in a comment when re-translating."""
REPLACED_MT_PREFIX = "machine translation replaced by --retranslate: "
"""A ``#.`` line that older versions wrote for replaced fuzzy output; kept where found.
Now such text goes to a translator comment (``provenance.REPLACED_PREFIX``), which
editors and ``msgmerge`` keep."""
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


def with_metadata(
    metadata: Iterable[tuple[str, str]], updates: Mapping[str, str]
) -> tuple[tuple[str, str], ...]:
    """``metadata`` with ``updates`` applied: known keys keep their place, new ones go last."""
    merged = dict(metadata)
    merged.update(updates)
    return tuple(merged.items())


def build_template(document: Document, segments: Sequence[Segment], *, version: str) -> Catalog:
    """The POT for ``document``: one entry per distinct translatable segment text.

    msgid is the text itself (never a position key); ``#:`` lists every source line where
    the text occurs; ``#.`` names the block kind.
    """
    name = checked_name(document.name)
    entries: dict[str, Entry] = {}
    for segment in segments:
        if not segment.translatable or not segment.text:
            continue
        entry = entries.get(segment.text) or Entry(
            msgid=segment.text, extracted_comments=segment.kind
        )
        references = list(entry.references)
        for line in segment.references or (segment.line,):
            occurrence = (name, str(line))
            if occurrence not in references:
                references.append(occurrence)
        entries[segment.text] = replace(entry, references=tuple(references))
    metadata = with_metadata(
        TEMPLATE_HEADERS,
        {
            "Project-Id-Version": document.domain,
            "POT-Creation-Date": timestamp(),
            "X-Generator": f"l10n {version}",
        },
    )
    return Catalog(entries=tuple(entries.values()), metadata=metadata, fuzzy_header=True)


def newline_mismatch(msgid: str, msgstr: str) -> str | None:
    """What GNU msgfmt finds fatal: msgid and msgstr disagree on a leading or trailing
    ``\\n`` (None when they agree)."""
    if msgid.startswith("\n") != msgstr.startswith("\n"):
        return "msgid and msgstr do not both begin with a line break"
    if msgid.endswith("\n") != msgstr.endswith("\n"):
        return "msgid and msgstr do not both end with a line break"
    return None


def checked_name(name: str) -> str:
    """``name`` for a ``#:`` reference; ``SourceError`` for one no PO file can hold."""
    if any(char in name for char in "\n\r"):
        shown = name.replace("\n", "\\n").replace("\r", "\\r")
        raise SourceError(
            "the file name contains a line break, which a PO reference (#:) cannot hold — "
            "rename the file",
            path=shown,
        )
    return name


def plural_forms(language: Language) -> str:
    """The ``Plural-Forms`` header from CLDR (gettext itself knows none for kk or zh)."""
    from babel.messages.plurals import get_plural

    plural = get_plural(language.locale)
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"


def new_catalog(template: Catalog, language: Language) -> Catalog:
    """An empty PO for ``language`` from ``template`` (what ``msginit`` would make)."""
    meta = template.meta
    updates = {
        **language_headers(language),
        "PO-Revision-Date": meta.get("POT-Creation-Date", ""),
        "Last-Translator": "Automatically generated",
    }
    entries = tuple(
        Entry(
            msgid=entry.msgid,
            extracted_comments=entry.extracted_comments,
            references=entry.references,
        )
        for entry in template
    )
    return Catalog(entries=entries, metadata=with_metadata(template.metadata, updates))


def language_headers(language: Language) -> dict[str, str]:
    """``Language``, ``Language-Team`` (native name) and ``Plural-Forms`` for a catalog."""
    return {
        "Language-Team": language.native_name or language.english_name or language.locale,
        "Language": language.locale,
        "Plural-Forms": plural_forms(language),
    }


def comment_lines(comment: str) -> list[str]:
    """The lines of a ``#.`` comment (none for an empty one)."""
    return comment.split("\n") if comment else []


def template_comments(comment: str) -> list[str]:
    """The ``#.`` lines that the template owns (the block kind)."""
    return [line for line in comment_lines(comment) if line in BLOCK_KINDS]


def provenance(comment: str) -> list[str]:
    """The ``#.`` lines that describe the msgstr (everything but the block kind)."""
    return [line for line in comment_lines(comment) if line and line not in BLOCK_KINDS]


def is_machine(entry: Entry) -> bool:
    """Unapproved, unedited machine output: fuzzy, not inherited from an older msgid, and
    still the text its ``# l10n-mt`` mark describes (or, in a catalog written before marks
    existed, labelled ``#. machine translation:``)."""
    if not (entry.msgstr and entry.fuzzy and not entry.previous_msgid):
        return False
    mark = machine_mark(entry)
    if mark is not None:
        return mark[0] == digest(entry.msgstr)
    return any(line.startswith(MT_PREFIX) for line in provenance(entry.extracted_comments))


def is_human(entry: Entry) -> bool:
    """An approved translation: a non-empty msgstr without the fuzzy flag."""
    return bool(entry.msgstr) and not entry.fuzzy


def apply_translations(
    catalog: Catalog, translations: Mapping[str, Translation], replace_ids: Collection[str] = ()
) -> tuple[Catalog, int]:
    """Put proposed translations into ``catalog``; return it and how many entries changed.

    An empty msgstr receives the translation (fuzzy unless the Translation says otherwise)
    with a provenance comment; so does machine output whose msgid is in ``replace_ids``
    (``--retranslate``), the old output staying in a comment when it differs. Any other
    non-empty msgstr is a human's work (an approved translation, or an old one kept as a
    fuzzy suggestion after the English changed): it is never replaced, and the proposal
    is offered in a ``#. suggestion`` comment instead.
    """
    changed = 0
    entries: list[Entry] = []
    for entry in catalog:
        new = _applied(entry, translations.get(entry.msgid), replace_ids)
        changed += new is not entry
        entries.append(new)
    return replace(catalog, entries=tuple(entries)), changed


def _applied(entry: Entry, found: Translation | None, replace_ids: Collection[str]) -> Entry:
    """``entry`` with ``found`` filled in or suggested; ``entry`` itself when nothing changes."""
    if entry.obsolete or found is None or not found.target or is_human(entry):
        return entry
    lines = provenance(entry.extracted_comments)
    if entry.msgstr and not (entry.msgid in replace_ids and is_machine(entry)):
        note = f"{SUGGESTION_PREFIX} ({_source_of(found)}): {found.target}"
        if note in lines:
            return entry
        lines.append(note)
    else:
        entry, lines = _fill(entry, found, lines)
    comment = "\n".join(template_comments(entry.extracted_comments) + lines)
    return replace(entry, extracted_comments=comment)


def _fill(entry: Entry, found: Translation, lines: list[str]) -> tuple[Entry, list[str]]:
    """``entry`` with ``found`` as its msgstr, and its new provenance lines."""
    kept = [
        line
        for line in lines
        if line.startswith((PREVIOUS_MT_PREFIX, REPLACED_MT_PREFIX, PART_PREFIX))
    ]
    if entry.msgstr and entry.msgstr != found.target and machine_mark(entry) is None:
        # No mark (a catalog from before marks): the text may be a translator's edit left
        # fuzzy, so it is kept where every editor keeps comments.
        entry = add_translator_comment(entry, REPLACED_PREFIX + entry.msgstr)
    flags = [f for f in entry.flags if f != "fuzzy"]
    if found.fuzzy:
        flags.insert(0, "fuzzy")
    filled = replace(entry, msgstr=found.target, flags=tuple(flags))
    if found.origin == "mt":
        filled = with_mark(filled, found.target, found.engine or "unknown engine")
    else:
        filled = without_mark(filled)
    return filled, [_provenance_line(found), *found.comments, *kept]


def add_translator_comment(entry: Entry, line: str) -> Entry:
    """``entry`` with one more ``# `` line (unchanged when it already has it)."""
    lines = entry.translator_comments.split("\n") if entry.translator_comments else []
    if line in lines:
        return entry
    return replace(entry, translator_comments="\n".join([*lines, line]))


GLOSSARY_PREFIX = "glossary: "
"""``#.`` lines that say which glossary terms the msgstr uses or misses."""


def with_glossary_notes(entry: Entry, notes: Sequence[str]) -> Entry:
    """``entry`` whose ``glossary:`` lines are ``notes`` (for the msgstr it holds now).

    They follow the provenance label; ``entry`` itself when nothing changes.
    """
    lines = provenance(entry.extracted_comments)
    others = [line for line in lines if not line.startswith(GLOSSARY_PREFIX)]
    labels = [i + 1 for i, line in enumerate(others) if line.startswith((MT_PREFIX, TM_PREFIX))]
    at = labels[0] if labels else 0
    new = [*others[:at], *notes, *others[at:]]
    if new == lines:
        return entry
    comment = "\n".join(template_comments(entry.extracted_comments) + new)
    return replace(entry, extracted_comments=comment)


def add_comment(entry: Entry, line: str) -> Entry:
    """``entry`` with one more ``#.`` line (unchanged when it already has it)."""
    lines = comment_lines(entry.extracted_comments)
    if line in lines:
        return entry
    return replace(entry, extracted_comments="\n".join([*lines, line]))


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
