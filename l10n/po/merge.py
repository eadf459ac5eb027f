"""Merge an existing catalog with a new template: msgmerge's rules, protecting translators harder.

- An unchanged segment keeps its translation byte for byte; a human one (non-empty,
  not fuzzy) is never sent to MT, machine output (fuzzy, ``#. machine translation: …``)
  is kept too unless ``retranslate`` asks for fresh MT (``MergeResult.replace``).
- An edited segment is matched to its old entry by similarity (rapidfuzz ``ratio`` at
  ``threshold`` %). A human translation comes along as a fuzzy msgstr with the old English
  in ``#| msgid``; the new MT is then offered as a ``#. suggestion``. Unapproved machine
  output is not worth editing: the entry is re-translated and the old output kept in a
  comment.
- A vanished segment becomes obsolete (``#~``) with its translation; one that comes back
  is resurrected with it. Obsolete entries are never deleted.
- Translator comments (``# …``) always survive; ``#.`` block kinds and ``#:`` references
  come from the template. Order follows the template, obsolete entries last.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Catalog, Entry, Language
from .entries import (
    PART_PREFIX,
    PREVIOUS_MT_PREFIX,
    TEMPLATE_HEADERS,
    is_human,
    is_machine,
    language_headers,
    new_catalog,
    provenance,
    template_comments,
)
from .provenance import refreshed, without_mark

_FROM_TEMPLATE = (
    "Project-Id-Version",
    "POT-Creation-Date",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
)
# X-Generator is left to the tool that last saved the file (Poedit, Lokalize), as msgmerge
# does: overwriting it would make every run after an editor's save rewrite the file.
_DEFAULTS = dict(TEMPLATE_HEADERS)


@dataclass(frozen=True)
class MergeResult:
    """The merged catalog, what still needs a translation, and what happened to each entry."""

    catalog: Catalog = field(repr=False)
    """The merged catalog."""
    needs_translation: tuple[str, ...] = ()
    """msgids to look up in the TM / send to MT, in template order (new, empty, edited)."""
    replace: tuple[str, ...] = ()
    """msgids whose machine output a new translation replaces (``retranslate``)."""
    kept_human: int = 0
    kept_machine: int = 0
    kept_fuzzy: int = 0
    """Unreviewed translations that are not plain machine output (suggestions, memory)."""
    fuzzy_matched: int = 0
    new: int = 0
    obsoleted: int = 0
    resurrected: int = 0
    retranslated: int = 0


@dataclass
class _Tally:
    needs: list[str] = field(default_factory=list)
    replace: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, what: str, msgid: str | None = None) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1
        if msgid is not None:
            self.needs.append(msgid)


def merge(
    old: Catalog | None,
    template: Catalog,
    *,
    language: Language,
    threshold: float,
    retranslate: bool = False,
) -> MergeResult:
    """Merge ``old`` (None when there is no catalog yet) with ``template`` for ``language``.

    ``old`` and ``template`` are not modified.
    """
    if old is None:
        catalog = new_catalog(template, language)
        ids = tuple(entry.msgid for entry in catalog)
        return MergeResult(catalog=catalog, needs_translation=ids, new=len(ids))
    tally = _Tally()
    active = {_key(e): e for e in old if not e.obsolete}
    obsolete = {_key(e): e for e in old if e.obsolete}
    wanted = {_key(e) for e in template}
    candidates = [
        e
        for k, e in [*active.items(), *obsolete.items()]
        if k not in wanted and (e.msgstr or e.translator_comments)
    ]
    entries: list[Entry] = []
    for tentry in template:
        key = _key(tentry)
        if key in active:
            entries.append(_kept(active[key], tentry, retranslate, tally))
        elif key in obsolete:
            entries.append(_kept(obsolete.pop(key), tentry, retranslate, tally, "resurrected"))
        else:
            entries.append(_matched_or_new(tentry, candidates, threshold, tally))
    entries += _obsolete_entries(old, active, obsolete, wanted, tally)
    catalog = Catalog(
        entries=tuple(entries),
        metadata=tuple(merge_headers(old.meta, template.meta, language).items()),
        header=old.header,
    )
    return MergeResult(
        catalog=catalog,
        needs_translation=tuple(tally.needs),
        replace=tuple(tally.replace),
        **{k: v for k, v in tally.counts.items()},
    )


def merge_headers(
    old: dict[str, str], template: dict[str, str], language: Language
) -> dict[str, str]:
    """Old headers (translator's tools own most of them) updated from the template.

    ``Language`` follows the configuration; ``Language-Team`` and ``Plural-Forms`` are
    filled in only where they still hold gettext's placeholders.
    """
    merged = dict(old)
    for key in _FROM_TEMPLATE:
        if key in template:
            merged[key] = template[key]
    for key, value in language_headers(language).items():
        if key == "Language" or merged.get(key, "") in ("", _DEFAULTS.get(key)):
            merged[key] = value
    return merged


def _key(entry: Entry) -> tuple[str | None, str]:
    return (entry.msgctxt or None, entry.msgid)


def _kept(old: Entry, tentry: Entry, retranslate: bool, tally: _Tally, kept_as: str = "") -> Entry:
    """The old entry under the template's comments; ``kept_as`` counts a kept one differently."""
    entry = _copy(old, tentry)
    if is_human(old):
        tally.add(kept_as or "kept_human")
    elif old.msgstr and not (retranslate and is_machine(old)):
        # An unapproved edit of machine output (its text no longer matches the mark) is
        # not machine output any more: --retranslate leaves it as it is.
        tally.add(kept_as or ("kept_machine" if is_machine(old) else "kept_fuzzy"))
    elif old.msgstr:
        # Replaced only when a new translation arrives (apply_translations), so a run
        # without a model keeps the output, and an edit left fuzzy stays in a comment.
        tally.add("retranslated", tentry.msgid)
        tally.replace.append(tentry.msgid)
    else:
        tally.add("new", tentry.msgid)
    return entry


def _copy(old: Entry, tentry: Entry) -> Entry:
    """``old``'s translation and translator data under ``tentry``'s comments and references."""
    entry, lines = refreshed(old, provenance(old.extracted_comments))
    lines = template_comments(tentry.extracted_comments) + lines
    copy = replace(
        entry,
        msgid=tentry.msgid,
        extracted_comments="\n".join(lines),
        references=tentry.references,
        obsolete=False,
        line=None,
    )
    return _without_stale_previous(copy)


def _without_stale_previous(entry: Entry) -> Entry:
    """The entry without ``#|`` lines unless it is fuzzy: only then do they mean anything."""
    if entry.fuzzy:
        return entry
    return replace(entry, previous_msgid=None, previous_msgctxt=None, previous_msgid_plural=None)


def _matched_or_new(
    tentry: Entry, candidates: list[Entry], threshold: float, tally: _Tally
) -> Entry:
    best = _best_match(tentry.msgid, [e for e in candidates if e.msgstr], threshold)
    if best is None:
        # An untranslated entry's translator comment ("ask the desk…") follows its edit.
        noted = _best_match(tentry.msgid, [e for e in candidates if not e.msgstr], threshold)
        tally.add("new", tentry.msgid)
        hints = [PART_PREFIX + e.msgstr for e in _part_matches(tentry.msgid, candidates)]
        comment = tentry.extracted_comments
        return Entry(
            msgid=tentry.msgid,
            extracted_comments="\n".join([comment, *hints]) if hints else comment,
            translator_comments=noted.translator_comments if noted is not None else "",
            references=tentry.references,
        )
    tally.add("fuzzy_matched", tentry.msgid)
    entry = _copy(best, tentry)
    flags = ("fuzzy", *[f for f in best.flags if f != "fuzzy"])
    if is_machine(best):
        lines = [*template_comments(tentry.extracted_comments), PREVIOUS_MT_PREFIX + best.msgstr]
        return replace(
            without_mark(entry),
            msgstr="",
            flags=flags,
            extracted_comments="\n".join(lines),
            previous_msgid=None,
        )
    return replace(entry, flags=flags, previous_msgid=best.msgid)


_PART_SCORE = 90.0
_PART_MIN_LENGTH = 20


def _part_matches(msgid: str, candidates: list[Entry]) -> list[Entry]:
    """Reviewed translations of old sentences this one was split from or joined out of.

    An editor splitting a sentence in two leaves each half far below the fuzzy threshold
    of the whole; rapidfuzz's partial ratio finds the old sentence that holds it (or the
    old sentences it holds), at most two, so the translator can reuse their own words.
    """
    from rapidfuzz import fuzz

    scored = [
        (fuzz.partial_ratio(msgid, entry.msgid), entry)
        for entry in candidates
        if is_human(entry) and min(len(msgid), len(entry.msgid)) >= _PART_MIN_LENGTH
    ]
    found = sorted((pair for pair in scored if pair[0] >= _PART_SCORE), key=lambda p: -p[0])
    return [entry for _, entry in found[:2]]


def _best_match(msgid: str, candidates: list[Entry], threshold: float) -> Entry | None:
    from rapidfuzz import fuzz, process

    if not candidates:
        return None
    found = process.extractOne(
        msgid, [e.msgid for e in candidates], scorer=fuzz.ratio, score_cutoff=threshold
    )
    return None if found is None else candidates[found[2]]


def _obsolete_entries(
    old: Catalog,
    active: dict[tuple[str | None, str], Entry],
    obsolete: dict[tuple[str | None, str], Entry],
    wanted: set[tuple[str | None, str]],
    tally: _Tally,
) -> list[Entry]:
    """Old obsolete entries (minus resurrected ones), then newly vanished ones that hold a
    translation or a translator comment."""
    gone = {k: e for k, e in active.items() if k not in wanted and e.worth_keeping}
    kept = [e for e in old if e.obsolete and _key(e) in obsolete and _key(e) not in gone]
    result = [_as_obsolete(e) for e in kept]
    for entry in gone.values():
        tally.add("obsoleted")
        result.append(_as_obsolete(entry))
    return result


def _as_obsolete(old: Entry) -> Entry:
    gone = replace(
        old,
        extracted_comments="\n".join(provenance(old.extracted_comments)),
        references=(),
        obsolete=True,
        line=None,
    )
    return _without_stale_previous(gone)
