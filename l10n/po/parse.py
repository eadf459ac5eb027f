"""PO text -> typed :class:`~l10n.model.Catalog`, by gettext's grammar (``po-gram.y``).

What ``msgfmt`` refuses is refused here with ``path:line``, the file being left as it
is: a ``msgid`` without ``msgstr`` (a truncated file, a deleted line), a second
definition of a message, a string that is cut off, ``#~`` used on part of an entry.
Reading such a file leniently (as polib does) would let the next run "heal" it with
fresh machine translation and lose what the translator had written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CatalogError
from ..model import Catalog, Entry
from .lint import Token, tokenize

_MESSAGE = ("msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr[]")
_RESTORE = "— fix the entry in your PO editor or restore the file from version control"


@dataclass
class _Message:
    """The entry being read: its comments, then its fields as strings arrive."""

    line: int = 0
    tcomments: list[str] = field(default_factory=list)
    xcomments: list[str] = field(default_factory=list)
    references: list[tuple[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)
    plurals: dict[int, list[str]] = field(default_factory=dict)
    """Pieces of each field, joined at the end (no quadratic concatenation)."""
    lines: dict[str, int] = field(default_factory=dict)
    current: str = ""
    """The field that continuation strings extend (``msgstr[1]`` for a plural)."""
    obsolete: bool | None = None

    @property
    def started(self) -> bool:
        return bool(self.lines)

    @property
    def complete(self) -> bool:
        return "msgstr" in self.lines or bool(self.plurals)


def parse_po(text: str, path: Path) -> Catalog:
    """The catalog in PO ``text``; ``CatalogError`` (``path:line``) where msgfmt would stop."""
    reader = _Reader(path)
    for token in tokenize(text, path):
        reader.feed(token)
    reader.end()
    return _catalog(reader.entries, path)


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: list[Entry] = []
        self.msg = _Message()
        self.waiting: Token | None = None
        """A keyword still waiting for its string."""
        self.previous: Token | None = None
        """A ``#|`` field that the entry's ``msgid`` (or ``msgctxt``) must follow."""

    def error(self, what: str, line: int) -> CatalogError:
        return CatalogError(f"{what} {_RESTORE}", path=self.path, line=line)

    def feed(self, token: Token) -> None:
        if self.waiting is not None and token.kind not in ("string", "#|string"):
            raise self.error(f"syntax error: '{self.waiting.kind}' without a string", token.line)
        if token.kind in _MESSAGE:
            self._keyword(token)
        elif token.kind == "string":
            self._string(token)
        else:
            self._comment(token)

    def end(self) -> None:
        if self.previous is not None:
            raise self.error(
                "syntax error: '#|' lines without an entry after them", self.previous.line
            )
        if self.waiting is not None:
            raise self.error(
                f"syntax error: '{self.waiting.kind}' without a string", self.waiting.line
            )
        if self.msg.started:
            self._finish()

    def _finish(self) -> None:
        msg = self.msg
        if not msg.complete:
            section = "msgstr[]" if "msgid_plural" in msg.lines else "msgstr"
            raise self.error(f"missing '{section}' section", msg.lines.get("msgid", msg.line))
        self.entries.append(_entry(msg))
        self.msg = _Message()

    def _comment(self, token: Token) -> None:
        if self.msg.started:
            self._finish()
        if self.previous is not None and not token.kind.startswith("#|"):
            raise self.error(
                "syntax error: a comment between '#|' lines and their entry", token.line
            )
        msg = self.msg
        msg.line = msg.line or token.line
        if token.kind == "#":
            msg.tcomments.append(token.value)
        elif token.kind == "#.":
            msg.xcomments.append(token.value)
        elif token.kind == "#:":
            msg.references += _references(token.value)
        elif token.kind == "#,":
            msg.flags += [f.strip() for f in token.value.split(",") if f.strip()]
        elif token.kind == "#|string":
            self.waiting = None
            if msg.current.startswith("previous_"):
                msg.fields[msg.current].append(token.value)
        else:  # "#|msgid", "#|msgctxt", "#|msgid_plural"
            self.previous = token
            msg.current = "previous_" + token.kind[2:]
            msg.fields[msg.current] = []
            self.waiting = token

    def _keyword(self, token: Token) -> None:
        msg = self.msg
        kind = token.kind
        if kind in ("msgctxt", "msgid") and msg.complete:
            self._finish()
            msg = self.msg
        if (kind == "msgid" and "msgid" in msg.lines) or (kind == "msgctxt" and msg.started):
            raise self.error("missing 'msgstr' section", msg.lines.get("msgid", token.line))
        if kind in ("msgid_plural", "msgstr") and ("msgid" not in msg.lines or msg.complete):
            raise self.error(f"syntax error: '{kind}' without a 'msgid' before it", token.line)
        if kind == "msgstr" and "msgid_plural" in msg.lines:
            raise self.error("missing 'msgstr[]' section (this entry has a plural)", token.line)
        if kind == "msgstr[]" and "msgid_plural" not in msg.lines:
            raise self.error("syntax error: 'msgstr[n]' without a 'msgid_plural'", token.line)
        if msg.obsolete is not None and msg.obsolete != token.obsolete:
            raise self.error(
                "inconsistent use of #~ (only part of the entry is obsolete)", token.line
            )
        msg.obsolete = token.obsolete
        msg.line = msg.line or token.line
        self.previous = None
        msg.current = f"msgstr[{token.index}]" if kind == "msgstr[]" else kind
        msg.lines[msg.current] = token.line
        if kind == "msgstr[]":
            msg.plurals[token.index] = []
        else:
            msg.fields[kind] = []
        self.waiting = token

    def _string(self, token: Token) -> None:
        msg = self.msg
        if not msg.started or msg.current.startswith("previous_"):
            raise self.error("syntax error: a string outside an entry", token.line)
        if token.obsolete != msg.obsolete:
            raise self.error(
                "inconsistent use of #~ (only part of the entry is obsolete)", token.line
            )
        self.waiting = None
        if msg.current.startswith("msgstr["):
            index = int(msg.current[7:-1])
            msg.plurals[index].append(token.value)
        else:
            msg.fields[msg.current].append(token.value)


