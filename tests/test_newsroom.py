"""The recognisers of news-copy conventions, one table per question (l10n/article/newsroom.py)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from l10n.article.newsroom import (
    caption_label,
    credit_split,
    is_credit_line,
    is_dateline,
    is_furniture,
    is_signoff,
    lead_dateline,
)
from l10n.cli import cli

CREDITS = [
    ("A view, June 16, 2025. REUTERS/Pavel Mikheyev", "REUTERS/Pavel Mikheyev"),
    ("A view, June 16. REUTERS/Pavel Mikheyev/File Photo", "REUTERS/Pavel Mikheyev/File Photo"),
    (
        "A man at a fountain, May 2, 2024. (AP Photo/Vladimir Voronin)",
        "(AP Photo/Vladimir Voronin)",
    ),
    ("Kids play, 2024. (AP Photo/Vladimir Voronin, File)", "(AP Photo/Vladimir Voronin, File)"),
    ("A train, June 16, 2025. (Xinhua/Li Xueren)", "(Xinhua/Li Xueren)"),
    ("Workers on June 16, 2025. Xinhua/Li Ming", "Xinhua/Li Ming"),
    ("Leaders meet on June 12, 2025. AFP via Getty Images", "AFP via Getty Images"),
    ("Farmers near Khujand. (Photo by Amir Isaev / AFP)", "(Photo by Amir Isaev / AFP)"),
    ("Forum guests, May 2024. © Sergei Bobylev/TASS", "© Sergei Bobylev/TASS"),
    ("Roman Vassilenko. Valery Sharifulin/TASS", "Valery Sharifulin/TASS"),
    ("Lavrov in Moscow. © Sputnik / Alexei Druzhinin", "© Sputnik / Alexei Druzhinin"),
    ("Smoke over the city. EPA-EFE/SERGEY DOLZHENKO", "EPA-EFE/SERGEY DOLZHENKO"),
    ("Erdogan speaks. (Emin Sansar - Anadolu Agency)", "(Emin Sansar - Anadolu Agency)"),
    ("A launch at Baikonur. Photo courtesy of Roscosmos", "Photo courtesy of Roscosmos"),
    ("The hall. Photo credit: the Ministry of Industry", "Photo credit: the Ministry of Industry"),
    ("A market in Osh. Credit: Jane Doe", "Credit: Jane Doe"),
    ("Containers at Aktau, June 15, 2025. /Xinhua", "/Xinhua"),
    ("A bridge in Chongqing. /CFP", "/CFP"),
]


@pytest.mark.parametrize(("line", "credit"), CREDITS, ids=[c for _, c in CREDITS])
def test_caption_credit(line: str, credit: str) -> None:
    split = credit_split(line)
    assert split is not None
    caption, separator, found = split
    assert found == credit
    assert caption + separator + found == line


@pytest.mark.parametrize(
    "line",
    [
        "Members voted for and/or against the plan.",
        "Analysts polled by Reuters had expected a hold.",
        "The exhibition is called Photo: Reuters",
        "Hello!! Long time no see.",
        "The deal was signed. (With input from Xinhua)",
        "Photos: Bishkek celebrates Nowruz",
    ],
)
def test_no_credit(line: str) -> None:
    assert credit_split(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Image source, Getty Images", True),
        ("Photo: Akorda", True),
        ("REUTERS/Pavel Mikheyev", True),
        ("(AP Photo/Vladimir Voronin)", True),
        ("By Jane Doe/Reuters", False),
        ("Photos: Bishkek celebrates Nowruz", False),
        ("CGTN", False),
    ],
)
def test_credit_line(line: str, expected: bool) -> None:
    assert is_credit_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("May 3, 2024 10:42 AM GMT+5", True),
        ("Updated 14:05, 12-Jun-2024", True),
        ("2025-06-17 19:05:32", True),
        ("Published 3 hours ago", True),
        ("Published: 12/06/2025 - 18:05", True),
        ("17 JUN, 14:05", True),
        ("Jan. 23, 2025, 5:14 PM ET", True),
        ("Wednesday, May 17, 2023", True),
        ("01:50", False),
        ("2024", False),
        ("May I come in", False),
        ("Published in 1998, the book sold well.", False),
    ],
)
def test_dateline(line: str, expected: bool) -> None:
    assert is_dateline(line) is expected


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("ASTANA, June 17 (Reuters) - The bank held.", "ASTANA, June 17 (Reuters) -"),
        ("ASTANA, Kazakhstan (AP) — Heat hit.", "ASTANA, Kazakhstan (AP) —"),
        ("Dushanbe (AFP) - Leaders met.", "Dushanbe (AFP) -"),
        ("ASTANA, June 17 (Xinhua) -- Trains ran.", "ASTANA, June 17 (Xinhua) --"),
        ("ASTANA, June 17. /TASS/. The forum opens.", "ASTANA, June 17. /TASS/."),
        ("ASTANA. KAZINFORM – Talks began.", "ASTANA. KAZINFORM –"),
        ("TARAZ – A plant opened.", "TARAZ –"),
        ("Astana, 17 June 2025 – Firms signed.", "Astana, 17 June 2025 –"),
        ("Kazakhstan, Uzbekistan – two neighbours – met.", None),
        ("St. Michael's Church is on 5th st. near the light.", None),
    ],
)
def test_lead_dateline(text: str, lead: str | None) -> None:
    found = lead_dateline(text)
    assert (found[0] if found else None) == lead


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(Reporting by Ann Lee; Writing by Bo Chen; Editing by Mark Heinrich)", True),
        ("Associated Press writer Ivan Petrov in Moscow contributed to this report.", True),
        ("Source: Xinhua", True),
        ("Editor: Wang Fei", True),
        ("(With input from Xinhua)", False),
        ("The source said the editor had left.", False),
    ],
)
def test_signoff(line: str, expected: bool) -> None:
    assert is_signoff(line) is expected


def test_furniture_and_caption_label() -> None:
    assert is_furniture("___") and is_furniture("###")
    assert is_furniture("Our Standards: The Thomson Reuters Trust Principles.")
    assert not is_furniture("Our standards are high.")
    assert caption_label("Image caption, A steppe eagle") == ("Image caption,", " ")
    assert caption_label("Images of the week") is None


def test_segment_all_shows_every_line_and_its_fate() -> None:
    text = (
        "Share\nRates held at 16.5%\nUpdated 3 hours ago\n\n"
        "ASTANA, June 17 (Reuters) - The bank held rates. It said so.\n\n"
        "The governor speaks, June 17, 2025. REUTERS/Turar Kazangapov\n\n"
        "(Reporting by Ann Lee; Editing by Bo Chen)\n\nTags\n"
    )
    result = CliRunner().invoke(cli, ["segment", "--json", "--all", "-"], input=text.encode())
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["kind"], r["fate"], r["text"]) for r in records] == [
        ("chrome", "drop", "Share"),
        ("title", "translate", "Rates held at 16.5%"),
        ("dateline", "keep", "Updated 3 hours ago"),
        ("dateline", "keep", "ASTANA, June 17 (Reuters) -"),
        ("paragraph", "translate", "The bank held rates."),
        ("paragraph", "translate", "It said so."),
        ("caption", "translate", "The governor speaks, June 17, 2025."),
        ("credit", "keep", "REUTERS/Turar Kazangapov"),
        ("signoff", "keep", "(Reporting by Ann Lee; Editing by Bo Chen)"),
        ("chrome", "drop", "Tags"),
    ]
    plain = CliRunner().invoke(cli, ["segment", "--all", "-"], input=text.encode()).output
    assert "   1 x chrome    Share" in plain.splitlines()
    assert "   3 - dateline  Updated 3 hours ago" in plain.splitlines()


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        pytest.param(
            "Deal signed\nA plant near Almaty will build up to 30 drones a year, the ministry says"
            "\n\n"
            "Emre Aslan\n\nANKARA (AA) - The deal was signed.\n",
            ["title", "paragraph", "byline", "paragraph"],
            id="byline-after-a-subtitle",
        ),
        pytest.param(
            "Deal signed\nA plant near Almaty will build up to 30 drones a year, the ministry says"
            "\n\n"
            "What comes next\n\nThe deal was signed.\n",
            ["title", "paragraph", "heading", "paragraph"],
            id="heading-after-a-subtitle-is-no-byline",
        ),
        pytest.param(
            "Kazakhstan sets a date for its vote\n\n© Sputnik / Alexei Danichev\nSubscribe\n\n"
            "The vote is on Sunday.\n",
            ["title", "credit", "chrome", "paragraph"],
            id="credit-line-then-chrome",
        ),
        pytest.param(
            "Vote set\n\nThe vote is on Sunday.\n\n*Writing by Burak Dag\n",
            ["title", "paragraph", "signoff"],
            id="unbracketed-signoff",
        ),
    ],
)
def test_held_out_lessons(text: str, kinds: list[str]) -> None:
    from l10n.article.read import read_text

    assert [block.kind for block in read_text(text).blocks] == kinds
