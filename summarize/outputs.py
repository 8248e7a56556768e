"""Writers: Markdown for people, JSON for machines, and the HTML page (``summarize.report``),
all from one view of the run (``summarize.view``). Every write is atomic."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from summarize.outdir import OutputFolder, write_atomic
from summarize.records import DocumentResult, FigureVariant, RunResult, SentenceRecord, Story
from summarize.report import render_report
from summarize.view import (
    METADATA_LABELS,
    independence_note,
    outlets_note,
    risk_queue,
    short_labels,
)


def model_line(translator: dict[str, Any] | None) -> str:
    """One human line naming the model a document was translated with."""
    if not translator:
        return "not translated"
    if translator.get("model") is None:
        return f"{translator.get('engine')} (no model: English input)"
    parts = [str(translator["model"])]
    if translator.get("revision"):
        parts[0] += f" @ {str(translator['revision'])[:12]}"
    parts += [f"{key} {translator[key]}" for key in ("engine", "device", "dtype", "beams")
              if translator.get(key) is not None]
    return " · ".join(parts)


def metadata_lines(doc: DocumentResult) -> list[str]:
    """Header lines for a document's metadata and, for a fetched page, how it was fetched."""
    lines = [f"- {label}: {doc.metadata[key]}" for key, label in METADATA_LABELS
             if doc.metadata.get(key)]
    fetch = doc.fetch
    if fetch and fetch.get("final_url"):
        moved = (f"; redirected from {fetch['requested_url']}"
                 if fetch["final_url"] != fetch["requested_url"] else "")
        lines.append(f"- Fetched: {fetch['final_url']} (HTTP {fetch['status']}, "
                     f"{fetch['fetched_at']}, sha256 {str(fetch['sha256'])[:16]}…{moved})")
    return lines


def source_line(doc: DocumentResult) -> str:
    """One line naming where a document comes from: outlet, date, URL (what is known)."""
    parts = [doc.metadata[key] for key in ("outlet", "date", "url") if doc.metadata.get(key)]
    return ", ".join(parts)


def _flag_note(sentence: SentenceRecord) -> str:
    if not sentence.flags:
        return ""
    return " ⚠ " + "; ".join(f"`{f.code}`: {f.reason}" for f in sentence.flags)


def _source_label(doc: DocumentResult) -> str:
    """``Source page`` for a document fetched from the web, else ``Source file``."""
    return "Source page" if doc.fetch or str(doc.source_path or "").startswith(
        ("http://", "https://")) else "Source file"


def render_translation(doc: DocumentResult, version: str) -> str:
    """The English text of one document, paragraphs kept, with a provenance header."""
    confidence = ("" if doc.language_confidence is None
                  else f" (detector confidence {doc.language_confidence:.2f})")
    lines = [f"# {doc.id}: English translation", "",
             f"- {_source_label(doc)}: `{doc.source_path or 'in memory'}`",
             *metadata_lines(doc),
             f"- Source language: {doc.language}{confidence}",
             f"- Model: {model_line(doc.translator)}",
             f"- Made by: summarize {version}", ""]
    paragraphs: dict[int, list[SentenceRecord]] = {}
    for sentence in doc.sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    for _, sentences in sorted(paragraphs.items()):
        text = " ".join(s.english for s in sentences if s.english)
        marks = sorted({f.code for s in sentences for f in s.flags
                        if f.code in {"duplicate", "boilerplate", "mixed_language"}})
        if marks:
            text = f"{text} _[{', '.join(marks)}]_"
        lines += [text, ""]
    human = [s for s in doc.sentences if s.origin == "human"]
    if human:
        lines += ["## Translated or approved by a person", "",
                  f"{len(human)} of {len(doc.sentences)} sentences (`summarize review`, or "
                  "the translation memory):", ""]
        lines += [f"- `{s.id}` (human): {s.english}" for s in human]
        lines.append("")
    risky = [entry.sentence for entry in risk_queue([doc])]
    if risky:
        lines += ["## Sentences to check (riskiest first)", ""]
        lines += [f"- `{s.id}` (risk {s.risk}): {s.english or '∅'}  \n  source: {s.source}  \n "
                  f" {_flag_note(s).strip()}" for s in risky]
        lines.append("")
    return "\n".join(lines)


