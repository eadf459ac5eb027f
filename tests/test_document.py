"""Reading an article into blocks: the real article, made-up articles, rules, errors."""

from __future__ import annotations

import errno
import json
from dataclasses import asdict
from pathlib import Path

import pytest

from l10n.article.classify import parse_document
from l10n.article.read import read_document, read_text
from l10n.errors import SourceError
from l10n.model import Block, Document
from l10n.project.inputs import segment_file

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "source" / "china-central-asia-article.txt"
DATA = Path(__file__).parent / "data" / "document"
FIXTURES = ("wire-story", "wrapped-notice", "opinion-page")


def parse(text: str) -> Document:
    return parse_document(text, path=Path("a.txt"), name="a.txt", domain="a")


def kinds(text: str) -> list[tuple[int, str, str]]:
    return [(block.line, block.kind, block.text) for block in parse(text).blocks]


# (line, kind, credit, duplicate_of) of every block of the bundled article.
ARTICLE_BLOCKS = [
    (1, "chrome", "", None),
    (2, "title", "", None),
    (3, "byline", "", None),
    (4, "media", "", None),
    (6, "paragraph", "", None),
    (8, "paragraph", "", None),
    (10, "caption", "/Xinhua", None),
    (11, "caption", "/Xinhua", 6),
    (13, "caption", "/Xinhua", 6),
    (15, "heading", "", None),
    (17, "paragraph", "", None),
    (19, "paragraph", "", None),
    (21, "paragraph", "", None),
    (23, "media", "", None),
    (25, "heading", "", None),
    (27, "paragraph", "", None),
    (29, "paragraph", "", None),
    (31, "paragraph", "", None),
    (33, "paragraph", "", None),
    (35, "caption", "/CFP", None),
    (36, "caption", "/CFP", 19),
    (38, "caption", "/CFP", 19),
    (40, "heading", "", None),
    (42, "paragraph", "", None),
    (44, "paragraph", "", None),
    (46, "paragraph", "", None),
    (48, "paragraph", "", None),
    (50, "paragraph", "", None),
    (52, "paragraph", "", None),
    (54, "paragraph", "", None),
    (56, "chrome", "", None),
]


def test_article_blocks() -> None:
    document = segment_file(ARTICLE, root=REPO).document
    got = [(b.line, b.kind, b.credit, b.duplicate_of) for b in document.blocks]
    assert got == ARTICLE_BLOCKS
    assert [b.index for b in document.blocks] == list(range(len(ARTICLE_BLOCKS)))
    assert document.name == "source/china-central-asia-article.txt"
    assert document.domain == "china-central-asia-article"


@pytest.mark.parametrize(
    ("index", "text"),
    [
        (0, "Download"),
        (1, "What do China-Central Asia ties mean for a turbulent world?"),
        (2, "CGTN"),
        (3, "01:50"),
        (9, "China-Central Asia ties valuable"),
        (22, "Common security interests"),  # trailing space and no-break space dropped
        (30, "Search Trends"),  # last line, no final newline
    ],
    ids=["chrome", "title", "byline", "media", "heading", "heading-trailing-space", "last-line"],
)
def test_article_block_texts(index: int, text: str) -> None:
    assert read_document(ARTICLE).blocks[index].text == text


def test_article_caption_keeps_credit_apart() -> None:
    caption = read_document(ARTICLE).blocks[6]
    assert caption.text.endswith("Kyrgyzstan, October 27, 2020.")
    assert (caption.credit_separator, caption.credit) == (" ", "/Xinhua")
    assert not caption.text.endswith(" ")


def test_article_paragraph_drops_trailing_no_break_space() -> None:
    paragraph = read_document(ARTICLE).blocks[4]
    assert paragraph.text.endswith("according to the Chinese Foreign Ministry.")


@pytest.mark.parametrize("name", FIXTURES, ids=FIXTURES)
def test_made_up_article_matches_golden_blocks(name: str) -> None:
    document = read_document(DATA / f"{name}.txt")
    expected = json.loads((DATA / f"{name}.blocks.json").read_text(encoding="utf-8"))
    assert [asdict(block) for block in document.blocks] == expected


def _variants(text: str) -> dict[str, str]:
    return {
        "crlf": text.replace("\n", "\r\n"),
        "cr": text.replace("\n", "\r"),
        "bom": "\ufeff" + text,
        "bom-crlf": "\ufeff" + text.replace("\n", "\r\n"),
        "trailing-whitespace": text.replace("\n", " \t\u00a0\n"),
        "no-final-newline": text.rstrip("\n"),
        "extra-final-newlines": text + "\n\n\n",
    }


