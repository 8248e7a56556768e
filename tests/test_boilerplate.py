from pathlib import Path

import pytest

from summarize.boilerplate import PATTERNS, boilerplate_reason, duplicate_paragraphs
from summarize.documents import read_document

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "seeds"
FLORES = ROOT / "data" / "flores"

DISCLAIMER_AR = ("قد تحتوي هذه الصفحة على محتوى من جهات خارجية، يتم تقديمه لأغراض إعلامية فقط "
                 "(وليس كإقرارات/ضمانات)، ولا ينبغي اعتباره موافقة على آرائه من قبل Gate، ولا "
                 "بمثابة نصيحة مالية أو مهنية. انظر إلى إخلاء المسؤولية للحصول على التفاصيل.")


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["A.", "B.", "A."], {2: 0}),
        (["One two.", "ONE   two!", "«one, two»", "one-two"], {1: 0, 2: 0, 3: 0}),
        (["Fiyat 123 lira.", "Fiyat ١٢٣ lira."], {1: 0}),  # Arabic-Indic digits
        (["كَتَبَ الوزير", "كتب الوزير"], {1: 0}),  # harakat
        (["Café au lait.", "Cafe au lait"], {1: 0}),
        (["Intro.", "Body.", "Title", "Intro.", "Body."], {3: 0, 4: 1}),
        (["---", "***", "---"], {}),  # no letters or digits: never duplicates
        (["1.7 milyar", "17 milyar"], {}),  # different numbers stay different
        ([], {}),
    ],
)
def test_duplicate_paragraphs(paragraphs: list[str], expected: dict[int, int]) -> None:
    assert duplicate_paragraphs(paragraphs) == expected


def test_seed_002_repeated_body_is_found_but_not_its_title_line() -> None:
    doc = read_document(SEEDS / "002_305ef7fb3dcfe7c4.txt")
    duplicates = duplicate_paragraphs(doc.paragraphs)
    title = doc.paragraphs.index("تعاونت Mistral AI مع ASML لجمع 1.7 مليار يورو")
    body = title - 2  # the body, then "see the original" and the disclaimer, then the title
    assert doc.paragraphs[body:title] == ("شاهد النسخة الأصلية", DISCLAIMER_AR)
    assert duplicates == {title + 1 + i: i for i in range(body)}
    assert len(doc.paragraphs) == title + 1 + body


