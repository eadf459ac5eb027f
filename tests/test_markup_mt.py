"""Inline placeholders through MT: the restore/retry logic, and links kept end to end.

``CodeCarrier`` and ``CodeDropper`` below are FAKE translators, deterministic stand-ins that
test only the masking and restoring around the engine (they never claim to translate). The
end-to-end tests run the real engine (CTranslate2 + SentencePiece) on the small random-weight
test models of ``conftest.installed_models``: such a model carries no placeholder code, so
they prove the by-position fallback keeps every link, image and attribute.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from l10n.article import inline
from l10n.cli import cli
from l10n.model import Glossary, Term
from l10n.mt import Progress
from l10n.terms.tags import PLACED_BY_POSITION, mask_tags, translate_marked, unmask_tags

DATA = Path(__file__).parent / "data"
HREF = re.compile(r'href="([^"]*)"')
LANGUAGE_LINK = re.compile(r'<link rel="alternate" hreflang="[^"]*" href="([^"]*)">')
SRC = re.compile(r'src="([^"]*)"')


class _Fake:
    """FAKE translator base: upper-cases each word, keeps codes; records what it was sent."""

    name = "FAKE test translator"

    def __init__(self, mangle: Callable[[str], str] = lambda text: text) -> None:
        self.calls: list[list[str]] = []
        self.mangle = mangle

    def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        self.calls.append(list(texts))
        return [
            self.mangle(" ".join(w if w[:2] in ("QT", "XZ") else w.upper() for w in t.split()))
            for t in texts
        ]


def test_codes_carried_come_back_as_placeholders() -> None:
    fake = _Fake()  # FAKE: carries every code, like a model that copies them
    text = "Read <1>the joint statement</1> at <2/> today."
    [result] = translate_marked([text], fake, Glossary(), "ru").translations
    assert fake.calls == [["Read QT1 the joint statement QT2 at QT3 today."]]
    assert result.target == "READ <1>THE JOINT STATEMENT</1> AT <2/> TODAY."
    assert PLACED_BY_POSITION not in result.comments
    assert result.fuzzy


@pytest.mark.parametrize(
    ("mangle", "why"),
    [
        (lambda t: t.replace("QT1", ""), "lost"),
        (lambda t: t.replace("QT2", "QT2 QT2"), "doubled"),
        (lambda t: t.replace("QT1", "qt1"), "damaged"),
        (lambda t: t.replace("QT1", "@").replace("QT2", "QT1").replace("@", "QT2"), "misnested"),
    ],
    ids=["lost", "doubled", "damaged", "misnested"],
)
def test_broken_codes_retry_without_them_and_place_by_position(
    mangle: Callable[[str], str], why: str
) -> None:
    fake = _Fake(mangle)  # FAKE: breaks the codes the way a model may
    text = "Officials said <1>the project</1> would cost $8 billion."
    done = translate_marked([text], fake, Glossary(), "ru")
    [result] = done.translations
    assert done.second_pass == 1  # the run summary counts the retry as a second pass
    assert len(fake.calls) == 2, why
    assert fake.calls[1] == ["Officials said the project would cost $8 billion."]
    assert inline.matches(text, result.target), result.target
    assert inline.plain(result.target) == "OFFICIALS SAID THE PROJECT WOULD COST $8 BILLION."
    assert result.target == "OFFICIALS SAID <1>THE PROJECT</1> WOULD COST $8 BILLION."
    assert PLACED_BY_POSITION in result.comments


def test_plain_texts_go_through_in_one_call_unchanged() -> None:
    fake = _Fake()
    results = translate_marked(
        ["No markup here.", "Nor <here>."], fake, Glossary(), "ru"
    ).translations
    assert fake.calls == [["No markup here.", "Nor <here>."]]
    assert [r.target for r in results] == ["NO MARKUP HERE.", "NOR <HERE>."]


def test_glossary_terms_inside_placeholders_are_enforced() -> None:
    glossary = Glossary((Term("Shanghai Cooperation Organization", {"ru": "ШОС"}),))
    fake = _Fake()
    text = "Members of the <1>Shanghai Cooperation Organization</1> met."
    [result] = translate_marked([text], fake, glossary, "ru").translations
    assert result.target == "MEMBERS OF THE <1>ШОС</1> MET."
    assert "glossary: Shanghai Cooperation Organization → ШОС" in result.comments


def test_mask_keeps_glued_placeholders_glued() -> None:
    masked = mask_tags("cost $8 billion.<1><2>1</2></1><3/> More")
    assert masked.text == "cost $8 billion. QT1 QT2 1 QT3 QT4 QT5 More"
    restored = unmask_tags(masked, masked.text)
    assert restored == "cost $8 billion.<1><2>1</2></1><3/> More"
    assert unmask_tags(masked, "QT1 QT2 QT3 QT4 QT5 QT5") is None


# ---------------------------------------------------------------- the real engine


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, installed_models: object) -> Path:
    root = tmp_path / "project"
    (root / "source").mkdir(parents=True)
    for name in ("news-page.html", "cms-fragment.html", "figure-table.html"):
        shutil.copy(DATA / "html" / name, root / "source")
    shutil.copy(DATA / "markdown" / "field-guide.md", root / "source")
    (root / "pyproject.toml").write_text('[tool.l10n]\nlanguages = ["ru", "zh"]\n')
    monkeypatch.chdir(root)
    return root


@pytest.mark.slow
def test_run_and_export_keep_every_link_and_image(project: Path) -> None:
    run = CliRunner().invoke(cli, ["run"])
    assert run.exit_code == 0, run.output
    total = 0
    for name in ("news-page", "cms-fragment", "figure-table", "field-guide"):
        golden = next(
            (DATA / kind / f"{name}.segments.json")
            for kind in ("html", "markdown")
            if (DATA / kind / f"{name}.segments.json").exists()
        )
        template = polib.pofile(str(project / "locales" / f"{name}.pot"))
        # only the article's text: exactly the reader's segments, nothing of the page around it
        rows = json.loads(golden.read_text(encoding="utf-8"))
        assert [e.msgid for e in template] == [row[1] for row in rows]
        total += len(rows)
    catalog = polib.pofile(str(project / "locales/ru/LC_MESSAGES/news-page.po"))
    for entry in catalog:
        assert inline.matches(entry.msgid, entry.msgstr), (entry.msgid, entry.msgstr)
        assert entry.fuzzy
    export = CliRunner().invoke(
        cli, ["export", "--include-fuzzy", "--format", "html", "--format", "md", "--out", "dist"]
    )
    assert export.exit_code == 0, export.output
    for lang, tag in (("ru", "ru"), ("zh_Hans", "zh-Hans")):
        for name in ("news-page", "cms-fragment", "figure-table"):
            source = (project / "source" / f"{name}.html").read_text()
            page = (project / "dist" / lang / f"{name}.html").read_text()
            # every link of the page is kept; the export adds its own language links
            ours = set(LANGUAGE_LINK.findall(page))
            assert [h for h in HREF.findall(page) if h not in ours] == HREF.findall(source)
            if "</head>" in source:  # a fragment has no head to put them in
                assert f"../{lang}/{name}.html" in ours and f"../en/{name}.html" in ours
            assert SRC.findall(page) == SRC.findall(source), (lang, name)
            assert page != source
        assert (
            f'<html lang="{tag}" class="no-js">'
            in (project / "dist" / lang / "news-page.html").read_text()
        )
        markdown = (project / "dist" / lang / "field-guide.md").read_text()
        for link in (
            '](https://example.org/notice?id=7 "Notice 7")',
            "][portal]",
            '](images/khorgos-queue.jpg "Khorgos, 2025")',
            "`l10n run`",
            "<https://example.org/help>",
            "[portal]: https://example.org/portal",
        ):
            assert link in markdown, (lang, link)
    check = CliRunner().invoke(cli, ["check", "--json"])
    assert '"check": "markup"' not in check.output
    status = CliRunner().invoke(cli, ["status", "--json"])
    assert status.exit_code == 0 and f'"fuzzy": {total},' in status.output, status.output
