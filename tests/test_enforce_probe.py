"""``check`` mode's probe: a model that misses the glossary's forms is found out early.

The translators here are FAKES (deterministic rewrites, every call recorded): they test how
``l10n.terms.enforce`` schedules its calls, not a model. The real engine's side is in
tests/test_copy_model.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from l10n.model import Glossary, Term
from l10n.mt import Progress
from l10n.project.config import Settings, load_settings
from l10n.terms.enforce import MIN_HELD, PROBE, Probe, enforce_segments

GLOSSARY = Glossary(
    (
        Term("SCO", {"ru": "ШОС", "kk": "ШЫҰ", "zh": "上合组织"}),
        Term("China", {"ru": "Китай", "zh": "中国"}, case_sensitive=False),
    )
)
TERMED = [f"The SCO met for the {n}th time." for n in range(1, 21)]
PLAIN = [f"Talks went on for {n} hours." for n in range(1, 6)]


class Fake:
    """A FAKE translator: ``rule(text)`` per text; records each call's texts."""

    def __init__(self, rule: Callable[[str], str]) -> None:
        self.rule = rule
        self.calls: list[list[str]] = []

    @property
    def name(self) -> str:
        return "fake 1.0"

    def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        self.calls.append(list(texts))
        return [self.rule(text) for text in texts]


def copies(text: str) -> str:
    """Writes English: never a Russian form (the worst case for checking first)."""
    return text


def knows_terms(text: str) -> str:
    """Writes ``ШОС`` for SCO (the case checking first is for)."""
    return text.replace("SCO", "ШОС")


def knows_some(every: int) -> Callable[[str], str]:
    """Writes ``ШОС`` in the texts whose number is a multiple of ``every``."""

    def rule(text: str) -> str:
        number = int("".join(c for c in text if c.isdigit()) or 0)
        return text.replace("SCO", "ШОС") if number % every == 0 else text

    return rule


def test_a_model_that_misses_every_form_gets_the_rest_masked_first() -> None:
    fake = Fake(copies)
    done = enforce_segments(PLAIN + TERMED, fake, GLOSSARY, "ru", strategy="check")
    # one call: the plain texts and the probe, unmasked; one more: the probe's retries
    # (the missing term masked) and the other twelve masked first
    assert fake.calls[0] == PLAIN + TERMED[:PROBE]
    assert len(fake.calls) == 2
    assert sorted(fake.calls[1]) == sorted(t.replace("SCO", "XZ1") for t in TERMED)
    assert done.second_pass == PROBE
    assert done.probe == Probe(held=0, tried=PROBE, masked_first=len(TERMED) - PROBE)
    targets = [t.target for t in done.translations]
    assert targets[: len(PLAIN)] == PLAIN
    assert all("ШОС" in target and "SCO" not in target for target in targets[len(PLAIN) :])


def test_a_model_that_knows_the_terms_is_checked_first_throughout() -> None:
    fake = Fake(knows_terms)
    done = enforce_segments(TERMED, fake, GLOSSARY, "ru", strategy="check")
    assert fake.calls == [TERMED[:PROBE], TERMED[PROBE:]]
    assert done.second_pass == 0
    assert done.probe == Probe(held=PROBE, tried=PROBE, masked_first=0)


def test_at_a_quarter_of_the_probe_checking_first_goes_on() -> None:
    # texts 4 and 8 of the probe's 8: exactly a quarter of it
    assert MIN_HELD == 0.25
    fake = Fake(knows_some(4))
    done = enforce_segments(TERMED, fake, GLOSSARY, "ru", strategy="check")
    assert done.probe == Probe(held=2, tried=PROBE, masked_first=0)
    later_misses = sum(1 for n in range(PROBE + 1, 21) if n % 4)
    assert done.second_pass == (PROBE - 2) + later_misses
    assert len(fake.calls) == 3  # probe, then its retries with the rest, then their retries


def test_below_a_quarter_of_the_probe_the_rest_is_masked() -> None:
    fake = Fake(knows_some(5))  # only text 5 of the probe's 8
    done = enforce_segments(TERMED, fake, GLOSSARY, "ru", strategy="check")
    assert done.probe == Probe(held=1, tried=PROBE, masked_first=len(TERMED) - PROBE)
    assert done.second_pass == PROBE - 1


def test_probe_zero_checks_every_text_first() -> None:
    fake = Fake(copies)
    done = enforce_segments(TERMED, fake, GLOSSARY, "ru", strategy="check", probe=0)
    assert fake.calls[0] == TERMED
    assert done.second_pass == len(TERMED)
    assert done.probe == Probe()


def test_no_more_texts_with_terms_than_the_probe_means_no_judgement() -> None:
    fake = Fake(copies)
    texts = PLAIN + TERMED[:PROBE]
    done = enforce_segments(texts, fake, GLOSSARY, "ru", strategy="check")
    assert fake.calls[0] == texts
    assert done.second_pass == PROBE
    assert done.probe == Probe()


@pytest.mark.parametrize("strategy", ["mask", "check"])
def test_chinese_and_mask_mode_never_probe(strategy: str) -> None:
    fake = Fake(copies)
    lang = "zh" if strategy == "check" else "ru"
    done = enforce_segments(TERMED, fake, GLOSSARY, lang, strategy=strategy)  # type: ignore[arg-type]
    assert len(fake.calls) == 1 and all("XZ1" in text for text in fake.calls[0])
    assert done.probe == Probe()


def test_the_probes_default_is_the_settings_default(tmp_path: Path) -> None:
    assert Settings(tmp_path, tmp_path, tmp_path, tmp_path).glossary_probe == PROBE
    (tmp_path / "pyproject.toml").write_text("[tool.l10n]\nglossary-probe = 0\n", "utf-8")
    assert load_settings(tmp_path).glossary_probe == 0


def test_terms_written_as_they_are_tell_nothing_and_are_not_probed() -> None:
    glossary = Glossary((*GLOSSARY.terms, Term("CGTN", {"ru": "CGTN"}, keep=True)))
    kept = [f"CGTN said so on day {n}." for n in range(1, 11)]
    fake = Fake(copies)
    done = enforce_segments(kept + TERMED[:PROBE], fake, glossary, "ru", strategy="check")
    assert fake.calls[0] == kept + TERMED[:PROBE]  # eight telling texts: no judgement due
    assert done.probe == Probe()


def test_a_miss_outside_the_probe_does_not_count_against_the_model() -> None:
    glossary = Glossary((*GLOSSARY.terms, Term("CGTN", {"ru": "CGTN"}, keep=True)))
    # knows SCO but writes CGTN as "ЦГТН": the CGTN-only text misses, the probe holds
    fake = Fake(lambda text: knows_terms(text).replace("CGTN", "ЦГТН"))
    done = enforce_segments(["CGTN said so.", *TERMED], fake, glossary, "ru", strategy="check")
    assert done.probe == Probe(held=PROBE, tried=PROBE, masked_first=0)
    assert done.second_pass == 1


def test_the_probe_is_the_shortest_texts_with_terms() -> None:
    texts = [f"The SCO met{' again' * (20 - n)} today, day {n}." for n in range(20)]
    fake = Fake(copies)
    enforce_segments(texts, fake, GLOSSARY, "ru", strategy="check")
    assert sorted(fake.calls[0]) == sorted(texts[-PROBE:])
