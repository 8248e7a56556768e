"""The review page, rendered on the server: every item with its state and its actions.

Everything from a document or a reviewer is escaped (``html.escape``) and isolated
(``<bdi>``, ``dir="auto"``, so Arabic reads right to left without reordering what follows);
the script (``/static/review.js``) only ever sets ``textContent``. No inline script or
style: the Content-Security-Policy allows none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

from summarize.records import SentenceRecord
from summarize.report import sentence_anchor
from summarize.review.items import ACTIONS
from summarize.review.session import ItemView, ReviewSession
from summarize.translate.memory import Suggestion
from summarize.view import risk_level

#: How each status is shown.
LABELS = {"unreviewed": "unreviewed", "approved": "approved", "corrected": "corrected",
          "needs_retranslation": "needs retranslation", "rejected": "rejected",
          "human": "human (memory or earlier review)"}
#: The buttons of each action.
BUTTONS = {"approve": "Approve", "edit": "Edit", "retranslate": "Needs retranslation",
           "reject": "Reject"}


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _t(value: object, lang: str | None = None) -> str:
    """Text from a document or a person: escaped and isolated."""
    attribute = f' lang="{_e(lang)}"' if lang else ""
    return f'<bdi dir="auto"{attribute}>{_e(value)}</bdi>'


@dataclass(frozen=True)
class Filters:
    """What the page shows (from the query: ``order=risk``, ``unreviewed=1``, ``doc=ID``,
    ``flag=CODE``)."""

    order: str = "document"
    unreviewed: bool = False
    document: str | None = None
    flag: str | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> Filters:
        """The filters a query asks for; unknown values are ignored."""
        return cls("risk" if query.get("order") == "risk" else "document",
                   query.get("unreviewed") in ("1", "on", "true"),
                   query.get("doc") or None, query.get("flag") or None)

    def keeps(self, view: ItemView, sentence: SentenceRecord | None) -> bool:
        """Whether an item is shown."""
        if self.unreviewed and view.status != "unreviewed":
            return False
        if self.document is not None and view.item.kind in ("sentence", "digest") \
                and view.item.document != self.document:
            return False
        if self.flag is not None and view.item.kind == "sentence":
            return sentence is not None and any(f.code == self.flag for f in sentence.flags)
        return True


def _status(view: ItemView) -> str:
    who = f" by {view.reviewer}" if view.reviewer else ""
    when = f" at {view.at}" if view.at else ""
    stale = (' <span class="muted">(an earlier review was of other text)</span>'
             if view.stale else "")
    return (f'<span class="status st-{_e(view.status)}">{_e(LABELS[view.status])}</span>'
            f'<span class="muted who">{_e(who + when)}</span>{stale}')


def _controls(view: ItemView) -> str:
    buttons = "".join(f'<button type="button" data-action="{a}">{BUTTONS[a]}</button>'
                      for a in ACTIONS[view.item.kind])
    editor = ""
    if "edit" in ACTIONS[view.item.kind]:
        editor = ('<div class="editor" hidden><textarea rows="3" maxlength="5000" '
                  'aria-label="English" dir="auto"></textarea><button type="button" '
                  'data-action="save">Save</button><button type="button" '
                  'data-action="cancel">Cancel</button></div>')
    return (f'<div class="actions">{buttons}</div>{editor}'
            '<div class="conflict" role="alert" hidden></div>'
            '<p class="message" role="status"></p>')


def _attributes(view: ItemView) -> str:
    return (f'class="item" data-item="{_e(view.item.id)}" data-version="{view.version}" '
            f'data-status="{_e(view.status)}"')


def _flags(sentence: SentenceRecord) -> str:
    if not sentence.flags:
        return ""
    items = "".join(f'<li class="sev-{f.severity}"><span class="code">{_e(f.code)}</span>: '
                    f"{_e(f.reason)}</li>" for f in sentence.flags)
    return f'<ul class="flags">{items}</ul>'


def _suggestions(found: list[Suggestion]) -> str:
    rows = "".join(
        f'<li>{round(s.similarity * 100)}% alike: {_t(s.entry.source, s.entry.language)} → '
        f'{_t(s.entry.english, "en")} <button type="button" data-action="use" '
        f'data-text="{_e(s.entry.english)}">Use in an edit</button></li>' for s in found)
    return (f'<div class="suggestions"><p class="muted">From the translation memory (not '
            f"applied):</p><ul>{rows}</ul></div>")


def _sentence_row(view: ItemView, sentence: SentenceRecord,
                  suggestions: list[Suggestion]) -> str:
    risk = risk_level(sentence)
    score = (f' · model score {sentence.score:.2f}' if sentence.score is not None else "")
    return (f'<tr id="{sentence_anchor(sentence.id)}" {_attributes(view)} '
            f'data-risk="{sentence.risk}"><th scope="row">{_e(sentence.id)}<br>'
            f"{_status(view)}</th>"
            f'<td class="src" lang="{_e(view.item.language or "")}" dir="auto">'
            f"{_e(sentence.source)}</td>"
            f'<td class="en risk-{risk}" lang="en"><p class="english">'
            f'<bdi class="text" dir="auto">{_e(view.text)}</bdi></p>'
            f'<p class="muted">risk {sentence.risk} · origin {_e(sentence.origin)}{score}</p>'
            f"{_flags(sentence)}{_suggestions(suggestions) if suggestions else ''}"
            f"{_controls(view)}</td></tr>")


def _evidence(ids: Iterable[str], session: ReviewSession) -> str:
    rows = []
    ids = list(ids)
    for sentence_id in ids:
        sentence = session.sentences.get(sentence_id)
        document = sentence_id.rsplit(":", 2)[0]
        link = (f'<a href="/?{urlencode({"doc": document})}#{sentence_anchor(sentence_id)}">'
                f"{_e(sentence_id)}</a>")
        if sentence is None:
            rows.append(f"<li>{link}: no longer in the run</li>")
            continue
        language = sentence.language or next(
            (d.language for d in session.result.documents if d.id == document), None)
        rows.append(f"<li>{link}: {_t(sentence.source, language)}<br>→ "
                    f"{_t(sentence.english, 'en')}</li>")
    return (f'<details class="evidence"><summary>Evidence ({len(ids)})</summary>'
            f'<ul>{"".join(rows)}</ul></details>')


def _line(view: ItemView, session: ReviewSession) -> str:
    """A digest line, fact or disagreement with its evidence and its buttons."""
    return (f'<li {_attributes(view)} data-kind="{_e(view.item.kind)}"><p>'
            f'<bdi class="text" dir="auto">{_e(view.text)}</bdi> {_status(view)}</p>'
            f"{_evidence(view.item.evidence, session)}{_controls(view)}</li>")


def _filters(filters: Filters, session: ReviewSession) -> str:
    documents = [d.id for d in session.result.documents if d.ok]
    codes = sorted({f.code for s in session.sentences.values() for f in s.flags})

    def options(values: list[str], chosen: str | None, empty: str) -> str:
        return f'<option value="">{empty}</option>' + "".join(
            f'<option value="{_e(v)}"{" selected" if v == chosen else ""}>{_e(v)}</option>'
            for v in values)

    return ('<form class="filters" method="get" action="/"><label>Order <select name="order">'
            f'<option value="document">document order</option><option value="risk"'
            f'{" selected" if filters.order == "risk" else ""}>riskiest first</option>'
            '</select></label> <label><input type="checkbox" name="unreviewed" value="1"'
            f'{" checked" if filters.unreviewed else ""}> unreviewed only</label> '
            f'<label>Document <select name="doc">{options(documents, filters.document, "all")}'
            f'</select></label> <label>Flag <select name="flag">'
            f'{options(codes, filters.flag, "any")}</select></label> '
            '<button type="submit">Show</button> <a href="/">clear</a></form>')


def render_page(session: ReviewSession, filters: Filters, csrf: str) -> str:
    """The whole page for the session's items as they stand."""
    views = session.views()
    records = {v.item.id: session.sentence(v.item) for v in views}
    shown = [v for v in views if filters.keeps(v, records[v.item.id])]
    rows = [(v, record) for v in shown if (record := records[v.item.id]) is not None]
    if filters.order == "risk":
        rows.sort(key=lambda pair: -pair[1].risk)
    found = session.suggestions([v for v, _ in rows])
    counts = {status: sum(1 for v in views if v.item.kind == "sentence" and v.status == status)
              for status in LABELS}
    summary = ", ".join(f"{n} {LABELS[s]}" for s, n in counts.items() if n)
    table = "".join(_sentence_row(v, record, found.get(v.item.id, [])) for v, record in rows)
    digests = []
    for doc in session.result.documents:
        lines = [v for v in shown if v.item.kind == "digest" and v.item.document == doc.id]
        gone = [v for v in lines if not v.item.present]
        if lines:
            digests.append(f"<h3>{_e(doc.id)}</h3><ol>" + "".join(
                _line(v, session) for v in lines if v.item.present) + "</ol>")
        if gone:
            digests.append('<p class="muted">Rejected, left out of this digest (Approve brings '
                           'a line back at the next rebuild):</p><ul class="rejected">'
                           + "".join(_line(v, session) for v in gone) + "</ul>")
    stories: dict[str, list[ItemView]] = {}
    for view in shown:
        if view.item.kind in ("fact", "disagreement"):
            title = view.item.story if view.item.present else "Rejected, left out of the brief"
            stories.setdefault(title or "", []).append(view)
    brief = "".join(f"<h3>{_t(title)}</h3><ul>" + "".join(_line(v, session) for v in group)
                    + "</ul>" for title, group in stories.items())
    name = session.out_dir.resolve().name
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="csrf-token" content="{_e(csrf)}">'
        f"<title>summarize review: {_e(name)}</title>"
        '<link rel="stylesheet" href="/static/review.css">'
        '<script src="/static/review.js" defer></script></head><body>'
        f"<header><h1>Review of {_e(name)}</h1><p>{_e(summary)}. Approve or correct the "
        "English; <strong>Rebuild</strong> writes the digests, brief, run.json and "
        "report.html again from it.</p>"
        '<p class="toolbar"><label>Reviewer <input id="reviewer" maxlength="100" '
        f'value="{_e(session.reviewer or "")}" autocomplete="name"></label> '
        '<button type="button" id="rebuild" data-action="rebuild">Rebuild outputs</button> '
        '<span id="rebuild-message" role="status"></span></p>'
        f"{_filters(filters, session)}</header><main>"
        f'<section id="sentences"><h2>Sentences ({len(rows)} shown)</h2>'
        '<table><colgroup><col class="id"><col><col></colgroup><thead><tr>'
        '<th scope="col">id</th><th scope="col">Source</th><th scope="col">English</th>'
        f"</tr></thead><tbody>{table}</tbody></table></section>"
        f'<section id="digests"><h2>Digests</h2>{"".join(digests) or "<p>None shown.</p>"}'
        f'</section><section id="brief"><h2>Brief: facts and disagreements</h2>'
        f'{brief or "<p>None shown.</p>"}</section></main></body></html>\n')
