"""What the last run saw, per article and language, so that a re-run does only what changed.

``.l10n/manifest.json`` records for every article the content hash of its source and of
the template written from it, and for every language a hash of the run's inputs
(glossary, settings, installed models, l10n's version), the content hash of the catalog
as l10n wrote it, and whether entries were left without a translation. An article whose
records all still hold is skipped without being segmented, merged or formatted. Hashes
are of content, never of sizes or times, so an editor's save is always seen.

The manifest is a cache: a missing, unreadable or foreign one means "everything changed".
"""

from __future__ import annotations

import json
import stat
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..po.io import atomic_write, content_digest

MANIFEST = Path(".l10n") / "manifest.json"
FORMAT = 1


def file_digest(path: Path) -> str | None:
    """The content hash of a file, or None when it does not exist or cannot be read."""
    try:
        # Not a FIFO's: reading one would wait forever (the article reader refuses it).
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        return content_digest(path.read_bytes())
    except OSError:
        return None


def fingerprint(*parts: object) -> str:
    """One hash of several values (their JSON form)."""
    return content_digest(json.dumps(parts, sort_keys=True, default=str).encode("utf-8"))


@dataclass(frozen=True)
class LanguageRecord:
    """One catalog as the last run left it."""

    inputs: str
    """Fingerprint of what the catalog was made from besides the article."""
    catalog: str
    """Content hash of the catalog l10n wrote."""
    pending: bool
    """Entries were left without a translation (a memory hit may fill them later)."""
    progress: tuple[int, ...] = ()
    """The catalog's review counts (``l10n.po.stats.Progress`` fields, in order), so that
    ``status`` need not read a catalog nobody changed."""


@dataclass(frozen=True)
class ArticleRecord:
    """One article as the last run saw it."""

    source: str
    template: str
    languages: dict[str, LanguageRecord] = field(default_factory=dict)


@dataclass
class Manifest:
    """All records of a project, keyed by article path relative to the project root."""

    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    memory: str = ""
    """State of the translation memory file after the last run."""

    @classmethod
    def load(cls, root: Path) -> Manifest:
        """The project's manifest; an empty one when there is none or it is unusable."""
        try:
            data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return cls()
            return cls(
                articles={k: _article(v) for k, v in data["articles"].items()},
                memory=str(data.get("memory", "")),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def save(self, root: Path) -> None:
        """Write the manifest atomically."""
        data = {
            "format": FORMAT,
            "memory": self.memory,
            "articles": {k: asdict(v) for k, v in sorted(self.articles.items())},
        }
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        atomic_write(root / MANIFEST, text.encode("utf-8"))


def _article(raw: dict[str, Any]) -> ArticleRecord:
    return ArticleRecord(
        source=str(raw["source"]),
        template=str(raw["template"]),
        languages={
            k: LanguageRecord(**{**v, "progress": tuple(v.get("progress", ()))})
            for k, v in raw["languages"].items()
        },
    )
