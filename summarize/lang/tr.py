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
from summarize.lang.nameinfo import NameRules, words

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

NAMES = NameRules(
    function_words=words(
        "bu şu o bir ve ile ancak fakat ama lakin daha en her çok bazı birçok birkaç yaklaşık "
        "sonra önce şimdi evet hayır aynı diğer eğer ise gibi kadar için ne neden nasıl hangi "
        "kim kimi tüm bütün hem ya veya yani oysa özellikle genellikle ayrıca böylece "
        "dolayısıyla yine hala hâlâ artık sadece yalnızca bile de da ki bunlar bunun buna bunu "
        "onlar onun ona onu biz siz ben sen ilk son iki üç dört beş bugün dün yarın burada "
        "orada öte beri karşın rağmen üzere göre doğru bunların şimdiye zaman"),
    generic_words=words(
        "başbakan başkan başkanı cumhurbaşkanı bakan bakanı kral kraliçe prens prenses papa "
        "imparator general mareşal albay kaptan dr prof sayın bay bayan hanım bey paşa şeyh "
        "sultan lider lideri vali valisi müdür müdürü sözcü sözcüsü kuzey güney doğu batı orta "
        "yeni eski büyük küçük ulusal uluslararası milli devlet cumhuriyet parti meclis "
        "hükümet hükümeti ordu ordusu polis merkez açık final tur lig ingiliz alman fransız "
        "türk rus amerikan arap japon yunan italyan ispanyol kürt fars hint çinli avrupa sör "
        "olimpiyat olimpiyatları olimpik oyunları dolar euro avro lira sterlin no filo "
        "donanma deniz okyanus göl nehir dağ ada körfez kanal boğaz havalimanı köprü cadde "
        "sokak meydan bulvar park bölge şehir kent köy üniversite fakülte okul hastane "
        "bakanlık mahkeme komite birlik örgüt kurum kurul şirket kulüp takım kilise cami "
        "saray kale tapınak müze savaş devrim ödül kupa federasyon konsey enstitü vakıf "
        "dernek ajans yarımküre"),
    every_word=False,
    apostrophe_suffixes=True,
    # NLLB-200 writes Gripentr, Vidaltrup, Montruma (docs/names.md, "Garbled").
    inserted_letters="tr",
    # Possessed heads of compound names: Üniversitesi, Meydanı, Belgeleri.
    head_suffixes=tuple("si sı su sü leri ları i ı u ü".split()),
    # Adjectives and peoples from places: Kanadalı, İsveçli, Bostonlu.
    derived_suffixes=tuple("lılar liler lular lüler lı li lu lü cede çede cada çada ceden çeden "
                           "cadan çadan ce çe ca ça".split()),
    # Peoples take plural and case endings without an apostrophe: Maorilerin, İngilizler.
    endings=tuple("lerin ların lerdi lardı lere lara leri ları ler lar".split()),
    # Places CLDR's territories and time-zone cities lack, and Turkish abbreviations.
    exonyms=(("ABD", "United States"), ("AB", "European Union"), ("BM", "United Nations"),
             ("İngiltere", "England"), ("Britanya", "Britain"), ("Köln", "Cologne"),
             ("Münih", "Munich"), ("Akdeniz", "Mediterranean"), ("Karadeniz", "Black Sea"),
             ("Mekke", "Mecca"), ("Pekin", "Beijing"), ("GSYİH", "GDP"), ("MÖ", "BC|BCE"),
             ("MS", "AD|CE"), ("DEHB", "ADHD"), ("DEB", "ADD")),
    particles=words("de del la las van von bin al"),
    title_words=words("bakanı başkanı lideri müdürü sözcüsü valisi başkan bakan"),
    glued_case=True,
    foreign_letters="qwx",
    conjunctions=words("ve ile"),
    # Plural and case endings of common words written in lower case: çeviriler, çeviriye.
    lower_endings=tuple("ler lar de da te ta den dan ten tan ye ya yi yı e a i ı u ü nin nın "
                        "in ın le la yle yla".split()),
    currency_words=("dolar", "avro", "euro", "sterlin", "lira", "frank", "ruble", "rupi"),
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
    names=NAMES,
)
