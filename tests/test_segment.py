"""Sentence splitting, translatability, and blocks → segments."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.article.classify import parse_document
from l10n.article.read import read_document
from l10n.article.segment import segment_blocks, segment_document, split_sentences
from l10n.model import Document
from l10n.patterns import is_translatable

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "source" / "china-central-asia-article.txt"
DATA = Path(__file__).parent / "data" / "document"
DOCUMENTS = [
    ARTICLE,
    DATA / "wire-story.txt",
    DATA / "wrapped-notice.txt",
    DATA / "opinion-page.txt",
]


def sentences(text: str) -> list[str]:
    return [sentence for sentence, _ in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Last month, State Councilor and Foreign Minister Qin Gang chaired the fourth "
            "China-Central Asia Foreign Ministers' Meeting in Xi'an. Aside from consensus on "
            "economic cooperation, expanding security collaboration was also stressed because "
            "of new risks and challenges in the region, especially the chaos caused by U.S.' "
            "hasty withdrawal from Afghanistan.",
            [
                "Last month, State Councilor and Foreign Minister Qin Gang chaired the fourth "
                "China-Central Asia Foreign Ministers' Meeting in Xi'an.",
                "Aside from consensus on economic cooperation, expanding security collaboration "
                "was also stressed because of new risks and challenges in the region, especially "
                "the chaos caused by U.S.' hasty withdrawal from Afghanistan.",
            ],
            id="article-us-apostrophe",
        ),
        pytest.param(
            "In August 2021, following the U.S.' announcement of withdrawal from Afghanistan, "
            "China and Tajikistan held an exercise.",
            [
                "In August 2021, following the U.S.' announcement of withdrawal from Afghanistan, "
                "China and Tajikistan held an exercise."
            ],
            id="article-us-apostrophe-mid-sentence",
        ),
        pytest.param(
            "It had delivered a total of 423.2 billion cubic meters of natural gas to China by "
            "the end of 2022. It starts from Turkmenistan.",
            [
                "It had delivered a total of 423.2 billion cubic meters of natural gas to China "
                "by the end of 2022.",
                "It starts from Turkmenistan.",
            ],
            id="article-decimal",
        ),
        pytest.param(
            '"The BRI is about achieving global growth. With Global development, we can achieve '
            'the principles of global security," Sarybay said, adding he believes the BRI serves '
            "the well-being of the world.",
            [
                '"The BRI is about achieving global growth. With Global development, we can '
                'achieve the principles of global security," Sarybay said, adding he believes '
                "the BRI serves the well-being of the world."
            ],
            id="article-quote-spanning-sentences",
        ),
        pytest.param(
            "Kairat Sarybay, executive director of the Conference in Asia (CICA) told CGTN on "
            "Wednesday. He believes it.",
            [
                "Kairat Sarybay, executive director of the Conference in Asia (CICA) told CGTN on "
                "Wednesday.",
                "He believes it.",
            ],
            id="article-parenthesis",
        ),
        pytest.param(
            "Mr. Smith met Dr. Jones at 3 p.m. on Monday. They talked.",
            ["Mr. Smith met Dr. Jones at 3 p.m. on Monday.", "They talked."],
            id="titles-and-pm",
        ),
        pytest.param(
            "The talks ended at 10 p.m. Officials said nothing.",
            ["The talks ended at 10 p.m.", "Officials said nothing."],
            id="pm-at-end",
        ),
        pytest.param(
            "By 9 a.m. Mr. Brown had left. He came back at 5 p.m. EST. Then he slept.",
            ["By 9 a.m. Mr. Brown had left.", "He came back at 5 p.m. EST.", "Then he slept."],
            id="time-phrase-and-time-zone",
        ),
        pytest.param(
            "The No. 3 seed won. Then it rained.",
            ["The No. 3 seed won.", "Then it rained."],
            id="number-abbreviation",
        ),
        pytest.param(
            "J. R. R. Tolkien wrote books. They sold.",
            ["J. R. R. Tolkien wrote books.", "They sold."],
            id="initials",
        ),
        pytest.param(
            "(He left. She stayed.) Then it ended.",
            ["(He left. She stayed.)", "Then it ended."],
            id="parentheses",
        ),
        pytest.param(
            "“We will win. We must,” he said. Then he left.",
            ["“We will win. We must,” he said.", "Then he left."],
            id="curly-quotes",
        ),
        pytest.param(
            "The vote was 52-48... Then chaos.",
            ["The vote was 52-48...", "Then chaos."],
            id="ellipsis",
        ),
        pytest.param(
            "Is this it? Yes! It is.",
            ["Is this it?", "Yes!", "It is."],
            id="question-exclamation",
        ),
        pytest.param(
            "Troops left the U.S. He said so.",
            ["Troops left the U.S.", "He said so."],
            id="abbreviation-ends-sentence",
        ),
        pytest.param("No final stop", ["No final stop"], id="no-final-stop"),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", [("One.", " "), ("Two.", "")]),
        ("One.  Two.\t", [("One.", "  "), ("Two.", "\t")]),
        ("One.\n\nTwo.", [("One.", "\n\n"), ("Two.", "")]),
        ("  One. Two.", [("  One.", " "), ("Two.", "")]),
        ("", []),
        ("   ", [("", "   ")]),
    ],
    ids=["space", "spaces-and-tab", "newlines", "leading-space", "empty", "whitespace-only"],
)
def test_split_sentences_separators(text: str, expected: list[tuple[str, str]]) -> None:
    assert split_sentences(text) == expected


PIECES = st.sampled_from(
    [*"ab A.B?!\"'()” \n\t.:;1-…", "Mr.", "U.S.", "p.m.", "At 5 a.m.", "EST.", "...", "  "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_split_sentences_reproduces_text(text: str) -> None:
    pairs = split_sentences(text)
    assert "".join(sentence + separator for sentence, separator in pairs) == text
    assert all(not separator.strip() for _, separator in pairs)
    assert all(sentence and not sentence[0].isspace() for sentence, _ in pairs[1:])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01:50", False),
        ("1:02:03", False),
        ("2024", False),
        ("423.2", False),
        ("42%", False),
        ("— … !", False),
        ("https://www.example.org/railway", False),
        ("www.example.org", False),
        ("news@example.org", False),
        ("https://a.example https://b.example", False),
        ("", False),
        ("CGTN", True),
        ("Economic benefits", True),
        ("$4.5bn", True),
        ("See https://example.org for more.", True),
        ("Алматы", True),
    ],
    ids=lambda value: repr(value) if isinstance(value, str) else None,
)
def test_is_translatable(text: str, expected: bool) -> None:
    assert is_translatable(text) is expected


def _doc(text: str) -> Document:
    return parse_document(text, path=Path("a.txt"), name="a.txt", domain="a")


SAMPLE = (
    "Download\n"  # 1 chrome
    "A title for the test\n"  # 2 title
    "By Jane Doe\n"  # 3 byline
    "01:50\n"  # 4 media
    "\n"
    "First sentence here. Second one, at 5 p.m. on Monday.\n"  # 6 paragraph
    "\n"
    "A harbour view, May 2, 2024. /AP\n"  # 8 caption
    "A harbour view, May 2, 2024. /AP\n"  # 9 caption copy
    "\n"
    "A heading\n"  # 11 heading
    "\n"
    "Last paragraph. Second sentence here.\n"  # 13 paragraph
    "\n"
    "01:50\n"  # 15 media again
    "\n"
    "A harbour view, May 2, 2024. /AP\n"  # 17 caption copy
    "Read more"  # 18 chrome
)


def test_segment_blocks() -> None:
    got = [
        (s.id, s.block, s.position, s.kind, s.text, s.line, s.separator, s.translatable)
        for s in segment_blocks(_doc(SAMPLE))
    ]
    assert got == [
        ("b1.s0", 1, 0, "title", "A title for the test", 2, "", True),
        ("b2.s0", 2, 0, "byline", "By Jane Doe", 3, "", True),
        ("b3.s0", 3, 0, "media", "01:50", 4, "", False),
        ("b4.s0", 4, 0, "paragraph", "First sentence here.", 6, " ", True),
        ("b4.s1", 4, 1, "paragraph", "Second one, at 5 p.m. on Monday.", 6, "", True),
        ("b5.s0", 5, 0, "caption", "A harbour view, May 2, 2024.", 8, "", True),
        ("b6.s0", 6, 0, "caption", "A harbour view, May 2, 2024.", 9, "", True),
        ("b7.s0", 7, 0, "heading", "A heading", 11, "", True),
        ("b8.s0", 8, 0, "paragraph", "Last paragraph.", 13, " ", True),
        ("b8.s1", 8, 1, "paragraph", "Second sentence here.", 13, "", True),
        ("b9.s0", 9, 0, "media", "01:50", 15, "", False),
        ("b10.s0", 10, 0, "caption", "A harbour view, May 2, 2024.", 17, "", True),
    ]


def test_segment_document_deduplicates_with_references() -> None:
    got = [
        (s.id, s.text, s.line, s.references, s.translatable) for s in segment_document(_doc(SAMPLE))
    ]
    assert got == [
        ("b1.s0", "A title for the test", 2, (2,), True),
        ("b2.s0", "By Jane Doe", 3, (3,), True),
        ("b3.s0", "01:50", 4, (4, 15), False),
        ("b4.s0", "First sentence here.", 6, (6,), True),
        ("b4.s1", "Second one, at 5 p.m. on Monday.", 6, (6,), True),
        ("b5.s0", "A harbour view, May 2, 2024.", 8, (8, 9, 17), True),
        ("b7.s0", "A heading", 11, (11,), True),
        ("b8.s0", "Last paragraph.", 13, (13,), True),
        ("b8.s1", "Second sentence here.", 13, (13,), True),
    ]


def test_same_sentence_twice_in_a_paragraph_has_one_reference() -> None:
    segments = segment_document(_doc("Title\n\nYes. Yes. No.\n"))
    assert [(s.text, s.references) for s in segments] == [
        ("Title", (1,)),
        ("Yes.", (3,)),
        ("No.", (3,)),
    ]


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_segments_rebuild_every_block(path: Path) -> None:
    document = read_document(path)
    segments = segment_blocks(document)
    for block in document.blocks:
        own = [s for s in segments if s.block == block.index]
        if block.kind == "chrome":
            assert own == []
            continue
        assert "".join(s.text + s.separator for s in own) == block.text
        assert [s.position for s in own] == list(range(len(own)))
        assert all(s.id == f"b{block.index}.s{s.position}" for s in own)


def test_article_segments() -> None:
    document = read_document(ARTICLE)
    all_segments = segment_blocks(document)
    unique = segment_document(document)
    assert (len(all_segments), len(unique)) == (38, 34)
    assert sum(s.translatable for s in unique) == 32
    assert [s.text for s in unique if not s.translatable] == ["01:50", "01:33"]
    captions = [(s.id, s.references) for s in unique if s.kind == "caption"]
    assert captions == [("b6.s0", (10, 11, 13)), ("b19.s0", (35, 36, 38))]
    paragraph_sentences = [s for s in unique if s.kind == "paragraph"]
    assert len(paragraph_sentences) == 25
    assert all(s.text[-1] in '."' for s in paragraph_sentences)


def test_list_marker_is_an_untranslatable_segment() -> None:
    text = "Title\n\nKey facts:\n\n1. Founded in 2001. Based in Beijing.\n- Members: 9\n"
    got = [(s.id, s.text, s.separator, s.translatable) for s in segment_blocks(_doc(text))]
    assert got[2:] == [
        ("b2.s0", "1.", " ", False),
        ("b2.s1", "Founded in 2001.", " ", True),
        ("b2.s2", "Based in Beijing.", "", True),
        ("b3.s0", "-", " ", False),
        ("b3.s1", "Members: 9", "", True),
    ]
