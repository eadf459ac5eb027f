"""The review report as static HTML: an index of articles × languages, a page per pair.

Everything is inline (CSS, a small vanilla script for the filters), so the pages work
from ``file://`` with no server and no network. Every text is escaped.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path

from ..errors import CatalogError, ExportError
from ..languages import language_name
from ..model import Issue
from ..po.io import atomic_write
from .render import html_lang
from .report import SEVERITIES, STATES, Counts, Page, Row, report_data

_CSS = """
:root { --reviewed: #1a7f37; --machine: #b35900; --suggestion: #3b5bdb; --empty: #d0d4d9; }
body { margin: 0; padding: 1.5rem 2rem; color: #1d1d1f; background: #fff; line-height: 1.5;
  font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 15px; }
:lang(zh) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", sans-serif; }
:lang(ja) { font-family: "Noto Sans CJK JP", "Noto Sans CJK SC", sans-serif; }
h1 { font-size: 1.5rem; margin: .25rem 0; }
a { color: #0b57d0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e3e5e8; padding: .5rem .6rem; text-align: left;
  vertical-align: top; }
thead th { background: #f4f5f7; position: sticky; top: 0; }
caption { text-align: left; font-weight: bold; padding: .5rem 0; }
.bar { display: flex; height: .8rem; width: 100%; min-width: 8rem; border-radius: 3px;
  overflow: hidden; background: var(--empty); margin: .2rem 0; }
.bar.words { height: .4rem; }
.bar span { display: block; height: 100%; }
.bar .reviewed, .key .reviewed { background: var(--reviewed); }
.bar .machine, .key .machine { background: var(--machine); }
.bar .suggestion, .key .suggestion { background: var(--suggestion); }
.bar .empty, .key .empty { background: var(--empty); }
.key span { display: inline-block; width: .8rem; height: .8rem; margin: 0 .3rem 0 1rem;
  vertical-align: middle; border-radius: 2px; }
.cell { display: block; text-decoration: none; color: inherit; }
.cell:hover .numbers, .cell:focus .numbers { text-decoration: underline; }
.numbers, .meta { font-size: .85rem; color: #4a4f55; }
.sev { display: inline-block; font-size: .8rem; padding: 0 .35rem; border-radius: 3px;
  margin-right: .25rem; }
.sev.error { background: #ffe1e1; color: #8a1010; }
.sev.warning { background: #fff0cc; color: #6b4500; }
.sev.info { background: #e6ecff; color: #1f3a93; }
.state { display: inline-block; font-size: .8rem; padding: 0 .4rem; border-radius: 3px;
  color: #fff; white-space: nowrap; }
.state.reviewed { background: var(--reviewed); }
.state.machine { background: var(--machine); }
.state.suggestion { background: var(--suggestion); }
.state.empty { background: #e9ebee; color: #3b3f44; }
.segments td.source, .segments td.target { width: 28%; }
.segments td:last-child { width: 24%; }
.target.blank { color: #5f6368; font-style: italic; }
.previous, .notes { font-size: .82rem; color: #4a4f55; margin-top: .35rem; }
.previous del { color: #8a1010; }
ul.terms, ul.findings { margin: 0; padding-left: 1rem; font-size: .85rem; }
ul.findings li.error { color: #8a1010; }
ul.findings li.warning { color: #6b4500; }
ul.findings li.info { color: #1f3a93; }
code { font-size: .85em; background: #f4f5f7; padding: 0 .2rem; border-radius: 2px; }
form.filters { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: center;
  margin: 1rem 0; padding: .75rem 1rem; background: #f4f5f7; border-radius: 4px; }
form.filters fieldset { border: 0; margin: 0; padding: 0; }
form.filters legend { font-weight: bold; float: left; margin-right: .6rem; }
form.filters label { margin-right: .8rem; white-space: nowrap; }
tr[hidden] { display: none; }
"""

_SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-state]"));
  function apply() {
    var states = Array.prototype.slice.call(form.querySelectorAll("input[name=state]:checked"))
      .map(function (box) { return box.value; });
    var wanted = form.elements.check.value, shown = 0;
    rows.forEach(function (row) {
      var checks = row.getAttribute("data-checks").split(" ").filter(Boolean);
      var ok = states.indexOf(row.getAttribute("data-state")) >= 0 && (wanted === "" ||
        (wanted === "none" ? checks.length === 0 :
         wanted === "any" ? checks.length > 0 : checks.indexOf(wanted) >= 0));
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.getElementById("shown").textContent =
      shown + " of " + rows.length + " segments shown";
  }
  // A link such as page.html#state=machine,empty&check=numbers opens with those filters.
  var wanted = {};
  location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
    var kv = pair.split("=");
    if (kv.length === 2) { wanted[kv[0]] = decodeURIComponent(kv[1]); }
  });
  if (wanted.state) {
    var on = wanted.state.split(",");
    form.querySelectorAll("input[name=state]").forEach(function (box) {
      box.checked = on.indexOf(box.value) >= 0;
    });
  }
  if (wanted.check !== undefined) { form.elements.check.value = wanted.check; }
  form.addEventListener("change", apply);
  apply();
})();
"""

_E = html.escape


def _document(title: str, body: str, script: str = "") -> str:
    tail = f"<script>{script}</script>\n" if script else ""
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_E(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{body}\n{tail}</body>\n</html>\n"
    )


def _bar(counts: Counts, what: str) -> str:
    label = ", ".join(f"{getattr(counts, s)} {s}" for s in STATES)
    spans = "".join(
        f'<span class="{s}" style="width:{counts.share(s):.2f}%"></span>'
        for s in STATES
        if getattr(counts, s)
    )
    extra = " words" if what == "words" else ""
    return f'<div class="bar{extra}" role="img" aria-label="{what}: {label}">{spans}</div>'


def _severities(counts: dict[str, int]) -> str:
    badges = [
        f'<span class="sev {sev}">{counts[sev]} {sev}{"" if counts[sev] == 1 else "s"}</span>'
        for sev in SEVERITIES
        if counts[sev]
    ]
    return "".join(badges) or '<span class="meta">no QA findings</span>'


def _summary(page: Page) -> str:
    seg, words = page.segments, page.words
    return (
        f"{_bar(seg, 'segments')}{_bar(words, 'words')}"
        f'<span class="numbers">{seg.reviewed}/{seg.total} reviewed · '
        f"{seg.machine} machine · {seg.suggestion} suggestion · {seg.empty} empty · "
        f"{words.share('reviewed'):.0f}% of {words.total} words reviewed</span><br>"
        f"{_severities(page.severity_counts())}"
    )


def _key() -> str:
    return (
        '<p class="key meta">' + "".join(f'<span class="{s}"></span>{s}' for s in STATES) + "</p>"
    )


def render_index(pages: Sequence[Page], *, version: str) -> str:
    """``index.html``: one row per article, one column per language."""
    languages = list(dict.fromkeys(p.language for p in pages))
    articles = list(dict.fromkeys((p.domain, p.title) for p in pages))
    by_pair = {(p.domain, p.language): p for p in pages}
    head = "".join(
        f'<th scope="col">{_E(language_name(lang))} '
        f'<span class="meta">({_E(lang.code)})</span></th>'
        for lang in languages
    )
    body = []
    for domain, title in articles:
        cells = []
        for lang in languages:
            page = by_pair.get((domain, lang))
            if page is None:
                cells.append("<td></td>")
                continue
            link = f'<a class="cell" href="{_E(page.file_name)}">{_summary(page)}</a>'
            missing = '<span class="meta">no catalog yet</span>' if page.missing else ""
            cells.append(f"<td>{link}{missing}</td>")
        row_head = f'<th scope="row" lang="en">{_E(title)}<br><code>{_E(domain)}</code></th>'
        body.append(f"<tr>{row_head}{''.join(cells)}</tr>")
    main = (
        f'<header><h1>Review report</h1><p class="meta">{len(articles)} article(s) × '
        f"{len(languages)} language(s) · l10n {_E(version)} · upper bar: segments, lower "
        f'bar: English words</p>{_key()}</header>\n<main>\n<table class="matrix">'
        "<caption>Review progress and QA findings by article and language</caption>"
        f'<thead><tr><th scope="col">Article</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>\n</main>"
    )
    return _document("Review report", main)


def _issue_list(issues: Sequence[Issue]) -> str:
    if not issues:
        return ""
    items = "".join(
        f'<li class="{_E(i.severity)}"><code>{_E(i.check)}</code> '
        f"({_E(i.severity)}): {_E(i.message)}</li>"
        for i in issues
    )
    return f'<ul class="findings">{items}</ul>'


def _row(row: Row, tag: str) -> str:
    checks = " ".join(dict.fromkeys(i.check for i in row.findings))
    previous = (
        f'<div class="previous">Previous English (fuzzy match): <del>{_E(row.previous_msgid)}'
        "</del></div>"
        if row.previous_msgid
        else ""
    )
    notes = "".join(f'<div class="notes">{_E(note)}</div>' for note in row.notes)
    target = (
        f'<td class="target" lang="{tag}">{_E(row.translation)}{notes}</td>'
        if row.translation
        else f'<td class="target blank">not translated{notes}</td>'
    )
    terms = "".join(
        f'<li><span lang="en">{_E(term)}</span> → '
        f"{f'<span lang={chr(34)}{tag}{chr(34)}>{_E(form)}</span>' if form else '(no form)'}</li>"
        for term, form in row.terms
    )
    where = f"line {row.po_line}" if row.po_line else "no entry"
    return (
        f'<tr id="s{row.number}" data-state="{row.state}" data-checks="{_E(checks)}">'
        f'<td>{row.number}<div class="meta">{_E(row.kind)}<br>{where}</div></td>'
        f'<td class="source" lang="en">{_E(row.source)}{previous}</td>{target}'
        f'<td><span class="state {row.state}">{row.state}</span></td>'
        f"<td>{f'<ul class={chr(34)}terms{chr(34)}>{terms}</ul>' if terms else ''}</td>"
        f"<td>{_issue_list(row.findings)}</td></tr>"
    )


def _filters(page: Page) -> str:
    seg = page.segments
    boxes = "".join(
        f'<label><input type="checkbox" name="state" value="{s}" checked> {s} '
        f"({getattr(seg, s)})</label>"
        for s in STATES
    )
    found = sorted({i.check for row in page.rows for i in row.findings})
    options = "".join(f'<option value="{_E(c)}">{_E(c)}</option>' for c in found)
    return (
        '<form id="filters" class="filters"><fieldset><legend>State</legend>'
        f'{boxes}</fieldset><label>QA check <select name="check">'
        '<option value="">all segments</option><option value="any">any finding</option>'
        f'<option value="none">no finding</option>{options}</select></label>'
        f'<p id="shown" class="meta" aria-live="polite">{len(page.rows)} segments</p></form>'
    )


def render_page(page: Page, *, version: str) -> str:
    """The page of one article in one language: every segment side by side, filterable."""
    tag = html_lang(page.language)
    name = language_name(page.language)
    rows = "".join(_row(row, tag) for row in page.rows)
    missing = (
        '<p class="meta">No catalog yet — run <code>l10n run</code>.</p>' if page.missing else ""
    )
    header = (
        '<header><nav aria-label="Report"><a href="index.html">← All articles and '
        f'languages</a></nav><h1 lang="en">{_E(page.title)}</h1><p class="meta">'
        f"{_E(name)} ({_E(page.language.code)}) · <code>{_E(page.catalog)}</code> · "
        f"l10n {_E(version)}</p>{missing}{_summary(page)}{_key()}"
        f"{_issue_list(page.findings)}</header>"
    )
    table = (
        '<table class="segments"><caption>Segments</caption><thead><tr>'
        '<th scope="col">#</th><th scope="col">English</th>'
        f'<th scope="col">{_E(name)}</th><th scope="col">State</th>'
        '<th scope="col">Glossary</th><th scope="col">QA</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    body = f"{header}\n<main>\n{_filters(page)}\n{table}\n</main>"
    return _document(f"{page.title} — {name}", body, _SCRIPT)


def write_report(pages: Sequence[Page], out: Path, *, version: str) -> list[Path]:
    """Write ``index.html``, one page per article and language, and ``report.json``."""
    files = {"index.html": render_index(pages, version=version)}
    files.update({p.file_name: render_page(p, version=version) for p in pages})
    files["report.json"] = json.dumps(
        report_data(pages, version=version), ensure_ascii=False, indent=1
    )
    written = []
    for name, text in files.items():
        path = out / name
        try:
            atomic_write(path, text.encode("utf-8"))
        except CatalogError as err:
            what = err.detail.split(" — ")[0]
            raise ExportError(f"{what} — choose a writable --out directory", path=path) from err
        written.append(path)
    return written
