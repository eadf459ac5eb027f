"""The placeholder convention for inline markup in a msgid (pure).

Inline markup of an HTML or Markdown source (links, emphasis, code, line breaks…) is shown
to translators as numbered placeholders, numbered from 1 in each text in the order the
elements open:

- ``<1>…</1>``: an element with text inside (``<a href="…">…</a>``, ``*…*``,
  ``[…](url)``); the text between the two placeholders is translated and may move;
- ``<2/>``: an element without translatable text (``<br>``, ``<img>``, ``<code>…</code>``,
  a Markdown code span or image).

Attributes (``href``, ``title``, ``class``…) never enter the catalog: export puts each
element's original markup back where its placeholder stands. Numbered tags are the form
react-intl and Lingui use; Poedit shows them as markup, and Weblate highlights and checks them
with the flag ``placeholders:r"</?\\d+/?>"``. Translators may move a pair and reorder pairs,
but keep each placeholder once, nested as in the source; the ``markup`` check reports a
translation that does not, and export falls back to the English sentence for it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

PLACEHOLDER = re.compile(r"<(/?)(\d{1,3})(/?)>")
"""``<1>``, ``</1>`` or ``<1/>``."""

TokenKind = Literal["open", "close", "void"]


@dataclass(frozen=True)
class Token:
    """One placeholder in a text."""

    kind: TokenKind
    number: int
    start: int
    end: int

    def __str__(self) -> str:
        return {"open": "<{}>", "close": "</{}>", "void": "<{}/>"}[self.kind].format(self.number)


def open_tag(number: int) -> str:
    """``<number>``."""
    return f"<{number}>"


def close_tag(number: int) -> str:
    """``</number>``."""
    return f"</{number}>"


def void_tag(number: int) -> str:
    """``<number/>``."""
    return f"<{number}/>"


def tokens(text: str) -> list[Token]:
    """The placeholders of ``text`` in order (``<1/ >``-like malformed ones are text)."""
    found = []
    for match in PLACEHOLDER.finditer(text):
        slash, number, self_closing = match.groups()
        if slash and self_closing:
            continue
        kind: TokenKind = "close" if slash else "void" if self_closing else "open"
        found.append(Token(kind, int(number), match.start(), match.end()))
    return found


def has_placeholders(text: str) -> bool:
    """Whether ``text`` holds any placeholder."""
    return bool(tokens(text))


def plain(text: str) -> str:
    """``text`` without its placeholders (a void one becomes nothing), spaces tidied."""
    stripped = PLACEHOLDER.sub("", text)
    return re.sub(r" {2,}", " ", stripped).strip() if stripped != text else text


def depth_change(text: str) -> int:
    """Opened minus closed pairs in ``text``: 0 when every pair opened in it is closed."""
    return sum(
        1 if token.kind == "open" else -1 if token.kind == "close" else 0 for token in tokens(text)
    )


def keep_pairs_whole(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(sentence, separator) pairs joined so that no ``<N>…</N>`` pair is split between two.

    Markup glued to the end of a sentence (a footnote link right after its full stop) goes
    with that sentence, not with the next one.
    """
    joined: list[tuple[str, str]] = []
    depth = 0
    for text, separator in pairs:
        if joined and depth > 0:
            before, between = joined[-1]
            joined[-1] = (before + between + text, separator)
        elif joined and not joined[-1][1] and _glued(text):
            glued = _glued(text)
            rest = text[len(glued) :]
            joined[-1] = (joined[-1][0] + glued, rest[: len(rest) - len(rest.lstrip())])
            joined.append((rest.lstrip(), separator))
        else:
            joined.append((text, separator))
        depth += depth_change(text)
    return [(text, separator) for text, separator in joined if text or separator]


def _glued(text: str) -> str:
    """The placeholders (and what they hold) at the start of ``text``, up to a space."""
    if not text.startswith("<"):
        return ""
    head = text.split(" ", 1)[0]
    return head if len(head) < len(text) and depth_change(head) == 0 else ""


def wrapping_pair(text: str) -> int | None:
    """The number of a pair around the whole of ``text`` (``<1>All of it.</1>``), or None."""
    found = tokens(text)
    if len(found) < 2 or found[0].kind != "open" or found[0].start != 0:
        return None
    last = found[-1]
    if last.kind != "close" or last.number != found[0].number or last.end != len(text):
        return None
    inner = text[found[0].end : last.start]
    return found[0].number if well_nested(inner) else None


def renumber(text: str) -> str:
    """``text`` with its placeholders numbered from 1 in order of first appearance."""
    mapping = {number: i for i, number in enumerate(numbers(text), start=1)}
    return PLACEHOLDER.sub(lambda m: f"<{m[1]}{mapping.get(int(m[2]), int(m[2]))}{m[3]}>", text)