#: (paragraph, document language, expected reason): at least one example per table row.
POSITIVES = [
    # Page references.
    ("Bericht Seite 6", "de", "page reference"),
    ("Seite 6", "de", "page reference"),
    ("Siehe Seite 12–13", "de", "page reference"),
    ("S. 6", "de", "page reference"),
    ("Sayfa 3", "tr", "page reference"),
    ("pagina 12", "it", "page reference"),
    ("continua a pagina 12", "it", "page reference"),
    ("page 4", "en", "page reference"),
    ("Page 4 of 10", "en", "page reference"),
    ("الصفحة 5", "ar", "page reference"),
    ("الصفحة ٥", "ar", "page reference"),
    ("(Seite 6)", "de", "page reference"),
    # Links to the original.
    ("شاهد النسخة الأصلية", "ar", "link to the original"),
    ("اقرأ المقال الأصلي", "ar", "link to the original"),
    ("Originali görüntüle", "tr", "link to the original"),
    ("Haberin orijinali", "tr", "link to the original"),
    ("Zum Original", "de", "link to the original"),
    ("Zum Originalartikel »", "de", "link to the original"),
    ("Vedi l'originale", "it", "link to the original"),
    ("View original", "en", "link to the original"),
    ("See the original article →", "en", "link to the original"),
    # Copyright lines.
    ("© 2024 Handelsblatt GmbH", "de", "copyright line"),
    ("Copyright © 2025 Reuters", "en", "copyright line"),
    ("Alle Rechte vorbehalten.", "de", "copyright line"),
    ("© RIPRODUZIONE RISERVATA", "it", "copyright line"),
    ("Riproduzione riservata - Il Sole 24 Ore", "it", "copyright line"),
    ("Tüm hakları saklıdır.", "tr", "copyright line"),
    ("جميع الحقوق محفوظة", "ar", "copyright line"),
    ("All rights reserved.", "en", "copyright line"),
    # Read-more links.
    ("Read more: Mistral raises €600m", "en", "read-more link"),
    ("Related", "en", "read-more link"),
    ("Lesen Sie auch: Mistral sammelt Milliarden ein", "de", "read-more link"),
    ("Mehr zum Thema", "de", "read-more link"),
    ("Leggi anche: Mistral, nuovo round", "it", "read-more link"),
    ("Devamını oku", "tr", "read-more link"),
    ("İLGİLİ HABERLER", "tr", "read-more link"),
    ("اقرأ أيضا: ميسترال تجمع مليار يورو", "ar", "read-more link"),
    ("اقرأ أيضاً", "ar", "read-more link"),
    # Share, subscribe and follow lines.
    ("Share", "en", "share or subscribe line"),
    ("Share on Facebook | Twitter | WhatsApp", "en", "share or subscribe line"),
    ("Artikel teilen", "de", "share or subscribe line"),
    ("Condividi su Facebook", "it", "share or subscribe line"),
    ("Haberi paylaş", "tr", "share or subscribe line"),
    ("شارك المقال", "ar", "share or subscribe line"),
    ("Subscribe to our newsletter", "en", "share or subscribe line"),
    ("Jetzt Newsletter abonnieren", "de", "share or subscribe line"),
    ("Iscriviti alla nostra newsletter", "it", "share or subscribe line"),
    ("Bizi takip edin", "tr", "share or subscribe line"),
    ("تابعونا على تويتر", "ar", "share or subscribe line"),
    # Photo credits.
    ("Foto: dpa", "de", "photo credit"),
    ("Fotoğraf: AA", "tr", "photo credit"),
    ("صورة: رويترز", "ar", "photo credit"),
    ("Photo: Reuters/Benoit Tessier", "en", "photo credit"),
    ("[Foto: ANSA]", "it", "photo credit"),
    ("Photo by Joel Saget/AFP via Getty Images", "en", "photo credit"),
    # Advertising.
    ("Anzeige", "de", "advertisement"),
    ("Reklam", "tr", "advertisement"),
    # Disclaimers.
    (DISCLAIMER_AR, "ar", "site disclaimer"),
    ("انظر إلى إخلاء المسؤولية للحصول على التفاصيل.", "ar", "site disclaimer"),
    ("إخلاء المسؤولية: هذا المحتوى لأغراض إعلامية فقط.", "ar", "site disclaimer"),
    ("Disclaimer: This content is for information only.", "en", "site disclaimer"),
    ("See our disclaimer for details.", "en", "site disclaimer"),
    ("Haftungsausschluss: Keine Anlageberatung.", "de", "site disclaimer"),
    ("Avvertenza: questo articolo non è una consulenza finanziaria.", "it", "site disclaimer"),
    ("Yasal uyarı: Burada yer alan bilgiler yatırım tavsiyesi değildir.", "tr",
     "site disclaimer"),
]


@pytest.mark.parametrize(("paragraph", "lang", "reason"), POSITIVES)
def test_boilerplate_is_recognized(paragraph: str, lang: str, reason: str) -> None:
    assert boilerplate_reason(paragraph, lang) == reason


def test_every_pattern_has_an_example() -> None:
    from summarize.boilerplate import _for_matching
    from summarize.lang import module_profiles

    # Besides the table above, a language's profile may carry the examples of its patterns.
    examples = [*POSITIVES, *((example, found.code, phrase.reason) for found in module_profiles()
                              for phrase in found.boilerplate for example in phrase.examples)]
    unused = [pattern.pattern for lang, pattern, _ in PATTERNS
              if not any(pattern.fullmatch(_for_matching(p)) and lang in ("*", example_lang)
                         for p, example_lang, _ in examples)]
    assert not unused


