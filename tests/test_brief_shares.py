"""Shares as claims: a part of a whole ("41% of the reefs", "about a third of its ice", "one in
eight patients") is read only when its words say what it is a share of and what the share is;
two shares meet only when both say the same. Also the severity of an injury as its own measure,
a source who speaks before a bound word ("said close to 140 mm"), and the mends read from the
clean runs of blind11 and blind12. Through ``read_figures`` and ``summarize.run`` (English
only)."""

from __future__ import annotations

import pytest

from summarize.digest.figures import read_figures
from tests.test_brief import claim_with, dated, run_texts, verdict


@pytest.mark.parametrize(("sentence", "measure", "shown", "value"), [
    ("He said 41% of buyers were purchasing a home for the first time.",
     "share of buyers purchasing home first", "41%", 41),
    ("Almost two-thirds of visitors came from abroad, organisers said.",
     "share of visitors came abroad", "Almost two-thirds", 66.7),
    ("About one in eight patients waited more than a year.",
     "share of patients waited year", "About one in eight", 12.5),
    ("Half the homes in the village were flooded.", "share of homes flooded", "Half", 50),
    ("Fewer than 10% of the 3,010 guests fell ill.", "share of guests fell ill",
     "Fewer than 10%", 10),
    ("Only 55% of the tunnel had been excavated by March.", "share of tunnel excavated",
     "55%", 55),
    ("Foreign buyers had taken about a third of the paper, the agency said.",
     "buyers taken share of paper", "about a third", 33.3),
    ("The reservoirs held just 17.8% of their capacity on Tuesday.", "share of capacity",
     "17.8%", 17.8),
    ("Hydrologists estimate the reservoirs at 16% of capacity.", "share of capacity", "16%",
     16),
    # Before: a share named by the word "share", and a market share, were not read.
    ("Rai said the final drew a 62.3% share of the audience.", "share of audience", "62.3%",
     62.3),
    ("The operator has about 38% of the Dutch mobile market.", "share of mobile market",
     "about 38%", 38),
])
def test_a_share_is_a_figure_of_its_whole_and_of_what_it_is(sentence: str, measure: str,
                                                            shown: str, value: float) -> None:
    found = [(f.measure, f.shown, round(f.mention.value, 1)) for f in read_figures(sentence)]
    assert (measure, shown, value) in found, found


@pytest.mark.parametrize("sentence", [
    # What the share is would be in the part's own words ("off-plan homes"): not read, or a
    # part of one thing would meet a part of another.
    "Off-plan homes accounted for 58% of sales.",
    "Gelderland farms represent about 8% of the laying flock.",
    # Fractions that are no shares.
    "It took a quarter of an hour to clear the road.",
    "The third of five victims died on Monday.",
    "Two halves of the bridge were lifted into place.",
    # Before: "the first half of 2024" was a share of 50%.
    "Transactions in the first half of 2024 numbered about 75,300, she noted.",
])
def test_a_share_without_its_own_words_is_not_read(sentence: str) -> None:
    assert not [f for f in read_figures(sentence) if f.unit == "%"], read_figures(sentence)


def test_a_fraction_in_words_is_a_round_share() -> None:
    figure, = read_figures("About a quarter of candidates scored C+ or better.")
    assert (figure.unit, figure.mention.value, figure.bound) == ("%", 25, "approx")
    exact, = read_figures("A quarter of candidates scored C+ or better.")
    assert exact.bound == "approx"  # "a quarter" is a round figure, not exactly 25.0%


def test_two_outlets_shares_of_capacity_on_one_day_disagree() -> None:
    result = run_texts({
        "utility": dated("2026-02-10", "BOGOTÁ, Feb 10 – The Chingaza reservoirs fell to 19.4% "
                         "of their capacity on Tuesday, the city's water utility said."),
        "engineers": dated("2026-02-10", "BOGOTÁ – The Chingaza reservoirs held just 17.8% of "
                           "their capacity on Tuesday, according to the Colombian Society of "
                           "Engineers."),
    })
    a, b = claim_with(result, "utility", "19.4%"), claim_with(result, "engineers", "17.8%")
    assert a.measure == b.measure == "share of capacity"
    found = verdict(result, a, b)
    assert found is not None and found.kind == "disagreement", found


def test_a_round_fraction_agrees_with_a_percentage_it_rounds() -> None:
    result = run_texts({
        "ministry": dated("2026-01-09", "Kenya's examinations council said on Thursday that "
                          "25.6% of candidates scored a grade of C+ or better."),
        "paper": dated("2026-01-09", "Kenya's examinations council said on Thursday that about "
                       "a quarter of candidates scored a grade of C+ or better."),
    })
    a, b = claim_with(result, "ministry", "25.6%"), claim_with(result, "paper", "about a quarter")
    assert a.measure == b.measure
    found = verdict(result, a, b)
    assert found is not None and found.kind == "same_fact", found