def numbers(text: str) -> list[int]:
    """The placeholder numbers of ``text`` in order of first appearance."""
    return list(dict.fromkeys(token.number for token in tokens(text)))


def problems(source: str, target: str) -> list[str]:
    """What is wrong with the placeholders of ``target`` against ``source`` (empty: nothing).

    Missing, extra (or repeated) and wrongly nested placeholders are each one message.
    """
    wanted = Counter(str(t) for t in tokens(source))
    found = Counter(str(t) for t in tokens(target))
    messages = []
    missing = sorted((wanted - found).elements(), key=_order)
    extra = sorted((found - wanted).elements(), key=_order)
    if missing:
        messages.append(f"placeholder {', '.join(missing)} missing — keep each one of the source")
    if extra:
        messages.append(
            f"placeholder {', '.join(extra)} not in the source (or repeated) — remove it"
        )
    if not missing and not extra and not well_nested(target):
        messages.append(
            "placeholders wrongly nested — each <N> must close with its </N> after it, "
            "inside the same pairs as in the source"
        )
    return messages


def _order(placeholder: str) -> tuple[int, int]:
    """By number; ``<N>`` before ``</N>``."""
    return int(re.sub(r"\D", "", placeholder)), placeholder.startswith("</")


def well_nested(text: str) -> bool:
    """Every ``<N>`` closes with ``</N>`` after it, pairs nested, each number used once."""
    stack: list[int] = []
    seen: set[int] = set()
    for token in tokens(text):
        if token.kind != "close":
            if token.number in seen:
                return False
            seen.add(token.number)
        if token.kind == "open":
            stack.append(token.number)
        elif token.kind == "close" and (not stack or stack.pop() != token.number):
            return False
    return not stack


def matches(source: str, target: str) -> bool:
    """Whether ``target`` has exactly the placeholders of ``source``, well nested."""
    return not problems(source, target)


def place_by_position(source: str, target: str, *, unspaced: bool = False) -> str:
    """Put the placeholders of ``source`` into ``target`` (a translation of its plain text).

    Each placeholder goes to the same relative position in ``target`` as in the plain source,
    moved to the nearest word boundary (any character boundary when ``unspaced``); their
    order is kept, so pairs stay nested, and a pair that held text holds some (never an
    empty ``****`` in Markdown). Used when a translation lost its placeholders.
    """
    marks = tokens(source)
    if not marks:
        return target
    positions: list[tuple[int, Token]] = []
    plain_length = len(PLACEHOLDER.sub("", source))
    closes = {token.number: token for token in marks if token.kind == "close"}
    consumed = 0
    last = 0
    opened: dict[int, int] = {}  # number: place in target
    frozen: tuple[int, int] | None = None  # a pair that held no text: (number, place)
    for token in marks:
        offset = token.start - consumed
        consumed += token.end - token.start
        if frozen is not None:  # an empty pair stays empty, with all inside it
            positions.append((frozen[1], token))
            frozen = None if token.kind == "close" and token.number == frozen[0] else frozen
            continue
        wanted = round(offset / plain_length * len(target)) if plain_length else len(target)
        # a pair that held text closes after a word
        floor = (
            opened[token.number] + 1 if token.kind == "close" and token.number in opened else last
        )
        place = max(last, _boundary(target, wanted, token.kind, unspaced, floor))
        if token.kind == "open":
            opened[token.number] = place
            close = closes.get(token.number)
            if (
                close is not None
                and not PLACEHOLDER.sub("", source[token.end : close.start]).strip()
            ):
                frozen = (token.number, place)
        positions.append((place, token))
        last = place
    out, cursor = [], 0
    for place, token in positions:
        out += [target[cursor:place], str(token)]
        cursor = place
    out.append(target[cursor:])
    return "".join(out)


def _boundary(text: str, wanted: int, kind: TokenKind, unspaced: bool, floor: int = 0) -> int:
    """The word boundary of ``text`` nearest ``wanted`` and not before ``floor`` (when there
    is one): a word start for an opening placeholder, a word end for a closing one."""
    wanted = min(max(wanted, floor, 0), len(text))
    if unspaced:
        return wanted
    if kind == "close":
        candidates = [i for i in range(len(text) + 1) if i == len(text) or text[i] == " "]
        candidates = [i for i in candidates if i == 0 or text[i - 1] != " "]
    else:
        candidates = [i for i in range(len(text) + 1) if i == 0 or text[i - 1] == " "]
        candidates = [i for i in candidates if i == len(text) or text[i] != " "]
    candidates = [i for i in candidates if i >= floor] or candidates
    return min(candidates, key=lambda i: (abs(i - wanted), i))
