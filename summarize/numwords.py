"""The vocabulary of the number parser (``summarize.numparse``): data only, no logic.

Scale words, number words, ordinals, currencies and percent words per language (ISO 639-1).
Keys are lower case, without a trailing dot. English scale words are understood in every
language, since sources quote them; everything else applies to its own language only.
"""

from __future__ import annotations


def _numbered(words: str, first: float = 1, step: float = 1) -> dict[str, float]:
    """``_numbered("one uno;two")`` → one: 1, uno: 1, two: 2 (``;`` between values)."""
    return {word: float(first + i * step)
            for i, group in enumerate(words.split(";")) for word in group.split()}


#: Scale words → multiplier. German, French and Spanish "billion" is 1e12.
SCALES: dict[str, dict[str, float]] = {
    "en": {"trillion": 1e12, "trillions": 1e12, "tn": 1e12, "billion": 1e9, "billions": 1e9,
           "bn": 1e9, "million": 1e6, "millions": 1e6, "mn": 1e6, "thousand": 1e3,
           "thousands": 1e3, "hundred": 100, "hundreds": 100, "dozen": 12, "dozens": 12,
           "decade": 10, "decades": 10},
    "tr": {"trilyon": 1e12, "milyar": 1e9, "milyon": 1e6, "bin": 1e3, "düzine": 12},
    "de": {"billion": 1e12, "billionen": 1e12, "bio": 1e12, "milliarde": 1e9, "milliarden": 1e9,
           "mrd": 1e9, "million": 1e6, "millionen": 1e6, "mio": 1e6, "mill": 1e6,
           "tausend": 1e3, "hundert": 100, "dutzend": 12, "jahrzehnt": 10, "jahrzehnte": 10,
           "jahrzehnten": 10},
    "it": {"bilione": 1e12, "miliardo": 1e9, "miliardi": 1e9, "mld": 1e9, "mrd": 1e9,
           "milione": 1e6, "milioni": 1e6, "mln": 1e6, "mila": 1e3, "mille": 1e3,
           "migliaia": 1e3, "migliaio": 1e3, "dozzina": 12, "dozzine": 12, "decennio": 10,
           "decenni": 10},
    "fr": {"billion": 1e12, "milliard": 1e9, "milliards": 1e9, "mrd": 1e9, "million": 1e6,
           "millions": 1e6, "mille": 1e3, "douzaine": 12, "douzaines": 12, "décennie": 10,
           "décennies": 10},
    "es": {"billón": 1e12, "millardo": 1e9, "millardos": 1e9, "millón": 1e6, "millones": 1e6,
           "mil": 1e3},
    "ar": {"تريليون": 1e12, "مليار": 1e9, "مليارات": 1e9, "مليارا": 1e9, "بليون": 1e9,
           "مليون": 1e6, "ملايين": 1e6, "مليونا": 1e6, "ألف": 1e3, "آلاف": 1e3, "الف": 1e3,
           "ألفا": 1e3},
}
#: Abbreviations that scale only an amount of money ("$30m", "€2k"): "30 m" is metres.
MONEY_SCALES = {"m": 1e6, "k": 1e3}

EN_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()
EN_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
               "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
               "nineteenth twentieth").split()

