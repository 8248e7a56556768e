import codecs
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest

from summarize.documents import (
    Document,
    decode_bytes,
    document_from_text,
    read_document,
    split_paragraphs,
)
from summarize.errors import InputError
from summarize.inputs import collect_inputs, document_ids

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


def test_nfc_normalization() -> None:
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
    sources = collect_inputs([SEEDS]).sources
    paths = [s.path for s in sources if s.path is not None]
    assert [p.name for p in paths] == sorted(p.name for p in SEEDS.glob("*.txt"))
    docs = [read_document(p, s.id) for p, s in zip(paths, sources, strict=True)]
    assert [d.id for d in docs] == [p.stem for p in paths]
    by_id = {d.id: d for d in docs}
    # 000 is blank-line separated, 003 single-newline separated: both keep their paragraphs.
    assert len(by_id["000_10d260935c3fa862"].paragraphs) == 13
    assert len(by_id["003_f9460524bfb4d387"].paragraphs) == 16
    assert by_id["003_f9460524bfb4d387"].paragraphs[-1] == "Bericht Seite 6"


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_document(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    ("paths", "ids"),
    [(["a/x.txt", "b/x.txt", "y.md"], ["a-x", "b-x", "y"]),
     (["article.txt", "news/article.txt"], ["article", "news-article"]),
     (["2024/a/x.txt", "2025/a/x.txt"], ["2024-a-x", "2025-a-x"]),
     (["x.txt", "x.md"], ["x-txt", "x-md"]),
     (["/tmp/in/x.txt", "/tmp/in/x.md", "other/x.txt"], ["in-x-txt", "in-x-md", "other-x"]),
     (["news-article.txt", "news/article.txt", "article.txt"],
      ["news-article", "news-article-2", "article"]),
     ([None, "stdin.txt"], ["stdin", "stdin-txt"])],
)
def test_document_ids_are_stems_made_unique_by_the_shortest_path_part(
        paths: list[str | None], ids: list[str]) -> None:
    assert document_ids([None if p is None else Path(p) for p in paths]) == ids


TURKISH = "Şirket İstanbul'da kuruldu; yatırımcılar ağustos ayında ödeme yaptı. Çok güçlü büyüdü."
#: All six letters where cp1254 and cp1252 differ (ğĞıİşŞ ↔ ðÐýÝþÞ), upper and lower case.
TURKISH_SIX = ("IŞIK ŞİRKETİ, Ağrı ve Iğdır'da ĞÜMÜŞ değil; şirketin yıllık büyümesi "
               "ışık hızında oldu.\n\nYatırımcılar İzmir'de toplandı ve payları ağustosta sattı.")
ARABIC = "أعلنت الشركة الناشئة الفرنسية عن جولة تمويل جديدة بقيمة مليار دولار لتوسيع أعمالها."
GERMAN = "Der französische Telekomriese kündigte eine strategische Partnerschaft für Größe an."
ITALIAN = "La società è stata valutata più di due miliardi di dollari lo scorso dicembre, però."

