"""Arabic: number words with glued prefixes, duals, teens after units, ordinals and decades."""

import re
from collections.abc import Mapping

from summarize.lang.base import (
    LINK_END,
    LINKED_TITLE,
    LanguageProfile,
    NumberMarks,
    NumberWords,
    SitePhrase,
    numbered,
)
from summarize.lang.lexicons.ar import CARDINALS, SCALES
from summarize.lang.nameinfo import NameRules, arabic_words


def _spellings(generated: Mapping[str, float]) -> dict[str, float]:
    """num2words' words and the spellings newspapers use beside them (never replacing one of
    num2words'): oblique and feminine forms (``عشرين``, ``ثلاث``), duals in all their cases
    (``ألفين``, ``مليونان``), ``مئة`` beside ``مائة``, no tanween (``ألفاً``)."""
    found = dict(generated)
    for word, value in generated.items():
        forms = {word.replace("ً", ""), word.replace("مائة", "مئة")}
        if word.endswith(("ون", "ان")):  # عشرون → عشرين, اثنان → اثنين
            forms.add(word[:-2] + "ين")
        if word.endswith("ا") and value in {2.0, 200.0} | {2 * 10.0 ** e for e in (3, 6, 9, 12)}:
            forms |= {word + "ن", word[:-1] + "ين", word[:-1] + "ي"}  # مليونا → مليونان…
        if 3 <= value <= 10 and word.endswith("ة"):  # ثلاثة → ثلاث
            forms.add(word[:-1])
        for form in forms:
            found.setdefault(form, value)
    return found


_WORDS = _spellings({**CARDINALS, **SCALES, "مائتان": 200.0, "بليون": 1e9, "الف": 1e3,
                     **numbered("واحدة إحدى;اثنتان اثنتين اثنتا اثنتي;;;;;;ثمان ثماني")})
_SCALES = {w: v for w, v in _WORDS.items() if v in SCALES.values()}
_CARDINALS = {w: v for w, v in _WORDS.items() if w not in _SCALES}
#: Ordinals without the article, masculine and feminine ("الخامس عشر" is 15th).
_ORDINALS = {**numbered("أول أولى;ثاني ثانية;ثالث ثالثة;رابع رابعة;خامس خامسة;سادس سادسة;"
                        "سابع سابعة;ثامن ثامنة;تاسع تاسعة;عاشر عاشرة"),
             "حادي": 1.0, "حادية": 1.0}
_DECADE_STEMS = "عشر ثلاث أربع خمس ست سبع ثمان تسع".split()  # twenties … nineties
#: "سبعينيات القرن العشرين", the seventies of the twentieth century: the 1970s.
_DECADE = re.compile(rf"(?:ال)?({'|'.join(_DECADE_STEMS)})ينيات"
                     r"(?:\s+(?:من\s+)?القرن\s+(?:ال)?([^\W\d_]+)(\s+عشر)?)?")


def read_decades(text: str) -> list[tuple[int, int, float]]:
    """Decades in words, ``(start, end, year)``: ``سبعينيات القرن العشرين`` → 1970,
    ``السبعينيات`` → 70."""
    found = []
    for match in _DECADE.finditer(text):
        tens = 10 * (2 + _DECADE_STEMS.index(match.group(1)))
        century = match.group(2) or ""
        nth = _CARDINALS.get(century, _ORDINALS.get(century, 0.0))
        nth += 10 if match.group(3) else 0
        found.append((match.start(), match.end(), (nth - 1) * 100 + tens if nth else tens))
    return found


NUMBERS = NumberWords(
    # Generated from num2words (summarize/lang/lexicons), with the spellings above.
    cardinals=_CARDINALS,
    scales=_SCALES,
    ordinals=_ORDINALS,
    ambiguous=frozenset({"خمس", "ألفا", "سبع"}),  # a fifth, Alpha, a lion
    firm_bare_scales=frozenset({"مليار", "مليون"}),
    not_numbers=frozenset({"الاثنين", "الإثنين"}),  # Monday
    century_before=r"قرن\S*\s+$",  # "القرن الخامس عشر", the fifteenth century
    units_before_tens=True,  # خمسة وعشرون, ثلاثة عشر
    conjunction="و",
    glued_prefixes=("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف", "ك"),  # and, with, the…
    currency_endings=True,  # دولارات
    half_words=frozenset({"نصف"}),  # نصف مليون
    half_after=("ونصف", "و نصف"),  # مليون ونصف
    bare_noun_half=True,  # ساعة ونصف: an hour and a half
    count_words={"كلا": 2.0, "كلتا": 2.0},  # both
    # Duals (ساعتين, two hours; الدولتين, the two states): each stands for two. Plurals in
    # -ين and -ان look alike (المسافرين), so an English 2 is seldom reported as added.
    count_pattern=r"(?!(?:و|ف)?(?:الذين|الآن|الدين|الصين|اليابان|بين)$)"
                  r"[^\W\d_]{3,}(?:تان|تين|ان|ين)",
)

