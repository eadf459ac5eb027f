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

import os
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.languages import resolve
from l10n.model import Catalog, Document, Entry, Segment, Translation
from l10n.pipeline import run
from l10n.po.entries import apply_translations, build_template
from l10n.po.io import read_catalog, write_catalog
from l10n.po.merge import merge
from l10n.po.provenance import REPLACED_PREFIX, translator_text
from l10n.project.config import load_settings

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
            # The translator rewrites their own note and leaves the lines l10n keeps there
            # (a draft that --retranslate replaced) as they are.
            ours = [
                line
                for line in entry.translator_comments.split("\n")
                if line.startswith(REPLACED_PREFIX)
            ]
            return replace(entry, translator_comments="\n".join([f"{kind} {b}", *ours]))
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
        # l10n may add its own "l10n: …" line (text --retranslate replaced) after theirs.
        assert comment in translator_text(by_id[msgid].translator_comments).split("\n")
    kept = {e.msgstr for e in catalog} | {
        line.split(": ", 1)[-1] for e in catalog for line in e.extracted_comments.split("\n")
    }
    kept |= {
        line.removeprefix(REPLACED_PREFIX)
        for e in catalog
        for line in e.translator_comments.split("\n")
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


# ---------------------------------------------------------------- the whole tool, on disk
#
# The same kind of random history, but through ``l10n.pipeline.run`` on real files, with
# what happens to PO files in a newsroom: an editor (polib, as Poedit-like tools write)
# saving by rename or in place, keeping or not the old mtime, sometimes while a run is
# translating; GNU ``msgmerge -U`` (Weblate's add-on) between runs; --retranslate.
# Whatever was written by a translator must still be in the file: as an active msgstr,
# fuzzy (with ``#|``), obsolete, or in a comment.

MSGMERGE = shutil.which("msgmerge")

# Drafts (edits left fuzzy) are what --retranslate and editors used to lose: more of them.
disk_po_op = st.tuples(
    st.sampled_from(["approve", "rewrite", "comment", "note", "draft", "draft"]),
    st.integers(0, 50),
    st.integers(0, 50),
)
disk_op = st.one_of(
    st.tuples(st.just("source"), source_op),
    st.tuples(
        st.just("edit"),
        disk_po_op,
        st.sampled_from(["rename", "in-place"]),
        st.booleans(),  # keep the old mtime (rsync -t, Syncthing)
    ),
    st.tuples(st.just("msgmerge")),
    st.tuples(st.just("run"), st.booleans(), st.booleans(), st.booleans()),
)


class Project:
    """A project in a fresh directory; ``run`` drives the real pipeline."""

    def __init__(self, root: Path) -> None:
        (root / "source").mkdir(parents=True)
        (root / "pyproject.toml").write_text('[tool.l10n]\nlanguages = ["ru"]\n')
        self.root = root
        self.article = root / "source" / "a.txt"
        self.po = root / "locales" / "ru" / "LC_MESSAGES" / "a.po"
        self.pot = root / "locales" / "a.pot"
        self.texts: set[str] = set()
        """Every text a translator wrote (msgstr or comment) and did not replace."""

    def write_source(self, sentences: list[str]) -> None:
        self.article.write_text("Title of the page\n\n" + "\n\n".join(sentences) + "\n")

    def run(self, retranslate: bool, with_mt: bool, save_during: tuple[str, int, int] | None):
        project = self

        class Fake:
            """A FAKE engine (merge logic under test); may play an editor saving mid-run."""

            name = "fake"

            def translate(self, texts: list[str], *, progress: object = None) -> list[str]:
                if save_during is not None:
                    project.edit(save_during, "rename", keep_mtime=True)
                return [f"[MT] {text}" for text in texts]

        def factory(language: object, settings: object) -> Fake | None:
            return Fake() if with_mt else None

        before = self.po.read_bytes() if self.po.exists() else None
        report = run(load_settings(self.root), retranslate=retranslate, translator_for=factory)
        saved = save_during is not None and with_mt and report.errors
        assert not report.errors or saved, report.errors
        return before, report

    def edit(self, op: tuple[str, int, int], how: str, *, keep_mtime: bool) -> None:
        """A translator's action, saved by an editor that is not l10n."""
        if not self.po.exists():
            return
        stat = self.po.stat()
        po = polib.pofile(str(self.po), wrapwidth=79)
        entries = [e for e in po if not e.obsolete and e.msgid]
        if not entries:
            return
        kind, a, b = op
        entry = entries[a % len(entries)]
        self._act(entry, kind, b)
        if how == "rename":
            tmp = self.po.with_name(".a.po.editor~")
            po.save(str(tmp))
            os.replace(tmp, self.po)
        else:
            po.save(str(self.po))
        if keep_mtime:
            os.utime(self.po, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    def _act(self, entry: polib.POEntry, kind: str, b: int) -> None:
        if kind == "approve" and entry.msgstr:
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            self.texts.add(entry.msgstr)
        elif kind == "rewrite":
            self.texts.discard(entry.msgstr)  # the translator replaces their own text
            entry.msgstr = f"Перевод {b}: {entry.msgid[:20].strip()}"
            self.texts.add(entry.msgstr)
        elif kind == "draft" and entry.msgstr:
            self.texts.discard(entry.msgstr)
            entry.msgstr = f"Черновик {b}: {entry.msgid[:20].strip()}"
            if "fuzzy" not in entry.flags:
                entry.flags.insert(0, "fuzzy")
            self.texts.add(entry.msgstr)
        elif kind in ("comment", "note"):
            # Poedit replaces the whole comment box; l10n's own mark goes with it.
            for line in entry.tcomment.split("\n"):
                self.texts.discard(line)
            entry.tcomment = f"{kind} {b} on {entry.msgid[:12].strip()}"
            self.texts.add(entry.tcomment)

    def msgmerge(self) -> None:
        if MSGMERGE is None or not (self.po.exists() and self.pot.exists()):
            return
        done = subprocess.run(
            [MSGMERGE, "-q", "-U", "--backup=none", str(self.po), str(self.pot)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr

    def check(self) -> None:
        catalog = read_catalog(self.po) if self.po.exists() else None
        if catalog is None:
            assert not self.texts
            return
        # Only where no editor drops it: a msgstr (active, fuzzy or obsolete) or a "# "
        # comment. "#." lines do not count: msgmerge -U and polib-based editors drop them.
        found = {e.msgstr for e in catalog}
        for entry in catalog:
            found.update(
                line.removeprefix(REPLACED_PREFIX) for line in entry.translator_comments.split("\n")
            )
        lost = sorted(self.texts - found)
        assert lost == [], f"lost translator text: {lost}"


STEPS = []


@pytest.mark.skipif(MSGMERGE is None, reason="GNU gettext (msgmerge) not installed")
@settings(max_examples=25, deadline=None)
@given(ops=st.lists(disk_op, min_size=8, max_size=14))
def test_no_translator_text_is_lost_on_disk(ops: list) -> None:
    """25 histories of 8–14 steps (at least 200 steps a run) through the real pipeline."""
    with tempfile.TemporaryDirectory() as folder:
        project = Project(Path(folder) / "p")
        sentences, removed = list(BASE), []
        project.write_source(sentences)
        old_cwd = os.getcwd()
        os.chdir(project.root)
        try:
            project.run(False, True, None)
            for op in ops:
                STEPS.append(op[0])
                if op[0] == "source":
                    edit_source(sentences, removed, op[1])
                    project.write_source(sentences)
                elif op[0] == "edit":
                    project.edit(op[1], op[2], keep_mtime=op[3])
                elif op[0] == "msgmerge":
                    project.msgmerge()
                else:
                    _, retranslate, with_mt, mid_run = op
                    during = ("rewrite", len(STEPS), len(STEPS)) if mid_run else None
                    project.run(retranslate, with_mt, during)
                project.check()
        finally:
            os.chdir(old_cwd)
