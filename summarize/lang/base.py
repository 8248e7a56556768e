"""What summarize knows about one language, in one frozen record.

A language module (``summarize/lang/es.py``) holds the facts of its own language in a
:class:`LanguageProfile` named ``PROFILE``; :func:`summarize.lang.base` adds the facts kept
in tables for every language (NLLB-200 code, opus-mt pair, detector, code page) and reads the
locale data (name, decimal and group separators, script direction) from CLDR through Babel,
on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from summarize.lang.cldr import LocaleData, locale_data
from summarize.lang.nameinfo import NameRules

#: Why a paragraph is site boilerplate; reasons are tried in this order.
BoilerplateReason = Literal["page reference", "link to the original", "copyright line",
                            "read-more link", "share or subscribe line", "photo credit",
                            "advertisement", "site disclaimer"]
BOILERPLATE_REASONS: tuple[BoilerplateReason, ...] = (
    "page reference", "link to the original", "copyright line", "read-more link",
    "share or subscribe line", "photo credit", "advertisement", "site disclaimer")

#: Pattern pieces for boilerplate: trailing punctuation or arrows after a link text, and an
#: optional ": Linked title" after it.
LINK_END = r"[\s.:!?…»›→>]*"
LINKED_TITLE = r"(?:\s*(?:[:：»›→>|–—-]|\.\.\.|…)\s*.{0,160})?"

#: A reader of decade expressions: ``(start, end, year)`` for each one in a text.
DecadeReader = Callable[[str], list[tuple[int, int, float]]]


def numbered(words: str, first: float = 1, step: float = 1) -> dict[str, float]:
    """Number words in order: ``numbered("one uno;two")`` → one: 1, uno: 1, two: 2.

    Args:
        words: Groups of synonyms separated by ``;``, the words of a group by spaces.
        first: The value of the first group.
        step: The difference between consecutive groups.
    """
    return {word: float(first + i * step)
            for i, group in enumerate(words.split(";")) for word in group.split()}


@dataclass(frozen=True)
class NumberWords:
    """How numbers are written in words in one language (keys lower case, no trailing dot).

    Two readers turn words into numbers (``summarize.numspell``): text2num, for the languages
    it knows (``reader``), and otherwise the place-value grammar of ``summarize.numgrammar``
    over ``cardinals`` and ``scales`` (for Turkish and Arabic generated from num2words,
    ``summarize.lang.lexicons``). What follows the number (halves, scale words, units) is read
    alike for both.

    Attributes:
        reader: The text2num language that reads this language's number words (``"de"``);
            empty when the grammar reads ``cardinals``.
        cardinals: Number words → value. For the grammar: every number word (``"on"`` → 10,
            ``"ثلاثمائة"`` → 300, the dual ``"ألفين"`` → 2000). With text2num: only words it
            does not read (English ``both``, German ``einer``).
        scales: Scale words → multiplier (``"milyar"`` → 1e9); English ones apply everywhere.
        abbreviated_scales: Scale words that are abbreviations, whose dot is part of them
            (``Mrd.``).
        bare_small_scales: Scale words under a hundred that make a number on their own
            (``dozens``); others (``decade``) only multiply a number before them.
        ordinals: Ordinal words → value (Arabic ``"خامس"`` → 5), for the grammar.
        ambiguous: Number words that are often something else (Italian "sei" = you are): they
            only confirm a number.
        firm: Whether the language's number words from two up count like digits (reported
            when lost). English words only confirm: translations spell numbers freely.
        firm_bare_scales: Scale words that count like digits on their own (``مليار``).
        not_numbers: Words that look like a number word with an affix but are not one
            (Turkish ``bina``, a building; Arabic ``الاثنين``, Monday; English ``o``).
        vague_phrases: Phrases ending in a number word that do not state a count
            (Turkish ``her iki``, both; ``yüz yüze``, face to face).
        century_before: A pattern for the text right before an ordinal that makes it a
            century, which counts like digits (Arabic ``القرن``).
        century_articles: Articles before a round hundred that make it a century (Italian
            ``il Trecento``, the 14th century; ``nel Novecento``); it only confirms.
        units_before_tens: The grammar lets a unit come before its ten (Arabic ``خمسة
            وعشرون`` = 25, ``ثلاثة عشر`` = 13).
        conjunction: A word that joins number words, alone or glued to the next (Arabic
            ``و``).
        glued_compounds: Number words may be glued into one (Turkish ``onbeş``,
            ``ikiyüzelli``, as num2words writes them).
        decimal_words: Words between a whole number and its decimals (Turkish ``virgül``).
        glued_prefixes: Prefixes glued to a number word (Arabic ``وال``, ``بال``).
        word_suffixes: Endings after a number word (Turkish genitive, ablative…; German
            ``mal``, ``fach``, ``jährige``).
        ordinal_suffixes: Endings that make a number word an ordinal (Turkish ``üncü``).
        scale_suffixes: Endings after a scale word (Turkish ``milyarlık``, ``binlerce``).
        vague_endings: Scale endings that make a count vague (Turkish ``on binlerce``, tens of
            thousands).
        unsuffixed: Number words that never take an ending (Turkish ``onu``, ``biri`` are
            pronouns, ``yüzü`` a face).
        elided_vowels: Final vowels a number word may drop before an apostrophe or an ending
            (Italian ``quarant'anni``, ``trentenne``).
        respellings: Parts of words text2num does not know → what it knows (Spanish
            ``veintiún`` → ``veintiuno``, Italian ``centottant`` → ``centoottant``).
        currency_endings: Whether currency words carry endings (``dolarlık``, ``دولارات``).
        couple_words: Words for "two, roughly" (``a couple``), optionally followed by
            ``couple_linker`` (``of``).
        couple_linker: See ``couple_words``.
        articles: Articles that count as one before a counted noun and a half (``a year and
            a half``).
        half_words: Words for a half before a scale word, with or without an article
            (``half a million``, ``medio millón``, ``yarım milyon``).
        half_after: Phrases after a number, its scale word or its counted noun that add a
            half (``and a half``, ``e mezzo``, ``buçuk``, ``ونصف``).
        half_suffixes: Glued endings that add a half to a number word (German ``einhalb``:
            ``zweieinhalb`` = 2.5).
        halves: Words that are a number and a half (German ``anderthalb`` = 1.5).
        bare_noun_half: A half phrase after a noun without a number makes one and a half
            (Arabic ``ساعة ونصف``, an hour and a half).
        count_words: Words that state a count without being a number word (``beide`` = 2);
            they may confirm an English number but are never reported.
        count_pattern: A regular expression for such words (Arabic duals: ``ساعتين``, two
            hours), each standing for two.
    """

    reader: str = ""
    cardinals: Mapping[str, float] = field(default_factory=dict)
    scales: Mapping[str, float] = field(default_factory=dict)
    abbreviated_scales: frozenset[str] = frozenset()
    bare_small_scales: frozenset[str] = frozenset()
    ordinals: Mapping[str, float] = field(default_factory=dict)
    ambiguous: frozenset[str] = frozenset()
    firm: bool = True
    firm_bare_scales: frozenset[str] = frozenset()
    not_numbers: frozenset[str] = frozenset()
    vague_phrases: frozenset[str] = frozenset()
    century_before: str = ""
    century_articles: frozenset[str] = frozenset()
    units_before_tens: bool = False
    conjunction: str = ""
    glued_compounds: bool = False
    decimal_words: frozenset[str] = frozenset()
    glued_prefixes: tuple[str, ...] = ()
    word_suffixes: tuple[str, ...] = ()
    ordinal_suffixes: tuple[str, ...] = ()
    scale_suffixes: tuple[str, ...] = ()
    vague_endings: frozenset[str] = frozenset()
    unsuffixed: frozenset[str] = frozenset()
    elided_vowels: str = ""
    respellings: Mapping[str, str] = field(default_factory=dict)
    currency_endings: bool = False
    couple_words: frozenset[str] = frozenset()
    couple_linker: str = ""
    articles: frozenset[str] = frozenset()
    half_words: frozenset[str] = frozenset()
    half_after: tuple[str, ...] = ()
    half_suffixes: tuple[str, ...] = ()
    halves: Mapping[str, float] = field(default_factory=dict)
    bare_noun_half: bool = False
    count_words: Mapping[str, float] = field(default_factory=dict)
    count_pattern: str = ""

    def __post_init__(self) -> None:
        for name in ("cardinals", "scales", "ordinals", "respellings", "halves",
                     "count_words"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))


@dataclass(frozen=True)
class NumberMarks:
    """Words around numbers that the number parser reads in the text of *every* language,
    since translations and quotations carry them ("11 Prozent" in an English sentence).

    Attributes:
        percent_after: Percent words after a number (``"per cento"``), tried in order.
        percent_before: Percent words before a number (Turkish ``yüzde``).
        currency_words: Currency words after a number (any case) → ISO 4217 code.
        linking_words: Words between a number and its currency (``di`` in "3 miliardi di
            euro").
        range_words: Words between the two ends of a range (``bis``, ``o``, ``إلى``).
        century_words: Words after a Roman numeral that make it a century (``secolo``).
        time_words: Words after a dotted number that make it a clock time (``Uhr``).
        apostrophe_endings: Whether endings follow an apostrophe (Turkish ``11.00'de``),
            which also marks a dotted number as a clock time.
        digit_prefixes: Prefixes glued to digits (Arabic ``بـ76``, ``عام2006``).
        decades: A reader of the language's decade expressions (Arabic ``سبعينيات``).
    """

    percent_after: tuple[str, ...] = ()
    percent_before: tuple[str, ...] = ()
    currency_words: Mapping[str, str] = field(default_factory=dict)
    linking_words: frozenset[str] = frozenset()
    range_words: tuple[str, ...] = ()
    century_words: tuple[str, ...] = ()
    time_words: tuple[str, ...] = ()
    apostrophe_endings: bool = False
    digit_prefixes: frozenset[str] = frozenset()
    decades: DecadeReader | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "currency_words", MappingProxyType(dict(self.currency_words)))


@dataclass(frozen=True)
class SitePhrase:
    """A whole-paragraph pattern of site boilerplate in one language.

    Attributes:
        reason: What kind of boilerplate it is.
        pattern: A regular expression that must match the whole paragraph (ignoring case,
            after whitespace is collapsed and bullets and outer brackets are stripped); its
            free-text parts must be bounded (``.{0,160}``).
        examples: Paragraphs it must recognize (checked by the tests).
    """

    reason: BoilerplateReason
    pattern: str
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class LanguageProfile:
    """Everything language-specific that summarize knows about one language.

    A language module sets the facts of its own language; the registry
    (:func:`summarize.lang.base`) fills in ``nllb``, ``opus_mt``, ``detector`` and, for
    languages without a module, ``code_page`` from the tables in ``summarize.lang.tables``.

    Attributes:
        code: ISO 639-1 code, lower case.
        nllb: NLLB-200 (FLORES-200) code, or None when NLLB-200 does not cover it.
        opus_mt: Hub id of the ``Helsinki-NLP/opus-mt-{code}-en`` model, when one exists.
        prefers_nllb: Whether NLLB-200 translates it better than opus-mt (FLORES scores).
        detector: The language detector's code for it, or None when lingua lacks it.
        numbers: Its number words, scale words and how they combine.
        marks: Its words around numbers (percent, currency, ranges…), read in every language.
        abbreviations: Abbreviations (lower case, with their dot) after which a sentence does
            not end unless a sentence opener follows, beyond those the sentence splitter
            knows (``vb.``, ``bzw.``, ``ecc.`` can end one).
        titles: Abbreviations of titles and forms of address, which never end a sentence
            (``dr.``, ``prof.``, ``sn.``, ``د.``).
        company_suffixes: Abbreviated legal forms, which end a sentence when a sentence
            opener follows (``ltd.``, ``a.ş.``, ``s.p.a.``).
        sentence_openers: Words that start sentences (articles, pronouns, conjunctions,
            written as at a sentence start): after an abbreviation they mark a new sentence.
        dot_ordinals: Whether digits with a dot are ordinals (``3. Oktober``, ``1. Lig``), so
            that a dot after digits ends no sentence before a word that is not an opener.
        boilerplate: Its site boilerplate patterns (those for all languages live in
            ``summarize.boilerplate``).
        length_band: The usual English/source character-length ratio (low, high), measured on
            FLORES-200; None for the default band.
        code_page: The legacy Windows code page its files may come in (``cp1254``).
        names: How its text writes proper names (read by the name audit).
    """

    code: str
    nllb: str | None = None
    opus_mt: str | None = None
    prefers_nllb: bool = False
    detector: str | None = None
    numbers: NumberWords = NumberWords()
    marks: NumberMarks = NumberMarks()
    abbreviations: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    company_suffixes: frozenset[str] = frozenset()
    sentence_openers: frozenset[str] = frozenset()
    dot_ordinals: bool = False
    boilerplate: tuple[SitePhrase, ...] = ()
    length_band: tuple[float, float] | None = None
    code_page: str | None = None
    names: NameRules = NameRules()

    @property
    def locale(self) -> LocaleData:
        """Its CLDR locale data (read through Babel on first use)."""
        return locale_data(self.code)

    @property
    def name(self) -> str:
        """Its English name, from CLDR (``tr`` → ``Turkish``)."""
        return self.locale.name

    @property
    def decimal(self) -> str:
        """Its decimal separator, from CLDR (``,`` for Turkish)."""
        return self.locale.decimal

    @property
    def group(self) -> str:
        """Its digit-group separator, from CLDR (``.`` for Turkish)."""
        return self.locale.group

    @property
    def direction(self) -> Literal["ltr", "rtl"]:
        """Its script direction, from CLDR (``rtl`` for Arabic)."""
        return self.locale.direction