MARKS = NumberMarks(
    percent_after=("بالمئة", "بالمائة", "في المئة", "في المائة", "المئة"),
    currency_words={"يورو": "EUR", "دولار": "USD",
                    **dict.fromkeys(("إسترليني", "استرليني"), "GBP"),  # جنيه إسترليني
                    "ريال": "SAR", "درهم": "AED"},
    range_words=("و", "أو", "إلى", "الى", "حتى"),
    digit_prefixes=frozenset({"و", "ب", "ل", "ك", "ف", "عام", "سنة", "وب", "ال", "وال", "بال",
                              "لل"}),
    decades=read_decades,
)

BOILERPLATE = (
    SitePhrase("link to the original",
               r"(?:شاهد|اعرض|عرض|اقرأ|إقرأ|انظر\s+إلى|راجع)\s+(?:النسخة|النص|المقال|الخبر|"
               r"المصدر)\s+(?:الأصلية|الأصلي)" + LINK_END),
    SitePhrase("read-more link",
               r"(?:[اإ]قرأ\s+(?:أيض[اًا]+|ايض[اًا]+|المزيد)|(?:مواضيع|أخبار)\s+ذات\s+صلة)"
               + LINKED_TITLE + LINK_END),
    SitePhrase("share or subscribe line", r"(?:اشترك(?:وا)?\s+(?:في|ب)|تابعونا\s+على)\s*.{0,60}"),
    SitePhrase("site disclaimer",
               r"قد\s+تحتوي\s+هذه\s+الصفحة\s+على\s+محتوى\s+من\s+جهات\s+خارجية.*"),
    SitePhrase("site disclaimer",
               r"(?:يرجى\s+)?(?:انظر|راجع|اطلع\s+على)\s+(?:إلى\s+)?إخلاء\s+المسؤولية(?:\s+"
               r"للحصول\s+على\s+(?:التفاصيل|المزيد(?:\s+من\s+التفاصيل)?))?" + LINK_END),
    SitePhrase("site disclaimer", r"إخلاء\s+(?:ال)?مسؤولية\s*[:：].*"),
)

NAMES = NameRules(
    function_words=arabic_words(
        "في من إلى على عن مع هذا هذه ذلك تلك التي الذي الذين كان كانت قد لقد أن إن لا لم لن ما "
        "هو هي هم بعد قبل حيث كما أو ثم بين عند حتى كل بعض غير أي منذ خلال سوف مالي"),
    # Conjunctions, prepositions and the article glued to a word.
    clitics=("و", "ف", "ب", "ل", "ك", "ال"),
    every_word=False,
    # Titles and kinds of place, organisation or thing after which a name follows.
    cue_words=arabic_words(
        "السيد السيدة الرئيس الملك الملكة الأمير الأميرة الشيخ الدكتور الجنرال العقيد المدرب "
        "اللاعب الكاتب الشاعر المغني المغنية الممثل الممثلة الصحفي النائب الوزير القاضي البابا "
        "الإمبراطور المستشار بلدة قرية ولاية مقاطعة نهر جبل بحيرة شارع مطار جامعة نادي حزب "
        "صحيفة مجلة إعصار عاصفة"),
    # NLLB-200 writes Robertsar, Kokodara, Angkorar (docs/names.md, "A second annotator").
    inserted_letters="ar",
)


PROFILE = LanguageProfile(
    "ar",
    # FLORES-200: ar→en BLEU 36.5 vs 33.9, COMET 0.854 vs 0.844 (data/flores/README.md).
    prefers_nllb=True,
    numbers=NUMBERS,
    marks=MARKS,
    boilerplate=BOILERPLATE,
    # Titles written as a letter and a dot: doctor, engineer, professor or teacher, lawyer.
    titles=frozenset({"د.", "م.", "أ.", "أ.د.", "ا.د.", "م.م.", "ع."}),
    abbreviations=frozenset({"ص.", "ج.", "ق.م.", "هـ."}),
    # FLORES-200 dev, 997 sentences: English/Arabic character-length ratio 0.73–1.77
    # (0.5th–99.5th percentile), widened by 0.85× and 1.2×.
    length_band=(0.62, 2.12),
    code_page="cp1256",
    names=NAMES,
)
