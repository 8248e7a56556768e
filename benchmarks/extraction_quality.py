"""Extraction quality on the labelled news pages of ``tests/fixtures/pages`` (run by hand).

Each page marks its gold text with ``data-gold`` attributes: ``article`` on the headline,
subheadings and paragraphs of the story, ``boilerplate`` on menus, cookie banners, teasers,
related-article lists, comments, share bars, newsletter boxes and footers. The labels are
removed before the page is read, so they cannot help the extraction. For each page:

* **article kept**: the share of gold article sentences whose text is in the extracted text;
* **boilerplate leaked**: the share of gold boilerplate lines found in the extracted text (a
  line of fewer than four words counts only when it is a whole paragraph by itself, so a menu
  item such as "Economia" is not "found" inside a sentence that uses the word);
* **leaked unflagged**: those leaked lines that summarize's boilerplate flags
  (``summarize.boilerplate``, e.g. "Leggi anche: …") do not catch either, so they would reach
  a digest.

Usage: ``python benchmarks/extraction_quality.py [--markdown]``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages"
_SENTENCE = re.compile(r"(?<=[.!?؟])\s+(?=\S)")
_LABEL = re.compile(r"""\sdata-gold=["'][^"']*["']""")


def _norm(text: str) -> str:
    return " ".join(text.split())


def gold(html: str) -> tuple[list[str], list[str]]:
    """The page's gold article sentences and gold boilerplate lines."""
    import lxml.html

    tree = lxml.html.fromstring(html.encode("utf-8"))
    article = [s for e in tree.xpath('//*[@data-gold="article"]')
               for s in _SENTENCE.split(_norm(e.text_content())) if s]
    boilerplate = [_norm(e.text_content()) for e in tree.xpath('//*[@data-gold="boilerplate"]')]
    return article, [b for b in boilerplate if b]


def strip_labels(html: str) -> str:
    """The page without its ``data-gold`` labels."""
    return _LABEL.sub("", html)


def _found(line: str, paragraphs: list[str]) -> bool:
    if len(line.split()) < 4:
        return any(line == p for p in paragraphs)
    return any(line in p for p in paragraphs)


def measure(path: Path) -> dict[str, object]:
    """Read one labelled page as summarize does and score what was kept."""
    from summarize.documents import document_from_blocks
    from summarize.pipeline import segment_document
    from summarize.readers.html import read_html

    html = path.read_text(encoding="utf-8")
    article, boilerplate = gold(html)
    extracted = read_html(strip_labels(html).encode("utf-8"), path.name)
    document = document_from_blocks(path.stem, extracted)
    language = path.stem.split("_", 1)[0]
    flagged = {s.paragraph for s in segment_document(document, language, detect_mixed=False)
               if any(f.code == "boilerplate" for f in s.flags)}
    paragraphs = [_norm(p) for p in document.paragraphs]
    unflagged = [p for i, p in enumerate(paragraphs, start=1) if i not in flagged]
    text = "\n".join(paragraphs)
    kept = [s for s in article if s in text]
    leaked = [b for b in boilerplate if _found(b, paragraphs)]
    return {"page": path.name, "article": len(article), "kept": len(kept),
            "boilerplate": len(boilerplate), "leaked": len(leaked),
            "leaked_unflagged": sum(1 for b in leaked if _found(b, unflagged)),
            "missed": [s for s in article if s not in kept], "leaked_lines": leaked}


def main(argv: list[str]) -> int:
    rows = [measure(path) for path in sorted(PAGES.glob("*.html"))
            if 'data-gold="article"' in path.read_text(encoding="utf-8")]
    total = {key: sum(int(str(r[key])) for r in rows)
             for key in ("article", "kept", "boilerplate", "leaked", "leaked_unflagged")}
    if "--markdown" in argv:
        print("| page | article sentences kept | boilerplate lines leaked | leaked and not "
              "flagged |")
        print("|---|---|---|---|")
        for r in [*rows, {"page": "**all pages**", **total}]:
            print(f"| {r['page']} | {r['kept']} of {r['article']} "
                  f"({int(str(r['kept'])) / int(str(r['article'])):.0%}) | {r['leaked']} of "
                  f"{r['boilerplate']} ({int(str(r['leaked'])) / int(str(r['boilerplate'])):.0%})"
                  f" | {r['leaked_unflagged']} |")
        return 0
    for r in rows:
        print(f"{r['page']}: kept {r['kept']}/{r['article']} article sentences, leaked "
              f"{r['leaked']}/{r['boilerplate']} boilerplate lines "
              f"({r['leaked_unflagged']} not flagged)")
        for line in r["missed"]:  # type: ignore[attr-defined]
            print(f"   missed: {line}")
        for line in r["leaked_lines"]:  # type: ignore[attr-defined]
            print(f"   leaked: {line}")
    print(f"all: kept {total['kept']}/{total['article']} "
          f"({total['kept'] / total['article']:.1%}), leaked {total['leaked']}/"
          f"{total['boilerplate']} ({total['leaked'] / total['boilerplate']:.1%}), "
          f"{total['leaked_unflagged']} not flagged")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
