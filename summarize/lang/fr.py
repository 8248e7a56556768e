"""French: number words read by text2num, long-scale ``billion`` (1e12), ``pour cent``."""

from summarize.lang.base import LanguageProfile, NumberMarks, NumberWords

NUMBERS = NumberWords(
    reader="fr",  # text2num: vingt-cinq, quatre-vingt-dix, deux cent cinquante
    scales={"billion": 1e12, "milliard": 1e9, "milliards": 1e9, "mrd": 1e9, "million": 1e6,
            "millions": 1e6, "mille": 1e3, "douzaine": 12, "douzaines": 12, "décennie": 10,
            "décennies": 10},
    abbreviated_scales=frozenset({"mrd"}),
    ambiguous=frozenset({"neuf", "sept"}),  # new, September
    articles=frozenset({"un", "une"}),
    half_words=frozenset({"demi"}),  # un demi-million
    half_after=("et demi", "et demie"),  # deux millions et demi
)

MARKS = NumberMarks(
    percent_after=("pour cent",),
    currency_words={**dict.fromkeys(("franc", "francs"), "CHF")},
    linking_words=frozenset({"de"}),
    range_words=("et", "ou", "à"),
    century_words=("siècle", "siècles"),
)

PROFILE = LanguageProfile(
    "fr",
    numbers=NUMBERS,
    marks=MARKS,
    abbreviations=frozenset({"mds.", "md.", "mio.", "env.", "art."}),
    code_page="cp1252",
)
