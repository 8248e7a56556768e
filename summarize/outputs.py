"""Writers: Markdown for people, JSON for machines. Every write is atomic."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from summarize.records import DocumentResult, FigureVariant, RunResult, SentenceRecord, Story


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; outputs are for colleagues to read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def short_labels(ids: Sequence[str]) -> dict[str, str]:
    """Short citation labels: the part before the first ``_`` when that is unique."""
    prefixes = {doc_id: doc_id.split("_", 1)[0] for doc_id in ids}
    if len(set(prefixes.values())) == len(prefixes):
        return prefixes
    return {doc_id: doc_id for doc_id in ids}


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


def _flag_note(sentence: SentenceRecord) -> str:
    if not sentence.flags:
        return ""
    return " ⚠ " + "; ".join(f"`{f.code}`: {f.reason}" for f in sentence.flags)


def render_translation(doc: DocumentResult, version: str) -> str:
    """The English text of one document, paragraphs kept, with a provenance header."""
    confidence = ("" if doc.language_confidence is None
                  else f" (detector confidence {doc.language_confidence:.2f})")
    lines = [f"# {doc.id}: English translation", "",
             f"- Source file: `{doc.source_path or 'in memory'}`",
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
    risky = doc.riskiest()
    if risky:
        lines += ["## Sentences to check (riskiest first)", ""]
        lines += [f"- `{s.id}` (risk {s.risk}): {s.english or '∅'}  \n  source: {s.source}  \n "
                  f" {_flag_note(s).strip()}" for s in risky]
        lines.append("")
    return "\n".join(lines)


def render_digest(doc: DocumentResult, version: str) -> str:
    """The digest of one document, each line with its evidence ids and source text."""
    by_id = {s.id: s for s in doc.sentences}
    lines = [f"# Digest: {doc.id}", "",
             f"Source `{doc.source_path or 'in memory'}` ({doc.language}), "
             f"model: {model_line(doc.translator)}; summarize {version}.", ""]
    if not doc.digest:
        lines += ["_No sentence was long enough to quote._", ""]
    for number, line in enumerate(doc.digest, start=1):
        risky = sorted({f.code for e in line.evidence if e in by_id
                        for f in by_id[e].flags if f.severity})
        warning = f" ⚠ check: {', '.join(risky)}" if risky else ""
        origin = " _(generated)_" if line.origin == "abstractive" else ""
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


def _variant_line(variant: FigureVariant, labels: Mapping[str, str]) -> str:
    said = f" ({variant.attribution})" if variant.attribution else ""
    flagged = f" ⚠ flagged: {', '.join(variant.flags)}" if variant.flags else ""
    return (f"  - **{variant.figure}** [{_cite(variant.sources, labels)}]{said}: "
            f"“{variant.text}” ({', '.join(variant.evidence)}){flagged}")


def render_story(story: Story, labels: Mapping[str, str]) -> list[str]:
    """One story of the brief in Markdown: facts, disagreements, side by side, timeline."""
    lines = [f"## {story.id.split('-')[-1]}. {story.title}", "",
             f"Reported by [{_cite(story.sources, labels)}].", ""]
    if story.facts:
        lines += ["Key facts:", ""]
        for fact in story.facts:
            warning = (f" ⚠ quoted sentence flagged as likely wrong ({', '.join(fact.flags)}); "
                       "no other source reports this fact" if fact.flags else "")
            lines.append(f"- {fact.text} [{_cite(fact.sources, labels)}]{warning}  \n"
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
        lines += [f"| {e.when} | {e.measure} | {e.figure} | {_cite(e.sources, labels)} | "
                  f"{e.note} |" for e in story.timeline]
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
    lines += ["## Documents", ""]
    for doc in result.documents:
        flagged = len(doc.riskiest())
        status = (f"{doc.language}, {flagged} sentences flagged" if doc.ok
                  else f"FAILED: {doc.error}")
        meta = ", ".join(doc.metadata[k] for k in ("outlet", "date") if doc.metadata.get(k))
        lines.append(f"- [{labels[doc.id]}] `{doc.id}` ({status}{'; ' + meta if meta else ''})")
    lines.append("")
    return "\n".join(lines)


def write_outputs(result: RunResult, out_dir: str | Path, *, translations: bool = True,
                  digests: bool = True) -> list[Path]:
    """Write the run's files under ``out_dir``; return the paths written.

    What a previous run in the same folder wrote and this run does not write again (found
    through the previous ``run.json``) is removed: files of documents that are gone or failed
    this time, and digests and the brief after a translation-only run (translations after a
    digest-only one), so the folder always shows one run.
    """
    out = Path(out_dir)
    done = {d.id for d in result.documents if d.ok}
    _remove_stale(out, translations=done if translations else set(),
                  digests=done if digests else set(), brief=digests)
    written: list[Path] = []
    for doc in result.documents:
        if not doc.ok:
            continue
        if translations:
            written.append(out / "translations" / f"{doc.id}.en.md")
            write_atomic(written[-1], render_translation(doc, result.version))
        if digests:
            written.append(out / "digests" / f"{doc.id}.md")
            write_atomic(written[-1], render_digest(doc, result.version))
    if digests:
        written.append(out / "brief.md")
        write_atomic(written[-1], render_brief(result))
    record = result.to_dict()
    written.append(out / "run.json")
    write_atomic(written[-1], json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    from summarize.report import render_report

    written.append(out / "report.html")
    write_atomic(written[-1], render_report(record))
    return written


def _remove_stale(out: Path, *, translations: set[str], digests: set[str],
                  brief: bool) -> None:
    try:
        previous = json.loads((out / "run.json").read_text(encoding="utf-8"))
        old_ids = {str(d["id"]) for d in previous.get("documents", [])}
    except (OSError, ValueError, TypeError, KeyError):
        return
    for doc_id in old_ids - translations:
        (out / "translations" / f"{doc_id}.en.md").unlink(missing_ok=True)
    for doc_id in old_ids - digests:
        (out / "digests" / f"{doc_id}.md").unlink(missing_ok=True)
    if not brief:
        (out / "brief.md").unlink(missing_ok=True)
