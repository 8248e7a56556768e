"""German: number words read by text2num, ``zweieinhalb``, long and short scale words (``Mrd.``,
``Mio.``), ``Prozent``, ``Uhr``."""

from summarize.lang.base import (
    LINK_END,
    LINKED_TITLE,
    LanguageProfile,
    NumberMarks,
    NumberWords,
    SitePhrase,
)
from summarize.lang.nameinfo import NameRules, words

NUMBERS = NumberWords(
    reader="de",  # text2num: fünfundzwanzig, neunzehnhundertdreiundsiebzig, drei Komma fünf
    # Forms of "ein" that text2num leaves (also the indefinite article: they only confirm).
    cardinals=dict.fromkeys(("einer", "einen", "einem", "eines"), 1.0),
    # "Billion" is 1e12.
    scales={"billion": 1e12, "billionen": 1e12, "bio": 1e12, "milliarde": 1e9,
            "milliarden": 1e9, "mrd": 1e9, "million": 1e6, "millionen": 1e6, "mio": 1e6,
            "mill": 1e6, "tausend": 1e3, "hundert": 100, "dutzend": 12, "jahrzehnt": 10,
            "jahrzehnte": 10, "jahrzehnten": 10},
    abbreviated_scales=frozenset({"mill", "mio", "mrd", "bio"}),
    ambiguous=frozenset({"acht", "elf"}),  # attention, elf
    # dreimal, Neunzigfache, zwölfjährige.
    word_suffixes=tuple("mal malig maligen fach fache fachen facher faches fachem jährig jährige "
                        "jährigen jähriger jähriges jährigem".split()),
    articles=frozenset({"ein", "eine", "einer", "einen", "einem"}),
    half_words=frozenset({"halb", "halbe", "halben", "halber"}),  # eine halbe Million
    half_suffixes=("einhalb",),  # zweieinhalb, eineinhalb
    halves={"anderthalb": 1.5},
    count_words=dict.fromkeys(("beide", "beiden", "beider", "beides"), 2.0),  # both
)

MARKS = NumberMarks(
    percent_after=("prozent",),
    currency_words={"franken": "CHF"},
    range_words=("bis", "oder", "und"),
    century_words=("jahrhundert", "jahrhunderts"),
    time_words=("uhr", "h"),
)

BOILERPLATE = (
    SitePhrase("link to the original",
               r"(?:(?:zum|zur)\s+(?:original(?:artikel|beitrag|quelle)?|quelle)|original\s+"
               r"(?:anzeigen|ansehen))" + LINK_END),
    SitePhrase("read-more link",
               r"(?:lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|weiterlesen|mehr\s+lesen|"
               r"auch\s+interessant|das\s+könnte\s+sie\s+auch\s+interessieren)" + LINKED_TITLE
               + LINK_END),
    SitePhrase("share or subscribe line",
               r"(?:(?:jetzt\s+)?(?:newsletter\s+)?abonnieren|abonnieren\s+sie|folgen\s+sie\s+"
               r"uns)\b.{0,60}"),
    SitePhrase("site disclaimer",
               r"(?:haftungsausschluss\s*[:：]|diese\s+seite\s+kann\s+inhalte\s+(?:von\s+)?"
               r"dritter?).*"),
)

_TITLES = ("herr frau präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin "
           "minister ministerin bundesminister bundesministerin premierminister "
           "premierministerin regierungschef regierungschefin könig königin papst chef chefin "
           "ceo dr prof sprecher sprecherin trainer trainerin bürgermeister bürgermeisterin "
           "general gründer gründerin vorstandschef vorstandschefin richter richterin "
           "senator senatorin abgeordnete abgeordneter")

NAMES = NameRules(
    capitalized_nouns=True,
    function_words=words(
        "der die das den dem des ein eine einer einem einen eines und oder aber doch denn wenn "
        "weil als wie so auch noch nur schon nach vor bei mit von zu im am um in an auf aus für "
        "über unter zwischen durch gegen ohne seit bis es er sie wir ihr ich du man dies diese "
        "dieser dieses kein keine nicht mehr sehr viele einige alle jeder jede jedes hier dort "
        "da dann damit dazu daher deshalb trotzdem zudem außerdem bereits heute gestern morgen "
        "nun jetzt etwa rund fast laut zum zur ihre sein seine unser unsere"),
    generic_words=words(_TITLES + " euro prozent dollar uhr jahr jahre jahren"),
    determiners=words(
        "der die das den dem des ein eine einer einem einen eines kein keine keinen keinem "
        "keiner dieser diese dieses diesem diesen jeder jede jedes jedem jeden im am zum zur "
        "vom beim ins ans sein seine seinem seinen seiner ihr ihre ihrem ihren ihrer unser "
        "unsere viele mehrere einige alle beide andere neue neuen"),
    title_words=words(_TITLES),
    endings=("s", "es", "ns"),  # Merkels, Deutschlands
    particles=words("von van der de zu"),
    # Cities CLDR's time-zone exemplar cities lack.
    exonyms=(("Köln", "Cologne"), ("München", "Munich"), ("Nürnberg", "Nuremberg"),
             ("Genf", "Geneva"), ("Mailand", "Milan"), ("Venedig", "Venice"),
             ("Neapel", "Naples"), ("Florenz", "Florence"),
             # German abbreviations with English ones of their own.
             ("ADHS", "ADHD|ADD"), ("WLAN", "Wi-Fi|wifi|WLAN"), ("KMR", "NMR"), ("MRT", "MRI"),
             ("MR", "MRI|MR")),
)


PROFILE = LanguageProfile(
    "de",
    numbers=NUMBERS,
    marks=MARKS,
    abbreviations=frozenset({"mill.", "mrd.", "mio.", "tsd.", "bzw.", "ca.", "nr.", "vgl.",
                             "bspw.", "inkl.", "zzgl.", "abs.", "str.", "jh.", "chr.", "bio.",
                             "usw.", "etc.", "evtl.", "ggf.", "z.b.", "d.h.", "u.a.", "s."}),
    titles=frozenset({"dr.", "prof.", "hr.", "fr.", "frl.", "dipl.", "ing.", "mag.", "st.",
                      "dres.", "priv.-doz."}),
    company_suffixes=frozenset({"ag.", "kg.", "gmbh.", "co.", "ltd.", "inc.", "corp."}),
    sentence_openers=frozenset("""Der Die Das Den Dem Des Ein Eine Einen Einem Einer Er Sie
        Es Wir Ich Ihr Man Aber Und Oder Doch Dann Denn Auch Im Am In Mit Nach Bei Von Vor
        Seit Für Zum Zur Dies Diese Dieser Dieses Damit Dabei Danach Deshalb Daher Trotzdem
        Zudem Außerdem Allerdings Jetzt Heute Nun So Wie Was Wer Wo Als Wenn Laut""".split()),
    dot_ordinals=True,
    boilerplate=BOILERPLATE,
    # FLORES-200 dev, 997 sentences: English/German character-length ratio 0.58–1.20
    # (0.5th–99.5th percentile), widened by 0.85× and 1.2×.
    length_band=(0.49, 1.44),
    code_page="cp1252",
    names=NAMES,
)
