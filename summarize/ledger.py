"""The entity ledger and one spelling per entity across a run.

A pure post-pass over a finished :class:`~summarize.records.RunResult`:

1. **Mentions.** Every proper name the name audit finds in a source sentence
   (:func:`summarize.namescan.source_names`, with the document as context) is looked up in
   that sentence's English (the same matching as the audit: folding, variants, skeletons,
   CLDR exonyms); the English words it matches are its English form ("Erdoğan'ın" →
   "Erdogan", "Almanya" → "Germany").
2. **Entities.** Mentions are one entity when their English forms are equal after folding
   (``Erdogan`` = ``Erdoğan``), when their source forms are (one language), or when their
   English forms share a consonant skeleton of three letters or more and are at most two
   edits apart (``Mohammed`` = ``Muhammad``).
3. **One spelling.** Each entity is written one way: the glossary's English term when
   ``TranslationOptions.glossary`` maps one of its source or English forms (then every other
   form but demonyms is replaced by it), else its most frequent English form (ties: the form
   with diacritics, then alphabetical), and then only its other *spellings* are replaced
   (:func:`spelling_variant`: "French" is kept beside "France"). Replacements are made as
   whole words in the digest lines and in the brief's story titles, key facts and figure
   variants; each is recorded in the entity's ``respelled`` list, and a digest line also gets
   an information flag ``respelled``. The
   translations themselves are never changed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from summarize.namematch import WORD, edit_distance, fold, skeleton
from summarize.names import unit_present
from summarize.namescan import SourceName, source_names
from summarize.records import (
    DigestLine,
    DocumentResult,
    EntityRecord,
    Flag,
    Respelling,
    RunResult,
)

if TYPE_CHECKING:
    from summarize.glossary import Glossary


#: Sentences longer than this (in words) are matched by exact forms only.
LONG_SENTENCE = 300


@dataclass(frozen=True)
class Mention:
    """One proper name in one sentence, with its English form."""

    document: str
    sentence: str
    language: str
    source: str
    english: str


@lru_cache(maxsize=8)
def _spans(english: str) -> tuple[tuple[int, int], ...]:
    """Offsets of a sentence's words (asked once per sentence, not once per name)."""
    return tuple(m.span() for m in WORD.finditer(english))


@lru_cache(maxsize=8)
def _token_index(english: str) -> dict[str, tuple[int, ...]]:
    """Positions of each folded word of a long sentence (built once for all its names)."""
    index: dict[str, list[int]] = {}
    for i, token in enumerate(WORD.finditer(english)):
        index.setdefault(fold(re.sub(r"['’]s?$", "", token.group())), []).append(i)
    return {k: tuple(v) for k, v in index.items()}


def english_form(name: SourceName, english: str) -> str | None:
    """The words of ``english`` that render a source name (the longest run of adjacent
    matched words), or None when the name is not there."""
    from summarize.namematch import english_words

    tokens = _spans(english)
    units = [u for u in name.units if u.required or len(name.units) == 1]
    matched: list[int] = []
    if len(tokens) > LONG_SENTENCE:  # exact forms only, through an index of the sentence
        index = _token_index(english)
        forms = {f for u in units for f in u.forms}
        matched = sorted(i for f in forms for i in index.get(f, ()))
    else:
        for i, (start, end) in enumerate(tokens):
            words = english_words(english[start:end])
            if any(unit_present(u, words) for u in units):
                matched.append(i)
    for unit in name.units:  # a multi-word exonym: "Almanya" → "United States" etc.
        for form in sorted((f for f in unit.forms if " " in f), key=len, reverse=True):
            found = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, form.split())) + r"(?!\w)",
                              english, re.IGNORECASE)
            if found:
                return found.group()
    if not matched:
        return None
    runs: list[list[int]] = [[matched[0]]]
    for i in matched[1:]:
        if i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    best = max(runs, key=len)
    text = english[tokens[best[0]][0]:tokens[best[-1]][1]]
    return re.sub(r"['’]s?$", "", text)


def mentions(documents: Sequence[DocumentResult]) -> list[Mention]:
    """Every proper name of the documents' source sentences found in their English."""
    found = []
    for doc in documents:
        if not doc.ok:
            continue
        language = doc.language or "en"
        context = " ".join(s.source for s in doc.sentences)
        for sentence in doc.sentences:
            if not sentence.english.strip():
                continue
            lang = sentence.language or language
            for name in source_names(sentence.source, lang, context=context):
                form = english_form(name, sentence.english)
                if form and any(ch.isupper() for ch in form):
                    found.append(Mention(doc.id, sentence.id, lang, name.text, form))
    return found


