"""What the name audit knows about how one language writes proper names.

Each language module may set ``PROFILE.names`` to a :class:`NameRules`; the name audit
(``summarize.names``) reads it. Country and city names are not listed here: they come from
CLDR through Babel (``summarize.exonyms``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from summarize.namematch import fold
from summarize.translit import normalize_arabic


def words(text: str) -> frozenset[str]:
    """A set of folded words (:func:`summarize.namematch.fold`) from a space-separated string."""
    return frozenset(fold(word) for word in text.split())


def arabic_words(text: str) -> frozenset[str]:
    """A set of normalized Arabic words from a space-separated string."""
    return frozenset(normalize_arabic(word) for word in text.split())


@dataclass(frozen=True)
class NameRules:
    """How proper names look in a language's text.

    Attributes:
        capitalized_nouns: Whether common nouns are capitalized too (German): a capitalized
            word is then a name only with other evidence (an acronym, a CLDR place, a title
            before it, a name of two capitalized words without an article).
        every_word: Whether each distinctive word of a name of several words must survive
            (``Arthur Mensch``); False where capitalized common words inside names are
            translated (Turkish ``Muhafazakar Parti``, ``Beyaz Deniz``): then any one suffices,
            except for the parts of a hyphenated name (``Apollo-Soyuz``).
        function_words: Lower-case words that are never names, even capitalized at the start
            of a sentence (``Bu``, ``Der``, ``Il``).
        generic_words: Capitalized words that are part of a name but translated with it, or
            titles before one (``Üniversitesi``, ``Präsident``, ``Ministero``): a name made
            only of them is not a name, and they need not survive.
        apostrophe_suffixes: Whether case endings follow an apostrophe (Turkish
            ``Ankara'da``, ``Mistral'in``): the name is the part before it.
        head_suffixes: Endings of a possessed head noun in a name (Turkish ``Üniversitesi``,
            ``Meydanı``): such a word after a capitalized word is generic.
        derived_suffixes: Endings that derive an adjective or a people from a place without an
            apostrophe (Turkish ``Kanadalı``, ``İsveçli``): the place is looked for instead.
        endings: Inflection endings a name may carry (German genitive ``Merkels``,
            ``Deutschlands``): the bare form is looked for too.
        elisions: Elided articles and prepositions glued to a name by an apostrophe (Italian
            ``dell'Italia``, ``l'ONU``): the name is the part after it.
        particles: Lower-case words inside a name (``de``, ``von``, ``di``, ``van``).
        determiners: Words that make the next capitalized word a common noun (German ``der``,
            ``eine``), for languages with ``capitalized_nouns``.
        title_words: Words after which capitalized words are a person's name (``Herr``,
            ``Kanzlerin``), for languages with ``capitalized_nouns``.
        clitics: Prefixes glued to a word (Arabic ``و``, ``ب``, ``ال``), longest first.
        cue_words: Words after which the next words are a name (Arabic ``السيد``, ``مدينة``).
        exonyms: English names of places CLDR's territories and time-zone cities lack
            (``("Köln", "Cologne")``), as (source, English) pairs.
        glued_case: Whether a case ending after a possessive, glued without an apostrophe
            and in vowel harmony with the stem, marks a common noun (Turkish writes
            ``Ankara'da`` for a name but ``Bahçe Şehrine`` for a translated title): such a
            capitalized word is generic.
        foreign_letters: Letters the language's alphabet lacks (Turkish ``q w x``): a
            sentence-initial word with one is a foreign name (``Jarque``).
        conjunctions: Words that join the parts of one institution's name when the part
            after them has a generic head (``Gözetim ve Soruşturmalar Alt Komitesi``).
        lower_endings: Inflection endings of common words (Turkish ``ler``, ``ye``): a
            capitalized word the document also writes in lower case with one (``Çeviri``,
            ``çeviriler``) is a common word.
        currency_words: Beginnings of currency words after which a place is the currency's
            country, written ``$`` or ``US$`` in English (``ABD doları``): not audited.
        inserted_letters: Letters a translation model inserts into names it transliterates
            from this language (NLLB-200 writes ``Robertsar`` for Arabic ``روبرتس``): a
            capitalized English word that is a source word's transliteration with them inserted
            is that name garbled.
    """

    capitalized_nouns: bool = False
    every_word: bool = True
    function_words: frozenset[str] = frozenset()
    generic_words: frozenset[str] = frozenset()
    apostrophe_suffixes: bool = False
    head_suffixes: tuple[str, ...] = ()
    derived_suffixes: tuple[str, ...] = ()
    endings: tuple[str, ...] = ()
    elisions: tuple[str, ...] = ()
    particles: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    clitics: tuple[str, ...] = ()
    cue_words: frozenset[str] = frozenset()
    exonyms: tuple[tuple[str, str], ...] = ()
    glued_case: bool = False
    foreign_letters: str = ""
    conjunctions: frozenset[str] = frozenset()
    lower_endings: tuple[str, ...] = ()
    currency_words: tuple[str, ...] = ()
    inserted_letters: str = ""

    def __post_init__(self) -> None:
        for f in fields(self):  # endings are compared with folded words
            if f.name in ("head_suffixes", "derived_suffixes", "endings", "elisions",
                          "lower_endings", "currency_words"):
                object.__setattr__(self, f.name, tuple(fold(e) for e in getattr(self, f.name)))