#: How each encoding under test turns text into bytes; BOMs are written explicitly so that the
#: test does not depend on the machine's byte order.
ENCODERS: dict[str, Callable[[str], bytes]] = {
    "cp1254": lambda t: t.encode("cp1254"),
    "cp1256": lambda t: t.encode("cp1256"),
    "cp1252": lambda t: t.encode("cp1252"),
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32-le": lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
    "utf-32-be": lambda t: codecs.BOM_UTF32_BE + t.encode("utf-32-be"),
}


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(TURKISH, "cp1254"), (TURKISH_SIX, "cp1254"), (ARABIC, "cp1256"), (GERMAN, "cp1252"),
     (ITALIAN, "cp1252"),
     *[(text, encoding) for encoding in ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be",
                                         "utf-32-le", "utf-32-be")
       for text in (TURKISH, ARABIC, GERMAN, ITALIAN)]],
)
def test_encodings_are_decoded_and_recorded(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(ENCODERS[encoding](text))
    doc = read_document(path)
    assert doc.text == text
    assert doc.encoding == encoding
    assert doc.cleaning == {}


def test_turkish_bytes_are_not_read_as_western() -> None:
    data = TURKISH_SIX.encode("cp1254")
    as_western = data.decode("cp1252")  # decodes fine, as "IÞIK ÞÝRKETÝ, Aðrý …"
    assert as_western != TURKISH_SIX
    assert decode_bytes(data, "f") == (TURKISH_SIX, "cp1254")


FLORES = Path(__file__).parents[1] / "data" / "flores"


@pytest.mark.skipif(not FLORES.is_dir(), reason="no FLORES sample")
@pytest.mark.parametrize(("lang", "encoding"),
                         [("ar", "cp1256"), ("tr", "cp1254"), ("de", "cp1252"), ("it", "cp1252")])
def test_flores_passages_in_legacy_code_pages(lang: str, encoding: str) -> None:
    lines = (FLORES / f"{lang}-en.src.{lang}.txt").read_text(encoding="utf-8").splitlines()
    passages = ["\n".join(lines[i:i + 3]) for i in range(0, len(lines) - 2, 30)]
    wrong = []
    for passage in passages:
        try:
            data = passage.encode(encoding)
        except UnicodeEncodeError:  # a character the code page lacks
            continue
        if data.isascii():
            continue
        if decode_bytes(data, "f") != (passage, encoding):
            wrong.append(passage)
    assert not wrong


@pytest.mark.parametrize(
    ("data", "messages"),
    [(b"\x81\x8d\x8f\x90\x9d \xff\xfe\xfd", ["not valid UTF-8", "cp1254: byte 0x81",
                                            "cp1256: too few letters"]),
     ("Şu".encode("cp1254"), ["not valid UTF-8", "too few letters"]),
     # Russian (cp1251) and Greek (cp1253) bytes decode as every candidate, into mojibake.
     ("Компания объявила о новом раунде финансирования на сумму один миллиард долларов."
      .encode("cp1251"), ["cp1256: 61% of its non-ASCII letters", "cp1252: 100% of its letters"]),
     ("Η εταιρεία ανακοίνωσε νέο γύρο χρηματοδότησης ύψους ενός δισεκατομμυρίου δολαρίων."
      .encode("cp1253"), ["another script misread"]),
     ("Firma ogłosiła nową rundę finansowania o wartości miliarda dolarów, by rosnąć."
      .encode("cp1250"), ["reads as 'pl'"])],
)
def test_undecodable_bytes_say_why_for_each_code_page(data: bytes, messages: list[str]) -> None:
    with pytest.raises(InputError) as raised:
        decode_bytes(data, "bad.txt")
    for message in messages:
        assert message in str(raised.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
     (GERMAN.encode() * 100 + b"\x00" + GERMAN.encode(), "NUL bytes"),  # NUL far into the file
     (bytes(range(1, 32)) * 20, "binary"),
     (GERMAN.encode() + bytes(range(1, 9)), "8 control characters"),
     (codecs.BOM_UTF16_LE + ("\x01\x02\x03" * 9).encode("utf-16-le"), "binary"),
     (b"\xff\xfe" + b"\x00\xd8", "not valid utf-16"),
     (b"\xef\xbb\xbf" + b"\xc3\x28 abc", "not valid utf-8-sig"),
     (b"\x81\x8d\x8f\x90\x9d \xff\xfe\xfd", "no legacy code page fits")],
)
def test_binary_and_undecodable_files_fail_clearly(tmp_path: Path, data: bytes,
                                                   message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as raised:
        read_document(path)
    assert "bad.txt" in str(raised.value)


def test_a_few_stray_control_characters_are_not_binary() -> None:
    text = "Seite eins.\fSeite zwei.\x1b " + GERMAN * 5
    assert decode_bytes(text.encode(), "f") == (text, "utf-8")


def test_bad_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    from summarize.pipeline import read_inputs

    (tmp_path / "a.txt").write_bytes(TURKISH.encode("cp1254"))
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "d.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d \xff\xfe\xfd")
    (tmp_path / "e.md").write_bytes(ARABIC.encode("cp1256"))
    documents, failures = read_inputs([tmp_path])
    assert [(d.id, d.encoding) for d in documents] == [("a", "cp1254"), ("c", "utf-8"),
                                                       ("e", "cp1256")]
    assert [f.id for f in failures] == ["b", "d"]
    assert (failures[0].error or "").startswith("looks like a binary file")
    assert (failures[1].error or "").startswith("not valid UTF-8")
    assert failures[0].source_path == str(tmp_path / "b.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\n \t \n", codecs.BOM_UTF8,
                                  codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
                                  "\u200b\u00a0\n\u200f".encode()])
