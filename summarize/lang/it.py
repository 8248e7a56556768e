"""Italian: number words read by text2num, ``e mezzo``, ``mld``/``mln`` abbreviations,
``per cento``, ``di`` before the currency."""

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
    reader="it",  # text2num: ventitré, tremilaseicento, dodici virgola cinque
    scales={"bilione": 1e12, "miliardo": 1e9, "miliardi": 1e9, "mld": 1e9, "mrd": 1e9,
            "milione": 1e6, "milioni": 1e6, "mln": 1e6, "mila": 1e3, "mille": 1e3,
            "migliaia": 1e3, "migliaio": 1e3, "dozzina": 12, "dozzine": 12, "decennio": 10,
            "decenni": 10},
    abbreviated_scales=frozenset({"mld", "mln", "mrd"}),
    ambiguous=frozenset({"sei", "otto", "venti"}),  # you are, Otto, winds
    century_articles=frozenset({"il", "nel", "del", "al", "dal", "sul"}),  # nel Novecento
    elided_vowels="aeio",  # quarant'anni, trentenne
    respellings={"centottant": "centoottant"},  # cinquecentottantuno (text2num misses it)
    word_suffixes=("enne", "enni"),  # diciottenne: eighteen-year-old
    articles=frozenset({"un", "una", "uno"}),
    half_words=frozenset({"mezzo", "mezza"}),  # mezzo milione
    half_after=("e mezzo", "e mezza"),  # due milioni e mezzo, due ore e mezza
    count_words=dict.fromkeys(("entrambi", "entrambe", "ambedue"), 2.0),  # both
)

MARKS = NumberMarks(
    percent_after=("per cento", "percento"),
    currency_words={**dict.fromkeys(("dollari", "dollaro"), "USD"), "sterline": "GBP",
                    "lire": "TRY"},
    linking_words=frozenset({"di", "dei", "del"}),
    range_words=("o", "e", "a", "al", "ed"),
    century_words=("secolo", "secoli"),
)

BOILERPLATE = (
    SitePhrase("link to the original",
               r"(?:vedi|leggi|visualizza)\s+(?:l['’]\s*)?(?:originale|articolo\s+originale)"
               + LINK_END),
    SitePhrase("read-more link",
               r"(?:leggi\s+(?:anche|di\s+più)|continua\s+a\s+leggere|potrebbe\s+interessarti|"
               r"articoli\s+correlati|approfondisci)" + LINKED_TITLE + LINK_END),
    SitePhrase("share or subscribe line",
               r"(?:iscriviti\s+(?:alla|al)\s+(?:nostra\s+|nostro\s+)?(?:newsletter|canale)|"
               r"seguici\s+su)\b.{0,60}"),
    SitePhrase("site disclaimer",
               r"(?:(?:esclusione\s+di\s+responsabilità|avvertenza)\s*[:：]|questa\s+pagina\s+"
               r"(?:può|potrebbe)\s+contenere\s+contenuti\s+di\s+terze\s+parti).*"),
)

NAMES = NameRules(
    function_words=words(
        "il lo la i gli le un uno una e o ma se che di da in con su per tra fra del della dei "
        "degli delle al alla ai agli alle dal dalla nel nella nei sul sulla questo questa questi "
        "queste quello quella non più anche come dove quando poi già ancora secondo oggi ieri "
        "domani ci si ne lui lei loro noi voi io tu è sono era tutti tutte ogni alcuni alcune "
        "molti molte dopo prima durante"),
    generic_words=words(
        "presidente presidentessa ministro ministra ministero governo stato regione comune "
        "provincia università signor signora dott dottor on sen papa re regina principe "
        "principessa premier sindaco generale paese paesi stato stati chiesa camera senato "
        "comitato sottocomitato commissario commissione unione commercio marina flotta esercito "
        "capodanno natale pasqua olimpiadi giochi olimpici gran grande premio coppa "
        "campionato settima"),
    every_word=False,
    elisions=("dell'", "dall'", "nell'", "sull'", "all'", "coll'", "l'", "d'", "un'",
              "quest'", "quell'"),
    particles=words("di de del della da dei degli van von"),
    title_words=words("presidente ministro ministra sindaco signor signora dott dottor papa"),
    exonyms=(("Colonia", "Cologne"), ("Monaco di Baviera", "Munich"), ("Firenze", "Florence"),
             ("Napoli", "Naples"), ("Venezia", "Venice"), ("Milano", "Milan"),
             ("Torino", "Turin"), ("Genova", "Genoa"), ("Terra", "Earth"), ("Luna", "Moon"),
             ("Sole", "Sun"), ("PIL", "GDP"), ("UE", "European Union"),
             ("ONU", "United Nations"), ("USA", "United States"), ("Venere", "Venus"),
             ("Marte", "Mars"), ("Giove", "Jupiter"), ("Saturno", "Saturn"),
             ("Manica", "English Channel|Channel"), ("RMN", "NMR")),
)


PROFILE = LanguageProfile(
    "it",
    numbers=NUMBERS,
    marks=MARKS,
    abbreviations=frozenset({"mld.", "mln.", "ecc.", "pag.", "n.", "art.", "p.", "pp.",
                             "cfr.", "tel.", "ca."}),
    titles=frozenset({"sig.", "sig.ra", "sigg.", "dott.", "dott.ssa", "prof.", "prof.ssa",
                      "ing.", "avv.", "on.", "sen.", "arch.", "geom.", "rag.", "mons.",
                      "gen.", "col.", "magg.", "s.e.", "dr."}),
    company_suffixes=frozenset({"s.p.a.", "s.r.l.", "s.a.s.", "s.n.c.", "ltd.", "inc.",
                                "corp."}),
    sentence_openers=frozenset("""Il Lo La I Gli Le L' Un Una Uno Questo Questa Questi Queste
        Quello Quella Ma E Ed O Poi In Nel Nella Nei Negli Nelle Per Con Da Dal Dalla Secondo
        Lui Lei Loro Noi Voi Io Si Non Anche Inoltre Tuttavia Intanto Oggi Ieri Domani Ora
        Così Come Cosa Chi Dove Quando Se""".split()),
    boilerplate=BOILERPLATE,
    # FLORES-200 dev, 997 sentences: English/Italian character-length ratio 0.59–1.23
    # (0.5th–99.5th percentile), widened by 0.85× and 1.2×.
    length_band=(0.50, 1.48),
    code_page="cp1252",
    names=NAMES,
)
