"""Syndicated copies: the same story published by several outlets.

A wire report (or one outlet's article) republished by others is one source, however many
outlets carry it. Two documents are copies when their texts share most of their word shingles
(runs of consecutive words, compared after case folding and with accents and punctuation
removed): documents in the same language are compared on their source text, documents in
different languages on their English. Headings (outlets rewrite headlines), boilerplate and
sentences whose English the checks found unusable (not English, repeated, empty) are left out.
Copies are grouped (a chain of copies is one group), and :func:`independent_sources` counts
the independent sources among any documents: the brief says "3 outlets, 2 independent".

At a few thousand documents a plain shingle Jaccard is fast enough (all pairs are compared);
MinHash (datasketch) would be the next step beyond that.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from summarize.records import DocumentResult, SyndicationGroup, SyndicationLink

#: Words per shingle for source texts (same language) and for English (across languages).
SOURCE_SHINGLE = 4
ENGLISH_SHINGLE = 3
#: Two documents are copies when the Jaccard similarity of their shingles reaches the first
#: figure, or the shorter one's shingles are contained in the other's to the second (an
#: outlet that trimmed or extended the wire text).
SOURCE_THRESHOLDS = (0.5, 0.8)
ENGLISH_THRESHOLDS = (0.35, 0.6)
#: Documents with fewer shingles than this are never called copies (too little text).
MIN_SHINGLES = 15
#: Flags that make a sentence's English useless for comparison.
UNUSABLE = frozenset({"not_english", "repetition", "empty", "untranslated"})


def _words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(ch if ch.isalnum() else " " for ch in decomposed
                   if not unicodedata.combining(ch))
    return kept.split()


def shingles(text: str, size: int) -> frozenset[tuple[str, ...]]:
    """The word shingles (runs of ``size`` consecutive words) of a text."""
    words = _words(text)
    return frozenset(tuple(words[i:i + size]) for i in range(len(words) - size + 1))


def similarity(a: frozenset[tuple[str, ...]],
               b: frozenset[tuple[str, ...]]) -> tuple[float, float]:
    """Jaccard similarity of two shingle sets and the containment of the smaller one."""
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    return shared / len(a | b), shared / min(len(a), len(b))


def _text(result: DocumentResult, english: bool) -> str:
    kept = []
    for sentence in result.sentences:
        codes = {flag.code for flag in sentence.flags}
        if sentence.heading or "boilerplate" in codes or english and codes & UNUSABLE:
            continue
        kept.append(sentence.english if english else sentence.source)
    return " ".join(kept)


def find_syndication(results: Sequence[DocumentResult]) -> list[SyndicationGroup]:
    """Group the documents that are copies of one another (see the module docstring).

    Args:
        results: The run's documents; failed ones are left out.

    Returns:
        The groups of two or more documents, each with the links that made it, in order of
        their first document.
    """
    live = [r for r in results if r.ok and r.sentences]
    source = {r.id: shingles(_text(r, False), SOURCE_SHINGLE) for r in live}
    english = {r.id: shingles(_text(r, True), ENGLISH_SHINGLE) for r in live}
    parent = {r.id: r.id for r in live}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    links: list[SyndicationLink] = []
    for i, a in enumerate(live):
        for b in live[i + 1:]:
            same = (a.language or "en") == (b.language or "en")
            sets = source if same else english
            first, second = sets[a.id], sets[b.id]
            if min(len(first), len(second)) < MIN_SHINGLES:
                continue
            jaccard, contained = similarity(first, second)
            least_jaccard, least_contained = SOURCE_THRESHOLDS if same else ENGLISH_THRESHOLDS
            if jaccard >= least_jaccard or contained >= least_contained:
                pair = tuple(sorted((a.id, b.id)))
                links.append(SyndicationLink((pair[0], pair[1]),
                                             "source" if same else "english",
                                             round(jaccard, 3), round(contained, 3)))
                parent[root(b.id)] = root(a.id)
    members: dict[str, list[str]] = {}
    for result in live:
        members.setdefault(root(result.id), []).append(result.id)
    groups = []
    for docs in members.values():
        if len(docs) > 1:
            inside = set(docs)
            groups.append(SyndicationGroup(tuple(sorted(docs)), tuple(
                link for link in links if link.documents[0] in inside)))
    return sorted(groups, key=lambda g: g.documents)


def independent_sources(doc_ids: Iterable[str], groups: Sequence[SyndicationGroup]) -> int:
    """How many independent sources the documents are: copies of one story count once.

    Args:
        doc_ids: Documents (for example the sources of a brief item).
        groups: The run's syndication groups (``RunResult.syndication``).

    Returns:
        The number of distinct stories among them: each group counts once, every document
        outside a group once.
    """
    group_of = {doc: index for index, group in enumerate(groups) for doc in group.documents}
    return len({("group", group_of[d]) if d in group_of else ("doc", d) for d in doc_ids})


def outlet_of(result: DocumentResult) -> str:
    """The outlet a document comes from: its ``outlet``, else its URL's host, else its id."""
    outlet = result.metadata.get("outlet")
    if outlet:
        return outlet
    for url in (result.metadata.get("url"), (result.fetch or {}).get("final_url")):
        if url:
            host = urlsplit(url).hostname
            if host:
                return host.removeprefix("www.")
    return result.id