def _groups(found: list[Mention]) -> list[list[Mention]]:
    """Mentions joined into entities (see the module docstring), in time linear in their
    number: mentions are joined through shared keys, and the skeleton test is only made
    between mentions of one skeleton."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[root(i)] = root(j)

    first: dict[tuple[str, ...], int] = {}
    by_skeleton: dict[str, list[int]] = {}
    for i, mention in enumerate(found):
        for key in (("english", fold(mention.english)),
                    ("source", mention.language, fold(mention.source))):
            if key in first:
                join(i, first[key])
            else:
                first[key] = i
        shape = skeleton(mention.english)
        if len(shape) >= 3:
            bucket = by_skeleton.setdefault(shape, [])
            for j in bucket:
                if edit_distance(fold(mention.english), fold(found[j].english)) <= 2:
                    join(i, j)
                    break
            if len(bucket) < 20:  # distinct spellings of one skeleton are few
                bucket.append(i)
    groups: dict[int, list[Mention]] = {}
    for i, mention in enumerate(found):
        groups.setdefault(root(i), []).append(mention)
    return list(groups.values())


def _canonical(group: list[Mention], glossary: Glossary | None) -> tuple[str, str]:
    if glossary is not None:
        for term in glossary.terms:
            if any(fold(term.source) in (fold(m.source), fold(m.english))
                   or fold(term.english) == fold(m.english) for m in group):
                return term.english, "glossary"
    counts = Counter(m.english for m in group)
    # Capitals are a style, not a spelling: in a tie, "LAGOS" (a dateline) gives way to
    # "Lagos"; the most frequent form still wins ("NATO" written more often than "Nato").
    styled = {f for f in counts if f.isupper() and any(g != f and g.upper() == f for g in counts)}
    best = min(counts, key=lambda f: (-counts[f], f in styled, -sum(ord(ch) > 127 for ch in f), f))
    return best, "most frequent"


def build_ledger(documents: Sequence[DocumentResult],
                 glossary: Glossary | None = None) -> list[EntityRecord]:
    """The entities of the documents, most named first (no respellings yet)."""
    records = []
    for group in _groups(mentions(documents)):
        entity, basis = _canonical(group, glossary)
        records.append(EntityRecord(
            entity=entity,
            source_forms=sorted({m.source for m in group}),
            english_forms=dict(Counter(m.english for m in group).most_common()),
            documents=sorted({m.document for m in group}),
            sentences=sorted({m.sentence for m in group}),
            basis=basis))
    return sorted(records, key=lambda r: (-len(r.sentences), r.entity))


def spelling_variant(form: str, entity: str) -> bool:
    """Whether ``form`` spells the same word as ``entity`` (so it may be respelled): equal after
    folding (``Erdogan``, ``Erdoğan``), or the same consonant skeleton at most two edits apart
    (``Mohammed``, ``Muhammad``), never a demonym (``French`` stays next to ``France``)."""
    from summarize.digest.measures import DEMONYMS

    a, b = fold(form), fold(entity)
    if a == b:
        return True
    if a in DEMONYMS or b in DEMONYMS or a[:1] != b[:1]:
        return False
    return len(skeleton(form)) >= 3 and skeleton(form) == skeleton(entity) \
        and edit_distance(a, b) <= 2


def _demonym(form: str) -> bool:
    from summarize.digest.measures import DEMONYMS

    return fold(form) in DEMONYMS


def _rewrite(text: str, entities: list[EntityRecord], location: str) -> tuple[str, list[str]]:
    """``text`` with every other spelling of each entity replaced by its one spelling."""
    notes = []
    for record in entities:
        for form in record.english_forms:
            if form == record.entity or not (spelling_variant(form, record.entity) or (
                    record.basis == "glossary" and form not in record.entity
                    and not _demonym(form))):
                continue
            pattern = re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])")
            if pattern.search(text):
                text = pattern.sub(record.entity, text)
                record.respelled.append(Respelling(location, form, record.entity))
                notes.append(f'"{form}" written "{record.entity}"')
    return text, notes


def respell(result: RunResult, glossary: Glossary | None = None) -> RunResult:
    """A copy of ``result`` with its entity ledger and one spelling per entity in the
    digests and the brief (see the module docstring); ``result`` is left as it was."""
    entities = build_ledger(result.documents, glossary)
    documents = []
    for doc in result.documents:
        lines = []
        for n, line in enumerate(doc.digest, start=1):
            text, notes = _rewrite(line.text, entities, f"digest:{doc.id}:{n}")
            lines.append(_noted(line, text, notes))
        documents.append(replace(doc, digest=lines))
    stories = []
    for story in result.brief.stories:
        title, _ = _rewrite(story.title, entities, f"brief:{story.id}:title")
        facts = tuple(replace(f, text=_rewrite(f.text, entities,
                                               f"brief:{story.id}:fact:{i}")[0])
                      for i, f in enumerate(story.facts, start=1))
        comparisons = []
        for kind in (story.disagreements, story.side_by_side):
            comparisons.append(tuple(
                replace(c, variants=tuple(
                    replace(v, text=_rewrite(v.text, entities,
                                             f"brief:{story.id}:variant:{i}")[0])
                    for i, v in enumerate(c.variants, start=1)))
                for c in kind))
        stories.append(replace(story, title=title, facts=facts, disagreements=comparisons[0],
                               side_by_side=comparisons[1]))
    brief = replace(result.brief, stories=stories)
    return replace(result, documents=documents, brief=brief, entities=entities)


def _noted(line: DigestLine, text: str, notes: list[str]) -> DigestLine:
    if not notes:
        return line
    flag = Flag("respelled", "; ".join(notes) + " (the run's one spelling of each entity)", 0)
    return replace(line, text=text, flags=(*line.flags, flag))
