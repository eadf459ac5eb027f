"""Settings from ``[tool.l10n]`` in pyproject.toml, validated with key-path messages.

```toml
[tool.l10n]
source = "source"            # directory of English articles (*.txt)
locales = "locales"          # where <domain>.pot and <locale>/LC_MESSAGES/<domain>.po go
glossary = "glossary.csv"
languages = ["ru", "kk", "zh"]
fuzzy-threshold = 80         # % similarity for an edited segment to inherit its old translation
glossary-mode = "check"      # "check": MT first, re-translate with the missing terms masked;
                             # "mask": mask every glossary term before MT
glossary-probe = 8           # "check": when the model places every form in under a quarter
                             # of the 8 shortest sentences with terms, mask the rest first
                             # (0: check every sentence first)
memory = ".l10n/memory.sqlite3"
base-url = "https://example.com/news"  # where the export folder is published: absolute
                             # hreflang links and <link rel="canonical"> in the HTML pages

[tool.l10n.mt]
beam-size = 4
batch-size = 16              # sentences per translate_batch call
threads = 0                  # 0: every core, batches decoded side by side; N: N cores

[tool.l10n.models.kk]        # bring your own model for a language
package = "translate-en_kk"  # installed package name, or the path of an installed package dir
source-prefix = ">>kaz_Cyrl<<"
```
"""

from __future__ import annotations

import math
import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ..errors import ConfigError, LanguageError
from ..languages import resolve
from ..mt import ModelChoice, MTSettings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

DEFAULT_LANGUAGES = ("ru", "kk", "zh")
GlossaryMode = Literal["check", "mask"]


@dataclass(frozen=True)
class Settings:
    """Everything a run needs, with paths resolved against the project root."""

    root: Path
    source: Path
    locales: Path
    glossary: Path
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    fuzzy_threshold: float = 80.0
    glossary_mode: GlossaryMode = "check"
    glossary_probe: int = 8
    """``check`` mode's probe (:data:`l10n.terms.enforce.PROBE`); 0 turns it off."""
    memory: Path | None = None
    mt: MTSettings = field(default_factory=MTSettings)
    models: dict[str, ModelChoice] = field(default_factory=dict)
    config_path: Path | None = None
    base_url: str | None = None
    """The public URL of the export folder (``base-url``), or None."""

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with the given fields replaced (``None`` values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml in ``start`` or its parents."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_settings(start: Path | None = None, config: Path | None = None) -> Settings:
    """Read ``[tool.l10n]`` from ``config`` or the nearest pyproject.toml above ``start``.

    Without any pyproject.toml, defaults relative to ``start`` are used.
    """
    start = (start or Path.cwd()).resolve()
    path = config or find_pyproject(start)
    if path is None:
        return _build(start, {}, None)
    table = _read_table(path)
    return _build(path.resolve().parent, table, path)


def _read_table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(
            f"cannot read: {err.strerror or err} — check the path", path=path
        ) from err
    except UnicodeDecodeError as err:
        raise ConfigError("not UTF-8 text — save the file as UTF-8", path=path) from err
    except tomllib.TOMLDecodeError as err:
        match = re.search(r"\(at line (\d+), column \d+\)", str(err))
        line = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(err))
        raise ConfigError(
            f"invalid TOML: {message} — fix the syntax", path=path, line=line
        ) from err
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError("tool must be a table — write [tool.l10n] as a table header", path=path)
    table = tool.get("l10n", {})
    if not isinstance(table, dict):
        raise ConfigError("[tool.l10n] must be a table — write it as [tool.l10n]", path=path)
    return table


_TOP_KEYS = {
    "glossary-mode",
    "glossary-probe",
    "source",
    "locales",
    "glossary",
    "languages",
    "fuzzy-threshold",
    "memory",
    "mt",
    "models",
    "base-url",
}
_MT_KEYS = {
    "beam-size": "beam_size",
    "batch-size": "batch_size",
    "threads": "threads",
    "length-penalty": "length_penalty",
}
_MODEL_KEYS = {
    "package": "package",
    "source-prefix": "source_prefix",
    "target-prefix": "target_prefix",
}


_EXAMPLES = {
    "package": "translate-en_kk",
    "source-prefix": ">>kaz_Cyrl<<",
    "target-prefix": "kaz_Cyrl",
}


