"""Settings from [tool.l10n]: defaults, overrides, and one exact message per bad table."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.errors import ConfigError, LanguageError
from l10n.languages import parse_list, resolve, resolve_all
from l10n.project.config import load_settings


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pyproject.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_defaults_without_table(tmp_path: Path) -> None:
    write(tmp_path, "[project]\nname = 'x'\n")
    settings = load_settings(tmp_path)
    assert settings.root == tmp_path.resolve()
    assert settings.source == tmp_path.resolve() / "source"
    assert settings.locales == tmp_path.resolve() / "locales"
    assert settings.glossary == tmp_path.resolve() / "glossary.csv"
    assert settings.languages == ("ru", "kk", "zh")
    assert settings.mt.batch_size == 16


def test_table_values_and_nested_tables(tmp_path: Path) -> None:
    write(
        tmp_path,
        """
[tool.l10n]
source = "articles"
languages = ["ru"]
fuzzy-threshold = 70
[tool.l10n.mt]
beam-size = 2
threads = 1
[tool.l10n.models.kk]
package = "my-kk"
source-prefix = ">>kaz_Cyrl<<"
""",
    )
    settings = load_settings(tmp_path)
    assert settings.source.name == "articles"
    assert settings.languages == ("ru",)
    assert settings.fuzzy_threshold == 70
    assert (settings.mt.beam_size, settings.mt.threads) == (2, 1)
    assert settings.models["kk"].source_prefix == ">>kaz_Cyrl<<"


def test_found_from_a_subdirectory(tmp_path: Path) -> None:
    write(tmp_path, "[tool.l10n]\nlanguages = ['zh']\n")
    (tmp_path / "deep" / "er").mkdir(parents=True)
    assert load_settings(tmp_path / "deep" / "er").languages == ("zh",)


BAD = [
    (
        "syntax",
        "[tool.l10n\n",
        "pyproject.toml:1: invalid TOML: Expected ']' at the end of a "
        "table declaration — fix the syntax",
    ),
    (
        "unknown-key",
        "[tool.l10n]\nlangs = ['ru']\n",
        "pyproject.toml: [tool.l10n] langs: unknown key — known keys are base-url, "
        "fuzzy-threshold, glossary, glossary-mode, glossary-probe, languages, locales, memory, "
        "models, mt, source",
    ),
    (
        "glossary-mode",
        "[tool.l10n]\nglossary-mode = 'force'\n",
        'pyproject.toml: [tool.l10n] glossary-mode: expected "check" or "mask" — e.g. '
        'glossary-mode = "check"',
    ),
    *(
        (
            f"glossary-probe-{value}",
            f"[tool.l10n]\nglossary-probe = {value}\n",
            "pyproject.toml: [tool.l10n] glossary-probe: expected a whole number from 0 to 10000"
            " — e.g. 8",
        )
        for value in ("-1", "true", "'8'", "2.5", "10001")
    ),
    (
        "languages-string",
        "[tool.l10n]\nlanguages = 'ru'\n",
        "pyproject.toml: [tool.l10n] languages: expected a list of language codes — e.g. "
        '["ru", "kk", "zh"]',
    ),
    (
        "languages-unknown-code",
        "[tool.l10n]\nlanguages = ['ru', 'xx']\n",
        "pyproject.toml: [tool.l10n] languages: unknown language code 'xx' — use an ISO 639-1 "
        "code such as ru, kk or zh",
    ),
    (
        "source-number",
        "[tool.l10n]\nsource = 3\n",
        'pyproject.toml: [tool.l10n] source: expected a path as a string — e.g. source = "source"',
    ),
    (
        "threshold",
        "[tool.l10n]\nfuzzy-threshold = 300\n",
        "pyproject.toml: [tool.l10n] fuzzy-threshold: expected a number from 1 to 100 — e.g. 80",
    ),
    (
        "mt-negative",
        "[tool.l10n.mt]\nbatch-size = 0\n",
        "pyproject.toml: [tool.l10n] mt.batch-size: expected a number from 1 to 1024 — e.g. "
        "batch-size = 16",
    ),
    (
        "tool-not-a-table",
        "tool = 3\n",
        "pyproject.toml: tool must be a table — write [tool.l10n] as a table header",
    ),
    (
        "model-package-number",
        "[tool.l10n.models.kk]\npackage = 3\n",
        "pyproject.toml: [tool.l10n] models.kk.package: expected a string — e.g. "
        'package = "translate-en_kk"',
    ),
    (
        "not-a-table",
        "[tool]\nl10n = 3\n",
        "pyproject.toml: [tool.l10n] must be a table — write it as [tool.l10n]",
    ),
]


@pytest.mark.parametrize(("body", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, message: str
) -> None:
    write(tmp_path, body)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        load_settings(config=Path("pyproject.toml"))
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("code", "locale", "mt"),
    [
        ("ru", "ru", "ru"),
        ("kk", "kk", "kk"),
        ("zh", "zh_Hans", "zh"),
        ("zh-Hans", "zh_Hans", "zh"),
        ("zh_CN", "zh_Hans", "zh"),
        ("pt_BR", "pt_BR", "pt"),
    ],
    ids=["ru", "kk", "zh", "zh-Hans", "zh_CN", "pt_BR"],
)
def test_resolve(code: str, locale: str, mt: str) -> None:
    lang = resolve(code)
    assert (lang.locale, lang.mt_code) == (locale, mt)


def test_native_names_from_cldr() -> None:
    assert resolve("kk").native_name == "қазақ тілі"
    assert resolve("zh").english_name == "Chinese (Simplified)"


def test_unknown_language() -> None:
    with pytest.raises(LanguageError) as info:
        resolve("xx")
    assert (
        str(info.value) == "unknown language code 'xx' — use an ISO 639-1 code such as ru, kk or zh"
    )


def test_lists() -> None:
    assert parse_list("ru, kk zh") == ("ru", "kk", "zh")
    assert [lang.locale for lang in resolve_all(["zh", "zh_Hans", "ru"])] == ["zh_Hans", "ru"]