def test_shares_of_different_wholes_or_predicates_never_meet() -> None:
    result = run_texts({
        "a": dated("2026-08-17", "BUDAPEST – About 55% of visitors came from abroad, the "
                   "Riverbeat festival's organisers said on Monday."),
        "b": dated("2026-08-17", "BUDAPEST – About 30% of visitors were under 25, the Riverbeat "
                   "festival's organisers said on Monday."),
        "c": dated("2026-08-17", "BUDAPEST – About 20% of performers came from abroad, the "
                   "Riverbeat festival's organisers said on Monday."),
    })
    abroad = claim_with(result, "a", "About 55%")
    young = claim_with(result, "b", "About 30%")
    performers = claim_with(result, "c", "About 20%")
    assert len({abroad.measure, young.measure, performers.measure}) == 3
    assert not [v for v in result.brief.verdicts if abroad.id in v.claims]


def test_a_later_figure_does_not_take_a_share_as_its_measure() -> None:
    # Before: "closer to 20%" after "against last year" took the share of lots sold as its
    # measure, because "against" read as a contrast with the figure before it.
    figures = read_figures("\"Only about 70% of the lots sold,\" said Noa Levin, who put the "
                           "fall in prices against last year at closer to 20%.")
    assert [f.measure for f in figures if f.shown.endswith("20%")] != [
        f.measure for f in figures if f.shown.endswith("70%")]


def test_a_count_of_the_seriously_injured_is_not_a_count_of_the_injured() -> None:
    # Before: "six were seriously hurt" was a count of the injured, and the regulator's 16
    # injured on Friday against the union's six on Tuesday was a disagreement.
    result = run_texts({
        "union": dated("2026-01-13", "GOLD COAST – Seventeen riders were injured when the "
                       "Cyclone drop tower fell on Monday, and six were seriously hurt, "
                       "according to the ambulance union."),
        "regulator": dated("2026-01-13", "GOLD COAST – The Cyclone drop tower accident on "
                           "Monday injured 16 people, Workplace Health and Safety Queensland "
                           "said on Tuesday."),
    })
    serious = claim_with(result, "union", "six")
    injured = claim_with(result, "regulator", "16 people")
    assert serious.measure == "seriously injured" and injured.measure == "injured"
    assert verdict(result, serious, injured) is None


@pytest.mark.parametrize(("sentence", "measure"), [
    ("Four people were in a serious condition in hospital.", "seriously injured"),
    ("Two people were critically injured in the fall.", "critically injured"),
    ("The blast injured 40 people.", "injured"),
])
def test_severity_is_its_own_count(sentence: str, measure: str) -> None:
    assert [f.measure for f in read_figures(sentence)] == [measure]


def test_a_source_who_speaks_before_a_bound_word_is_not_the_subject() -> None:
    # Before: in "Ivan Horvat, a hydrologist …, said close to 140 mm of rain had fallen", the
    # hydrologist was the subject of the rainfall (the attribution stopped at "close").
    result = run_texts({
        "a": dated("2026-05-12", "Ivan Horvat, a hydrologist at the University of Zagreb, said "
                   "close to 140 mm of rain had fallen on the upper Sava basin."),
    })
    rain = claim_with(result, "a", "close to 140 mm")
    assert rain.subject != "Ivan Horvat" and rain.attribution is not None
    assert "Ivan Horvat" in rain.attribution


# --- Mends read from the clean runs of blind11 and blind12 -----------------------------------

def test_a_count_after_a_toll_moved_from_an_old_level_is_the_increment() -> None:
    # Before: "two deaths" was a toll of its own, and a disagreement with "At least 12".
    figures = read_figures("The Health Ministry confirmed on Thursday that 11 people had died "
                           "of rabies in Bali this year, raising the official toll from nine "
                           "after laboratory tests confirmed two deaths in Buleleng.")
    assert [f.shown for f in figures if f.measure == "deaths"] == ["11 people", "nine"]


@pytest.mark.parametrize(("sentence", "wind"), [
    # Before: a ship's speed in knots was a wind speed, and its subject a storm.
    ("Police said the ship had been sailing at about 12 knots when it struck a shoal.", False),
    ("Gusts reached 45 knots on Monday.", True),
    ("The crew had been told to expect a tailwind of 9 knots.", True),
])
def test_knots_are_a_wind_speed_only_when_nothing_else_governs_them(sentence: str,
                                                                    wind: bool) -> None:
    figure, = read_figures(sentence)
    assert (figure.measure == "wind speed") is wind, figure.measure