def render_digest(doc: DocumentResult, version: str) -> str:
    """The digest of one document, each line with its evidence ids and source text."""
    by_id = {s.id: s for s in doc.sentences}
    title = f"{doc.metadata['title']}" if doc.metadata.get("title") else ""
    origin = source_line(doc)
    lines = [f"# Digest: {doc.id}", "",
             *([f"**{title}**" + (f" ({origin})" if origin else ""), ""] if title
               else [f"{origin}", ""] if origin else []),
             f"Source `{doc.source_path or 'in memory'}` ({doc.language}), "
             f"model: {model_line(doc.translator)}; summarize {version}.", ""]
    if not doc.digest:
        lines += ["_No sentence was long enough to quote._", ""]
    for number, line in enumerate(doc.digest, start=1):
        risky = sorted({f.code for e in line.evidence if e in by_id
                        for f in by_id[e].flags if f.severity})
        warning = f" ⚠ check: {', '.join(risky)}" if risky else ""
        origin = " _(generated)_" if line.origin == "abstractive" else ""
        if line.evidence and all(e in by_id and by_id[e].origin == "human"
                                 for e in line.evidence):
            origin += " _(human translation)_"
        lines.append(f"{number}. {line.text} [{', '.join(line.evidence)}]{origin}{warning}")
        for flag in line.flags:
            mark = "⚠ " if flag.severity >= 2 else ""
            lines.append(f"   - {mark}`{flag.code}`: {flag.reason}")
        if line.replaced:
            lines.append(f"   - generated sentence not used: {line.replaced}")
        for evidence in line.evidence:
            if evidence in by_id and by_id[evidence].source != line.text:
                lines.append(f"   > {evidence}: {by_id[evidence].source}")
    lines.append("")
    return "\n".join(lines)


def _cite(sources: Sequence[str], labels: Mapping[str, str]) -> str:
    return ", ".join(labels.get(s, s) for s in sources)


def story_sources_line(story: Story) -> str:
    """" 3 outlets, 2 independent." after a story's sources (empty when not counted)."""
    note = outlets_note(story.outlets, story.independent)
    return f" {note}." if note else ""


def _variant_line(variant: FigureVariant, labels: Mapping[str, str]) -> str:
    said = f" ({variant.attribution})" if variant.attribution else ""
    flagged = f" ⚠ flagged: {', '.join(variant.flags)}" if variant.flags else ""
    alone = independence_note(variant.independent, variant.sources)
    return (f"  - **{variant.figure}** [{_cite(variant.sources, labels)}]{alone}{said}: "
            f"“{variant.text}” ({', '.join(variant.evidence)}){flagged}")


def render_story(story: Story, labels: Mapping[str, str]) -> list[str]:
    """One story of the brief in Markdown: facts, disagreements, side by side, timeline."""
    lines = [f"## {story.id.split('-')[-1]}. {story.title}", "",
             f"Reported by [{_cite(story.sources, labels)}].{story_sources_line(story)}", ""]
    if story.facts:
        lines += ["Key facts:", ""]
        for fact in story.facts:
            warning = (f" ⚠ quoted sentence flagged as likely wrong ({', '.join(fact.flags)}); "
                       "no other source reports this fact" if fact.flags else "")
            alone = independence_note(fact.independent, fact.sources)
            lines.append(f"- {fact.text} [{_cite(fact.sources, labels)}]{alone}{warning}  \n"
                         f"  Evidence: {', '.join(fact.evidence)}")
        lines.append("")
    for comparison in story.disagreements:
        lines += [f"**Sources disagree** on the {comparison.measure} ({comparison.subject}): "
                  f"{comparison.reason}.", ""]
        lines += [_variant_line(v, labels) for v in comparison.variants] + [""]
    for comparison in story.side_by_side:
        lines += [f"**Not comparable as written** ({comparison.measure}, {comparison.subject}): "
                  f"{comparison.reason}; shown side by side, not a disagreement.", ""]
        lines += [_variant_line(v, labels) for v in comparison.variants] + [""]
    if story.timeline:
        lines += ["Timeline:", "", "| when | measure | figure | sources | note |",
                  "|---|---|---|---|---|"]
        lines += [f"| {e.when} | {e.measure} | {e.figure} | {_cite(e.sources, labels)}"
                  f"{independence_note(e.independent, e.sources)} | {e.note} |"
                  for e in story.timeline]
        lines.append("")
    return lines


