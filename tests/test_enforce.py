"""Glossary enforcement around MT, tested with FAKE translators.

Every translator here is a deterministic fake, named Fake…, that rewrites strings by rule. They
test the masking, restoring, verifying and retrying logic of ``l10n.enforce``; they say nothing
about whether a real MT model carries placeholders (that is for the engine's own tests).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from l10n.errors import ModelError
from l10n.model import Glossary, Term, Translation
from l10n.mt import Progress
from l10n.terms.enforce import enforce_segments, mask, translate_segments
from l10n.terms.glossary import load_glossary

ROOT = Path(__file__).resolve().parents[1]

GLOSSARY = Glossary(
    (
        Term(
            "Shanghai Cooperation Organization",
            {"ru": "Шанхайская организация сотрудничества", "zh": "上海合作组织"},
            case_sensitive=False,
        ),
        Term("SCO", {"ru": "ШОС", "kk": "ШЫҰ", "zh": "上合组织"}),
        Term("Xian", {"ru": "Сиань", "zh": "西安"}, case_sensitive=False),
        Term("BRI", {"ru": "инициатива «Пояс и путь»"}),
        Term("China", {"ru": "Китай", "zh": "中国"}, case_sensitive=False),
        Term("U.S.", {"ru": "США"}),
        Term("Ju Hao", {"ru": "Цзюй Хао"}, case_sensitive=False),
        Term("CGTN", {}, keep=True),
    )
)


class FakeTranslator:
    """A FAKE translator: applies ``rule`` to each text and records every batch it is given."""

    def __init__(self, rule: Callable[[str], str], name: str = "fake 1.0") -> None:
        self.rule = rule
        self._name = name
        self.calls: list[list[str]] = []

    @property
    def name(self) -> str:
        return self._name

    def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        self.calls.append(list(texts))
        return [self.rule(text) for text in texts]


def fake_ru(text: str) -> str:
    """Fake "Russian": a few words swapped, everything else (placeholders too) carried."""
    words = {"The": "", "met": "собралась", "in": "в", "told": "сообщил", "today": "сегодня"}
    out = re.sub(r"[A-Za-z]+", lambda m: words.get(m.group(), m.group()), text)
    return " ".join(out.split())


def fake_drops_second(text: str) -> str:
    """Loses placeholder 2; without placeholders it renders the SCO term itself, inflected."""
    if "XZ" in text:
        return fake_ru(re.sub(r"XZ2", "", text))
    return fake_ru(text.replace("SCO", "ШОС-а").replace("Xian", "Сиане"))


def fake_duplicates(text: str) -> str:
    """Says placeholder 1 twice when there are two; unmasked, it renders the terms itself."""
    return fake_damages_first(text, "XZ1 XZ1")


def fake_damages_first(text: str, damaged: str) -> str:
    """Writes placeholder 1 as ``damaged`` when there are two; unmasked, renders the terms."""
    if "XZ2" in text:
        return fake_ru(text.replace("XZ1", damaged))
    if "XZ" in text:
        return fake_ru(text)
    return fake_ru(text.replace("SCO", "ШОС").replace("Xian", "Сиань"))


def fake_forgets_terms(text: str) -> str:
    """Drops every placeholder and, unmasked, leaves the terms in English."""
    return fake_ru(re.sub(r"XZ\d+", "", text))


def test_terms_are_restored_in_one_call() -> None:
    fake = FakeTranslator(fake_ru)
    result = translate_segments(["The SCO met in Xian today."], fake, GLOSSARY, "ru")
    assert fake.calls == [["The XZ1 met in XZ2 today."]]
    assert result == [
        Translation(
            source="The SCO met in Xian today.",
            target="ШОС собралась в Сиань сегодня.",
            origin="mt",
            engine="fake 1.0",
            fuzzy=True,
            comments=("glossary: SCO → ШОС", "glossary: Xian → Сиань"),
        )
    ]


def test_longest_term_masked_and_possessive_kept_outside() -> None:
    masked = mask("The Shanghai Cooperation Organization (SCO) and China's role", GLOSSARY, "ru")
    assert masked.text == "The XZ1 (XZ2) and XZ3's role"
    assert [term.term for _, term in masked.slots] == [
        "Shanghai Cooperation Organization",
        "SCO",
        "China",
    ]


def test_term_without_a_form_in_the_language_is_left_to_the_translator() -> None:
    masked = mask("Ju Hao told the SCO", GLOSSARY, "zh")
    assert masked.text == "Ju Hao told the XZ1"
    fake = FakeTranslator(fake_ru)
    (result,) = translate_segments(["Ju Hao told the SCO"], fake, GLOSSARY, "zh")
    assert result.comments == ("glossary: SCO → 上合组织",)


def test_kept_term_stays_as_is() -> None:
    fake = FakeTranslator(fake_ru)
    (result,) = translate_segments(["Ju Hao told CGTN today."], fake, GLOSSARY, "ru")
    assert fake.calls == [["XZ1 told XZ2 today."]]
    assert result.target == "Цзюй Хао сообщил CGTN сегодня."
    assert result.comments == ("glossary: Ju Hao → Цзюй Хао", "glossary: CGTN (kept as is)")


def test_lowercase_form_at_sentence_start_is_capitalised() -> None:
    fake = FakeTranslator(lambda text: text.replace(" was proposed", " была выдвинута"))
    (result,) = translate_segments(["The BRI was proposed."], fake, GLOSSARY, "ru")
    assert fake.calls == [["The XZ1 was proposed."]]
    assert result.target == "The инициатива «Пояс и путь» была выдвинута."
    (result,) = translate_segments(["BRI was proposed."], fake, GLOSSARY, "ru")
    assert result.target == "Инициатива «Пояс и путь» была выдвинута."


def test_chinese_restoration_closes_spaces_between_characters() -> None:
    fake = FakeTranslator(lambda text: "XZ1 在 XZ2 举行会议。" if "XZ2" in text else text)
    (result,) = translate_segments(["The SCO met in Xian."], fake, GLOSSARY, "zh")
    assert result.target == "上合组织在西安举行会议。"


def test_dotted_acronym_at_the_end_keeps_the_full_stop() -> None:
    masked = mask("Troops left the U.S.", GLOSSARY, "ru")
    assert masked.text == "Troops left the XZ1."


def test_placeholder_prefix_avoids_text_that_already_contains_it() -> None:
    fake = FakeTranslator(fake_ru)
    (result,) = translate_segments(["The XZ1 model met the SCO"], fake, GLOSSARY, "ru")
    assert fake.calls == [["The XZ1 model met the QZX1"]]
    assert result.target == "XZ1 model собралась the ШОС"


BROKEN = [
    ("dropped", fake_drops_second, "ШОС-а собралась в Сиане сегодня."),
    ("duplicated", fake_duplicates, "ШОС собралась в Сиань сегодня."),
    (
        "mangled-case",
        lambda t: fake_damages_first(t, "xz1"),
        "ШОС собралась в Сиань сегодня.",
    ),
    (
        "mangled-space",
        lambda t: fake_damages_first(t, "XZ 1"),
        "ШОС собралась в Сиань сегодня.",
    ),
    (
        "number-lost",
        lambda t: fake_damages_first(t, "XZ"),
        "ШОС собралась в Сиань сегодня.",
    ),
    (
        "intact-plus-mangled-copy",
        lambda t: fake_damages_first(t, "XZ1 xz 1"),
        "ШОС собралась в Сиань сегодня.",
    ),
    (
        "intact-plus-cyrillic-copy",
        lambda t: fake_damages_first(t, "XZ1 ХЗ1"),
        "ШОС собралась в Сиань сегодня.",
    ),
    (
        "intact-plus-full-width-copy",
        lambda t: fake_damages_first(t, "XZ1 ＸＺ１"),
        "ШОС собралась в Сиань сегодня.",
    ),
    (
        "intact-plus-fragment",
        lambda t: fake_damages_first(t, "XZ1 Z1"),
        "ШОС собралась в Сиань сегодня.",
    ),
    (
        "glued-to-a-word-before",
        lambda t: fake_damages_first(t, "вXZ1"),
        "ШОС собралась в Сиань сегодня.",
    ),
    (
        "glued-to-a-word-after",
        lambda t: fake_damages_first(t, "XZ1собралась"),
        "ШОС собралась в Сиань сегодня.",
    ),
]


@pytest.mark.parametrize(("rule", "expected"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_placeholder_is_retried_unmasked(rule: Callable[[str], str], expected: str) -> None:
    fake = FakeTranslator(rule)
    texts = ["China met today.", "The SCO met in Xian today.", "The CGTN met today."]
    result = translate_segments(texts, fake, GLOSSARY, "ru")
    assert fake.calls[1] == ["The SCO met in Xian today."]
    assert len(fake.calls) == 2
    assert [r.target for r in result] == [
        "Китай собралась сегодня.",
        expected,
        "CGTN собралась сегодня.",
    ]
    assert result[1].comments == ("glossary: SCO → ШОС", "glossary: Xian → Сиань")


def test_term_still_missing_after_retry_is_flagged_without_debris() -> None:
    fake = FakeTranslator(fake_forgets_terms)
    texts = ["The SCO met in Xian today.", "China met today.", "No terms here."]
    result = translate_segments(texts, fake, GLOSSARY, "ru")
    assert fake.calls == [
        ["The XZ1 met in XZ2 today.", "XZ1 met today.", "No terms here."],
        ["The SCO met in Xian today.", "China met today."],
    ]
    assert [r.target for r in result] == [
        "SCO собралась в Xian сегодня.",
        "China собралась сегодня.",
        "No terms here.",
    ]
    assert result[0].comments == (
        "glossary: SCO → ШОС",
        "glossary: Xian → Сиань",
        'glossary: missing "ШОС" for "SCO"',
        'glossary: missing "Сиань" for "Xian"',
    )
    assert result[1].comments == (
        "glossary: China → Китай",
        'glossary: missing "Китай" for "China"',
    )
    assert result[2].comments == ()
    assert not any("XZ" in r.target for r in result)


def test_repeated_term_gets_one_comment_and_two_placeholders() -> None:
    fake = FakeTranslator(fake_ru)
    (result,) = translate_segments(["China met China today."], fake, GLOSSARY, "ru")
    assert fake.calls == [["XZ1 met XZ2 today."]]
    assert result.target == "Китай собралась Китай сегодня."
    assert result.comments == ("glossary: China → Китай",)


def test_no_texts_no_call() -> None:
    fake = FakeTranslator(fake_ru)
    assert translate_segments([], fake, GLOSSARY, "ru") == []
    assert fake.calls == []


def test_translator_returning_the_wrong_number_of_outputs() -> None:
    class FakeShortTranslator(FakeTranslator):
        def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
            return super().translate(texts, progress=progress)[:-1]

    with pytest.raises(ModelError) as info:
        translate_segments(["a", "b"], FakeShortTranslator(fake_ru), GLOSSARY, "ru")
    assert str(info.value) == (
        "fake 1.0: returned 1 translations for 2 texts — "
        "the translator must return one output per input"
    )


def test_article_through_a_fake_carrier_has_every_form_restored() -> None:
    glossary = load_glossary(ROOT / "glossary.csv")
    lines = (ROOT / "source" / "china-central-asia-article.txt").read_text(encoding="utf-8")
    texts = [line.strip() for line in lines.splitlines() if line.strip()]
    for lang in ("ru", "kk", "zh"):
        fake = FakeTranslator(lambda text: text)  # carries every placeholder untouched
        result = translate_segments(texts, fake, glossary, lang)
        assert len(fake.calls) == 1
        assert not [r.target for r in result if re.search(r"XZ\d", r.target)]
        assert not [c for r in result for c in r.comments if "missing" in c]
        used = {c for r in result for c in r.comments}
        assert "glossary: SCO → " + {"ru": "ШОС", "kk": "ШЫҰ", "zh": "上合组织"}[lang] in used


GLUED = [
    ("ru-acronym-hyphen", "ru", "Члены XZ1-а", "Члены ШОС-а"),
    ("ru-acronym-glued", "ru", "Члены XZ1а", "Члены ШОСа"),
    ("kk-acronym-suffix", "kk", "XZ1-ның мүшелері", "ШЫҰ-ның мүшелері"),
    ("ru-word-ending-dropped", "ru", "в XZ1е", "в Сиань"),
]


@pytest.mark.parametrize(
    ("lang", "output", "expected"), [g[1:] for g in GLUED], ids=[g[0] for g in GLUED]
)
def test_ending_glued_to_a_placeholder(lang: str, output: str, expected: str) -> None:
    source = "in Xian" if "Сиань" in expected else "members of the SCO"
    fake = FakeTranslator(lambda text: output)
    (result,) = translate_segments([source], fake, GLOSSARY, lang)
    assert (result.target, len(fake.calls)) == (expected, 1)


def test_locale_code_falls_back_to_the_language() -> None:
    fake = FakeTranslator(fake_ru)
    (result,) = translate_segments(["The SCO met in Xian."], fake, GLOSSARY, "zh_Hans")
    assert result.target == "上合组织 собралась в 西安."


def fake_knows_sco_only(text: str) -> str:
    """Renders SCO itself (inflected), leaves other names in English, carries placeholders."""
    return fake_ru(text.replace("SCO", "ШОС-а"))


def test_check_first_keeps_the_models_own_correct_forms_in_one_call() -> None:
    fake = FakeTranslator(fake_knows_sco_only)
    (result,) = translate_segments(["The SCO met."], fake, GLOSSARY, "ru", strategy="check")
    assert fake.calls == [["The SCO met."]]
    assert result.target == "ШОС-а собралась."
    assert result.comments == ("glossary: SCO → ШОС",)


def test_check_first_masks_only_the_missing_terms_of_the_missing_texts() -> None:
    fake = FakeTranslator(fake_knows_sco_only)
    texts = ["The SCO met.", "The SCO met in Xian today."]
    result = translate_segments(texts, fake, GLOSSARY, "ru", strategy="check")
    assert fake.calls == [texts, ["The SCO met in XZ1 today."]]
    assert [r.target for r in result] == ["ШОС-а собралась.", "ШОС-а собралась в Сиань сегодня."]
    assert result[1].comments == ("glossary: SCO → ШОС", "glossary: Xian → Сиань")


def test_check_first_keeps_the_unmasked_output_when_a_placeholder_breaks() -> None:
    fake = FakeTranslator(fake_forgets_terms)
    (result,) = translate_segments(["China met today."], fake, GLOSSARY, "ru", strategy="check")
    assert fake.calls == [["China met today."], ["XZ1 met today."]]
    assert result.target == "China собралась сегодня."
    assert result.comments == ("glossary: China → Китай", 'glossary: missing "Китай" for "China"')


KEPT = [
    (
        "cyrillic-x-and-z-across-words",
        "XZ1 их заявление в XZ2 с X5.",
        "ШОС их заявление в Сиань с X5.",
    ),
    ("code-of-the-source", "XZ1 в XZ2 с командой X5.", "ШОС в Сиань с командой X5."),
]


@pytest.mark.parametrize(("output", "expected"), [k[1:] for k in KEPT], ids=[k[0] for k in KEPT])
def test_text_that_only_resembles_a_placeholder_is_not_debris(output: str, expected: str) -> None:
    fake = FakeTranslator(lambda text: output)
    (result,) = translate_segments(["The SCO met in Xian with the X5 team."], fake, GLOSSARY, "ru")
    assert (result.target, len(fake.calls)) == (expected, 1)


def fake_masked_retry_loses_names(text: str) -> str:
    """Unmasked: renders SCO and China, garbles Xian; masked: leaves SCO and China in English."""
    if "XZ1" in text:
        return fake_ru(text)
    return fake_ru(text.replace("SCO", "ШОС").replace("China", "Китай").replace("Xian", "Сиян"))


def test_check_first_keeps_the_first_output_when_the_retry_misses_more() -> None:
    fake = FakeTranslator(fake_masked_retry_loses_names)
    source = "The SCO met China in Xian today."
    (result,) = translate_segments([source], fake, GLOSSARY, "ru", strategy="check")
    assert fake.calls == [[source], ["The SCO met China in XZ1 today."]]
    assert result.target == "ШОС собралась Китай в Сиян сегодня."
    assert result.comments == (
        "glossary: SCO → ШОС",
        "glossary: China → Китай",
        "glossary: Xian → Сиань",
        'glossary: missing "Сиань" for "Xian"',
    )


# ---------------------------------------------------------------- n-best (issue 15)


class FakeNBest(FakeTranslator):
    """A FAKE n-best translator: hypothesis k is ``rules[k]`` of the text (best first)."""

    def __init__(self, rules: Sequence[Callable[[str], str]]) -> None:
        super().__init__(rules[0])
        self.rules = rules
        self.nbest_calls: list[tuple[list[str], int]] = []

    def translate_nbest(
        self, texts: Sequence[str], n: int, *, progress: Progress | None = None
    ) -> list[list[str]]:
        self.nbest_calls.append((list(texts), n))
        return [[rule(text) for rule in self.rules[:n]] for text in texts]


def _ru_without_sco(text: str) -> str:
    return fake_ru(text.replace("SCO", "Организация"))


def _ru_with_sco(text: str) -> str:
    return fake_ru(text.replace("SCO", "ШОС-а"))


def test_check_takes_the_best_hypothesis_holding_every_term() -> None:
    fake = FakeNBest([_ru_without_sco, _ru_with_sco])
    done = enforce_segments(["The SCO met today."], fake, GLOSSARY, "ru", strategy="check")
    assert [t.target for t in done.translations] == ["ШОС-а собралась сегодня."]
    assert done.second_pass == 0
    assert fake.nbest_calls == [(["The SCO met today."], 4)]
    assert fake.calls == []


def test_check_masks_only_where_no_hypothesis_holds_the_term() -> None:
    fake = FakeNBest([_ru_without_sco, _ru_without_sco])
    texts = ["The SCO met today.", "CGTN met today."]
    done = enforce_segments(texts, fake, GLOSSARY, "ru", strategy="check")
    assert [t.target for t in done.translations] == [
        "ШОС собралась сегодня.",
        "CGTN собралась сегодня.",
    ]
    assert done.second_pass == 1
    assert [texts for texts, _ in fake.nbest_calls] == [texts, ["The XZ1 met today."]]


def test_mask_takes_a_hypothesis_that_kept_the_placeholders() -> None:
    def loses(text: str) -> str:
        return fake_ru(re.sub(r"XZ\d", "", text))

    fake = FakeNBest([loses, fake_ru])
    done = enforce_segments(["The SCO met in Xian today."], fake, GLOSSARY, "ru")
    assert [t.target for t in done.translations] == ["ШОС собралась в Сиань сегодня."]
    assert done.second_pass == 0


def test_chinese_masks_first_even_under_check() -> None:
    fake = FakeNBest([fake_ru])
    done = enforce_segments(["The SCO met today."], fake, GLOSSARY, "zh", strategy="check")
    assert fake.nbest_calls[0][0] == ["The XZ1 met today."]
    assert done.translations[0].target == "上合组织 собралась сегодня."
    assert done.second_pass == 0


def test_translator_without_nbest_still_works_under_check() -> None:
    fake = FakeTranslator(fake_ru)
    done = enforce_segments(["The SCO met today."], fake, GLOSSARY, "ru", strategy="check")
    assert fake.calls == [["The SCO met today."], ["The XZ1 met today."]]
    assert done.second_pass == 1
    assert done.translations[0].target == "ШОС собралась сегодня."
