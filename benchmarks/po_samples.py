"""A realistic news catalog for the PO-writer benchmark: sentences in en/ru/kk/zh.

``news_catalog(3000)`` gives English msgids with translations cycling through Russian,
Kazakh and Chinese, about 1 in 12 a long paragraph, 1 in 15 with ``\\n`` inside, fuzzy
entries with a previous msgid, references and comments as ``l10n run`` writes them.
"""

from __future__ import annotations

import random

from l10n.model import Catalog, Entry

EN = [
    "China is to hold the first China-Central Asia Summit, a head-of-state level gathering, "
    "in China's northwestern city of Xi'an next week.",
    "The summit will draw a new blueprint for China-Central Asia relations, according to the "
    "Chinese Foreign Ministry.",
    'Experts say different from "isolating" or "decoupling", the summit will highlight the '
    "fact that China and Central Asia share a lot of common interests.",
    "The construction site of the second phase of a China-invested North-South highway "
    "project in Kazarman, Kyrgyzstan, October 27, 2020. /Xinhua",
    "Trade between China and the five countries reached $70.2 billion in 2022, up 40% from "
    "a year earlier (CGTN).",
    "Read more at https://news.cgtn.com/news/2023-05-12/China-Central-Asia-ties/index.html "
    "or write to editors@cgtn.com.",
    "Officials said on Wednesday that the U.S.-led bloc had not responded.",
    "Short caption.",
    "Photo: Xinhua",
    "The Tajikistan Wahdat-Yawan railway, built by a Chinese company, opened in 2016.",
]
RU = [
    "Китай проведёт первый саммит «Китай — Центральная Азия», встречу на уровне глав "
    "государств, в северо-западном городе Сиань на следующей неделе.",
    "Саммит станет новой вехой в отношениях Китая и Центральной Азии, сообщили в МИД КНР.",
    "Эксперты считают, что в отличие от «изоляции» или «разъединения» саммит подчеркнёт "
    "общие интересы Китая и стран Центральной Азии.",
    "Товарооборот Китая с пятью странами в 2022 году достиг 70,2 млрд долларов, что на 40% "
    "больше, чем годом ранее (CGTN).",
    "Строительная площадка второй очереди автомагистрали «Север — Юг» в Казармане, "
    "Киргизия, 27 октября 2020 г. /Синьхуа",
    "Фото: Синьхуа",
]
KK = [
    "Қытай келесі аптада Сиань қаласында мемлекет басшылары деңгейіндегі алғашқы "
    "«Қытай — Орталық Азия» саммитін өткізеді.",
    "Сарапшылардың айтуынша, саммит Қытай мен Орталық Азия елдерінің ортақ мүдделері көп "
    "екенін тағы да көрсетеді.",
    "2022 жылы Қытай мен бес ел арасындағы тауар айналымы 70,2 млрд долларға жетті, бұл "
    "бір жыл бұрынғыдан 40% көп.",
    "Тәжікстандағы Вахдат — Яван теміржолын қытайлық компания салған, ол 2016 жылы ашылды.",
    "Сурет: Синьхуа",
]
ZH = [
    "中国将于下周在西北城市西安举办首届中国－中亚峰会，这是一次国家元首级别的会晤。",
    "专家表示，与“孤立”或“脱钩”不同，峰会将进一步凸显中国和中亚国家拥有许多共同利益。",
    "2022年，中国与中亚五国贸易额达到702亿美元，同比增长40%（中国国际电视台）。",
    "《一带一路》倡议、能源、农业、绿色经济等领域的经济合作将成为关键议题！",
    "图片：新华社",
]
TRANSLATIONS = [RU, KK, ZH]


def _text(rng: random.Random, pool: list[str], index: int) -> str:
    if index % 12 == 5:  # a long paragraph: several sentences in one entry
        return " ".join(rng.choice(pool) for _ in range(rng.randint(4, 10)))
    if index % 15 == 7:  # lines kept apart inside one entry
        return "\n".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
    return rng.choice(pool)


def news_catalog(size: int = 3000, seed: int = 14) -> Catalog:
    """``size`` entries of news text, deterministic for a given ``seed``."""
    rng = random.Random(seed)
    metadata = (
        ("Project-Id-Version", "news"),
        ("POT-Creation-Date", "2026-01-01 00:00+0000"),
        ("PO-Revision-Date", "2026-01-01 00:00+0000"),
        ("Language", "ru"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
    )
    entries = []
    for index in range(size):
        fuzzy = index % 4 == 0
        entries.append(
            Entry(
                msgid=f"{_text(rng, EN, index)} [{index}]",
                msgstr=f"{_text(rng, TRANSLATIONS[index % 3], index)} [{index}]",
                msgctxt=f"b{index}.s0" if index % 9 == 0 else None,
                references=((f"source/article-{index % 200:03d}.txt", str(index % 97 + 1)),),
                extracted_comments="paragraph",
                translator_comments="machine translation: argos" if fuzzy else "",
                flags=("fuzzy",) if fuzzy else (),
                previous_msgid=f"{rng.choice(EN)} [{index}]" if fuzzy else None,
            )
        )
    return Catalog(entries=tuple(entries), metadata=metadata)
