"""Typed results shared by the library, the CLI and the writers.

Sentence ids are the spine of every result: ``<doc>:<paragraph>:<sentence>`` (1-based
paragraph and sentence numbers), so each English sentence, digest line, claim and brief item
can be traced back to the source text it rests on.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    """The model's length-normalized log-probability of the English, when the engine gives it."""
    origin: str = "model"
    """Who wrote the English: ``model`` (the translator), or ``human`` (a reviewer corrected or
    approved it in ``summarize review``, or it came from the translation memory)."""

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
            (written by a summarization model).
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
class TimeRef:
    """When a figure holds: a period of days, or the expression alone when it cannot be placed.

    Attributes:
        text: The expression as written ("in September", "on Tuesday"), None when the figure is
            dated by its document.
        start: First day of the period (ISO ``YYYY-MM-DD``), None when open or unknown.
        end: Last day of the period, None when open or unknown.
        granularity: ``day``, ``week``, ``month``, ``quarter``, ``months``, ``season`` ("last
            spring": some months before the date, the hemisphere unknown) or ``year`` (None
            if unknown).
        basis: ``explicit`` (written in the sentence), ``reported`` (the time of its
            attribution, "the bank said on Tuesday": the figure holds as of then),
            ``document`` (the document's date), ``before`` (an earlier value, "up from 2.6%":
            some time before the figure it accompanies) or ``none`` (no date at all).
        relative: The expression is relative ("last December"): resolved against the document's
            date, or left unresolved when the document has none.
    """

    text: str | None
    start: str | None
    end: str | None
    granularity: str | None
    basis: str
    relative: bool = False

    @property
    def known(self) -> bool:
        """Whether the period can be compared with another (it has at least one bound)."""
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class Claim:
    """A figure an English sentence gives about something, with what makes it comparable.

    Attributes:
        id: ``<sentence id>#<n>`` (the n-th claim of the sentence).
        document: The document's id.
        sentence: The sentence's id (its evidence).
        subject: Who or what the figure is about, as named ("Mistral AI", "earthquake").
        subject_kind: ``entity``, ``event`` or ``place``.
        subject_basis: How the subject was found: ``sentence`` (named in it), ``pronoun``
            ("it", "the company": the article's main entity or an earlier clause's subject),
            ``document`` (the article's main entity or event, nothing named), ``guess`` (the
            main entity, though the sentence names others).
        subject_key: Normalized words of the subject, for matching across documents.
        participants: Other names of the figure's clause ("from Lyon", "led by Bpifrance").
        anchors: For an event: the places or names that identify it.
        measure: What is measured (``deaths``, ``valuation``; see
            ``summarize.digest.measures``).
        figure: The figure as written ("€1.7 billion", "at least 38").
        value: Its value after scale words (1.7e9); a relative change is signed by its
            direction ("shares closed 3.8% lower" is -3.8, measure ``share price change at
            close``).
        unit: ISO currency code, ``%``, a physical unit (``MW``, ``km/h``), or the class of
            people counted (``people``, ``children``); None for a bare count.
        bound: ``exact``, ``approx`` ("about"), ``min`` ("at least", "more than"), ``max``
            ("up to"), or ``range`` (``value`` to ``upper``).
        upper: The upper end of a range.
        conversions: The same figure in other currencies or units, when the sentence states
            them ("€1.7 billion ($2 billion)"): ``(value, unit)`` pairs.
        qualifiers: What distinguishes the event: ``cumulative`` ("to date", "so far"),
            ``previous`` ("previous round"), ``new``, ``target``, ``series c``, places
            (``in:sweden``) and objects.
        status: ``completed``, ``planned``, ``in talks``, ``expected`` or ``target``.
        time: When the figure holds.
        attribution: Who says so ("the disaster agency AFAD said", "according to Dealroom").
        span: Offsets of the figure in the sentence.
        flags: Codes of the sentence's severity-2 quality flags (a figure there may be wrong).
        happened: For an event's figure, when the event happened, if the sentence says
            ("killed 67 civilians on Sunday", "in Sunday's shelling").
        reported: For an event's figure, when it was reported: its attribution's time ("the
            UN said on Monday"), else the document's date.
        measure_near: The sentence names the measure next to the figure (the noun it counts,
            its unit, a measure word a few words away); False when it was inferred from
            farther words. Only such claims may be called a disagreement.
        source: The name of who says it: the name in its attribution ("the Bangladesh
            Meteorological Department said"), or, for "its forecasters" or "the team", the
            source the document named before ("a survey team from the Bangladesh
            Meteorological Department"); None when nothing names one.
    """

    id: str
    document: str
    sentence: str
    subject: str
    subject_kind: str
    subject_basis: str
    subject_key: tuple[str, ...]
    measure: str
    figure: str
    value: float
    unit: str | None
    time: TimeRef
    bound: str = "exact"
    upper: float | None = None
    conversions: tuple[tuple[float, str], ...] = ()
    participants: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    status: str = "completed"
    attribution: str | None = None
    span: tuple[int, int] = (0, 0)
    flags: tuple[str, ...] = ()
    happened: TimeRef | None = None
    reported: TimeRef | None = None
    measure_near: bool = True
    source: str | None = None