def _build(root: Path, table: dict[str, Any], path: Path | None) -> Settings:
    def fail(key: str, what: str) -> ConfigError:
        return ConfigError(f"[tool.l10n] {key}: {what}", path=path or root / "pyproject.toml")

    unknown = sorted(set(table) - _TOP_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown key — known keys are {', '.join(sorted(_TOP_KEYS))}")
    paths = {
        k: _path_value(table, k, default, fail)
        for k, default in (
            ("source", "source"),
            ("locales", "locales"),
            ("glossary", "glossary.csv"),
            ("memory", ".l10n/memory.sqlite3"),
        )
    }
    languages = table.get("languages", list(DEFAULT_LANGUAGES))
    if not (isinstance(languages, list) and all(isinstance(x, str) and x for x in languages)):
        raise fail("languages", 'expected a list of language codes — e.g. ["ru", "kk", "zh"]')
    _check_languages(languages, fail)
    threshold = table.get("fuzzy-threshold", 80)
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, (int, float))
        or not 0 < threshold <= 100
    ):
        raise fail("fuzzy-threshold", "expected a number from 1 to 100 — e.g. 80")
    mode = table.get("glossary-mode", "check")
    if mode not in ("check", "mask"):
        raise fail("glossary-mode", 'expected "check" or "mask" — e.g. glossary-mode = "check"')
    probe = table.get("glossary-probe", 8)
    if isinstance(probe, bool) or not isinstance(probe, int) or not 0 <= probe <= 10_000:
        raise fail("glossary-probe", "expected a whole number from 0 to 10000 — e.g. 8")
    return Settings(
        root=root,
        glossary_mode=mode,
        glossary_probe=probe,
        source=root / paths["source"],
        locales=root / paths["locales"],
        glossary=root / paths["glossary"],
        languages=tuple(languages),
        fuzzy_threshold=float(threshold),
        memory=root / paths["memory"],
        mt=_mt_settings(table.get("mt", {}), fail),
        models=_model_choices(table.get("models", {}), fail),
        config_path=path,
        base_url=_base_url(table.get("base-url"), fail),
    )


def _base_url(value: Any, fail: Any) -> str | None:
    """``base-url``: an absolute http(s) URL, kept without its trailing slash."""
    if value is None:
        return None
    if not isinstance(value, str) or not re.match(r"https?://[^\s/?#]+[^\s?#]*$", value):
        raise fail("base-url", 'expected an absolute http(s) URL — e.g. "https://example.com/news"')
    return value.rstrip("/")


def _check_languages(codes: list[str], fail: Any) -> None:
    """Every configured code is one CLDR knows (the message names the key and the file)."""
    for code in codes:
        try:
            resolve(code)
        except LanguageError as err:
            raise fail("languages", err.detail) from err


def _path_value(table: dict[str, Any], key: str, default: str, fail: Any) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value:
        raise fail(key, f'expected a path as a string — e.g. {key} = "{default}"')
    return value


def _mt_settings(raw: Any, fail: Any) -> MTSettings:
    if not isinstance(raw, dict):
        raise fail("mt", "must be a table — write it as [tool.l10n.mt]")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in _MT_KEYS:
            raise fail(f"mt.{key}", f"unknown key — known keys are {', '.join(_MT_KEYS)}")
        low, high = mt_range(key)
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if key != "length-penalty" and not isinstance(value, int):
            number = False
        if not number or not math.isfinite(value) or not low <= value <= high:
            example = "0.2" if key == "length-penalty" else str(_MT_EXAMPLES[key])
            raise fail(
                f"mt.{key}",
                f"expected a number from {low:g} to {high:g} — e.g. {key} = {example}",
            )
        values[_MT_KEYS[key]] = value
    return MTSettings(**values)


_MT_EXAMPLES = {"beam-size": 4, "batch-size": 16, "threads": 0}


def mt_range(key: str) -> tuple[float, float]:
    """The values ``[tool.l10n.mt] key`` accepts: CTranslate2 crashes (threads = 100000)
    or hangs (threads = 1000, beam-size = 100000) far outside them."""
    cores = os.cpu_count() or 1
    return {
        "threads": (0, max(4 * cores, 4)),
        "beam-size": (1, 16),
        "batch-size": (1, 1024),
        "length-penalty": (-5.0, 5.0),
    }[key]


def _model_choices(raw: Any, fail: Any) -> dict[str, ModelChoice]:
    if not isinstance(raw, dict):
        raise fail("models", "must be a table of languages — write [tool.l10n.models.kk]")
    choices: dict[str, ModelChoice] = {}
    for lang, spec in raw.items():
        if not isinstance(spec, dict):
            raise fail(f"models.{lang}", "must be a table — write [tool.l10n.models.<lang>]")
        values: dict[str, str] = {}
        for key, value in spec.items():
            if key not in _MODEL_KEYS:
                raise fail(
                    f"models.{lang}.{key}", f"unknown key — known keys are {', '.join(_MODEL_KEYS)}"
                )
            if not isinstance(value, str):
                raise fail(
                    f"models.{lang}.{key}", f'expected a string — e.g. {key} = "{_EXAMPLES[key]}"'
                )
            values[_MODEL_KEYS[key]] = value
        choices[lang] = ModelChoice(**values)
    return choices
