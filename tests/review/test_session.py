"""The review session without HTTP: suggestions, the memory kept in step with the store,
rejected lines restored, retranslation taking a sentence out of the memory."""

from __future__ import annotations

from summarize.review.pages import Filters, render_page
from summarize.review.session import ReviewSession
from summarize.review.store import ReviewStore
from summarize.translate.memory import MemoryEntry, TranslationMemory
from tests.review.conftest import RunFolder


def first_sentences(session: ReviewSession, count: int) -> list[str]:
    return [i for i, item in session.items.items() if item.kind == "sentence"][:count]


def test_near_matches_are_shown_as_suggestions_and_never_applied(run_copy: RunFolder) -> None:
    session = ReviewSession(run_copy.out, cache=run_copy.cache)
    item = session.items[first_sentences(session, 2)[1]]
    assert item.source and "Avrupa" in item.source
    memory = TranslationMemory(run_copy.cache)
    memory.put(MemoryEntry("tr", item.source.replace("Avrupa", "Asya"), "Asia wants less "
                           "dependence <on others>.", "corrected", "Ada"))
    memory.close()
    page = render_page(session, Filters(), "csrf-token")
    assert "From the translation memory (not applied)" in page
    assert "Asia wants less dependence &lt;on others&gt;." in page
    view = session.view(item.id)
    assert (view.status, view.text) == ("unreviewed", item.text)
    session.close()


def test_a_server_killed_between_the_store_and_the_memory_loses_nothing(
        run_copy: RunFolder) -> None:
    session = ReviewSession(run_copy.out, cache=run_copy.cache)
    item = session.items[first_sentences(session, 1)[0]]
    session.close()
    store = ReviewStore(run_copy.cache, run_copy.out)  # the action committed, then kill -9
    store.record(item.id, "sentence", "edit", "corrected", expected=0, previous=item.text,
                 new="Saved before the kill.", source=item.source, language="tr")
    store.close()
    again = ReviewSession(run_copy.out, cache=run_copy.cache)
    assert item.source is not None
    remembered = again.memory.get("tr", item.source)
    assert remembered is not None and remembered.english == "Saved before the kill."
    assert again.view(item.id).status == "corrected"
    again.close()


def test_a_rejected_line_stays_listed_and_approving_it_brings_it_back(
        run_copy: RunFolder) -> None:
    session = ReviewSession(run_copy.out, cache=run_copy.cache, reviewer="Ada")
    line = next(i for i in session.items.values() if i.kind == "digest")
    session.act(line.id, "reject", version=0)
    session.rebuild()
    digest = session.result.documents[0].digest
    assert all(not set(d.evidence) & set(line.evidence) for d in digest)
    assert session.view(line.id).status == "rejected"  # still listed, to be restored
    session.act(line.id, "approve", version=1)
    session.rebuild()
    assert any(d.evidence == line.evidence for d in session.result.documents[0].digest)
    log = [(a.item, a.action, a.reviewer) for a in session.store.actions()]
    assert log == [(line.id, "reject", "Ada"), ("run", "rebuild", "Ada"),
                   (line.id, "approve", "Ada"), ("run", "rebuild", "Ada")]
    session.close()


def test_marking_an_approved_sentence_for_retranslation_takes_it_out_of_the_memory(
        run_copy: RunFolder) -> None:
    session = ReviewSession(run_copy.out, cache=run_copy.cache)
    item = session.items[first_sentences(session, 3)[2]]
    assert item.source is not None
    session.act(item.id, "approve", version=0)
    assert session.memory.get("tr", item.source) is not None
    session.act(item.id, "retranslate", version=1)
    assert session.memory.get("tr", item.source) is None
    session.close()
