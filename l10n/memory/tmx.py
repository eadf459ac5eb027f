"""TMX 1.4b: the translation memory exchanged with CAT tools (OmegaT, Trados…)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from ..errors import LanguageError, TMError
from ..languages import resolve
from ..po.io import atomic_write


def write_tmx(path: Path, rows: Sequence[tuple[str, str, str]]) -> None:
    """Write (lang, English source, target) units to a TMX 1.4b file, atomically."""
    units = "".join(
        f'    <tu>\n      <tuv xml:lang="en"><seg>{escape(src)}</seg></tuv>\n'
        f"      <tuv xml:lang={quoteattr(lang.replace('_', '-'))}><seg>{escape(tgt)}"
        "</seg></tuv>\n    </tu>\n"
        for lang, src, tgt in rows
    )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        '  <header creationtool="l10n" creationtoolversion="1" segtype="sentence"'
        ' o-tmf="l10n" adminlang="en" srclang="en" datatype="plaintext"/>\n'
        f"  <body>\n{units}  </body>\n</tmx>\n"
    )
    atomic_write(path, text.encode("utf-8"))


def tmx_lang(code: str) -> str:
    """A TMX ``xml:lang`` as a catalog locale: ``zh-CN`` → ``zh_Hans``, ``ru-RU`` → ``ru_RU``."""
    try:
        return resolve(code).locale
    except LanguageError:
        return code.replace("-", "_")


def read_tmx(path: Path) -> list[tuple[str, str, str]]:
    """(lang, English source, target) for every translation unit of a TMX file.

    Raises ``TMError`` with the line of the problem.
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        raise TMError(f"cannot read: {err.strerror} — check the path", path=path) from err
    reader = _TmxReader(path)
    parser = expat.ParserCreate()
    reader.parser = parser
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        raise TMError(
            f"not well-formed XML: {expat.ErrorString(err.code)} — fix the TMX "
            "file or export it again",
            path=path,
            line=err.lineno,
        ) from err
    if not reader.seen_tmx:
        raise TMError(
            "not a TMX file (no <tmx> element) — export TMX 1.4 from your CAT tool",
            path=path,
            line=1,
        )
    return reader.units


class _TmxReader:
    """expat callbacks collecting <tu> units; knows the line for every error."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.parser: expat.XMLParserType | None = None
        self.units: list[tuple[str, str, str]] = []
        self.seen_tmx = False
        self.srclang = "en"
        self.tuvs: list[tuple[str, str]] = []
        self.lang: str | None = None
        self.seg: list[str] | None = None
        self.tu_line = 0

    def _line(self) -> int:
        return self.parser.CurrentLineNumber if self.parser else 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "tmx":
            self.seen_tmx = True
        elif name == "header":
            self.srclang = attrs.get("srclang", "en")
        elif name == "tu":
            self.tuvs, self.tu_line = [], self._line()
        elif name == "tuv":
            self.lang = attrs.get("xml:lang") or attrs.get("lang")
            if not self.lang:
                raise TMError(
                    "<tuv> without xml:lang — add the language code",
                    path=self.path,
                    line=self._line(),
                )
        elif name == "seg":
            self.seg = []

    def text(self, data: str) -> None:
        if self.seg is not None:
            self.seg.append(data)

    def end(self, name: str) -> None:
        if name == "seg" and self.seg is not None and self.lang:
            self.tuvs.append((self.lang, "".join(self.seg)))
            self.seg = None
        elif name == "tu":
            self._close_tu()

    def _close_tu(self) -> None:
        src = _primary(self.srclang) if self.srclang != "*all*" else "en"
        sources = [seg for lang, seg in self.tuvs if _primary(lang) == src]
        if not sources:
            raise TMError(
                f"<tu> without an English ({self.srclang}) <tuv> — every unit needs "
                "its source text",
                path=self.path,
                line=self.tu_line,
            )
        for lang, seg in self.tuvs:
            if _primary(lang) != src and seg.strip():
                self.units.append((tmx_lang(lang), sources[0], seg))


def _primary(code: str) -> str:
    """The language subtag of a TMX code: ``EN-US``, ``en_GB`` (not BCP 47, but seen) → ``en``."""
    return code.lower().replace("_", "-").split("-")[0]
