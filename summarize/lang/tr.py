"""Turkish: number words (from num2words) with case and ordinal endings, glued or apart,
``buçuk`` halves, ``yüzde`` before a percentage."""

from summarize.lang.base import (
    LINK_END,
    LINKED_TITLE,
    LanguageProfile,
    NumberMarks,
    NumberWords,
    SitePhrase,
)
from summarize.lang.lexicons.tr import CARDINALS, SCALES

NUMBERS = NumberWords(
    # Generated from num2words (summarize/lang/lexicons); "bir" is also the indefinite article.
    cardinals=CARDINALS,
    scales={**SCALES, "düzine": 12},
    ambiguous=frozenset({"yedi", "altı"}),  # ate, bottom
    not_numbers=frozenset({"bina", "bini", "bine"}),  # a building
    vague_phrases=frozenset({"her iki", "yüz yüze"}),  # both; face to face
    glued_compounds=True,  # onbeş, ikiyüzelli
    decimal_words=frozenset({"virgül"}),  # iki virgül beş
    ordinal_suffixes=tuple("inci ıncı uncu üncü nci ncı ncu ncü".split()),
    # Genitive, ablative, possessive, dative… endings.
    word_suffixes=tuple("inin ının unun ünün nin nın nun nün in ın un ün den dan ten tan si sı "
                        "su sü ye ya şer er ar i ı u ü e a".split()),
    # "milyarlık", "binlerce", "milyona".
    scale_suffixes=tuple("lık lik luk lük lar ler larca lerce da de ta te dan den tan ten ı i a "
                         "e dır dir".split()),
    vague_endings=frozenset({"lar", "ler", "larca", "lerce"}),  # on binlerce: tens of thousands
    unsuffixed=frozenset({"on", "bir", "yüz"}),  # onu, biri: pronouns; yüzü, yüzden: a face
    currency_endings=True,  # euroluk, dolarlık
    half_words=frozenset({"yarım"}),  # yarım milyon
    half_after=("buçuk",),  # iki buçuk milyar
)

MARKS = NumberMarks(
    percent_before=("yüzde",),
    currency_words={"avro": "EUR", "dolar": "USD", "sterlin": "GBP", "lira": "TRY"},
    range_words=("veya", "ya da", "ile", "ila", "ve"),
    century_words=("yüzyıl",),
    apostrophe_endings=True,
)

BOILERPLATE = (
    SitePhrase("link to the original",
               r"(?:(?:ori[jg]inali(?:ni)?|ori[jg]inal\s+(?:haberi|metni|makaleyi|yazıyı))\s+"
               r"görüntüle|haberin\s+ori[jg]inali|ori[jg]inal\s+haber)" + LINK_END),
    SitePhrase("read-more link",
               r"(?:devamını\s+oku|haberin\s+devamı|ilgili\s+haber(?:ler)?|ayrıca\s+(?:bakınız|"
               r"okuyun)|bunlar\s+da\s+ilginizi\s+çekebilir)" + LINKED_TITLE + LINK_END),
    SitePhrase("share or subscribe line",
               r"(?:abone\s+ol(?:un)?|bizi\s+takip\s+edin|bültenimize\s+abone\s+olun)\b.{0,60}"),
    SitePhrase("site disclaimer",
               r"(?:(?:sorumluluk\s+reddi|yasal\s+uyarı)\s*[:：]|bu\s+sayfa,?\s+üçüncü\s+taraf)"
               r".*"),
)

PROFILE = LanguageProfile(
    "tr",
    numbers=NUMBERS,
    marks=MARKS,
    abbreviations=frozenset({"vb.", "vs.", "bkz.", "örn.", "mah.", "cad.", "sok.", "no.",
                             "tl.", "st.", "s.", "mn.", "mlr."}),
    titles=frozenset({"dr.", "prof.", "doç.", "yrd.", "sn.", "av.", "müh.", "uzm.", "op.",
                      "öğr.", "gör.", "dt.", "ecz.", "org.", "gen.", "alb.", "bnb.", "yzb.",
                      "t.c."}),
    company_suffixes=frozenset({"a.ş.", "ltd.", "şti.", "inc.", "corp."}),
    sentence_openers=frozenset("""Bu Şu O Bunlar Şunlar Onlar Bunun Onun Bunu Ve Ama Ancak Fakat
        Oysa Çünkü Yine Daha Sonra Ayrıca Bir Her Hiç Ben Biz Siz Sen Peki Böylece Bununla
        Öte Diğer Söz Konu Bugün Dün Yarın Şimdi""".split()),
    dot_ordinals=True,
    boilerplate=BOILERPLATE,
    # FLORES-200 dev, 997 sentences: English/Turkish character-length ratio 0.66–1.42
    # (0.5th–99.5th percentile), widened by 0.85× and 1.2×.
    length_band=(0.56, 1.70),
    code_page="cp1254",
)
