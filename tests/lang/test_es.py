"""Spanish, added as one module (summarize/lang/es.py): numbers, boilerplate, abbreviations."""

import pytest

from summarize.boilerplate import boilerplate_reason
from summarize.documents import decode_bytes
from summarize.lang import profile
from summarize.numbers import audit_numbers, extract_numbers
from summarize.segment import split_sentences


@pytest.mark.parametrize(
    ("text", "values"),
    [("1,2 millones de euros", [1.2e6]),
     ("1.300 personas", [1300.0]),
     ("veinte", [20.0]),
     ("veintitrés heridos", [23.0]),
     ("treinta y cinco años", [35.0]),
     ("doscientos millones", [2e8]),
     ("ciento veinte", [120.0]),
     ("novecientos noventa y nueve", [999.0]),
     ("trescientos cincuenta mil", [350000.0]),
     ("dos mil quinientos", [2500.0]),
     ("tres millones doscientos mil", [3.2e6]),
     ("medio millón", [5e5]),
     ("en medio de la calle", []),
     ("tres mil", [3000.0]),
     ("mil millones de dólares", [1e9]),
     ("2,5 mil millones", [2.5e9]),
     ("un billón", [1e12]),
     ("el 12 por ciento", [12.0])])
def test_spanish_numbers_are_read(text: str, values: list[float]) -> None:
    assert [m.value for m in extract_numbers(text, "es")] == values


def test_spanish_units_are_read() -> None:
    euros, = extract_numbers("1,2 millones de euros", "es")
    assert (euros.kind, euros.currency) == ("currency", "EUR")
    dollars, = extract_numbers("500 dólares", "es")
    assert dollars.currency == "USD"
    percent, = extract_numbers("subió un 3,4 por ciento", "es")[1:]  # "un" = 1 only confirms
    assert (percent.kind, percent.value) == ("percent", 3.4)


@pytest.mark.parametrize(
    ("source", "english"),
    [("La empresa recaudó 1,2 millones de euros.", "The company raised 1.2 million euros."),
     ("Murieron veinte personas.", "Twenty people died."),
     ("Murieron veinte personas.", "20 people died."),
     ("Ganó mil millones de dólares.", "It earned $1 billion."),
     ("Llegaron ciento veinte personas.", "120 people arrived."),
     ("Vendió medio millón de copias.", "It sold half a million copies."),
     ("La inflación bajó al 3,4 por ciento.", "Inflation fell to 3.4 percent.")])
def test_the_number_audit_agrees_with_a_faithful_translation(source: str, english: str) -> None:
    assert audit_numbers(source, english, "es") == []


@pytest.mark.parametrize(
    ("source", "english", "kind"),
    [("La empresa recaudó 1,2 millones de euros.", "The company raised 12 million euros.",
      "changed"),
     ("La empresa recaudó 1,2 millones de euros.", "The company raised 1.2 billion euros.",
      "changed"),
     ("Murieron veinte personas.", "Thirty people died.", "changed"),
     ("Murieron treinta y cinco personas.", "People died.", "lost"),
     ("Llegaron ciento veinte personas.", "102 people arrived.", "changed")])
def test_the_number_audit_catches_a_changed_figure(source: str, english: str,
                                                   kind: str) -> None:
    assert [issue.kind for issue in audit_numbers(source, english, "es")] == [kind]


@pytest.mark.parametrize(
    ("paragraph", "reason"),
    [("Leer más", "read-more link"),
     ("Te puede interesar: El Banco Central sube los tipos", "read-more link"),
     ("Todos los derechos reservados.", "copyright line"),
     ("Página 3", "page reference"),
     ("Foto: EFE", "photo credit")])
def test_spanish_boilerplate(paragraph: str, reason: str) -> None:
    assert boilerplate_reason(paragraph, "es") == reason


@pytest.mark.parametrize("sentence", [
    "Leer más sobre la economía le llevó años al ministro.",
    "El periódico dijo que todos los derechos reservados a los socios eran nulos, y que la "
    "ley cambiaría pronto según fuentes del Gobierno.",
    "Te puede interesar saber que la economía creció un 2 %."])
def test_spanish_article_text_is_not_boilerplate(sentence: str) -> None:
    assert boilerplate_reason(sentence, "es") is None


def test_spanish_abbreviations_do_not_end_a_sentence() -> None:
    text = "El Sr. García habló con la Sra. López. Según el art. 5 de la ley, no hay plazo."
    assert split_sentences(text, "es") == [
        "El Sr. García habló con la Sra. López.",
        "Según el art. 5 de la ley, no hay plazo."]


def test_spanish_files_in_cp1252_are_read() -> None:
    text = ("El Gobierno aprobó ayer una inversión de doscientos millones de euros para la "
            "reconstrucción de las carreteras dañadas por las inundaciones del año pasado.")
    assert profile("es").code_page == "cp1252"
    assert decode_bytes(text.encode("cp1252"), "noticia.txt") == (text, "cp1252")
