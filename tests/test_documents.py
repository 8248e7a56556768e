from pathlib import Path

import pytest

from summarize.documents import (
    decode_bytes,
    document_from_text,
    expand_inputs,
    read_document,
    split_paragraphs,
    unique_ids,
)
from summarize.errors import InputError

SEEDS = Path(__file__).parents[1] / "seeds"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo.\n\nThree.", ["One.", "Two.", "Three."]),
        ("One.\nTwo.\nThree.", ["One.", "Two.", "Three."]),
        ("Hard\nwrapped.\n\nNext", ["Hard wrapped.", "Next"]),
        ("\n\n  \n", []),
        ("## Heading\n\nBody text.", ["Heading", "Body text."]),
        ("CRLF one.\r\n\r\nCRLF two.", ["CRLF one.", "CRLF two."]),
    ],
)
def test_split_paragraphs(text: str, expected: list[str]) -> None:
    assert split_paragraphs(text) == expected


def test_nfc_normalisation() -> None:
    decomposed = "Franc\u0327ais"  # c + combining cedilla
    doc = document_from_text("x", decomposed)
    assert doc.text == "Français"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [("Şirket".encode(), "utf-8"), (b"\xef\xbb\xbf" + "Şirket".encode(), "utf-8-sig")],
)
def test_decode_utf8_with_and_without_bom(data: bytes, encoding: str) -> None:
    assert decode_bytes(data, "f") == ("Şirket", encoding)


def test_undecodable_bytes_are_an_error_not_replaced() -> None:
    with pytest.raises(InputError, match="not valid UTF-8"):
        decode_bytes(b"\x81\x8d\x8f\x90\x9d \xff\xfe\xfd", "bad.txt")


def test_binary_file_is_an_error() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "image.txt")


def test_seeds_read_with_stable_ids_and_paragraphs() -> None:
    paths = expand_inputs([SEEDS])
    assert [p.name for p in paths] == sorted(p.name for p in SEEDS.glob("*.txt"))
    docs = [read_document(p) for p in paths]
    assert [d.id for d in docs] == [p.stem for p in paths]
    by_id = {d.id: d for d in docs}
    # 000 is blank-line separated, 003 single-newline separated: both keep their paragraphs.
    assert len(by_id["000_10d260935c3fa862"].paragraphs) == 13
    assert len(by_id["003_f9460524bfb4d387"].paragraphs) == 16
    assert by_id["003_f9460524bfb4d387"].paragraphs[-1] == "Bericht Seite 6"


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_document(tmp_path / "nope.txt")


def test_unique_ids_disambiguate_same_stem(tmp_path: Path) -> None:
    paths = [tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", tmp_path / "y.md"]
    assert unique_ids(paths) == ["a-x", "b-x", "y"]


TURKISH = "Şirket İstanbul'da kuruldu; yatırımcılar ağustos ayında ödeme yaptı. Çok güçlü büyüdü."
ARABIC = "أعلنت الشركة الناشئة الفرنسية عن جولة تمويل جديدة بقيمة مليار دولار لتوسيع أعمالها."
GERMAN = "Der französische Telekomriese kündigte eine strategische Partnerschaft für Größe an."
ITALIAN = "La società è stata valutata più di due miliardi di dollari lo scorso dicembre, però."


@pytest.mark.parametrize(
    ("text", "encoding", "recorded"),
    [(TURKISH, "cp1254", "cp1254"), (ARABIC, "cp1256", "cp1256"), (GERMAN, "cp1252", "cp1252"),
     (ITALIAN, "cp1252", "cp1252"), (TURKISH, "utf-8", "utf-8"), (ARABIC, "utf-8-sig", "utf-8-sig"),
     (GERMAN, "utf-16", "utf-16-le"), (ARABIC, "utf-16-be-bom", "utf-16-be"),
     (ITALIAN, "utf-32", "utf-32-le")],
)
def test_encodings_are_decoded_and_recorded(tmp_path: Path, text: str, encoding: str,
                                            recorded: str) -> None:
    if encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.text == text
    assert doc.encoding == recorded


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
     (bytes(range(1, 32)) * 20, "binary"),
     (b"\xff\xfe" + b"\x00\xd8", "not valid utf-16")],
)
def test_binary_and_undecodable_files_fail_clearly(tmp_path: Path, data: bytes,
                                                   message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as raised:
        read_document(path)
    assert "bad.txt" in str(raised.value)


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    from summarize.pipeline import read_inputs

    (tmp_path / "a.txt").write_bytes(TURKISH.encode("cp1254"))
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.txt").write_text(GERMAN, encoding="utf-8")
    documents, failures = read_inputs([tmp_path])
    assert [d.id for d in documents] == ["a", "c"]
    assert [f.id for f in failures] == ["b"] and "binary" in (failures[0].error or "")


@pytest.mark.parametrize("content", ["", "   \n\n \t \n"])
def test_empty_files_read_to_no_paragraphs(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    assert read_document(path).paragraphs == ()


def test_cleaning_removes_invisible_controls_and_decodes_entities() -> None:
    raw = ("\u200fالشركة\u0640\u0640 الناشئة\u200b &amp; Mistral&nbsp;AI &quot;Le Chat&quot; "
           "https://example.com/a?b=1&amp;c=2 info@example.org 1.234,5 ١٢٣")
    doc = document_from_text("x", raw)
    assert doc.text == ('الشركة الناشئة & Mistral AI "Le Chat" https://example.com/a?b=1&c=2 '
                        "info@example.org 1.234,5 ١٢٣")
    assert doc.cleaning == {"html_entities": 5, "bidi_controls": 1, "zero_width": 1,
                            "tatweel": 2, "odd_spaces": 1}


def test_twenty_thousand_words_without_a_full_stop_lose_nothing() -> None:
    from summarize.segment import chunk_to_budget, split_sentences

    words = [f"kelime{i % 97}" for i in range(20_000)]
    doc = document_from_text("long", " ".join(words))
    assert len(doc.paragraphs) == 1
    sentences = split_sentences(doc.paragraphs[0], "tr")
    pieces = [p for s in sentences for p in chunk_to_budget(s, lambda t: len(t.split()), 120)]
    assert " ".join(pieces).split() == words
    assert max(len(p.split()) for p in pieces) <= 120
