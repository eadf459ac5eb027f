"""Property: whatever editors do to the English and translators do to the PO, merges lose nothing.

Random sequences of source edits (change a word, delete, insert, restore, reorder) and
translator actions (approve, rewrite, comment a translation, comment a sentence nobody has
translated yet, edit machine output and keep it fuzzy) are each followed by a
merge, a fill from a FAKE translator (test double, the merge logic is under test; in some
runs there is no model, so entries stay untranslated) and a
write/read round trip. After every step: each translation a human approved is still in
the catalog with its exact English (active or obsolete), every obsolete entry is still
there, every translator comment survives, no approved entry is sent to MT, and a
translator's draft (machine output edited but left fuzzy, as Weblate's "needs editing"
saves it) is still in the catalog, as msgstr or in a comment.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.languages import resolve
from l10n.model import Catalog, Document, Entry, Segment, Translation
from l10n.po.entries import apply_translations, build_template
from l10n.po.io import read_catalog, write_catalog
from l10n.po.merge import merge

WORDS = [
    "summit",
    "ties",
    "region",
    "energy",
    "railway",
    "experts",
    "cooperation",
    "highway",
    "project",
    "week",
    "countries",
    "investment",
    "growth",
    "security",
    "leaders",
    "trade",
]
BASE = [
    "China is to hold the first summit in Xian next week.",
    "Experts say the cooperation will bring tangible benefits to the people.",
    "The construction site of the second phase of the highway project.",
    "Central Asian countries are experiencing political reforms.",
    "He predicted that the meetings will be wide-ranging.",
    "Economic benefits",
]
DOC = Document(path=Path("a.txt"), name="source/a.txt", domain="a", blocks=())
RU = resolve("ru")

source_op = st.tuples(
    st.sampled_from(["edit", "delete", "insert", "restore", "swap"]),
    st.integers(0, 50),
    st.integers(0, 50),
)
po_op = st.tuples(
    st.sampled_from(["approve", "rewrite", "comment", "note", "draft"]),
    st.integers(0, 50),
    st.integers(0, 50),
)
# (source edits, translator actions, --retranslate, a model is installed this run)
step = st.tuples(
    st.lists(source_op, max_size=3), st.lists(po_op, max_size=4), st.booleans(), st.booleans()
)


def edit_source(sentences: list[str], removed: list[str], op: tuple[str, int, int]) -> None:
    kind, a, b = op
    if kind == "insert" or not sentences:
        sentences.insert(
            a % (len(sentences) + 1), f"New sentence about {WORDS[b % len(WORDS)]} {a}."
        )
    elif kind == "edit":
        words = sentences[a % len(sentences)].split()
        words[b % len(words)] = WORDS[(a + b) % len(WORDS)]
        sentences[a % len(sentences)] = " ".join(words)
    elif kind == "delete":
        removed.append(sentences.pop(a % len(sentences)))
    elif kind == "restore" and removed:
        sentences.insert(a % (len(sentences) + 1), removed.pop(b % len(removed)))
    elif kind == "swap":
        i, j = a % len(sentences), b % len(sentences)
        sentences[i], sentences[j] = sentences[j], sentences[i]


def template_of(sentences: list[str]) -> Catalog:
    segments = [
        Segment(
            id=f"b{i}.s0",
            block=i,
            position=0,
            kind="paragraph",
            text=text,
            line=i + 1,
            separator="",
            translatable=True,
        )
        for i, text in enumerate(sentences)
    ]
    return build_template(DOC, segments, version="0")


class Ledger:
    """What translators did, to check against every later catalog."""

    def __init__(self) -> None:
        self.approved: dict[str, str] = {}
        self.comments: dict[str, str] = {}
        self.drafts: set[str] = set()

    def act(self, catalog: Catalog, op: tuple[str, int, int]) -> Catalog:
        """Do what a translator does to one active entry; return the edited catalog."""
        entries = [e for e in catalog if not e.obsolete]
        if not entries:
            return catalog
        kind, a, b = op
        entry = entries[a % len(entries)]
        edited = self._edit(entry, kind, b)
        if edited.msgstr and not edited.fuzzy:
            self.approved[edited.msgid] = edited.msgstr
        return replace(catalog, entries=tuple(edited if e is entry else e for e in catalog))

    def _edit(self, entry: Entry, kind: str, b: int) -> Entry:
        if kind not in ("comment", "note"):
            self.drafts.discard(entry.msgstr)  # the translator moves on from their draft
        unfuzzy = tuple(f for f in entry.flags if f != "fuzzy")
        if kind == "approve" and entry.msgstr:
            return replace(entry, flags=unfuzzy, previous_msgid=None)
        if kind == "rewrite":
            text = f"Перевод {b}: {entry.msgid[:20]}"
            return replace(entry, msgstr=text, flags=unfuzzy, previous_msgid=None)
        if (kind == "comment" and entry.msgstr) or (kind == "note" and not entry.msgstr):
            # "note": a question on a sentence nobody has translated yet ("ask the desk")
            self.comments[entry.msgid] = f"{kind} {b}"
            return replace(entry, translator_comments=f"{kind} {b}")
        if kind == "draft" and entry.fuzzy and entry.msgstr:
            draft = f"Черновик {b}: {entry.msgid[:20].strip()}"
            self.drafts.add(draft)
            return replace(entry, msgstr=draft)
        return entry


def check(
    catalog: Catalog | None, before: Catalog | None, ledger: Ledger, needs: tuple[str, ...]
) -> None:
    assert catalog is not None
    by_id = {e.msgid: e for e in catalog}
    for msgid, msgstr in ledger.approved.items():
        entry = by_id.get(msgid)
        assert entry is not None, f"lost the approved translation of {msgid!r}"
        assert (entry.msgstr, entry.fuzzy) == (msgstr, False), f"changed {msgid!r}"
        assert msgid not in needs
    for msgid, comment in ledger.comments.items():
        assert by_id[msgid].translator_comments == comment
    kept = {e.msgstr for e in catalog} | {
        line.split(": ", 1)[-1] for e in catalog for line in e.extracted_comments.split("\n")
    }
    for draft in ledger.drafts:
        assert draft in kept, f"lost the draft {draft!r}"
    if before is not None:
        for old in before:
            # A draft is machine output to --retranslate; the check above keeps it.
            if old.obsolete and old.msgstr and old.msgstr not in ledger.drafts:
                assert by_id[old.msgid].msgstr == old.msgstr, f"deleted obsolete {old.msgid!r}"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(step, min_size=1, max_size=8))
def test_no_human_work_is_ever_lost(tmp_path: Path, steps: list) -> None:
    sentences, removed, ledger = list(BASE), [], Ledger()
    path = tmp_path / "ru.po"
    path.unlink(missing_ok=True)
    for source_ops, po_ops, retranslate, with_mt in steps:
        for op in source_ops:
            edit_source(sentences, removed, op)
        old = read_catalog(path)
        if old is not None:
            for op in po_ops:
                old = ledger.act(old, op)
        result = merge(
            old, template_of(sentences), language=RU, threshold=80, retranslate=retranslate
        )
        machine = {s: Translation(s, f"[MT] {s}", "mt", "fake") for s in result.needs_translation}
        catalog, _ = apply_translations(result.catalog, machine if with_mt else {}, result.replace)
        write_catalog(catalog, path)
        check(read_catalog(path), old, ledger, result.needs_translation)
