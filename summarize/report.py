"""The review page: one self-contained HTML file per run, readable offline and without JavaScript.

Rendered from the run's typed records (``RunResult``; a loaded ``run.json`` is read back into
them, so ``summarize report run.json`` and a run produce the same page), with the labels, notes
and risk queue of ``summarize.view`` that the Markdown shares: the brief first (its stories,
each with key facts, disagreements, figures shown side by side and a timeline drawn as an
inline SVG chart), then the risk queue, then the entity ledger (each name's source and English
forms, the documents naming it, every respelling), then every document with its digest on top
and its full text as aligned source/English pairs below.
Every digest line and brief item links to the sentences it rests on (``#s-<sentence id>``);
flags are highlighted with their reasons written out. Every run of text from a document is isolated
(``<bdi>``, ``dir="auto"``), so the browser finds its direction from its own letters: an Arabic
sentence reads right to left and the citations after it stay in order; long tokens such as
URLs wrap instead of widening the page.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from summarize.records import (
    DigestLine,
    DocumentResult,
    EntityRecord,
    FigureVariant,
    Flag,
    KeyFact,
    RunResult,
    Story,
    TimelineEntry,
)
from summarize.view import (
    METADATA_LABELS,
    RiskEntry,
    independence_note,
    outlets_note,
    risk_level,
    risk_queue,
    short_labels,
)

Cites = Callable[[Iterable[str]], str]

CSS = """
:root { color-scheme: light; --risk: #b42318; --warn: #b54708; --info: #475467; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 78rem; padding: 1rem 2rem;
       color: #101828; overflow-wrap: anywhere; }
h1, h2, h3 { line-height: 1.2; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
col.id { width: 11rem; }
th, td { border-top: 1px solid #d0d5dd; padding: .4rem .6rem; vertical-align: top;
         text-align: start; }
th[scope=row] { font: 12px/1.4 ui-monospace, monospace; color: var(--info); white-space: nowrap; }
td.src:dir(rtl) { font-size: 1.1em; }
.risk-text { margin: .1rem 0 0; }
tr.risk-2 { background: #fef3f2; } tr.risk-1 { background: #fffaeb; }
tr:target, li:target { outline: 3px solid #2e90fa; }
.flags { margin: .25rem 0 0; padding-left: 1.1rem; font-size: .85em; }
.sev-2 { color: var(--risk); } .sev-1 { color: var(--warn); } .sev-0 { color: var(--info); }
.code { font-family: ui-monospace, monospace; font-weight: 600; }
.cites, .evidence { font-size: .85em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.meta dt { font-weight: 600; }
.muted { color: var(--info); }
.origin.human { font-size: .75em; font-weight: 600; padding: 0 .3rem; border-radius: .3rem;
                background: #d1fadf; color: #054f31; }
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _t(value: object) -> str:
    """Text from a document, isolated so that its direction cannot reorder what follows."""
    return f"<bdi>{_e(value)}</bdi>"


def _anchor(sentence_id: str) -> str:
    return "s-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in sentence_id)


def sentence_anchor(sentence_id: str) -> str:
    """The id of a sentence's row on the page (``s-`` and the id, other characters as ``-``);
    the review app uses the same."""
    return _anchor(sentence_id)


def _doc_anchor(doc_id: str) -> str:
    return "d-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in doc_id)


def _evidence_links(ids: Iterable[str]) -> str:
    return ", ".join(f'<a href="#{_anchor(i)}">{_e(i)}</a>' for i in ids)


def _flags(flags: Sequence[Flag]) -> str:
    if not flags:
        return ""
    items = "".join(
        f'<li class="sev-{f.severity}"><span class="code">{_e(f.code)}</span>: '
        f'{_e(f.reason)}</li>' for f in flags)
    return f'<ul class="flags">{items}</ul>'


def _score(score: object) -> str:
    """The model's own score of a sentence (mean log-probability per token), if it gave one."""
    if not isinstance(score, int | float):
        return ""
    return (f' <span class="muted score" title="the model\'s mean log-probability per token '
            f'(0 is certainty; uncalibrated)">model score {score:.2f}</span>')


def _origin(origin: object) -> str:
    """A mark on English a person wrote or approved (``summarize review``, the memory)."""
    if origin != "human":
        return ""
    return (' <span class="origin human" title="translated or approved by a person">'
            "human</span>")


def _metadata(run: RunResult) -> str:
    rows = [("summarize version", run.version)]
    for model in run.models:
        languages = ", ".join(model.get("languages", []))
        parts = [f"{k} {model[k]}" for k in ("revision", "engine", "device", "dtype", "beams")
                 if model.get(k) is not None]
        rows.append((f"model ({languages})", f"{model.get('model')} · " + " · ".join(parts)))
    settings = run.settings
    rows.append(("settings", ", ".join(f"{k}={v}" for k, v in sorted(settings.items())
                                       if not isinstance(v, dict | list))))
    rows += [(k, json.dumps(v, ensure_ascii=False)) for k, v in sorted(settings.items())
             if isinstance(v, dict | list) and v]  # models per language, summarizer, cluster
    rows.append(("timings (s)", ", ".join(f"{k} {v}" for k, v in run.timings.items())))
    body = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows)
    return f'<section id="run"><h2>How this run was made</h2><dl class="meta">{body}</dl></section>'


#: Styles of the brief's stories (kept apart from the page's own CSS).
BRIEF_CSS = """
.story { border-top: 2px solid #d0d5dd; margin-top: 1rem; }
.story h3 { margin-bottom: .2rem; }
.verdict { border-left: 4px solid var(--warn); padding: .1rem .8rem; margin: .6rem 0; }
.verdict.side { border-left-color: var(--info); }
.verdict ul { padding-left: 1.1rem; }
svg.timeline { max-width: 100%; height: auto; display: block; margin: .4rem 0; }
table.timeline-table td, table.timeline-table th { font-size: .9em; }
"""


def _alone(item: KeyFact | FigureVariant | TimelineEntry) -> str:
    """The "1 independent source" mark of a fact, figure or timeline entry (see
    ``summarize.view.independence_note``)."""
    note = independence_note(item.independent, item.sources)
    return f' <span class="muted">{_e(note.strip(" ·"))}</span>' if note else ""


def _variant(v: FigureVariant, cites: Cites) -> str:
    said = f' <span class="muted">({_e(v.attribution)})</span>' if v.attribution else ""
    flags = (f' <span class="sev-2">⚠ flagged: {_e(", ".join(v.flags))}</span>'
             if v.flags else "")
    return (f'<li><strong>{_t(v.figure)}</strong> <span class="cites">'
            f'[{cites(v.sources)}]</span>{_alone(v)}{said}: “{_t(v.text)}” '
            f'<span class="evidence">[{_evidence_links(v.evidence)}]</span>{flags}</li>')


def _story_sources(story: Story) -> str:
    note = outlets_note(story.outlets, story.independent)
    return f" — {note}" if note else ""


def _story(story: Story, cites: Cites) -> str:
    from summarize.timeline_svg import timeline_svg

    number = story.id.split("-")[-1]
    parts = [f'<section class="story" id="{_e(story.id)}">'
             f'<h3>{_e(number)}. {_t(story.title)}</h3>'
             f'<p class="cites">Reported by [{cites(story.sources)}]'
             f'{_e(_story_sources(story))}</p>']
    if story.facts:
        items = "".join(
            f'<li>{_t(f.text)} <span class="cites">[{cites(f.sources)}]</span>{_alone(f)}'
            + (f' <span class="sev-2">⚠ quoted sentence flagged as likely wrong '
               f'({_e(", ".join(f.flags))}); no other source reports this fact</span>'
               if f.flags else "")
            + f' <span class="evidence">[{_evidence_links(f.evidence)}]</span></li>'
            for f in story.facts)
        parts.append(f"<h4>Key facts</h4><ul>{items}</ul>")
    for c in story.disagreements:
        variants = "".join(_variant(v, cites) for v in c.variants)
        parts.append(f'<div class="verdict"><p><strong class="sev-1">Sources disagree</strong> '
                     f'on the {_e(c.measure)} ({_e(c.subject)}): {_e(c.reason)}.</p>'
                     f"<ul>{variants}</ul></div>")
    for c in story.side_by_side:
        variants = "".join(_variant(v, cites) for v in c.variants)
        parts.append(f'<div class="verdict side"><p><strong>Not comparable as written</strong> '
                     f'({_e(c.measure)}, {_e(c.subject)}): {_e(c.reason)}; shown '
                     f"side by side, not a disagreement.</p><ul>{variants}</ul></div>")
    if story.timeline:
        rows = "".join(f'<tr><td>{_e(t.when)}</td><td>{_e(t.measure)}</td>'
                       f'<td>{_e(t.figure)}</td><td>[{cites(t.sources)}]{_alone(t)}</td>'
                       f'<td>{_e(t.note)}</td>'
                       f'<td class="evidence">{_evidence_links(t.evidence)}</td></tr>'
                       for t in story.timeline)
        parts.append("<h4>Timeline</h4>" + timeline_svg(story.timeline, story.title)
                     + '<table class="timeline-table"><thead><tr><th scope="col">when</th>'
                     '<th scope="col">measure</th><th scope="col">figure</th>'
                     '<th scope="col">sources</th><th scope="col">note</th>'
                     f'<th scope="col">evidence</th></tr></thead><tbody>{rows}</tbody></table>')
    return "".join(parts) + "</section>"


def _brief(run: RunResult, labels: Mapping[str, str]) -> str:
    def cites(sources: Iterable[str]) -> str:
        return ", ".join(f'<a href="#{_doc_anchor(s)}">{_e(labels.get(s, s))}</a>'
                         for s in sources)

    undated = run.brief.undated
    note = (f'<p class="muted">Dates are relative: [{cites(undated)}] give no publication date, '
            "so their relative dates cannot be placed and their figures are never called a "
            "disagreement for lack of a date.</p>" if undated else "")
    body = "".join(_story(story, cites) for story in run.brief.stories)
    return (f'<section id="brief"><h2>Brief</h2>{note}{body or "<p>Nothing to brief.</p>"}'
            "</section>")


def _digest_line(line: DigestLine) -> str:
    origin = ' <span class="muted">(generated)</span>' if line.origin == "abstractive" else ""
    replaced = (f'<p class="muted">Generated sentence not used: {_t(line.replaced)}</p>'
                if line.replaced else "")
    return (f"<li>{_t(line.text)}{origin} <span class=\"evidence\">"
            f"[{_evidence_links(line.evidence)}]</span>"
            f"{_flags(line.flags)}{replaced}</li>")


def _risk_queue(documents: Sequence[DocumentResult]) -> str:
    """The sentences to check, from the run's one risk queue (``summarize.view.risk_queue``)."""
    queue = risk_queue(documents)
    if not queue:
        return '<section id="risks"><h2>Sentences to check</h2><p>None flagged.</p></section>'
    rows = "".join(_risk_item(entry) for entry in queue)
    return (f'<section id="risks"><h2>Sentences to check ({len(queue)}), riskiest first</h2>'
            f"<ol>{rows}</ol></section>")


def _risk_item(entry: RiskEntry) -> str:
    s = entry.sentence
    return (f'<li><a href="#{_anchor(s.id)}">{_e(s.id)}</a> (risk {entry.risk}): '
            f'{", ".join(_e(code) for code in entry.codes)}'
            f'<p class="risk-text" dir="auto" lang="{_e(s.language or entry.document.language)}">'
            f'{_t(s.source)}</p><p class="risk-text" lang="en">→ '
            f'{_t(s.english or "∅")}</p></li>')


def _document(doc: DocumentResult) -> str:
    language = doc.language or ""
    head = (f'<section id="{_doc_anchor(doc.id)}" lang="en"><h2>{_e(doc.id)}</h2>'
            f'<p class="muted">Source <code>{_e(doc.source_path or "in memory")}</code>, '
            f"language {_e(language)}, encoding {_e(doc.encoding)}, model "
            f"{_e((doc.translator or {}).get('model', 'none'))}</p>")
    head += _document_metadata(doc)
    if doc.error:
        return head + f'<p class="sev-2">Failed: {_e(doc.error)}</p></section>'
    digest = "".join(_digest_line(line) for line in doc.digest)
    rows = []
    for sentence in doc.sentences:
        lang = sentence.language or language
        rows.append(
            f'<tr id="{_anchor(sentence.id)}" class="risk-{risk_level(sentence)}">'
            f'<th scope="row">{_e(sentence.id)}</th>'
            f'<td class="src" lang="{_e(lang)}" dir="auto">{_e(sentence.source)}</td>'
            f'<td class="en" lang="en">{_e(sentence.english)}'
            f'{_origin(sentence.origin)}{_score(sentence.score)}'
            f'{_flags(sentence.flags)}</td></tr>')
    table = ('<table><caption class="muted">Source and English, sentence by sentence</caption>'
             '<colgroup><col class="id"><col><col></colgroup>'
             '<thead><tr><th scope="col">id</th><th scope="col">Source</th>'
             f'<th scope="col">English</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return (head + f"<h3>Digest</h3><ol>{digest}</ol>" + table + "</section>")


def _document_metadata(doc: DocumentResult) -> str:
    """The document's metadata and, for a fetched page, how it was fetched."""
    metadata = doc.metadata
    rows = [(label, _t(metadata[key])) for key, label in METADATA_LABELS if metadata.get(key)]
    fetch = doc.fetch or {}
    if fetch.get("final_url"):
        redirects = " → ".join(_e(r.get("url")) for r in fetch.get("redirects", []))
        rows.append(("Fetched", f"{_e(fetch['final_url'])} (HTTP {_e(fetch.get('status'))}, "
                                f"{_e(fetch.get('fetched_at'))}, sha256 "
                                f"<code>{_e(str(fetch.get('sha256'))[:16])}</code>"
                                + (f"; asked {_e(fetch['requested_url'])} → {redirects}"
                                   if redirects else "") + ")"))
    if not rows:
        return ""
    body = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="meta">{body}</dl>'


def _entities(entities: Sequence[EntityRecord], labels: Mapping[str, str]) -> str:
    """The entity ledger: each name with its source and English forms, the documents naming
    it, and every respelling made in the digests and the brief."""
    if not entities:
        return ('<section id="names"><h2>Names</h2><p>No proper names were found.</p>'
                "</section>")
    rows = []
    for e in entities:
        english = ", ".join(f"{_t(form)} ({_e(count)})"
                            for form, count in e.english_forms.items())
        docs = ", ".join(f'<a href="#{_doc_anchor(d)}">{_e(labels.get(d, d))}</a>'
                         for d in e.documents)
        respelled = "".join(f"<li>{_e(r.location)}: “{_t(r.original)}” → "
                            f"“{_t(r.replacement)}”</li>" for r in e.respelled)
        cell = f'<ul class="flags">{respelled}</ul>' if respelled else ""
        rows.append(f'<tr><th scope="row">{_t(e.entity)} '
                    f'<span class="muted">({_e(e.basis)})</span></th>'
                    f'<td dir="auto">{", ".join(_t(f) for f in e.source_forms)}</td>'
                    f"<td>{english}</td><td>{docs}</td>"
                    f"<td>{cell}</td></tr>")
    return ('<section id="names"><h2>Names</h2><p class="muted">Each entity is written one way '
            "in the digests and the brief: the glossary's form, else its most frequent English "
            "form; every respelling is listed.</p><table><thead><tr>"
            '<th scope="col">entity</th><th scope="col">source forms</th>'
            '<th scope="col">English forms (sentences)</th><th scope="col">documents</th>'
            f'<th scope="col">respelled</th></tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table></section>")


def render_report(run: RunResult | Mapping[str, Any]) -> str:
    """The review page for a run: its records, or a run record (the dictionary written to
    ``run.json``, read back with :meth:`RunResult.from_dict`).

    Raises:
        InputError: a run record that does not read back into the records.
    """
    if not isinstance(run, RunResult):
        run = RunResult.from_dict(run)
    documents = run.documents
    ids = [d.id for d in documents]
    labels = short_labels(ids)
    nav = "".join(f'<li><a href="#{_doc_anchor(i)}">{_e(labels[i])}</a></li>' for i in ids)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>summarize review: {len(documents)} documents</title><style>{CSS}{BRIEF_CSS}"
        "</style>"
        "</head><body><header><h1>Review</h1>"
        f'<nav aria-label="Contents"><ul><li><a href="#brief">Brief</a></li>'
        f'<li><a href="#risks">Sentences to check</a></li>'
        f'<li><a href="#names">Names</a></li>{nav}'
        f'<li><a href="#run">How this run was made</a></li></ul></nav></header><main>'
        + _brief(run, labels) + _risk_queue(documents) + _entities(run.entities, labels)
        + "".join(_document(d) for d in documents)
        + _metadata(run) + "</main></body></html>\n")


def write_report(run_json: str | Path, out: str | Path | None = None) -> Path:
    """Render ``run.json`` into ``report.html`` (beside it unless ``out`` is given).

    Raises:
        InputError: the file is not a run record summarize can read back.
    """
    from summarize.outdir import write_atomic

    source = Path(run_json)
    run = RunResult.from_dict(json.loads(source.read_text(encoding="utf-8")))
    target = Path(out) if out is not None else source.with_name("report.html")
    write_atomic(target, render_report(run))
    return target
