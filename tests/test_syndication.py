"""Syndicated copies: one wire story carried by several outlets counts as one source."""

from __future__ import annotations

import pytest

from summarize.documents import document_from_text
from summarize.pipeline import segment_document
from summarize.records import DocumentResult, SyndicationGroup
from summarize.syndication import find_syndication, independent_sources, outlet_of

#: The same wire story as English from Italian and from German (two outlets, two MT outputs).
FROM_ITALIAN = (
    "Stellantis and Mistral AI sign an agreement\n\n"
    "Stellantis has signed a multi-year agreement with the French start-up Mistral AI to "
    "integrate generative artificial intelligence into its vehicles and industrial processes. "
    "The group led by John Elkann announced this on Monday on the sidelines of the artificial "
    "intelligence summit under way in Paris.\n\n"
    "According to the note released by the two companies, Mistral's models will be used in "
    "on-board voice assistants and in the analysis of production data from European plants. "
    "The agreement also provides for a joint working group of around 50 engineers between "
    "Paris and Turin. The economic value of the agreement was not disclosed.\n\n"
    "Mistral AI, founded in 2023, has so far raised over one billion euros from investors such "
    "as General Catalyst and Nvidia.")
FROM_GERMAN = (
    "Carmaker bets on French AI\n\n"
    "Stellantis has signed a multi-year agreement with the French start-up Mistral AI to "
    "integrate generative artificial intelligence into its vehicles and production processes. "
    "The group headed by John Elkann announced this on Monday on the sidelines of the "
    "artificial intelligence summit taking place in Paris.\n\n"
    "According to a statement issued by the two companies, Mistral's models will be used in "
    "on-board voice assistants and in analyzing production data from European plants. The "
    "agreement also includes a joint working group of around 50 engineers between Paris and "
    "Turin. The financial value of the deal was not disclosed.\n\n"
    "Mistral AI, founded in 2023, has raised more than one billion euros so far from investors "
    "including General Catalyst and Nvidia.")
#: Another outlet's own report of the same deal: the same facts, its own words.
INDEPENDENT = (
    "Stellantis puts Mistral models in its cars\n\n"
    "Carmaker Stellantis will put Mistral AI's language models into the voice assistants of "
    "its cars, the two companies said on Monday in Paris. The deal, whose value was not "
    "disclosed, is the latest partnership for the French start-up during the AI summit.\n\n"
    "About 50 engineers from both companies will work together in Paris and Turin, according "
    "to Stellantis. Mistral AI, which was founded in 2023, counts Nvidia and General Catalyst "
    "among its investors and has raised over a billion euros.")


def result(doc_id: str, english: str, language: str = "en", source: str | None = None,
           **metadata: str) -> DocumentResult:
    """A processed document whose English is ``english`` (and source ``source``)."""
    document = document_from_text(doc_id, source or english)
    records = segment_document(document, language, detect_mixed=False)
    translated = segment_document(document_from_text(doc_id, english), "en", detect_mixed=False)
    for record, english_record in zip(records, translated, strict=False):
        record.english = english_record.source
    return DocumentResult(id=doc_id, source_path=None, language=language, sentences=records,
                          metadata=dict(metadata))


def test_the_same_story_translated_from_two_languages_is_one_source() -> None:
    docs = [result("corriere", FROM_ITALIAN, "it", source="(Italian text)\n\n" * 3),
            result("tagespost", FROM_GERMAN, "de", source="(German text)\n\n" * 3),
            result("reuters", INDEPENDENT, "en")]
    (group,) = find_syndication(docs)
    assert group.documents == ("corriere", "tagespost")
    (link,) = group.links
    assert link.basis == "english" and link.jaccard > 0.4
    assert independent_sources([d.id for d in docs], [group]) == 2


def test_a_wire_copy_with_a_new_headline_and_an_extra_paragraph_is_a_copy() -> None:
    edited = FROM_ITALIAN.replace("Stellantis and Mistral AI sign an agreement",
                                  "Turin welcomes the deal") + (
        "\n\nFor the Mirafiori plant, where more than 12,000 people work, the unions want part "
        "of the project to be developed in Piedmont.")
    docs = [result("a", FROM_ITALIAN), result("b", edited), result("c", INDEPENDENT)]
    (group,) = find_syndication(docs)
    assert group.documents == ("a", "b") and group.links[0].basis == "source"
    assert group.links[0].containment == 1.0


def test_short_texts_and_failed_documents_are_never_called_copies() -> None:
    short = "Stellantis signed an agreement with Mistral AI on Monday."
    failed = result("failed", FROM_ITALIAN)
    failed.error = "translation failed"
    docs = [result("a", short), result("b", short), failed, result("d", FROM_ITALIAN)]
    assert find_syndication(docs) == []


@pytest.mark.parametrize(("ids", "expected"), [
    ([], 0), (["a"], 1), (["a", "b"], 1), (["a", "b", "c"], 2), (["c", "d"], 2),
    (["a", "c", "e", "f"], 3)])
def test_independent_sources_count_each_group_once(ids: list[str], expected: int) -> None:
    groups = [SyndicationGroup(("a", "b")), SyndicationGroup(("e", "f"))]
    assert independent_sources(ids, groups) == expected


def test_the_outlet_is_the_site_name_else_the_host_else_the_id() -> None:
    assert outlet_of(result("x", INDEPENDENT, outlet="Il Corriere")) == "Il Corriere"
    assert outlet_of(result("x", INDEPENDENT, url="https://www.wire.example/a")) == \
        "wire.example"
    assert outlet_of(result("x", INDEPENDENT)) == "x"