def render_brief(result: RunResult) -> str:
    """The combined brief by story, with document citations and evidence ids."""
    ok = [d for d in result.documents if d.ok]
    labels = short_labels([d.id for d in result.documents])
    brief = result.brief
    lines = ["# Brief", "",
             f"{len(ok)} of {len(result.documents)} documents, summarize {result.version}. "
             "Stories are what the articles share; each fact quotes a translated sentence; "
             "[labels] are the documents reporting it.", ""]
    if brief.undated:
        lines += [f"Dates are relative: [{_cite(brief.undated, labels)}] give no publication "
                  "date (front matter `date:`), so their “in September” or “last December” "
                  "cannot be placed, and their figures are never called a disagreement for "
                  "lack of a date.", ""]
    for story in brief.stories:
        lines += render_story(story, labels)
    if not brief.stories:
        lines += ["_Nothing to brief._", ""]
    if result.risks:
        lines += ["## Riskiest sentences of the run", ""]
        lines += [f"- `{r['id']}` (risk {r['risk']}): {', '.join(r['flags'])}"
                  for r in result.risks[:15]]
        lines.append("")
    lines += document_list(result, labels)
    return "\n".join(lines)


def document_list(result: RunResult, labels: dict[str, str]) -> list[str]:
    """The brief's list of documents: how many outlets and independent sources, then each
    document with its outlet, date and URL, and the syndicated copies it belongs to."""
    from summarize.syndication import independent_sources, outlet_of

    ok = [d.id for d in result.documents if d.ok]
    outlets = {outlet_of(d) for d in result.documents if d.ok}
    lines = ["## Documents", ""]
    if ok:
        lines += [f"{len(ok)} documents: {len(outlets)} outlets, "
                  f"{independent_sources(ok, result.syndication)} independent.", ""]
    copies = {doc: group for group in result.syndication for doc in group.documents}
    for doc in result.documents:
        flagged = len(risk_queue([doc]))
        status = (f"{doc.language}, {flagged} sentences flagged" if doc.ok
                  else f"FAILED: {doc.error}")
        origin = source_line(doc)
        line = f"- [{labels[doc.id]}] `{doc.id}` ({status})" + (f" · {origin}" if origin else "")
        if doc.id in copies:
            others = ", ".join(f"[{labels[o]}]" for o in copies[doc.id].documents if o != doc.id)
            line += f" · same story as {others}"
        lines.append(line)
    lines.append("")
    return lines


def write_outputs(result: RunResult, out_dir: str | Path | OutputFolder, *,
                  translations: bool = True, digests: bool = True) -> list[Path]:
    """Write the run's files into ``out_dir``, replacing a previous run there whole.

    The files are written into a staged folder beside ``out_dir`` and swapped in when all are
    written (:class:`summarize.outdir.OutputFolder`), so the folder always holds one complete
    run: the previous one until this one is complete, never a mix. Files a person put into
    the folder are kept; what the previous run wrote and this one does not (documents no
    longer given or failed, digests after a translation-only run) is gone with it.

    Args:
        result: The run.
        out_dir: The output folder, or an :class:`~summarize.outdir.OutputFolder` prepared
            before the run (so that a folder that cannot be used fails before any work).
        translations: Write ``translations/<id>.en.md``.
        digests: Write ``digests/<id>.md`` and ``brief.md``.

    Returns:
        The paths written, inside ``out_dir``.

    Raises:
        OutputError: the folder cannot be used or written; the previous run is untouched.
    """
    folder = out_dir if isinstance(out_dir, OutputFolder) else OutputFolder(out_dir)
    try:
        stage = folder.prepare().staging
        relative: list[str] = []

        def write(name: str, text: str) -> None:
            write_atomic(stage / name, text)
            relative.append(name)

        for doc in result.documents:
            if not doc.ok:
                continue
            if translations:
                write(f"translations/{doc.id}.en.md", render_translation(doc, result.version))
            if digests:
                write(f"digests/{doc.id}.md", render_digest(doc, result.version))
        if digests:
            write("brief.md", render_brief(result))
        record = result.to_dict()
        write("run.json", json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        write("report.html", render_report(result))
    except BaseException:
        folder.abort()
        raise
    folder.commit()
    return [folder.given / name for name in relative]
