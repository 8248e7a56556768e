import pytest

from summarize.clean import BIDI_CONTROLS, ODD_SPACES, ZERO_WIDTH, clean_text


@pytest.mark.parametrize(
    ("raw", "expected", "counts"),
    [
        # Bidi controls, each one of them.
        (f"a{BIDI_CONTROLS}b", "ab", {"bidi_controls": len(BIDI_CONTROLS)}),
        ("\u200fشركة\u200f Mistral\u202c", "شركة Mistral", {"bidi_controls": 3}),
        # Zero-width characters, a BOM inside the text and soft hyphens.
        (f"x{ZERO_WIDTH}y", "xy", {"zero_width": len(ZERO_WIDTH)}),
        ("\ufeffBaş\u00adkan", "Başkan", {"zero_width": 2}),
        # Arabic tatweel (kashida).
        ("الشركــــة", "الشركة", {"tatweel": 4}),
        # HTML entities: named, decimal, hexadecimal.
        ("R&amp;D &quot;Le Chat&quot; l&#39;IA l&#x27;IA &lt;b&gt;",
         "R&D \"Le Chat\" l'IA l'IA <b>", {"html_entities": 7}),
        ("caf&eacute; &euro;5", "café €5", {"html_entities": 2}),
        # A no-break space entity is an entity and an odd space.
        ("Mistral&nbsp;AI", "Mistral AI", {"html_entities": 1, "odd_spaces": 1}),
        # Odd spaces, each one of them.
        (f"a{ODD_SPACES}b", "a" + " " * len(ODD_SPACES) + "b", {"odd_spaces": len(ODD_SPACES)}),
        # Unicode line and paragraph separators become newlines.
        ("eins\u2028zwei\u2029drei", "eins\nzwei\n\ndrei", {"line_separators": 2}),
        # Only one level of escaping is undone.
        ("&amp;quot;", "&quot;", {"html_entities": 1}),
        # An entity for an invisible character is decoded, then removed and counted.
        ("a&#8203;b", "ab", {"html_entities": 1, "zero_width": 1}),
        # Nothing to do.
        ("Düz metin, 1.234,5 euro.", "Düz metin, 1.234,5 euro.", {}),
        ("", "", {}),
    ],
)
def test_clean_text(raw: str, expected: str, counts: dict[str, int]) -> None:
    assert clean_text(raw) == (expected, counts)


@pytest.mark.parametrize(
    "text",
    [
        # URLs: query strings whose parameter names start like legacy entities (&copy, &not,
        # &para, &reg, &times) are not entities without their ";".
        "https://example.com/a?b=1&c=2",
        "https://example.com/x?id=5&copy=2&notify=1&para=3&reg=eu&times=4&lang=tr",
        "https://ar.wikipedia.org/wiki/%D9%85%D9%8A%D8%B3%D8%AA%D8%B1%D8%A7%D9%84#Tarih",
        "http://www.handelsblatt.com/technik/it+internet/mistral-ai;art100,2?x=1&y",
        # E-mail addresses.
        "user@example.org", "redaksiyon@haber.com.tr", "info+news@example.co.uk",
        # Numbers in many notations.
        "1.234,5", "1,234.5", "١٢٣", "٣٫٥", "۱۲۳", "%11", "11%", "$2 billion", "1,2 milyar €",
        "+90 (212) 555 12 34", "2023'te", "10.02.2025", "−3,5", "6e9",
        # Ampersands that are not entities.
        "AT&T", "Q&A", "R & D", "&foo;", "&#0;", "&#xD800;", "&;", "a&b;c",
        # Unknown names that start like an entity (&copy, &amp, &reg) are not decoded.
        "&copyright;", "&ampersand;", "&regional;",
    ],
)
def test_urls_emails_numbers_and_bare_ampersands_stay_intact(text: str) -> None:
    assert clean_text(text) == (text, {})
    sentence = f"Siehe {text} (Quelle)."
    assert clean_text(sentence) == (sentence, {})


def test_an_escaped_url_gets_its_ampersands_back_and_nothing_else() -> None:
    raw = "Kaynak: https://example.com/a?b=1&amp;c=2&amp;copy=3 , mail: user@example.org"
    assert clean_text(raw) == (
        "Kaynak: https://example.com/a?b=1&c=2&copy=3 , mail: user@example.org",
        {"html_entities": 2})


@pytest.mark.parametrize(
    "raw", ["\u200fالشركة\u0640 &amp;&nbsp;x\u200b", "x\u2029y&#8207;&lt;", "\u00a0\u00ad"],
)
def test_cleaning_twice_changes_nothing_more(raw: str) -> None:
    once, counts = clean_text(raw)
    assert counts
    assert clean_text(once) == (once, {})
