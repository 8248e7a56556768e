"""The brief: topics, figures that agree or conflict across articles, attribution kept."""

from summarize.brief import build_brief, candidates, conflicts
from summarize.outputs import render_brief
from summarize.records import RunResult
from summarize.report import render_report
from tests.test_summarise import english_document, load

VELORIA = ("veloria_lesechos", "veloria_ft", "veloria_wire")


def veloria_brief() -> RunResult:
    documents = [load(name) for name in VELORIA]
    return RunResult(version="test", settings={}, documents=documents,
                     brief=build_brief(documents, 10))


def test_conflicting_figures_are_listed_with_their_sources_not_blended() -> None:
    brief = veloria_brief().brief
    conflicted = [item for item in brief if item.conflict]
    assert len(conflicted) == 1
    item = conflicted[0]
    assert item.conflict == "valuation"
    by_source = {v.sources: (v.figure, v.evidence) for v in item.variants}
    assert by_source == {("veloria_lesechos",): ("$6 billion", ("veloria_lesechos:2:1",)),
                         ("veloria_ft",): ("€11.7 billion", ("veloria_ft:3:1",))}
    assert "$6 billion" in item.text and "€11.7 billion" in item.text
    # No other item quotes either figure as if all sources agreed on it.
    others = [i for i in brief if i is not item]
    assert not any("$6 billion" in i.text or "€11.7 billion" in i.text for i in others)


def test_agreeing_figures_merge_without_a_conflict() -> None:
    members = candidates([load(name) for name in VELORIA])
    funding = [m for m in members if m.id in {"veloria_lesechos:2:1", "veloria_wire:1:1"}]
    staff = [m for m in members if m.id in {"veloria_lesechos:5:1", "veloria_ft:5:1"}]
    assert len(funding) == 2 and len(staff) == 2
    assert "funding" not in conflicts(funding)  # €600 million = 600 million euros
    assert conflicts(staff) == {}  # 350 people in both


def test_a_figure_in_another_currency_is_a_conflict_even_if_close() -> None:
    a = english_document("a", "Veloria AI is valued at $6 billion after the round.")
    b = english_document("b", "Veloria AI is valued at €6 billion after the round.")
    item, = build_brief([a, b], 5)
    assert item.conflict == "valuation"
    assert [v.figure for v in item.variants] == ["$6 billion", "€6 billion"]


def test_every_measure_the_sources_disagree_on_is_listed() -> None:
    a = english_document("a", "Veloria AI raised €600 million at a valuation of $6 billion.")
    b = english_document("b", "Veloria AI raised €900 million at a valuation of €11.7 billion.")
    item, = build_brief([a, b], 5)
    assert item.conflict == "funding raised, valuation"
    assert [(v.measure, v.figure, v.sources) for v in item.variants] == [
        ("funding raised", "€600 million", ("a",)), ("funding raised", "€900 million", ("b",)),
        ("valuation", "$6 billion", ("a",)), ("valuation", "€11.7 billion", ("b",))]
    text = render_brief(RunResult(version="t", settings={}, documents=[a, b], brief=[item]))
    assert "  - valuation: €11.7 billion [b]:" in text


def test_same_measure_about_different_subjects_is_not_a_conflict() -> None:
    a = english_document("a", "Nvidia was valued at $4 trillion by investors on Friday.")
    b = english_document("b", "Veloria AI was valued at €11.7 billion after a new round.")
    assert not any(item.conflict for item in build_brief([a, b], 5))


def test_attribution_is_kept_when_a_source_hedges() -> None:
    brief = veloria_brief().brief
    lumen = [item for item in brief if "Lumen" in item.text]
    assert len(lumen) == 1
    assert lumen[0].sources == ("veloria_lesechos", "veloria_wire")
    assert "according to Handelsblatt" in lumen[0].text
    assert lumen[0].attribution == "according to Handelsblatt"


def test_items_are_filed_under_topics() -> None:
    brief = veloria_brief().brief
    topic = {item.evidence[0]: item.topic for item in brief}
    assert topic["veloria_ft:3:1"] == "funding"  # the valuation conflict
    assert topic["veloria_ft:4:1"] == "partnerships"  # Stellantis
    assert topic["veloria_lesechos:3:1"] == "infrastructure"  # the data centre
    centre = next(item for item in brief if item.topic == "infrastructure")
    assert {"data", "mw"} <= set(centre.topic_terms)


def test_brief_markdown_groups_topics_and_shows_each_variant() -> None:
    result = veloria_brief()
    text = render_brief(result)
    assert text.index("## Funding") < text.index("## Infrastructure")
    assert "Sources disagree" in text
    for item in result.brief:
        for variant in item.variants:
            assert f"{variant.figure} [" in text and variant.text in text


def test_review_page_shows_topics_and_variants() -> None:
    record = veloria_brief().to_dict()
    page = render_report(record)
    assert "<h3>Funding</h3>" in page and "Sources disagree." in page
    assert page.count('<ul class="variants">') == 1
    assert "€11.7 billion" in page
