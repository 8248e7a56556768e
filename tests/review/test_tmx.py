"""The translation memory as TMX 1.4: export, import, round trip, other tools' files."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from summarize.cli import main
from summarize.review.tmx import read_tmx, render_tmx
from summarize.translate.memory import MemoryEntry, TranslationMemory

ENTRIES = [
    MemoryEntry("tr", "Mistral AI, İsveç'te 1,2 milyar euro yatırım yapacak.",
                "Mistral AI will invest €1.2 billion in Sweden.", "corrected", "Ada",
                "2026-01-02T03:04:05Z", "2026-01-03T03:04:05Z"),
    MemoryEntry("ar", "استثمرت ASML مبلغ 1.3 مليار يورو.", "ASML invested 1.3 billion euros.",
                "approved", None, "2026-01-04T00:00:00Z", "2026-01-04T00:00:00Z"),
    MemoryEntry("de", 'Umsatz <5 % & "Gewinn" > 0', "Sales <5% & 'profit' > 0 ]]>",
                "imported", 'R&D "team" <x>', "2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z"),
]

OTHER_TOOL = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OtherCAT" creationtoolversion="9" segtype="sentence"
 o-tmf="xliff" adminlang="en-US" srclang="tr-TR" datatype="plaintext"/>
<body>
<tu tuid="1" creationdate="20250101T120000Z" creationid="translator1">
 <tuv xml:lang="tr-TR"><seg>Şirket <bpt i="1">&lt;b&gt;</bpt>2023'te<ept i="1">&lt;/b&gt;</ept>
 kuruldu.</seg></tuv>
 <tuv xml:lang="en-GB"><seg>The company was <hi>founded</hi> in 2023.</seg></tuv>
</tu>
<tu><tuv xml:lang="tr-TR"><seg>Only Turkish, no English.</seg></tuv></tu>
</body></tmx>
"""


def test_export_is_tmx_1_4_with_escaping_and_a_round_trip_keeps_every_entry(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    memory = TranslationMemory(tmp_path / "a")
    assert memory.put_many(ENTRIES) == 3
    memory.close()
    exported = tmp_path / "memory.tmx"
    assert main(["memory", "export", str(exported), "--cache", str(tmp_path / "a")]) == 0
    assert "wrote 3 translation units" in capsys.readouterr().err
    root = ET.parse(exported).getroot()
    assert (root.tag, root.get("version")) == ("tmx", "1.4")
    header = root.find("header")
    assert header is not None and {k: header.get(k) for k in (
        "creationtool", "segtype", "o-tmf", "srclang")} == {
        "creationtool": "summarize", "segtype": "sentence", "o-tmf": "summarize",
        "srclang": "*all*"}
    assert header.get("creationtoolversion")
    units = root.findall("body/tu")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [[v.get(lang) for v in u.findall("tuv")] for u in units] == [
        ["ar", "en"], ["de", "en"], ["tr", "en"]]
    assert [u.get("srclang") for u in units] == ["ar", "de", "tr"]
    text = exported.read_text(encoding="utf-8")
    assert "&lt;5 % &amp;" in text and "]]&gt;" in text and 'R&amp;D &quot;team&quot;' in text
    assert main(["memory", "import", str(exported), "--cache", str(tmp_path / "b")]) == 0
    assert "read 3 translations" in capsys.readouterr().err
    back = TranslationMemory(tmp_path / "b")
    assert back.entries() == sorted(ENTRIES, key=lambda e: (e.language, e.key))
    assert render_tmx(back.entries()).split("<body>")[1] == text.split("<body>")[1]
    back.close()


def test_another_tools_file_regional_tags_inline_codes_and_units_without_english(
        tmp_path: Path) -> None:
    path = tmp_path / "other.tmx"
    path.write_text(OTHER_TOOL, encoding="utf-8")
    read = read_tmx(path)
    assert read.skipped == 1
    (entry,) = read.entries
    assert (entry.language, entry.source, entry.english) == (
        "tr", "Şirket 2023'te kuruldu.", "The company was founded in 2023.")
    assert (entry.reviewer, entry.created, entry.origin) == (
        "translator1", "2025-01-01T12:00:00Z", "imported")


@pytest.mark.parametrize(("content", "reason"), [
    ("<tmx version='1.4'><header/><body><tu>", "not a well-formed TMX file"),
    ("<xliff version='1.2'><file/></xliff>", "not a TMX file"),
    ("not xml at all", "not a well-formed TMX file"),
    ('<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaa">]><tmx/>', "declares XML entities"),
])
def test_a_malformed_file_fails_clearly_naming_it_and_imports_nothing(
        content: str, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.tmx"
    path.write_text(content, encoding="utf-8")
    assert main(["memory", "import", str(path), "--cache", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert f"summarize: error: {path}: {reason}" in err
    memory = TranslationMemory(tmp_path / "c")
    assert len(memory) == 0
    memory.close()
    assert main(["memory", "import", str(tmp_path / "missing.tmx"),
                 "--cache", str(tmp_path / "c")]) == 2
    assert "missing.tmx: cannot read" in capsys.readouterr().err


def test_an_entry_xml_cannot_carry_stops_the_export_before_anything_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    memory = TranslationMemory(tmp_path)
    memory.put(MemoryEntry("de", "Seite\x0c 6", "Page 6"))
    memory.close()
    target = tmp_path / "out.tmx"
    assert main(["memory", "export", str(target), "--cache", str(tmp_path)]) == 2
    assert "U+000C, which XML cannot carry" in capsys.readouterr().err
    assert not target.exists()
