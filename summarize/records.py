"""Typed results shared by the library, the CLI and the writers.

Sentence ids are the spine of every result: ``<doc>:<paragraph>:<sentence>`` (1-based
paragraph and sentence numbers), so each English sentence, digest line and brief item can be
traced back to the source text it rests on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Flag:
    """A quality flag on a sentence: a short machine name and a human reason."""

    code: str
    reason: str
    severity: int = 1
    """0 = information, 1 = worth a look, 2 = likely wrong."""


@dataclass
class SentenceRecord:
    """One source sentence and its English counterpart."""

    id: str
    paragraph: int
    source: str
    english: str = ""
    flags: list[Flag] = field(default_factory=list)
    heading: bool = False
    """A headline or subheading: kept in translations, left out of digests and the brief."""
    language: str | None = None
    """The sentence's language when its paragraph differs from the document's."""
    score: float | None = None
    """The model's length-normalised log-probability of the English, when the engine gives it."""

    @property
    def risk(self) -> int:
        """The sum of the flag severities: 0 means nothing looked risky."""
        return sum(flag.severity for flag in self.flags)


@dataclass(frozen=True)
class DigestLine:
    """One digest sentence and the ids of the source sentences it rests on.

    Attributes:
        text: The sentence shown to readers.
        evidence: Ids of the sentences it rests on (quoted or aligned).
        origin: ``extractive`` (a translated sentence quoted verbatim) or ``abstractive``
            (written by a summarisation model).
        flags: Faithfulness findings: for an abstractive line, names or figures its evidence
            does not contain; for a quoted line that replaced one, why it was replaced.
        replaced: The abstractive sentence this quoted line stands in for, if any.
    """

    text: str
    evidence: tuple[str, ...]
    origin: str = "extractive"
    flags: tuple[Flag, ...] = ()
    replaced: str | None = None


@dataclass(frozen=True)
class BriefVariant:
    """What one document (or several that agree) says about a figure the others disagree on."""

    text: str
    figure: str
    sources: tuple[str, ...]
    evidence: tuple[str, ...]
    measure: str = ""
    """What the figure measures (``valuation``, ``number of staff``)."""


@dataclass(frozen=True)
class BriefItem:
    """One item of the combined brief, citing every document that reports it.

    Attributes:
        text: The item: a translated sentence quoted verbatim, or for disagreeing figures a
            line naming the measure (the sentences are in ``variants``).
        sources: Documents reporting it.
        evidence: Ids of the sentences it rests on.
        score: Importance (higher first).
        topic: ``funding``, ``infrastructure``, ``partnerships`` … or ``other``.
        topic_terms: The keyword stems that filed it under its topic.
        attribution: The hedge or attribution the quoted sentence carries ("according to …").
        conflict: The measures the documents give different figures for, if they do
            (comma-separated).
        variants: For a conflict, each document's own sentence and figure, per measure.
    """

    text: str
    sources: tuple[str, ...]
    evidence: tuple[str, ...]
    score: float = 0.0
    topic: str = "other"
    topic_terms: tuple[str, ...] = ()
    attribution: str | None = None
    conflict: str | None = None
    variants: tuple[BriefVariant, ...] = ()


@dataclass
class DocumentResult:
    """Everything the run produced for one input document."""

    id: str
    source_path: str | None
    language: str | None = None
    language_confidence: float | None = None
    encoding: str | None = None
    cleaning: dict[str, int] = field(default_factory=dict)
    translator: dict[str, Any] | None = None
    sentences: list[SentenceRecord] = field(default_factory=list)
    digest: list[DigestLine] = field(default_factory=list)
    error: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    """What the input says about itself: ``title``, ``author``, ``date`` (ISO 8601),
    ``outlet``, ``url`` (canonical), ``language`` (declared)."""
    fetch: dict[str, Any] | None = None
    """For a page fetched from the web: ``requested_url``, ``final_url``, ``status``,
    ``fetched_at``, ``sha256``, ``content_type``, ``bytes``, ``redirects``."""

    @property
    def ok(self) -> bool:
        """True when the document was processed without an error."""
        return self.error is None

    def riskiest(self) -> list[SentenceRecord]:
        """Flagged sentences worth a look (severity 1+), riskiest first."""
        flagged = [s for s in self.sentences if s.risk > 0]
        return sorted(flagged, key=lambda s: -s.risk)

    def paragraphs_english(self) -> list[str]:
        """The English text, one string per source paragraph."""
        paragraphs: dict[int, list[str]] = {}
        for sentence in self.sentences:
            paragraphs.setdefault(sentence.paragraph, []).append(sentence.english)
        return [" ".join(part for part in parts if part) for _, parts in sorted(paragraphs.items())]


@dataclass(frozen=True)
class SyndicationLink:
    """Two documents found to carry the same text.

    Attributes:
        documents: The two document ids.
        basis: ``source`` (their source texts, same language) or ``english`` (their English,
            when their languages differ).
        jaccard: Jaccard similarity of their word shingles.
        containment: The share of the shorter one's shingles that the other has.
    """

    documents: tuple[str, str]
    basis: str
    jaccard: float
    containment: float


@dataclass(frozen=True)
class SyndicationGroup:
    """Documents that carry one story: copies of a wire report, or of one another.

    Attributes:
        documents: The documents, sorted.
        links: The pairs that were found alike (the group is what they connect).
    """

    documents: tuple[str, ...]
    links: tuple[SyndicationLink, ...] = ()


@dataclass
class RunResult:
    """The whole run: documents, brief, settings and how it was made."""

    version: str
    settings: dict[str, Any]
    documents: list[DocumentResult]
    brief: list[BriefItem] = field(default_factory=list)
    models: list[dict[str, Any]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    risks: list[dict[str, Any]] = field(default_factory=list)
    """The riskiest sentences of the whole run, riskiest first (id, risk, flag codes)."""
    skipped: list[dict[str, str]] = field(default_factory=list)
    """Files and folders that were not read, with why (``{"path": …, "reason": …}``)."""
    feeds: list[dict[str, Any]] = field(default_factory=list)
    """Feeds that were expanded into their items (source, title, item ids, fetch record)."""
    syndication: list[SyndicationGroup] = field(default_factory=list)
    """Groups of documents carrying the same story (``summarize.syndication``)."""

    @property
    def ok(self) -> bool:
        """True when every document was processed."""
        return all(doc.ok for doc in self.documents)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (the layout of ``run.json``)."""
        return asdict(self)
