from pathlib import Path

import summarize
from summarize.brief import build_brief
from summarize.digest.extractive import antecedent
from summarize.records import DocumentResult, Flag, SentenceRecord
from summarize.segment import is_heading, split_sentences

ENGLISH = Path(__file__).parent / "fixtures" / "english"


def english_document(doc_id: str, text: str) -> DocumentResult:
    paragraphs = [p for p in summarize.documents.split_paragraphs(text)]  # type: ignore[attr-defined]
    sentences = []
    for p, para in enumerate(paragraphs, start=1):
        split = split_sentences(para, "en")
        sentences += [SentenceRecord(id=f"{doc_id}:{p}:{s}", paragraph=p, source=sent,
                                     english=sent, heading=is_heading(para, split))
                      for s, sent in enumerate(split, start=1)]
    return DocumentResult(id=doc_id, source_path=None, language="en", sentences=sentences)


def load(name: str) -> DocumentResult:
    return english_document(name, (ENGLISH / f"{name}.txt").read_text(encoding="utf-8"))


def test_digest_selects_central_facts_in_article_order() -> None:
    doc = load("arcadia_lemonde")
    lines = summarize.ExtractiveSummarizer().digest(doc.sentences, 3)
    ids = [s.id for s in doc.sentences]
    assert len(lines) == 3
    text = " ".join(line.text for line in lines)
    assert "$400 million" in text and "battery factory in Lyon" in text
    assert "weather" not in text
    assert doc.sentences[0].heading  # the headline is not quoted
    assert doc.sentences[0].id not in {e for line in lines for e in line.evidence}
    positions = [ids.index(line.evidence[0]) for line in lines]
    assert positions == sorted(positions)


def test_digest_evidence_points_at_the_quoted_sentence() -> None:
    doc = load("arcadia_reuters")
    by_id = {s.id: s for s in doc.sentences}
    for line in summarize.ExtractiveSummarizer().digest(doc.sentences, 4):
        assert line.evidence and all(e in by_id for e in line.evidence)
        assert line.text == by_id[line.evidence[0]].english


def test_digest_has_no_duplicates_when_the_body_repeats() -> None:
    text = (ENGLISH / "arcadia_lemonde.txt").read_text(encoding="utf-8")
    doc = english_document("twice", text + "\n\n" + text)
    lines = summarize.ExtractiveSummarizer().digest(doc.sentences, 5)
    assert len({line.text for line in lines}) == len(lines)


def test_digest_skips_boilerplate_and_short_fragments() -> None:
    doc = load("arcadia_lemonde")
    lead = doc.sentences[1]
    lead.flags.append(Flag("boilerplate", "site boilerplate"))
    lines = summarize.ExtractiveSummarizer().digest(doc.sentences, 5)
    assert lead.id not in {e for line in lines for e in line.evidence}
    assert all(len(line.text.split()) >= 6 for line in lines)


def test_digest_of_gibberish_quotes_only_its_own_sentences() -> None:
    doc = english_document("g", "zq zq zq zq zq zq zq.\n\n▁▁ xx ▁ yy ▁ zz ww vv.\n\nab.\n\n")
    lines = summarize.ExtractiveSummarizer().digest(doc.sentences, 3)
    by_id = {s.id: s.english for s in doc.sentences}
    assert 1 <= len(lines) <= 2  # "ab." is too short to quote
    assert all(len(line.evidence) == 1 and line.text == by_id[line.evidence[0]]
               for line in lines)
    assert len({line.evidence for line in lines}) == len(lines)


def test_brief_merges_facts_reported_by_several_articles() -> None:
    docs = [load("arcadia_lemonde"), load("arcadia_reuters"), load("carrefour_wire")]
    brief = build_brief(docs, 6)
    ids = {s.id for d in docs for s in d.sentences}
    story, = brief.stories  # one story: Arcadia's round and its Carrefour deal
    facts = story.facts
    assert all(set(fact.evidence) <= ids for fact in facts)
    funding = [fact for fact in facts if "$400 million" in fact.text]
    assert len(funding) == 1
    assert funding[0].sources == ("arcadia_lemonde", "arcadia_reuters")
    assert "arcadia_lemonde:5:2" not in funding[0].evidence  # the valuation is another fact
    robots = [fact for fact in facts if "2,000" in fact.text]
    assert len(robots) == 1
    assert robots[0].sources == ("arcadia_reuters", "carrefour_wire")
    assert len(facts[0].sources) >= 2  # multi-source facts come first
    assert len({fact.text for fact in facts}) == len(facts) and len(facts) <= 6


def test_a_digest_line_that_only_points_back_quotes_the_sentence_before() -> None:
    doc = english_document("o", "Mistral AI is the star of the summit in Paris this week.\n\n"
                           "After Helsing, Orange is the latest group to ally itself with "
                           "Mistral AI. The French telecoms giant announced on Tuesday a "
                           "strategic partnership with the start-up.\n\nIt was founded by "
                           "Arthur Mensch in 2023 and now employs 700 people.")
    sentences = doc.sentences
    assert antecedent(sentences, 2) is sentences[1]  # "The French telecoms giant …"
    assert antecedent(sentences, 3) is None  # it names someone, and opens its paragraph
    assert antecedent(sentences, 1) is None
    lines = summarize.ExtractiveSummarizer().digest(sentences, 2)
    by_id = {s.id: s for s in sentences}
    assert all(line.text == " ".join(by_id[e].english for e in line.evidence)
               for line in lines)


def test_digest_text_library_call() -> None:
    text = (ENGLISH / "carrefour_wire.txt").read_text(encoding="utf-8")
    lines = summarize.digest_text(text, sentences=2, doc_id="cw")
    assert len(lines) == 2
    assert all(line.evidence[0].startswith("cw:") for line in lines)


def test_digest_text_reads_front_matter_as_metadata_not_text() -> None:
    text = "---\ndate: 2025-03-11\ntitle: Carrefour buys robots\n---\n" + (
        ENGLISH / "carrefour_wire.txt").read_text(encoding="utf-8")
    lines = summarize.digest_text(text, sentences=4, doc_id="cw")
    assert not any("date:" in line.text or "---" in line.text for line in lines)
