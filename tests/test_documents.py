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
    with pytest.raises(InputError, match="not valid utf-8"):
        decode_bytes(b"caf\xe9 \xff", "bad.txt")


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