@pytest.mark.parametrize("variant", list(_variants("")), ids=list(_variants("")))
@pytest.mark.parametrize("name", FIXTURES, ids=FIXTURES)
def test_line_endings_bom_and_whitespace_change_nothing(
    tmp_path: Path, name: str, variant: str
) -> None:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    path = tmp_path / f"{name}.txt"
    path.write_bytes(_variants(text)[variant].encode("utf-8"))
    assert read_document(path).blocks == read_document(DATA / f"{name}.txt").blocks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Title here\nBy Jane Doe\n\nOne paragraph.\n",
            [(1, "title"), (2, "byline"), (4, "paragraph")],
            id="byline-by",
        ),
        pytest.param(
            "Title here\n\nFirst sentence is long enough to be a paragraph.\n",
            [(1, "title"), (3, "paragraph")],
            id="no-byline",
        ),
        pytest.param(
            "Title\n\nText one.\n\nShare\n\nText two.\n",
            [(1, "title"), (3, "paragraph"), (5, "heading"), (7, "paragraph")],
            id="chrome-word-mid-article-is-text",
        ),
        pytest.param(
            "Title\n\nText one.\n\nPhotos of the week\n",
            [(1, "title"), (3, "paragraph"), (5, "chrome")],
            id="heading-without-text-after-is-chrome",
        ),
        pytest.param(
            "Title\n\nText one.\n\nWe will see what happens next week then\n",
            [(1, "title"), (3, "paragraph"), (5, "paragraph")],
            id="long-unpunctuated-last-line-is-text",
        ),
        pytest.param(
            "Title\n\nText one.\n\nWhy now?\n\nText two.\n",
            [(1, "title"), (3, "paragraph"), (5, "heading"), (7, "paragraph")],
            id="question-heading",
        ),
        pytest.param(
            "Title\n\nText one.\n\nCopyright 2024 Example. All rights reserved.\n",
            [(1, "title"), (3, "paragraph"), (5, "chrome")],
            id="copyright-at-end",
        ),
        pytest.param(
            "Download\n12:30\nTitle\n\nText one.\n",
            [(1, "chrome"), (2, "media"), (3, "title"), (5, "paragraph")],
            id="chrome-and-media-before-title",
        ),
        pytest.param(
            "Title\n\nA caption with no credit\nA caption with no credit\n\nText one.\n",
            [(1, "title"), (3, "caption"), (4, "caption"), (6, "paragraph")],
            id="repeated-line-is-caption",
        ),
        pytest.param(
            "Title\n\n1,200\n\n42%\n\nText one.\n",
            [(1, "title"), (3, "media"), (5, "media"), (7, "paragraph")],
            id="numbers-are-media",
        ),
        pytest.param(
            "Floating solar farm opens today\nShare\nCGTN\nShare\n\nText one.\n",
            [(1, "title"), (2, "chrome"), (3, "byline"), (4, "chrome"), (6, "paragraph")],
            id="chrome-around-byline",
        ),
        pytest.param(
            "World\nAsia Pacific\nDownload\nFloating solar farm opens\n\nText one.\n",
            [(1, "chrome"), (2, "chrome"), (3, "chrome"), (4, "title"), (6, "paragraph")],
            id="section-labels-above-chrome",
        ),
        pytest.param(
            "Floating solar farm opens\nPublished 10:05, 1 May 2024\n\nText one.\n",
            [(1, "title"), (2, "dateline"), (4, "paragraph")],
            id="dateline",
        ),
        pytest.param(
            "Title\n\nPublished in 1998, the book sold well.\n",
            [(1, "title"), (3, "paragraph")],
            id="published-sentence-is-text",
        ),
        pytest.param(
            "Title\n\nText one.\n\n(With input from Xinhua)\n",
            [(1, "title"), (3, "paragraph"), (5, "paragraph")],
            id="parenthesised-note-at-end",
        ),
        pytest.param(
            "Title\n\nText one.\n\n(Reporting by Jane Doe; Editing by Ann Lee)\n",
            [(1, "title"), (3, "paragraph"), (5, "signoff")],
            id="reporting-credits-are-a-signoff",
        ),
        pytest.param(
            "Title\n\nKey facts:\n\n- Founded: 2001\n- Members: 9\n2. Trade in yuan\n\nText.\n",
            [
                (1, "title"),
                (3, "paragraph"),
                (5, "paragraph"),
                (6, "paragraph"),
                (7, "paragraph"),
                (9, "paragraph"),
            ],
            id="list-items-are-not-headings",
        ),
        pytest.param(
            "Title\n\nText one.\n\nQ: Why does it matter?\nA: It links China with Europe.\n",
            [(1, "title"), (3, "paragraph"), (5, "paragraph"), (6, "paragraph")],
            id="interview-question-is-not-a-heading",
        ),
        pytest.param(
            "Rail deal signed\nBy Jane Doe, Reuters\nWednesday, May 17, 2023\n\nText one.\n",
            [(1, "title"), (2, "byline"), (3, "dateline"), (5, "paragraph")],
            id="date-under-byline-is-a-dateline",
        ),
    ],
)
def test_block_rules(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(line, kind) for line, kind, _ in kinds(text)] == expected


