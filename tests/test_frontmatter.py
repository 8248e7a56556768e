"""Front matter: a YAML block at the top of a file gives the document's metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

import summarize
from summarize.documents import document_from_text, read_document
from summarize.frontmatter import split_front_matter
from summarize.pipeline import Stages


@pytest.mark.parametrize(("text", "metadata", "rest"), [
    ("---\ndate: 2025-03-11\ntitle: Norvia raises €450 million\noutlet: Atlas Wire\n---\nBody.",
     {"date": "2025-03-11", "title": "Norvia raises €450 million", "outlet": "Atlas Wire"},
     "Body."),
    ("\ufeff---\r\nDate: 2025-03-11T08:00:00\r\n...\r\nBody.", {"date": "2025-03-11T08:00:00"},
     "Body."),
    ("---\n---\nBody.", {}, "Body."),
    ("No front matter.\n---\nnot: yaml", {}, "No front matter.\n---\nnot: yaml"),
    ("---\ntitle: [unclosed\n---\nBody.", None, "---\ntitle: [unclosed\n---\nBody."),
    ("---\nauthors:\n  - A\n  - B\n---\nBody.", None, "---\nauthors:\n  - A\n  - B\n---\nBody."),
])
def test_front_matter_is_split_off_or_kept_whole_when_unreadable(
        text: str, metadata: dict[str, str] | None, rest: str) -> None:
    found, remainder = split_front_matter(text)
    assert remainder == rest
    if metadata is None:  # nothing is lost: the text stays and the reason is recorded
        assert set(found) == {"front_matter_error"}
    else:
        assert found == metadata


def test_documents_carry_their_metadata_and_only_the_body(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("---\ndate: 2025-01-20\nurl: https://example.org/a\n---\n# Quake\n\n"
                    "A quake struck on Monday.\n", encoding="utf-8")
    document = read_document(path)
    assert document.metadata == {"date": "2025-01-20", "url": "https://example.org/a"}
    assert document.paragraphs == ("Quake", "A quake struck on Monday.")
    assert document_from_text("x", "---\ndate: 2025-01-20\n---\nText.").paragraphs == ("Text.",)
    result = summarize.run([path], stages=Stages(translate=False))
    assert result.documents[0].metadata["date"] == "2025-01-20"
    assert result.to_dict()["documents"][0]["metadata"]["url"] == "https://example.org/a"
    assert result.brief.undated == []