def test_empty_files_read_to_no_paragraphs(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert read_document(path).paragraphs == ()


def test_the_pipeline_reports_an_empty_document() -> None:
    from summarize.options import DigestOptions, TranslationOptions
    from summarize.pipeline import Stages, run_pipeline

    documents = [document_from_text("empty", " \n\n"),
                 document_from_text("news", "The company raised money. It grew fast.")]
    result = run_pipeline(documents, router=cast(Any, None), summarizer=cast(Any, None),
                          translation=TranslationOptions(), digest=DigestOptions(),
                          stages=Stages(translate=False, digest=False))
    by_id = {r.id: r for r in result.documents}
    assert "empty" in (by_id["empty"].error or "")
    assert by_id["news"].ok and len(by_id["news"].sentences) == 2


def test_document_is_frozen_and_records_cleaning() -> None:
    doc = document_from_text("x", "a\u200bb")
    assert (doc.text, doc.cleaning) == ("ab", {"zero_width": 1})
    assert Document(id="y", text="", paragraphs=()).cleaning == {}
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "changed"  # type: ignore[misc]


def test_cleaning_removes_invisible_controls_and_decodes_entities() -> None:
    raw = ("\u200fالشركة\u0640\u0640 الناشئة\u200b &amp; Mistral&nbsp;AI &quot;Le Chat&quot; "
           "https://example.com/a?b=1&amp;c=2 info@example.org 1.234,5 ١٢٣")
    doc = document_from_text("x", raw)
    assert doc.text == ('الشركة الناشئة & Mistral AI "Le Chat" https://example.com/a?b=1&c=2 '
                        "info@example.org 1.234,5 ١٢٣")
    assert doc.cleaning == {"html_entities": 5, "bidi_controls": 1, "zero_width": 1,
                            "tatweel": 2, "odd_spaces": 1}


def test_cleaning_happens_before_paragraphs_are_split() -> None:
    doc = document_from_text("x", "Erster Absatz.\u2029Zweiter&nbsp;Absatz.\u2028Zeile.")
    assert doc.paragraphs == ("Erster Absatz.", "Zweiter Absatz. Zeile.")


#: 20,000 Turkish words without a single full stop (or any other sentence end).
WORDS = (TURKISH.replace(".", "").replace(";", "").split() * 2_000)[:20_000]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1254"])
def test_twenty_thousand_words_without_a_full_stop_lose_nothing(tmp_path: Path,
                                                                 encoding: str) -> None:
    from summarize.segment import chunk_to_budget, split_sentences

    path = tmp_path / "long.txt"
    path.write_bytes(" ".join(WORDS).encode(encoding))
    doc = read_document(path)
    assert doc.encoding == encoding
    assert len(doc.paragraphs) == 1
    sentences = split_sentences(doc.paragraphs[0], "tr")
    pieces = [p for s in sentences for p in chunk_to_budget(s, lambda t: len(t.split()), 120)]
    assert " ".join(pieces).split() == WORDS
    assert max(len(p.split()) for p in pieces) <= 120