@pytest.mark.parametrize(
    ("line", "text", "separator", "credit"),
    [
        ("Troops on parade, May 9. /Reuters", "Troops on parade, May 9.", " ", "/Reuters"),
        ("Troops on parade, May 9. / AFP", "Troops on parade, May 9.", " ", "/ AFP"),
        ("Troops on parade, May 9./Xinhua", "Troops on parade, May 9.", "", "/Xinhua"),
        ("Troops on parade, May 9.  /CFP", "Troops on parade, May 9.", "  ", "/CFP"),
        (
            "Troops on parade, May 9. /Getty Images",
            "Troops on parade, May 9.",
            " ",
            "/Getty Images",
        ),
        ("Troops on parade, May 9. /VCG Photo", "Troops on parade, May 9.", " ", "/VCG Photo"),
        ("Kids at play. Photo: Reuters", "Kids at play.", " ", "Photo: Reuters"),
        (
            "Fireworks over Bishkek. (Photo by Vyacheslav Oseledko/AFP)",
            "Fireworks over Bishkek.",
            " ",
            "(Photo by Vyacheslav Oseledko/AFP)",
        ),
        ("A rally in Astana. Photo/Xinhua", "A rally in Astana.", " ", "Photo/Xinhua"),
    ],
    ids=[
        "reuters",
        "spaced-afp",
        "glued",
        "two-spaces",
        "two-words",
        "vcg-photo",
        "photo-colon",
        "photo-by-in-parentheses",
        "photo-slash",
    ],
)
def test_caption_credit(line: str, text: str, separator: str, credit: str) -> None:
    block = parse(f"Title\n\n{line}\n\nText one.\n").blocks[1]
    assert (block.kind, block.text, block.credit_separator, block.credit) == (
        "caption",
        text,
        separator,
        credit,
    )


@pytest.mark.parametrize(
    "line",
    [
        "Members voted for and/or against the plan.",
        "The speed limit is 100 km /h",
        "It was a long and very detailed report /The Example Daily Evening Newspaper Group",
        "Photos: Bishkek celebrates Nowruz",
        "The exhibition is called Photo: Reuters",
    ],
    ids=["and-or", "lowercase-after-slash", "credit-too-long", "label-only", "mid-sentence"],
)
def test_no_credit(line: str) -> None:
    block = parse(f"Title\n\nText one.\n\n{line}\n\nText two.\n").blocks[2]
    assert block.kind != "caption"
    assert block.credit == ""


def test_duplicates_point_at_first_copy() -> None:
    caption = "A view of the city. /AP"
    text = f"Title\n\n{caption}\n\nText.\n\n{caption}\n{caption}\n"
    blocks = parse(text).blocks
    assert [(b.kind, b.duplicate_of) for b in blocks] == [
        ("title", None),
        ("caption", None),
        ("paragraph", None),
        ("caption", 1),
        ("caption", 1),
    ]


def test_hard_wrapped_paragraph_is_one_block() -> None:
    text = (
        "Title\n\nThe committee met on Monday to discuss the budget for the next\n"
        "year, and agreed on most points,\nexcept transport.\nA new line starts here.\n"
    )
    blocks = parse(text).blocks
    assert [(b.line, b.kind, b.text) for b in blocks] == [
        (1, "title", "Title"),
        (
            3,
            "paragraph",
            "The committee met on Monday to discuss the budget for the next year,"
            " and agreed on most points, except transport.",
        ),
        (6, "paragraph", "A new line starts here."),
    ]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        (
            'Traders welcomed it. "Customs used to take three days,"\nsaid one shop owner.\n',
            'Traders welcomed it. "Customs used to take three days," said one shop owner.',
        ),
        (
            "It is the largest land port on the border between China and\nKazakhstan.\n",
            "It is the largest land port on the border between China and Kazakhstan.",
        ),
    ],
    ids=["comma-before-closing-quote", "ends-in-and-before-capital"],
)
def test_hard_wrapped_line_continues(text: str, joined: str) -> None:
    assert kinds(f"Title\n\n{text}") == [(1, "title", "Title"), (3, "paragraph", joined)]