#: Cardinal number words. Turkish "bir", German "ein", Italian "un" are also articles, and
#: English "both", "twice" and "double" render "the two", "two times" and "two-fold".
WORDS: dict[str, dict[str, float]] = {
    "en": {**{w: float(i) for i, w in enumerate(EN_UNITS)}, "both": 2, "twice": 2, "double": 2,
           **_numbered("twenty;thirty;forty;fifty;sixty;seventy;eighty;ninety", 20, 10)},
    "tr": {**_numbered("bir;iki;üç;dört;beş;altı;yedi;sekiz;dokuz;on"),
           **_numbered("yirmi;otuz;kırk;elli;altmış;yetmiş;seksen;doksan", 20, 10)},
    "de": {**_numbered("eins ein eine einen einem einer;zwei;drei;vier;fünf;sechs;sieben;acht;"
                       "neun;zehn;elf;zwölf"),
           **_numbered("zwanzig;dreißig;vierzig;fünfzig;sechzig;siebzig;achtzig;neunzig", 20, 10)},
    "it": {**_numbered("uno una un;due;tre;quattro;cinque;sei;sette;otto;nove;dieci;undici;"
                       "dodici"),
           **_numbered("venti;trenta;quaranta;cinquanta;sessanta;settanta;ottanta;novanta", 20, 10),
           "cento": 100},
    "fr": _numbered("un une;deux;trois;quatre;cinq;six;sept;huit;neuf;dix"),
    "es": _numbered("uno una;dos;tres;cuatro;cinco;seis;siete;ocho;nueve;diez"),
    "ar": {**_numbered("واحد واحدة أحد إحدى;اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي;"
                       "ثلاث ثلاثة;أربع أربعة;خمس خمسة;ستة;سبع سبعة;ثمان ثماني ثمانية;تسع تسعة;"
                       "عشر عشرة"),
           **_numbered("عشرون عشرين;ثلاثون ثلاثين;أربعون أربعين;خمسون خمسين;ستون ستين;"
                       "سبعون سبعين;ثمانون ثمانين;تسعون تسعين", 20, 10),
           **dict.fromkeys("مئة مائة".split(), 100.0),
           **dict.fromkeys("مئتان مئتين مائتين".split(), 200.0),
           **dict.fromkeys("ألفان ألفين ألفي ألفا".split(), 2e3),  # duals: two thousand
           **dict.fromkeys("مليونان مليونين مليوني".split(), 2e6),
           **dict.fromkeys("ملياران مليارين ملياري".split(), 2e9)},
}
#: Source words that are often something else (Italian "sei" = you are, "venti" = winds,
#: Turkish "yedi" = ate, German "Acht" = attention, Arabic "ألفا" = Alpha): they only confirm.
AMBIGUOUS_WORDS = frozenset("yedi altı sei otto venti acht elf neuf sept خمس ألفا".split())
#: Arabic ordinals without the article, masculine and feminine ("الخامس عشر" is 15th).
AR_ORDINALS = {**_numbered("أول أولى;ثاني ثانية;ثالث ثالثة;رابع رابعة;خامس خامسة;سادس سادسة;"
                           "سابع سابعة;ثامن ثامنة;تاسع تاسعة;عاشر عاشرة"),
               "حادي": 1.0, "حادية": 1.0}
#: Arabic prefixes glued to a word: and, with, for, the…
AR_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف", "ك")
#: Turkish endings after a number word (ordinal, genitive, ablative, possessive, dative…).
TR_SUFFIXES = ("inci ıncı uncu üncü nci ncı ncu ncü inin ının unun ünün nin nın nun nün in ın "
               "un ün den dan ten tan si sı su sü ye ya şer er ar i ı u ü e a").split()
#: Turkish endings after a scale word ("milyarlık", "binlerce", "milyona").
TR_SCALE_SUFFIXES = ("lık lik luk lük lar ler larca lerce da de ta te dan den tan ten ı i a e "
                     "dır dir").split()

#: Percent words after a number ("11 %", "11 Prozent", "11 بالمئة") and before it ("%11").
PERCENT_AFTER = ("%", "٪", "percent", "per cent", "pct", "prozent", "per cento", "percento",
                 "pour cent", "por ciento", "por cento", "بالمئة", "بالمائة", "في المئة",
                 "في المائة", "المئة")
PERCENT_BEFORE = ("%", "٪", "yüzde")
#: Currency symbols and upper-case codes (before or after a number) → ISO 4217 code.
CURRENCY_SIGNS: dict[str, str] = {
    "€": "EUR", "$": "USD", "£": "GBP", "₺": "TRY", "¥": "JPY", "EUR": "EUR", "USD": "USD",
    "GBP": "GBP", "TRY": "TRY", "TL": "TRY", "CHF": "CHF", "JPY": "JPY"}
#: Currency words (after a number, any case; Turkish and Arabic endings allowed) → ISO code.
CURRENCY_WORDS: dict[str, str] = {
    **dict.fromkeys("euro euros avro يورو".split(), "EUR"),
    **dict.fromkeys("dollar dollars dolar dollari dollaro dólares دولار".split(), "USD"),
    **dict.fromkeys("sterling sterlin sterline".split(), "GBP"),
    **dict.fromkeys("lira liras lire".split(), "TRY"),
    **dict.fromkeys("franc francs franken".split(), "CHF"),
    **dict.fromkeys("إسترليني استرليني".split(), "GBP"),  # جنيه إسترليني, pound sterling
    "yen": "JPY", "ريال": "SAR", "درهم": "AED"}