def _references(text: str) -> list[tuple[str, str]]:
    """``#:`` occurrences as polib reads them: ``file:line`` or a bare ``file``."""
    found = []
    for occurrence in text.split():
        name, _, number = occurrence.rpartition(":")
        found.append((name, number) if name and number.isdigit() else (occurrence, ""))
    return found


def _entry(msg: _Message) -> Entry:
    fields = {name: "".join(parts) for name, parts in msg.fields.items()}
    get = fields.get
    return Entry(
        msgid=get("msgid", ""),
        msgstr=get("msgstr", ""),
        msgctxt=get("msgctxt"),
        msgid_plural=get("msgid_plural", ""),
        msgstr_plural=tuple(sorted((n, "".join(parts)) for n, parts in msg.plurals.items())),
        flags=tuple(msg.flags),
        translator_comments="\n".join(msg.tcomments),
        extracted_comments="\n".join(msg.xcomments),
        references=tuple(msg.references),
        previous_msgid=get("previous_msgid"),
        previous_msgctxt=get("previous_msgctxt"),
        previous_msgid_plural=get("previous_msgid_plural"),
        obsolete=bool(msg.obsolete),
        line=msg.line,
    )


def _catalog(entries: list[Entry], path: Path) -> Catalog:
    """The entries as a catalog: the header entry taken out, duplicates refused."""
    seen: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        key = (entry.msgctxt, entry.msgid)
        if entry.obsolete:
            continue
        if key in seen:
            raise CatalogError(
                f"duplicate message definition (first defined at line {seen[key]}) — merge "
                "the two entries into one in your PO editor, then run again",
                path=path,
                line=entry.line,
            )
        seen[key] = entry.line or 0
    if not entries or entries[0].msgid or entries[0].msgctxt is not None or entries[0].obsolete:
        return Catalog(entries=tuple(entries))
    header = entries[0]
    return Catalog(
        entries=tuple(entries[1:]),
        metadata=_metadata(header.msgstr),
        header=header.translator_comments,
        fuzzy_header=header.fuzzy,
    )


def _metadata(msgstr: str) -> tuple[tuple[str, str], ...]:
    """``Key: value`` lines of the header msgstr (a line without a colon continues a value)."""
    meta: dict[str, str] = {}
    key = None
    for line in msgstr.split("\n"):
        if not line:
            continue
        name, colon, value = line.partition(":")
        if colon:
            key = name
            meta[key] = value.strip()
        elif key is not None:
            meta[key] += "\n" + line.strip()
    return tuple(meta.items())