def test_list_item_is_not_joined_to_the_line_before() -> None:
    text = "Title\n\nThe plan has three parts, and the first of\n- them is trade.\n"
    assert [line for line, _, _ in kinds(text)] == [1, 3, 4]


def test_parse_empty_text_has_no_blocks() -> None:
    assert parse("").blocks == ()
    assert parse(" \n\t\n").blocks == ()


def test_name_relative_to_root(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    path = tmp_path / "source" / "my-article.txt"
    path.write_text("Title\n\nText.\n", encoding="utf-8")
    document = segment_file(path, root=tmp_path).document
    assert (document.name, document.domain, document.path) == (
        "source/my-article.txt",
        "my-article",
        path,
    )


def test_name_outside_root_is_relative(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere.txt"
    path.write_text("Title\n\nText.\n", encoding="utf-8")
    # An absolute path in #: would differ between machines and leak the local layout.
    assert segment_file(path, root=tmp_path / "project").document.name == "../elsewhere.txt"


def test_read_text() -> None:
    document = read_text("\ufeffTitle\r\n\r\nText.\r\n")
    assert (document.name, document.domain, document.path) == ("<stdin>", "stdin", Path("-"))
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("title", "Title"),
        ("paragraph", "Text."),
    ]


def _error(path: Path) -> str:
    with pytest.raises(SourceError) as info:
        read_document(path)
    return str(info.value)


def test_error_missing(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    assert _error(path) == f"{path}: file not found — check the path or put the article in source/"


def test_error_directory(tmp_path: Path) -> None:
    assert _error(tmp_path) == (
        f"{tmp_path}: is a directory, not a file — give the path of an article .txt file"
    )


@pytest.mark.parametrize(
    ("oserror", "message"),
    [
        (
            PermissionError(errno.EACCES, "Permission denied"),
            "cannot read the file (permission denied) — check its permissions",
        ),
        (
            OSError(errno.EIO, "Input/output error"),
            "cannot read the file (Input/output error) — check the path",
        ),
    ],
    ids=["permission", "io-error"],
)
def test_error_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, oserror: OSError, message: str
) -> None:
    # The tests may run as root, who can read any file: raise the OSError at the boundary.
    path = tmp_path / "locked.txt"
    path.write_text("Title\n\nText.\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise oserror

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert _error(path) == f"{path}: {message}"


@pytest.mark.parametrize(
    ("data", "line", "byte"),
    [
        (b"\xffTitle\n", 1, "0xff"),
        (b"Title\n\nCaf\xe9 owners said so.\n", 3, "0xe9"),
        (b"Title\r\n\r\nText.\r\nMore \x80.\r\n", 4, "0x80"),
        (b"Title\r\rText \xc3(.\r", 3, "0xc3"),
    ],
    ids=["first-line", "latin-1", "crlf", "cr"],
)
def test_error_not_utf8(tmp_path: Path, data: bytes, line: int, byte: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    assert _error(path) == (f"{path}:{line}: not UTF-8 text (byte {byte}) — save the file as UTF-8")


def test_error_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("Title\n\nText.\n".encode("utf-16-le"))
    assert _error(path) == (
        f"{path}:1: not UTF-8 text (NUL bytes: UTF-16?) — save the file as UTF-8"
    )


EMPTY = "nothing to read (empty or only whitespace) — put the English article text in it"
NO_TEXT = (
    "no translatable text (only page chrome, timestamps or numbers)"
    " — check that this is the article"
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", EMPTY),
        (b" \n\r\n\t\n", EMPTY),
        (b"\xef\xbb\xbf\n", EMPTY),
        (b"Download\n01:50\n\nSearch Trends", NO_TEXT),
        (b"12:30\n2024\nhttps://example.com/x\n", NO_TEXT),
    ],
    ids=["empty", "whitespace", "bom-only", "chrome-only", "media-only"],
)
def test_error_no_text(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    assert _error(path) == f"{path}: {message}"


@pytest.mark.parametrize(
    ("text", "message"),
    [("", EMPTY), ("  \n", EMPTY), ("Download\n", NO_TEXT)],
    ids=["empty", "whitespace", "chrome-only"],
)
def test_read_text_errors(text: str, message: str) -> None:
    with pytest.raises(SourceError) as info:
        read_text(text)
    assert str(info.value) == f"<stdin>: {message}"


def test_blocks_are_frozen() -> None:
    block = parse("Title\n\nText.\n").blocks[0]
    assert isinstance(block, Block)
    with pytest.raises(AttributeError):
        block.text = "changed"  # type: ignore[misc]