#: News sentences that mention pages, originals, photos, disclaimers, sharing…: article text.
NEGATIVES = [
    ("Die Zeitung berichtete auf Seite 6 über den KI-Gipfel in Paris.", "de"),
    ("Bericht Seite 6 und 7 sowie Kommentar", "de"),
    ("Rapor 3. sayfada şirketin değerlemesinin 6 milyar dolara ulaştığını yazıyor.", "tr"),
    ("Come riportato a pagina 12 del documento, la startup vale 6 miliardi.", "it"),
    ("The filing, on page 4, shows revenue doubled.", "en"),
    ("وذكرت الصحيفة في الصفحة 5 أن الشركة جمعت مليار يورو.", "ar"),
    ("Mistral veröffentlichte einen Haftungsausschluss zu seinem Modell.", "de"),
    ("The company published a disclaimer on its website after the leak.", "en"),
    ("ونشرت الشركة إخلاء المسؤولية على موقعها بعد التسريب.", "ar"),
    ("The original version of the model was released in 2023.", "en"),
    ("شاهد الملايين النسخة الأصلية من الفيلم في دور العرض.", "ar"),
    ("Orijinal modeli görüntüleyen kullanıcı sayısı arttı.", "tr"),
    ("Foto e video del vertice sono stati diffusi dal governo.", "it"),
    ("Photographers crowded the stage as Macron spoke.", "en"),
    ("Share prices rose 5% after the announcement.", "en"),
    ("Shares of ASML rose 3% on Tuesday.", "en"),
    ("Teilen die Investoren diese Einschätzung?", "de"),
    ("Read more than 1,000 pages of the report, the minister said.", "en"),
    ("Lesen Sie auch den Kommentar, sagte der Minister, der die Pläne begrüßte.", "de"),
    ("Copyright lawsuits against AI companies multiplied in 2024.", "en"),
    ("Şirket, tüm hakları saklıdır ibaresini kaldırdığını açıkladı ve yeni lisansı duyurdu.",
     "tr"),
    ("Related companies in the sector also raised money.", "en"),
    ("Abone olmak isteyen kullanıcı sayısı iki katına çıktı.", "tr"),
    ("Anzeigen in Zeitungen kosten mehr.", "de"),
    ("Seite an Seite mit Nvidia baut Mistral ein Rechenzentrum.", "de"),
    ("wü Paris", "de"),
    ("Investitionen in Datenzentren", "de"),
    ("تعاونت Mistral AI مع ASML لجمع 1.7 مليار يورو", "ar"),
]


@pytest.mark.parametrize(("paragraph", "lang"), NEGATIVES)
def test_article_text_is_not_boilerplate(paragraph: str, lang: str) -> None:
    assert boilerplate_reason(paragraph, lang) is None


def test_patterns_apply_to_their_language_only() -> None:
    assert boilerplate_reason("Devamını oku", "tr") == "read-more link"
    assert boilerplate_reason("Devamını oku", "de") is None
    assert boilerplate_reason("Seite 6", "ar") == "page reference"  # "*" rows apply everywhere


def test_only_the_known_seed_paragraphs_are_flagged() -> None:
    from summarize.languages import detect_language

    flagged = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_document(path)
        lang = detect_language(doc.text).language
        flagged += [(doc.id[:3], p) for p in doc.paragraphs if boilerplate_reason(p, lang)]
    assert flagged == [("002", "شاهد النسخة الأصلية"), ("002", DISCLAIMER_AR),
                       ("003", "Bericht Seite 6")]


@pytest.mark.skipif(not FLORES.is_dir(), reason="no FLORES sample")
def test_flores_sentences_are_not_boilerplate() -> None:
    lines = 0
    flagged = []
    for path in sorted(FLORES.glob("*.txt")):  # sources, references and machine translations
        lang = path.name.split(".")[-2]
        for line in path.read_text(encoding="utf-8").splitlines():
            lines += 1
            for each in {lang, "en"}:
                if boilerplate_reason(line, each):
                    flagged.append((path.name, line))
    assert lines > 5000
    assert len(flagged) <= lines // 2000, flagged  # at most 0.05 %; none today