@dataclass(frozen=True)
class Verdict:
    """How two claims of different documents relate.

    Attributes:
        kind: ``same_fact``, ``disagreement``, ``update`` or ``not_comparable``.
        claims: The two claim ids.
        reason: Why, for a reviewer ("same round, different currencies and no conversion").
    """

    kind: str
    claims: tuple[str, str]
    reason: str


@dataclass(frozen=True)
class FigureVariant:
    """What one document (or several that agree) gives for a figure others give differently."""

    figure: str
    text: str
    sources: tuple[str, ...]
    evidence: tuple[str, ...]
    claims: tuple[str, ...]
    attribution: str | None = None
    time: str | None = None
    flags: tuple[str, ...] = ()
    independent: int = 0
    """Independent sources among ``sources`` (syndicated copies of one story count once)."""


@dataclass(frozen=True)
class Comparison:
    """Figures for one measure of one subject that do not agree or cannot be compared.

    Attributes:
        kind: ``disagreement`` (same event and time, different values) or ``not_comparable``
            (shown side by side: currencies or units differ, a bound, unknown dates).
        measure: What is measured.
        subject: Who or what it is about.
        reason: Why the figures are shown this way.
        variants: Each group of agreeing sources with its own figure and sentence.
    """

    kind: str
    measure: str
    subject: str
    reason: str
    variants: tuple[FigureVariant, ...]


@dataclass(frozen=True)
class KeyFact:
    """A fact of a story: one sentence quoted verbatim, citing every document reporting it.

    Attributes:
        text: The quoted sentence.
        sources: Documents reporting it.
        evidence: Ids of the sentences it rests on.
        score: Importance (higher first).
        claims: Ids of the figures it carries.
        attribution: The hedge or attribution of the quoted sentence ("according to …").
        flags: Severity-2 flags of the quoted sentence; set only when no unflagged sentence
            reports the fact.
    """

    text: str
    sources: tuple[str, ...]
    evidence: tuple[str, ...]
    score: float = 0.0
    claims: tuple[str, ...] = ()
    attribution: str | None = None
    flags: tuple[str, ...] = ()
    independent: int = 0
    """Independent sources among ``sources``: 1 when the fact rests on one document, or on
    several that are syndicated copies of one story (``RunResult.syndication``)."""


@dataclass(frozen=True)
class TimelineEntry:
    """One dated figure of a story's timeline.

    Attributes:
        measure: What is measured.
        date: First day of the period (ISO), None when it cannot be placed.
        when: How to show the date ("2025-03", "in September (relative)").
        figure: The figure as written.
        value: Its value.
        unit: Its unit (see :class:`Claim`).
        sources: Documents giving it.
        evidence: Sentence ids.
        claims: Claim ids.
        note: Status and qualifiers ("target", "total to date", "previous round").
    """

    measure: str
    date: str | None
    when: str
    figure: str
    value: float
    unit: str | None
    sources: tuple[str, ...]
    evidence: tuple[str, ...]
    claims: tuple[str, ...]
    note: str = ""
    independent: int = 0
    """Independent sources among ``sources`` (syndicated copies of one story count once)."""


