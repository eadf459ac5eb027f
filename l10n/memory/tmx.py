"""TMX 1.4b: the translation memory exchanged with CAT tools (OmegaT, Trados…).

Inline codes map to markup in the memory and the PO files, both ways: an inline element
with content becomes that content, its native code (``<bpt i="1">&lt;b&gt;</bpt>`` →
``<b>``); one without content becomes an XLIFF-style placeholder tag (``<bpt i="1"/>`` →
``<g1>``, ``<ept i="1"/>`` → ``</g1>``, ``<ph x="2"/>`` / ``<it>`` → ``<x2/>``); ``<hi>``
keeps just its text. ``write_tmx`` writes markup back as ``<bpt>``/``<ept>``/``<ph>``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from ..errors import LanguageError, TMError
from ..languages import resolve
from ..po.io import atomic_write

TmxRow = tuple[str, str, str, str]
"""(lang, English source, target, when the unit was last approved: ISO 8601)."""

_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:\s[^<>]*?)?)(/?)>")


def write_tmx(path: Path, rows: Sequence[TmxRow], *, version: str) -> None:
    """Write units to a TMX 1.4b file, atomically.

    Each ``<tu>`` has a ``tuid`` (a hash of its language and texts, stable across exports)
    and a ``creationdate``; markup in a text (``<b>…</b>``, ``<br/>``) is written as inline
    codes (``<bpt>``/``<ept>``, ``<ph>``), so CAT tools show tags, not literal text.
    """
    units = "".join(
        f"    <tu tuid={quoteattr(_tuid(lang, src, tgt))} creationdate="
        f'"{tmx_date(updated)}">\n'
        f'      <tuv xml:lang="en"><seg>{inline_codes(src)}</seg></tuv>\n'
        f"      <tuv xml:lang={quoteattr(lang.replace('_', '-'))}><seg>{inline_codes(tgt)}"
        "</seg></tuv>\n    </tu>\n"
        for lang, src, tgt, updated in rows
    )
    now = datetime.now(timezone.utc).isoformat()
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        f'  <header creationtool="l10n" creationtoolversion={quoteattr(version)}'
        ' segtype="sentence" o-tmf="l10n" adminlang="en" srclang="en" datatype="plaintext"'
        f' creationdate="{tmx_date(now)}"/>\n'
        f"  <body>\n{units}  </body>\n</tmx>\n"
    )
    atomic_write(path, text.encode("utf-8"))


def _tuid(lang: str, source: str, target: str) -> str:
    digest = hashlib.sha256(f"{lang}\0{source}\0{target}".encode()).hexdigest()
    return f"{lang}-{digest[:16]}"


def tmx_date(iso: str) -> str:
    """An ISO 8601 time as TMX writes it: ``20261201T230405Z`` (UTC)."""
    when = datetime.fromisoformat(iso)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def inline_codes(text: str) -> str:
    """``text`` escaped for a ``<seg>``, its markup tags as TMX inline codes.

    An opening tag with a matching closing tag later becomes ``<bpt i="n">``/``<ept i="n">``,
    any other tag (``<br/>``, an unpaired one) ``<ph>``; the tag itself is the code's
    escaped content (its native code), which ``read_tmx`` turns back into the same markup.
    """
    tags = list(_TAG.finditer(text))
    pairs = _pairs(tags)
    out, at = [], 0
    for index, tag in enumerate(tags):
        out.append(escape(text[at : tag.start()]))
        native = escape(tag.group())
        if index in pairs:
            name = "ept" if tag.group(1) else "bpt"
            out.append(f'<{name} i="{pairs[index]}">{native}</{name}>')
        else:
            out.append(f"<ph>{native}</ph>")
        at = tag.end()
    out.append(escape(text[at:]))
    return "".join(out)


def _pairs(tags: Sequence[re.Match[str]]) -> dict[int, int]:
    """Tag index → pair number, for opening tags closed later by a tag of the same name."""
    pairs: dict[int, int] = {}
    open_tags: list[tuple[str, int]] = []
    for index, tag in enumerate(tags):
        closing, name, selfclosing = tag.group(1), tag.group(2).lower(), tag.group(4)
        if selfclosing:
            continue
        if not closing:
            open_tags.append((name, index))
            continue
        for depth in range(len(open_tags) - 1, -1, -1):
            if open_tags[depth][0] == name:
                number = len(pairs) // 2 + 1
                pairs[open_tags[depth][1]] = pairs[index] = number
                del open_tags[depth:]
                break
    return pairs


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
        self.codes: list[tuple[str, dict[str, str], int]] = []
        """Open inline codes of the current <seg>: (name, attributes, parts before it)."""
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
            self.seg, self.codes = [], []
        elif name in _INLINE and self.seg is not None:
            self.codes.append((name, attrs, len(self.seg)))

    def text(self, data: str) -> None:
        if self.seg is not None:
            self.seg.append(data)

    def end(self, name: str) -> None:
        if name in _INLINE and self.seg is not None and self.codes:
            code, attrs, start = self.codes.pop()
            if not "".join(self.seg[start:]):
                self.seg.append(_placeholder(code, attrs, len(self.seg)))
        elif name == "seg" and self.seg is not None and self.lang:
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


_INLINE = frozenset({"bpt", "ept", "ph", "it", "ut"})


def _placeholder(code: str, attrs: dict[str, str], position: int) -> str:
    """The markup for an inline code without native content: ``<g1>``, ``</g1>``, ``<x2/>``."""
    number = attrs.get("i") or attrs.get("x") or str(position)
    if code == "bpt" or (code == "it" and attrs.get("pos") == "begin"):
        return f"<g{number}>"
    if code == "ept" or (code == "it" and attrs.get("pos") == "end"):
        return f"</g{number}>"
    return f"<x{number}/>"


def _primary(code: str) -> str:
    """The language subtag of a TMX code: ``EN-US``, ``en_GB`` (not BCP 47, but seen) → ``en``."""
    return code.lower().replace("_", "-").split("-")[0]