def test_a_unit_word_before_a_number_is_no_verb_of_it() -> None:
    # Before: in "13.5 knots about 250 metres north", "knots" was read as a verb ("produces
    # 250"), and 250 metres a figure of the measure "knots".
    figures = read_figures("The ship had been sailing at 13.5 knots about 250 metres north of "
                           "the normal route, they said.")
    assert [f.shown for f in figures] == ["13.5 knots"]


def test_two_undated_reports_two_days_apart_are_shown_side_by_side() -> None:
    # Before: a university's count on Tuesday and a ministry's on Thursday, each dated only by
    # its report, were one time (a figure in a paper may be two days old) and a disagreement.
    result = run_texts({
        "university": dated("2026-04-14", "The university team said rabid dogs had now been "
                            "found in about 90 villages of Bali."),
        "ministry": dated("2026-04-16", "The ministry said rabid dogs had now been found in 74 "
                          "villages of Bali."),
        "paper": dated("2026-04-15", "A veterinary group said rabid dogs had now been found in "
                       "60 villages of Bali."),
    })
    early = claim_with(result, "university", "about 90 villages")
    apart = verdict(result, early, claim_with(result, "ministry", "74 villages"))
    assert apart is not None and apart.kind == "not_comparable", apart
    # A day apart, a paper's figure may be the other's day: still one time.
    near = verdict(result, early, claim_with(result, "paper", "60 villages"))
    assert near is not None and near.kind == "disagreement", near


def test_two_papers_undated_tolls_two_days_apart_are_no_one_count() -> None:
    # Before: "a total does not fall" made a union's 14 injured on Tuesday and a ministry's 13
    # on Thursday, both dated only by their papers, one count and a disagreement.
    result = run_texts({
        "union": dated("2027-11-23", "The hospital fire in Bacau injured 14 people, the Sanitas "
                       "union said."),
        "ministry": dated("2027-11-25", "The hospital fire in Bacau injured 13 people, the health "
                          "ministry said."),
        "daily": dated("2027-11-24", "The hospital fire in Bacau injured 12 people, the fire "
                       "service said."),
    })
    union = claim_with(result, "union", "14 people")
    later = verdict(result, union, claim_with(result, "ministry", "13 people"))
    assert later is None or later.kind != "disagreement", later
    # A day later, a lower undated total is still the same count, and a disagreement.
    next_day = verdict(result, union, claim_with(result, "daily", "12 people"))
    assert next_day is not None and next_day.kind == "disagreement", next_day


@pytest.mark.parametrize(("sentence", "measure"), [
    # Before: hectares in a hail story were a burned area, with a fire as their subject.
    ("Growers lost more than 80% of their crop on 1,450 hectares, the department said.",
     "area affected"),
    ("The fire has burned 4,200 hectares.", "area burned"),
    ("The blaze has now spread over 12,000 hectares.", "area burned"),
])
def test_hectares_are_a_burned_area_only_in_a_sentence_of_fire(sentence: str,
                                                              measure: str) -> None:
    assert measure in [f.measure for f in read_figures(sentence)]


@pytest.mark.parametrize(("sentence", "measure"), [
    # Before: every count of flights was of flights cancelled, and an airline board's 31
    # diverted flights disagreed with the airport's 110 cancelled (blind14).
    ("The committee said 31 flights had been diverted to other airports.", "flights diverted"),
    ("Some 110 flights were cancelled or diverted, the airport said.", "flights cancelled"),
    ("The storm forced airlines to cancel 300 flights.", "flights cancelled"),
    ("Airlines said the alert disrupted 140 flights.", "disrupted flights"),
])
def test_a_count_of_flights_is_of_flights_cancelled_only_when_its_clause_says(
        sentence: str, measure: str) -> None:
    assert [f.measure for f in read_figures(sentence)] == [measure]


@pytest.mark.parametrize(("sentence", "measure"), [
    # Before: a tram's speed in km/h and mph was a wind speed, with a storm as its event
    # (blind15).
    ("The tram crossed the junction at about 30 km/h (19 mph).", "speed"),
    ("Gusts reached 130 km/h on Monday.", "wind speed"),
])
def test_a_speed_is_a_wind_speed_only_in_a_sentence_of_wind(sentence: str,
                                                            measure: str) -> None:
    assert measure in [f.measure for f in read_figures(sentence)]