@dataclass(frozen=True)
class Story:
    """A subject or event that articles share, with its facts, disagreements and timeline.

    Attributes:
        id: ``story-1`` … in brief order.
        title: The subject as the articles name it ("Mistral AI", "earthquake: Izmir").
        kind: ``entity``, ``event`` or ``place``.
        sources: Documents that report it.
        score: Importance (higher first).
        facts: Key facts, most important first.
        disagreements: Figures the sources give differently for the same event and time.
        side_by_side: Figures that cannot be compared as written (shown, never called a
            disagreement).
        timeline: Its figures over time, by measure then date.
    """

    id: str
    title: str
    kind: str
    sources: tuple[str, ...]
    score: float = 0.0
    facts: tuple[KeyFact, ...] = ()
    disagreements: tuple[Comparison, ...] = ()
    side_by_side: tuple[Comparison, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    outlets: int = 0
    """Distinct outlets among ``sources`` (front matter or page metadata, else the URL's host,
    else the document)."""
    independent: int = 0
    """Independent sources among ``sources``: syndicated copies of one story count once."""


@dataclass
class Brief:
    """The combined brief: stories, and the claims and verdicts they were built from.

    Attributes:
        stories: Stories, most important first.
        claims: Every claim read from the documents (``run.json`` only).
        verdicts: Every verdict between claims of different documents.
        undated: Documents without a date: their relative dates cannot be placed.
    """

    stories: list[Story] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)


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
    """What the input says about itself (page metadata or front matter): ``title``,
    ``author``, ``date`` (ISO 8601), ``outlet``, ``url`` (canonical), ``language``."""
    fetch: dict[str, Any] | None = None
    """For a page fetched from the web: ``requested_url``, ``final_url``, ``status``,
    ``fetched_at``, ``sha256``, ``content_type``, ``bytes``, ``redirects``."""

    @property
    def ok(self) -> bool:
        """True when the document was processed without an error."""
        return self.error is None

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


@dataclass(frozen=True)
class Respelling:
    """One place where the run's spelling of an entity replaced another English form.

    Attributes:
        location: Where: ``digest:<document>:<line>`` (1-based),
            ``brief:<story>:fact:<n>`` or ``brief:<story>:variant:<n>``.
        original: The form as the sentence had it ("Erdogan").
        replacement: The entity's one spelling ("Erdoğan").
    """

    location: str
    original: str
    replacement: str


@dataclass
class EntityRecord:
    """One entity of the run's ledger (``summarize.ledger``): a proper name of the sources
    with every form it takes.

    Attributes:
        entity: Its one English spelling in digests and the brief (the glossary's, else
            the most frequent English form).
        source_forms: How the sources write it ("Erdoğan'ın" is given as "Erdoğan").
        english_forms: Each English form with how many sentences use it.
        documents: The documents that name it.
        sentences: The sentences that name it.
        basis: ``glossary`` or ``most frequent``.
        respelled: Every respelling made for it.
    """

    entity: str
    source_forms: list[str] = field(default_factory=list)
    english_forms: dict[str, int] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    basis: str = "most frequent"
    respelled: list[Respelling] = field(default_factory=list)


@dataclass
class RunResult:
    """The whole run: documents, brief, settings and how it was made."""

    version: str
    settings: dict[str, Any]
    documents: list[DocumentResult]
    brief: Brief = field(default_factory=Brief)
    models: list[dict[str, Any]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    risks: list[dict[str, Any]] = field(default_factory=list)
    """The riskiest sentences of the whole run, riskiest first (id, risk, flag codes; see
    ``summarize.view.risk_records``)."""
    skipped: list[dict[str, str]] = field(default_factory=list)
    """Files and folders that were not read, with why (``{"path": …, "reason": …}``)."""
    feeds: list[dict[str, Any]] = field(default_factory=list)
    """Feeds that were expanded into their items (source, title, item ids, fetch record)."""
    syndication: list[SyndicationGroup] = field(default_factory=list)
    """Groups of documents carrying the same story (``summarize.syndication``)."""
    entities: list[EntityRecord] = field(default_factory=list)
    """The entity ledger: each proper name with its source and English forms, the documents
    naming it and the respellings made (``summarize.ledger``)."""

    @property
    def ok(self) -> bool:
        """True when every document was processed."""
        return all(doc.ok for doc in self.documents)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (the layout of ``run.json``)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RunResult:
        """Read a run record (what :meth:`to_dict` gave, e.g. a loaded ``run.json``) back into
        the same records (``summarize.recordio``).

        Raises:
            InputError: the record lacks a required field or has a value of the wrong shape.
        """
        from summarize.recordio import from_dict

        settings = data.get("settings") if isinstance(data, Mapping) else None
        if isinstance(settings, Mapping) and "summariser" in settings:
            # Earlier runs kept the digest writer's signature under a British spelling.
            renamed = {k: v for k, v in settings.items() if k != "summariser"}
            signature = settings["summariser"]
            if isinstance(signature, Mapping) and "summariser" in signature:
                signature = {("summarizer" if k == "summariser" else k): v
                             for k, v in signature.items()}
            renamed.setdefault("summarizer_signature", signature)
            data = {**data, "settings": renamed}
        return from_dict(cls, data)
